"""The lessons' data sets."""

import numpy as np
import pytest

from micrograd import make_moons, tiny_dataset


def test_tiny_dataset_is_the_lecture_s():
    xs, ys = tiny_dataset()
    assert xs == [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
    assert ys == [1.0, -1.0, -1.0, 1.0]


def test_moons_shape_labels_and_balance():
    X, y = make_moons(100, noise=0.1, random_state=1)
    assert X.shape == (100, 2) and y.shape == (100,)
    assert set(y.tolist()) == {0, 1} and y.sum() == 50


def test_noise_free_moons_lie_on_their_half_circles():
    X, y = make_moons(41, shuffle=False)
    upper, lower = X[y == 0], X[y == 1]
    assert np.allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0)
    assert np.allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0)
    assert (upper[:, 1] >= -1e-12).all() and (lower[:, 1] <= 0.5 + 1e-12).all()
    assert len(upper) == 20 and len(lower) == 21


def test_the_same_seed_gives_the_same_moons():
    X1, y1 = make_moons(100, noise=0.1, random_state=7)
    X2, y2 = make_moons(100, noise=0.1, random_state=7)
    X3, _ = make_moons(100, noise=0.1, random_state=8)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2) and not np.array_equal(X1, X3)


def test_noise_has_the_asked_for_spread():
    X0, _ = make_moons(4000, shuffle=False)
    X, _ = make_moons(4000, shuffle=False, noise=0.1, random_state=0)
    assert np.std(X - X0) == pytest.approx(0.1, rel=0.05)


@pytest.mark.parametrize("bad", [1, 2.5, "100", True])
def test_bad_sample_counts(bad):
    with pytest.raises(ValueError, match="n_samples must be a whole number of at least 2"):
        make_moons(bad)


@pytest.mark.parametrize("bad", [-1, -0.1, float("nan"), "0.1", True])
def test_bad_noise(bad):
    with pytest.raises(ValueError, match=r"noise must be a standard deviation \(a number, 0 or "
                                         r"more\) or None; got"):
        make_moons(noise=bad)


def test_numpy_integers_and_a_numpy_generator_work():
    X1, y1 = make_moons(np.int64(50), noise=0.1, random_state=np.int64(3))
    X2, y2 = make_moons(50, noise=0.1, random_state=3)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    G1, _ = make_moons(50, noise=0.1, random_state=np.random.default_rng(0))
    G2, _ = make_moons(50, noise=0.1, random_state=np.random.default_rng(0))
    assert G1.shape == (50, 2) and np.array_equal(G1, G2)


@pytest.mark.parametrize("bad", ["seed", 1.5, [1]])
def test_bad_random_state(bad):
    with pytest.raises(TypeError, match="random_state must be None, an int seed, a numpy "
                                        "RandomState or a numpy Generator; got"):
        make_moons(random_state=bad)
