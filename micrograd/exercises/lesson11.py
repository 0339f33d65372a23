"""Exercises for lesson 09, everything else is efficiency: a numpy backward, nudging, batches.

The numpy backward of a linear layer is judged against central differences
(``micrograd.central_difference``), array by array, entry by entry, and its shapes are
checked first. The count of forward passes takes the number of parameters from
``micrograd.MLP``. The batches are checked for sizes, order and coverage.
"""

import numpy as np

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close

# Exercise 1: the backward pass of one linear layer, Z = X @ W + b


def layer_data():
    """A small seeded X (5 points, 3 inputs), W (3 inputs, 4 neurons), b and upstream G."""
    rng = np.random.default_rng(9)
    return (rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4),
            rng.normal(size=(5, 4)))


def numerical_gradients(X, W, b, G):
    """dL/dW, dL/db, dL/dX for L = sum(G * (X @ W + b)), by central differences."""
    arrays = {"dW": W, "db": b, "dX": X}
    grads = {}
    for name, array in arrays.items():
        grad = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            def loss_at(value, array=array, index=index):
                saved = array[index]
                array[index] = value
                loss = float(np.sum(G * (X @ W + b)))
                array[index] = saved
                return loss
            grad[index] = micrograd.central_difference(loss_at, array[index])
        grads[name] = grad
    return grads


SHAPE_HINTS = {
    "dW": "dW has W's shape, one entry per weight: X.T @ G",
    "db": "db has one entry per neuron: sum G over its rows, G.sum(axis=0)",
    "dX": "dX has X's shape, one entry per input of each point: G @ W.T",
}


def _judge_layer(linear_backward):
    X, W, b, G = layer_data()
    answer = linear_backward(X.copy(), W.copy(), G.copy())
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return "return three arrays, in this order: dW, db, dX (as `return dW, db, dX`)."
    expected = numerical_gradients(X, W, b, G)
    for (name, want), got in zip(expected.items(), answer):
        got = np.asarray(got, dtype=float)
        if got.shape != want.shape:
            return (f"{name} has shape {got.shape}, but it must have shape {want.shape}. "
                    f"{SHAPE_HINTS[name]}.")
        wrong = np.argwhere(~np.isclose(got, want, rtol=1e-6, atol=1e-6))
        if len(wrong):
            index = tuple(int(i) for i in wrong[0])
            return (f"{name} disagrees with nudging at {len(wrong)} of its {want.size} entries; "
                    f"at {name}{list(index)} it should be {want[index]:.4f}, yours is "
                    f"{got[index]:.4f}. {SHAPE_HINTS[name]}.")
    return None


def _dW_transposed(X, W, G):
    return G.T @ X, G.sum(axis=0), G @ W.T


def _db_over_columns(X, W, G):
    return X.T @ G, G.sum(axis=1), G @ W.T


def _db_mean(X, W, G):
    return X.T @ G, G.mean(axis=0), G @ W.T


q1 = Exercise(
    "the backward pass of a linear layer",
    _judge_layer,
    "Follow the shapes: X is (5, 3), W is (3, 4), G is (5, 4). dW must be (3, 4): X.T @ G. "
    "db must be (4,): G summed over the points, axis=0. dX must be (5, 3): G @ W.T. Each is "
    "the scalar rule w.grad += x * out.grad, summed over the points.",
    wrong_examples=[(_dW_transposed,), (_db_over_columns,), (_db_mean,)],
    answers=CODE,
)


# Exercise 2: how many forward passes nudging needs

def _judge_passes(forward_passes, central_passes):
    n = len(micrograd.MLP(3, [32, 32, 1]).parameters())
    if close(forward_passes, n + 1) and close(central_passes, 2 * n):
        return None
    if not close(forward_passes, n + 1):
        if close(forward_passes, n):
            return ("one more: the forward difference also needs L(p) itself, once for all "
                    "the parameters.")
        if close(forward_passes, 2 * n):
            return ("L(p) is the same for every parameter, so the forward difference "
                    "computes it once: one pass per parameter, plus one.")
        return (f"{forward_passes} forward passes for the forward difference: first count "
                "the parameters of MLP(3, [32, 32, 1]), one weight per input and one bias "
                "per neuron.")
    if close(central_passes, 2 * n + 1):
        return ("the central difference never uses L(p) itself: only L(p + h) and "
                "L(p - h), two passes per parameter.")
    if close(central_passes, n + 1):
        return "the central difference needs two nudged passes per parameter, p + h and p - h."
    return f"{central_passes} is not right for the central difference: two per parameter."


q2 = Exercise(
    "the forward passes nudging needs",
    _judge_passes,
    "Count the parameters first (as in lesson 07, or with len(MLP(3, [32, 32, 1])"
    ".parameters())). The forward difference needs L(p) once plus L(p + h) for each "
    "parameter; the central difference needs L(p + h) and L(p - h) for each.",
    wrong_examples=[(1217, 2434), (1218, 2435), (1218, 1218)],
    answers=NUMBERS,
)


# Exercise 3: cutting a shuffled order into mini-batches

def _judge_batches(make_batches):
    for n, batch_size in [(23, 5), (100, 10), (7, 10)]:
        order = list(np.random.default_rng(n).permutation(n))
        batches = [list(batch) for batch in make_batches(list(order), batch_size)]
        flat = [int(i) for batch in batches for i in batch]
        sizes = [len(batch) for batch in batches]
        expected = [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])
        if flat == order and sizes == expected:
            continue
        if sorted(flat) == list(range(n)) and flat != order and sizes == expected:
            return ("every point is there, but not in the shuffled order: take the batches "
                    "from `order`, not from range(n).")
        if len(flat) < n and flat == order[:len(flat)]:
            return (f"with {n} points in batches of {batch_size}, your batches hold only "
                    f"{len(flat)}: the last, shorter batch of {n % batch_size} is missing.")
        return (f"with {n} points in batches of {batch_size}, the batch sizes should be "
                f"{expected} and together they should be `order` once, in order; yours have "
                f"sizes {sizes}.")
    return None


def _drop_last(order, batch_size):
    return [order[i * batch_size:(i + 1) * batch_size] for i in range(len(order) // batch_size)]


def _ignore_order(order, batch_size):
    indices = list(range(len(order)))
    return [indices[i:i + batch_size] for i in range(0, len(indices), batch_size)]


def _one_short(order, batch_size):
    return [order[i:i + batch_size - 1] for i in range(0, len(order), batch_size)]


q3 = Exercise(
    "cutting the shuffled order into batches",
    _judge_batches,
    "Step through the order in strides of batch_size: for start in range(0, len(order), "
    "batch_size), the batch is order[start:start + batch_size]. A slice past the end just "
    "stops there, so the last batch may be shorter.",
    wrong_examples=[(_drop_last,), (_ignore_order,), (_one_short,)],
    answers=CODE,
)
