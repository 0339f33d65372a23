"""The two data sets of the lessons."""

from numbers import Integral, Real


def tiny_dataset():
    """The lecture's four examples of three inputs each, with targets +1 or -1.

    Returns:
        (xs, ys): xs a list of 4 lists of 3 floats, ys a list of 4 floats.
    """
    xs = [
        [2.0, 3.0, -1.0],
        [3.0, -1.0, 0.5],
        [0.5, 1.0, 1.0],
        [1.0, 1.0, -1.0],
    ]
    ys = [1.0, -1.0, -1.0, 1.0]
    return xs, ys


def make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None):
    """Two interleaving half circles, for a classifier to separate.

    The same algorithm and the same random draws as scikit-learn's
    ``sklearn.datasets.make_moons``, written with numpy alone, so scikit-learn is not needed.

    Args:
        n_samples: how many points in all; the upper moon gets n_samples // 2 of them.
        shuffle: shuffle the points (otherwise the upper moon comes first).
        noise: standard deviation of Gaussian noise added to every coordinate (a number,
            0 or more), or None for none.
        random_state: an int seed, a numpy RandomState, a numpy Generator (such as
            ``np.random.default_rng(0)``; scikit-learn does not take one, so its draws
            are this function's own), or None.

    Returns:
        (X, y): X a numpy array of shape (n_samples, 2), y an array of 0 (upper moon)
        and 1 (lower moon).
    """
    import numpy as np  # here, so that importing micrograd stays light

    if isinstance(n_samples, bool) or not isinstance(n_samples, Integral) or n_samples < 2:
        raise ValueError(f"n_samples must be a whole number of at least 2; got {n_samples!r}")
    n_samples = int(n_samples)
    if noise is not None and (isinstance(noise, bool) or not isinstance(noise, Real)
                              or not noise >= 0):
        raise ValueError(f"noise must be a standard deviation (a number, 0 or more) or None; "
                         f"got {noise!r}")
    if isinstance(random_state, (np.random.RandomState, np.random.Generator)):
        generator = random_state
    elif random_state is None or (isinstance(random_state, Integral)
                                  and not isinstance(random_state, bool)):
        generator = np.random.RandomState(random_state)
    else:
        raise TypeError(f"random_state must be None, an int seed, a numpy RandomState or a "
                        f"numpy Generator; got {type(random_state).__name__} {random_state!r}")

    n_out = n_samples // 2
    n_in = n_samples - n_out
    outer_x = np.cos(np.linspace(0, np.pi, n_out))
    outer_y = np.sin(np.linspace(0, np.pi, n_out))
    inner_x = 1 - np.cos(np.linspace(0, np.pi, n_in))
    inner_y = 1 - np.sin(np.linspace(0, np.pi, n_in)) - 0.5

    X = np.vstack([np.append(outer_x, inner_x), np.append(outer_y, inner_y)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    if shuffle:
        order = np.arange(n_samples)
        generator.shuffle(order)
        X, y = X[order], y[order]
    if noise is not None:
        X = X + generator.normal(scale=noise, size=X.shape)
    return X, y
