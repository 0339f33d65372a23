"""Exercises for lesson 11, everything else is efficiency: nudging, batches, a numpy backward.

Your turns in the body: ``nudged_gradients`` (the gradient by nudging every parameter,
judged against the forward difference with the given h, the number of forward passes it
makes, and the parameters being put back) and ``make_batches`` (cutting a shuffled order
into mini-batches, checked for sizes, order and coverage); their references are in
``micrograd.teaching.efficiency``.

End of the lesson: q1 counts the forward passes nudging needs (the number of parameters
comes from ``micrograd.MLP``), q2 compares forward and reverse mode, q3 counts the steps
of a mini-batch training run.

The optional numpy section has ``linear_backward``: the backward pass of one linear layer,
judged against central differences (``micrograd.central_difference``), array by array,
entry by entry, after its shapes.
"""

import numpy as np

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.teaching.efficiency import make_batches as reference_make_batches
from micrograd.teaching.efficiency import nudged_gradients as reference_nudged_gradients

# Your turn: the gradient by nudging every parameter


def _nudging_case(h):
    """Three parameters (b used twice), a loss of them that counts its calls, and h."""
    a, b, c = micrograd.Value(1.5), micrograd.Value(-2.0), micrograd.Value(0.5)
    calls = []

    def loss():
        calls.append(1)
        return ((a * b + b * b - c * a) ** 2 + (c * 3).relu() + a**3).data

    return loss, [a, b, c], calls


def _judge_nudging(nudged_gradients):
    for h in (1e-6, 1e-3):
        loss, parameters, calls = _nudging_case(h)
        expected = reference_nudged_gradients(loss, parameters, h)
        calls.clear()
        before = [p.data for p in parameters]
        got = nudged_gradients(loss, parameters, h)
        if got is None:
            return "your function returns nothing: return the list of gradients, one per parameter."
        got = [float(g) for g in got]
        n = len(parameters)
        for i, (p, was) in enumerate(zip(parameters, before)):
            if abs(p.data - was) > 1e-12:
                return (f"afterwards parameter {i} holds {p.data!r} instead of {was!r}: put each "
                        f"p.data back as it was before you nudge the next one (keep the "
                        f"original in a variable).")
        if len(calls) != n + 1:
            return (f"your function ran {len(calls)} forward passes for {n} parameters; the "
                    f"forward difference needs {n + 1}: L(p) once, before the loop (it is the "
                    f"same for every parameter), then L(p + h) once for each parameter.")
        if len(got) != n:
            return f"{len(got)} gradients for {n} parameters: give one for each, in order."
        for i, (want, mine) in enumerate(zip(expected, got)):
            if abs(mine - want) > 1e-6 * max(1.0, abs(want)):
                divide = " Divide the change in the loss by h." if abs(mine - want * h) < 1e-9 \
                    else ""
                return (f"with h = {h}, dL/dp for parameter {i} should come out as {want:.6f}, "
                        f"yours is {mine:.6f}: (L(p + h) - L(p)) / h, with the h you are "
                        f"given.{divide}")
    return None


def _no_put_back(loss, parameters, h=1e-6):
    loss_before = loss()
    grads = []
    for p in parameters:
        p.data += h
        grads.append((loss() - loss_before) / h)
    return grads


def _loss_every_time(loss, parameters, h=1e-6):
    grads = []
    for p in parameters:
        loss_before = loss()
        original = p.data
        p.data = original + h
        grads.append((loss() - loss_before) / h)
        p.data = original
    return grads


def _not_divided(loss, parameters, h=1e-6):
    loss_before = loss()
    grads = []
    for p in parameters:
        original = p.data
        p.data = original + h
        grads.append(loss() - loss_before)
        p.data = original
    return grads


def _fixed_h(loss, parameters, h=1e-6):
    return reference_nudged_gradients(loss, parameters)


nudged_gradients = Exercise(
    "the gradient by nudging every parameter",
    _judge_nudging,
    "Compute loss_before = loss() once. Then for each p: original = p.data; p.data = "
    "original + h; the gradient is (loss() - loss_before) / h; p.data = original. That is "
    "one forward pass, plus one per parameter.",
    wrong_examples=[(_no_put_back,), (_loss_every_time,), (_not_divided,), (_fixed_h,)],
    answers=CODE,
    reference=reference_nudged_gradients,
    reference_name="micrograd.teaching.efficiency.nudged_gradients",
)


# Your turn: cutting a shuffled order into mini-batches

def _judge_batches(make_batches):
    for n, batch_size in [(23, 5), (100, 10), (7, 10), (12, 4)]:
        order = [int(i) for i in np.random.default_rng(n).permutation(n)]
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


make_batches = Exercise(
    "cutting the shuffled order into batches",
    _judge_batches,
    "Step through the order in strides of batch_size: for start in range(0, len(order), "
    "batch_size), the batch is order[start:start + batch_size]. A slice past the end just "
    "stops there, so the last batch may be shorter.",
    wrong_examples=[(_drop_last,), (_ignore_order,), (_one_short,)],
    answers=CODE,
    reference=reference_make_batches,
    reference_name="micrograd.teaching.efficiency.make_batches",
)


# Exercise 1: how many forward passes nudging needs

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


q1 = Exercise(
    "the forward passes nudging needs",
    _judge_passes,
    "Count the parameters first (as in lesson 08, or with len(MLP(3, [32, 32, 1])"
    ".parameters())). The forward difference needs L(p) once plus L(p + h) for each "
    "parameter; the central difference needs L(p + h) and L(p - h) for each.",
    wrong_examples=[(1217, 2434), (1218, 2435), (1218, 1218)],
    answers=NUMBERS,
)


# Exercise 2: forward mode against reverse mode

INPUTS, OUTPUTS = 3, 1000


def _judge_modes(forward_mode_passes, reverse_mode_passes):
    if close(forward_mode_passes, INPUTS) and close(reverse_mode_passes, OUTPUTS):
        return None
    if close(forward_mode_passes, OUTPUTS) and close(reverse_mode_passes, INPUTS):
        return ("the two are swapped: a forward-mode pass starts at one input, a reverse-mode "
                "pass (a backward()) starts at one output.")
    if not close(forward_mode_passes, INPUTS):
        return ("a forward-mode pass starts at one input and carries its effect forward to "
                "every output at once: how many passes cover every input?")
    return ("a reverse-mode pass starts at one output and gives its derivative with respect "
            "to every input at once: how many passes cover every output?")


q2 = Exercise(
    "forward mode against reverse mode",
    _judge_modes,
    "One forward-mode pass gives the derivatives of all the outputs with respect to one "
    "input; one reverse-mode pass gives the derivatives of one output with respect to all "
    "the inputs. Count the passes that cover all 3 x 1000 derivatives.",
    wrong_examples=[(1000, 3), (1, 1), (3000, 3000), (3, 1)],
    answers=NUMBERS,
)


# Exercise 3: the steps of a mini-batch training run

POINTS, BATCH_SIZE, EPOCHS = 1000, 32, 20


def _judge_steps(total_steps, last_batch_size):
    per_epoch = -(-POINTS // BATCH_SIZE)  # the full batches and a shorter last one
    last = POINTS - (per_epoch - 1) * BATCH_SIZE
    if close(total_steps, per_epoch * EPOCHS) and close(last_batch_size, last):
        return None
    if not close(total_steps, per_epoch * EPOCHS):
        if close(total_steps, (POINTS // BATCH_SIZE) * EPOCHS):
            return ("that leaves out the last, shorter batch of each epoch: it is a training "
                    "step too.")
        if close(total_steps, POINTS / BATCH_SIZE * EPOCHS):
            return (f"an epoch cannot take a fraction of a step: {POINTS} / {BATCH_SIZE} is not "
                    f"a whole number. Count the full batches, and the shorter one at the end.")
        if close(total_steps, per_epoch):
            return f"that is the steps of one epoch; the training runs {EPOCHS} epochs."
        return (f"{total_steps} steps in all: count the batches of one epoch (the full ones "
                f"and a shorter last one), then multiply by the {EPOCHS} epochs.")
    if close(last_batch_size, BATCH_SIZE):
        return (f"{POINTS} is not a multiple of {BATCH_SIZE}: the last batch holds only what "
                f"is left after the full ones.")
    return (f"a last batch of {last_batch_size}: it holds the points left after the full "
            f"batches of {BATCH_SIZE}.")


q3 = Exercise(
    "the steps of a mini-batch training run",
    _judge_steps,
    f"{POINTS} points in batches of {BATCH_SIZE}: how many full batches fit (integer "
    f"division, //), and how many points are left over for one more, shorter batch? Each "
    f"batch is one step, in each of the {EPOCHS} epochs.",
    wrong_examples=[(620, 32), (625, 8), (640, 32), (32, 8)],
    answers=NUMBERS,
)


# Going deeper, the numpy section: the backward pass of one linear layer, Z = X @ W + b


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


linear_backward = Exercise(
    "the backward pass of a linear layer",
    _judge_layer,
    "Follow the shapes: X is (5, 3), W is (3, 4), G is (5, 4). dW must be (3, 4): X.T @ G. "
    "db must be (4,): G summed over the points, axis=0. dX must be (5, 3): G @ W.T. Each is "
    "the scalar rule w.grad += x * out.grad, summed over the points.",
    wrong_examples=[(_dW_transposed,), (_db_over_columns,), (_db_mean,)],
    answers=CODE,
)
