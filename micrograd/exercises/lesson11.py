"""Exercises for lesson 11, everything else is efficiency: nudging, batches, a numpy backward.

Your turns in the body: ``nudged_gradients`` (the gradient by nudging every parameter,
judged against the forward difference with several h, the number of forward passes it
makes, and every parameter's data put back exactly) and ``make_batches`` (cutting a
shuffled order into mini-batches, on sizes that do and do not divide the points, checked
for sizes, order and coverage, and that ``order`` is left as it was). Their references are
in ``micrograd.teaching.efficiency``; a call to one from the student's code is named as a
shortcut.

End of the lesson: q1 counts the forward passes nudging needs (the number of parameters
comes from ``micrograd.MLP``), q2 compares forward and reverse mode, q3 counts the steps
of a mini-batch training run.

The optional numpy section has ``linear_backward``: the backward pass of one linear layer in
PyTorch's layout (W is neurons × inputs, Z = X Wᵀ + b), judged against the exact gradients
on two layers, one of them square, array by array, entry by entry, after its shapes.
"""


import numpy as np

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text
from micrograd.teaching import efficiency


def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


# Your turn: the gradient by nudging every parameter

NUDGES = (1e-6, 1e-3, 0.01)  # the h the check passes, every one of them explicitly


def _nudging_case():
    """Four parameters (b used twice, d near 0), a loss of them that counts its calls."""
    a, b = micrograd.Value(1.5), micrograd.Value(-2.0)
    c, d = micrograd.Value(0.5), micrograd.Value(2.5e-7)
    calls = []

    def loss():
        calls.append(1)
        return ((a * b + b * b - c * a) ** 2 + (c * 3).relu() + a**3 + (d * 40).tanh()).data

    return loss, [a, b, c, d], calls


def _difference_gradients(h, central=False):
    """The gradients of the check's loss by the forward (or central) difference with h."""
    loss, parameters, _ = _nudging_case()
    grads = []
    before = loss()
    for p in parameters:
        original = p.data
        p.data = original + h
        after = loss()
        if central:
            p.data = original - h
            before = loss()
        p.data = original
        grads.append((after - before) / (2 * h if central else h))
    return grads


def _agree(got, want):
    return all(abs(g - w) <= 1e-7 * max(1.0, abs(w)) for g, w in zip(got, want))


def _judge_nudging(nudged_gradients):
    for h in NUDGES:
        loss, parameters, calls = _nudging_case()
        before = [p.data for p in parameters]
        got = nudged_gradients(loss, parameters, h)
        n = len(parameters)
        after = [p.data for p in parameters]
        if after != before:
            i = next(i for i, (x, y) in enumerate(zip(after, before)) if x != y)
            if all(abs(x - y) <= 1e-12 for x, y in zip(after, before)):
                return (f"afterwards parameter {i} holds {after[i]!r} instead of {before[i]!r}: "
                        "nearly, but not exactly. Adding h and then taking it away again "
                        "does not always give back the same float: how can you put back the "
                        "very number that was there?")
            return (f"afterwards parameter {i} holds {after[i]!r} instead of {before[i]!r}: "
                    "each p.data has to be put back as it was before you nudge the next one.")
        if got is None:
            return "your function returns nothing: return the list of gradients, one per parameter."
        if not isinstance(got, (list, tuple)) or not all(_is_number(g) for g in got):
            return (f"your function returned {as_text(got)}; return a list of numbers, one "
                    "gradient per parameter.")
        if len(got) != n:
            return f"{len(got)} gradients for {n} parameters: give one for each, in order."
        if len(calls) != n + 1:
            if len(calls) == 2 * n and _agree(got, _difference_gradients(h, central=True)):
                return ("that is the central difference, with 2 forward passes per parameter; "
                        "this one asks for the forward difference, (L(p + h) - L(p)) / h.")
            if len(calls) == 2 * n:
                return (f"your function ran {2 * n} forward passes for {n} parameters: L(p) "
                        "is the same for every parameter, so how often does it need "
                        "computing?")
            return (f"your function ran {len(calls)} forward passes for {n} parameters; the "
                    f"forward difference needs {n + 1}. Count the loss() calls in your code.")
        want = _difference_gradients(h)
        if _agree(got, want):
            continue
        if _agree(got, [w * h for w in want]):
            return ("your numbers are how much the loss moved; a slope is that change "
                    "divided by the size of the nudge.")
        if _agree(got, [-w for w in want]):
            return ("the signs are flipped: the change is the nudged loss minus the loss "
                    "before, not the other way round.")
        if h != NUDGES[0] and _agree(got, _difference_gradients(NUDGES[0])):
            return (f"called with h = {h}, your function nudges by {NUDGES[0]:g} all the same: "
                    "is the argument h used?")
        i = next(i for i, (g, w) in enumerate(zip(got, want)) if not _agree([g], [w]))
        return (f"with h = {h}, dL/dp for parameter {i} should come out as {want[i]:.6f}, "
                f"yours is {as_text(got[i])}: look at what you set p.data to while it is "
                "nudged, and at how the slope is computed.")
    return None


def _no_put_back(loss, parameters, h=1e-6):
    loss_before = loss()
    grads = []
    for p in parameters:
        p.data += h
        grads.append((loss() - loss_before) / h)
    return grads


def _put_back_by_subtracting(loss, parameters, h=1e-6):
    loss_before = loss()
    grads = []
    for p in parameters:
        p.data += h
        grads.append((loss() - loss_before) / h)
        p.data -= h
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


def _central(loss, parameters, h=1e-6):
    grads = []
    for p in parameters:
        original = p.data
        p.data = original + h
        up = loss()
        p.data = original - h
        down = loss()
        p.data = original
        grads.append((up - down) / (2 * h))
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
    loss_before = loss()
    grads = []
    for p in parameters:
        original = p.data
        p.data = original + 1e-6
        grads.append((loss() - loss_before) / 1e-6)
        p.data = original
    return grads


def _backwards_difference(loss, parameters, h=1e-6):
    loss_before = loss()
    grads = []
    for p in parameters:
        original = p.data
        p.data = original + h
        grads.append((loss_before - loss()) / h)
        p.data = original
    return grads


def _nudge_to_h(loss, parameters, h=1e-6):
    loss_before = loss()
    grads = []
    for p in parameters:
        original = p.data
        p.data = h
        grads.append((loss() - loss_before) / h)
        p.data = original
    return grads


def _last_gradient_only(loss, parameters, h=1e-6):
    loss_before = loss()
    for p in parameters:
        original = p.data
        p.data = original + h
        grad = (loss() - loss_before) / h
        p.data = original
    return grad


def _calls_the_reference(loss, parameters, h=1e-6):
    return efficiency.nudged_gradients(loss, parameters, h)


nudged_gradients = Exercise(
    "the gradient by nudging every parameter",
    _judge_nudging,
    ("Write it as you would by hand for one parameter first: what do you compute before "
     "the nudge, what during it, and what afterwards so that the next parameter starts "
     "from the model as it was? Which of those is the same for every parameter?",
     "Call loss() once before the loop. For each p: keep its number in a variable, set "
     "p.data to that number plus h, call loss() again, and the slope is the change in the "
     "loss over h; then give p.data its kept number back."),
    wrong_examples=[(_no_put_back,), (_put_back_by_subtracting,), (_loss_every_time,),
                    (_central,), (_not_divided,), (_fixed_h,), (_backwards_difference,),
                    (_nudge_to_h,), (_last_gradient_only,), (_calls_the_reference,)],
    answers=CODE,
    reference=efficiency.nudged_gradients,
    reference_name="micrograd.teaching.efficiency.nudged_gradients",
    forbidden=[efficiency.nudged_gradients, micrograd.central_difference,
               micrograd.forward_difference],
)


# Your turn: cutting a shuffled order into mini-batches

BATCH_CASES = [(23, 5), (100, 10), (7, 10), (12, 4), (10, 3), (5, 1), (9, 9)]


def _is_index(i):
    return isinstance(i, (int, np.integer)) and not isinstance(i, bool)


def _judge_batches(make_batches):
    for n, batch_size in BATCH_CASES:
        order = [int(i) for i in np.random.default_rng(n + batch_size).permutation(n)]
        given = list(order)
        batches = make_batches(given, batch_size)
        if given != order:
            return ("your function changed the list `order` it was given; it should only "
                    "read it (the caller may use it again).")
        if batches is None:
            return "your function returns nothing: return the list of batches."
        if not isinstance(batches, (list, tuple)):
            return (f"your function returned {type(batches).__name__} {as_text(batches)}; "
                    "return a list of batches.")
        if all(_is_index(b) for b in batches) and batches:
            return ("your function returned one flat list of indices; return a list of "
                    "batches, each one a list of indices.")
        if not all(isinstance(b, (list, tuple)) and all(_is_index(i) for i in b)
                   for b in batches):
            return ("each batch should be a list of indices (whole numbers from `order`); "
                    f"got {as_text(batches)[:80]}.")
        flat = [int(i) for batch in batches for i in batch]
        sizes = [len(batch) for batch in batches]
        expected = [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])
        if flat == order and sizes == expected:
            continue
        where = f"with {n} points in batches of {batch_size}"
        if sizes == expected and sorted(flat) == sorted(order):
            return (f"{where}, every point is there, but not in the shuffled order: the "
                    "batches should be taken from `order`, one after the other.")
        if len(flat) > n:
            return (f"{where}, your batches hold {len(flat)} indices in all: some points are "
                    "in more than one batch. Where does each batch start?")
        if len(flat) < n and flat == order[:len(flat)] and sizes == expected[:len(sizes)]:
            return (f"{where}, your batches hold only {len(flat)}: the last, shorter batch of "
                    f"{n % batch_size} is missing.")
        if len(set(sizes[:-1])) == 1 and sizes[0] != batch_size and len(sizes) > 1:
            return (f"{where}, your batches hold {sizes[0]} indices each: is the argument "
                    "batch_size used, and used whole?")
        return (f"{where}, the batch sizes should be {expected} and together they should be "
                f"`order` once, in order; yours have sizes {sizes}.")
    return None


def _drop_last(order, batch_size):
    return [order[i * batch_size:(i + 1) * batch_size] for i in range(len(order) // batch_size)]


def _ignore_order(order, batch_size):
    indices = list(range(len(order)))
    return [indices[i:i + batch_size] for i in range(0, len(indices), batch_size)]


def _one_short(order, batch_size):
    return [order[i:i + batch_size - 1] for i in range(0, len(order), batch_size)]


def _always_ten(order, batch_size):
    return [order[i:i + 10] for i in range(0, len(order), 10)]


def _pops_the_order(order, batch_size):
    batches = []
    while order:
        batches.append(order[:batch_size])
        del order[:batch_size]
    return batches


def _overlapping(order, batch_size):
    return [order[i:i + batch_size] for i in range(0, len(order) - batch_size + 1)]


def _flat(order, batch_size):
    return [i for start in range(0, len(order), batch_size)
            for i in order[start:start + batch_size]]


def _sorts_first(order, batch_size):
    order.sort()
    return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]


def _calls_the_reference_batches(order, batch_size):
    return efficiency.make_batches(order, batch_size)


make_batches = Exercise(
    "cutting the shuffled order into batches",
    _judge_batches,
    ("Picture `order` laid out in a row: where does the first batch start and end, and "
     "where does the next one start? What should happen at the end of the row, when fewer "
     "than batch_size indices are left?",
     "Batch i starts at i·batch_size and stops just before the next one starts. range() "
     "can count in steps of batch_size, and a slice that runs past the end of a list just "
     "stops at the end, which gives the shorter last batch."),
    wrong_examples=[(_drop_last,), (_ignore_order,), (_one_short,), (_always_ten,),
                    (_pops_the_order,), (_overlapping,), (_flat,), (_sorts_first,),
                    (_calls_the_reference_batches,)],
    answers=CODE,
    reference=efficiency.make_batches,
    reference_name="micrograd.teaching.efficiency.make_batches",
    forbidden=[efficiency.make_batches],
)


# Exercise 1: how many forward passes nudging needs

def _judge_passes(forward_passes, central_passes):
    n = len(micrograd.MLP(3, [32, 32, 1]).parameters())  # 1217
    if close(forward_passes, n + 1) and close(central_passes, 2 * n):
        return None
    if close(forward_passes, 338) or close(central_passes, 674):
        return ("those are the numbers for the moons model's 337 parameters; this one is "
                "MLP(3, [32, 32, 1]): count its parameters first.")
    counted = forward_passes - 1
    if counted != n and close(central_passes, 2 * counted):
        return (f"your two answers fit a model of {counted:g} parameters, but "
                "MLP(3, [32, 32, 1]) has another count: count again, layer by layer, with 3 "
                "inputs to the first layer.")
    if not close(forward_passes, n + 1):
        if close(forward_passes, n):
            return ("one more: the forward difference also needs L(p) itself, the same for "
                    "every parameter.")
        if close(forward_passes, 2 * n):
            return ("L(p) is the same for every parameter: how many times does the forward "
                    "difference need to compute it?")
        return (f"{as_text(forward_passes)} forward passes for the forward difference: first "
                "count the parameters of MLP(3, [32, 32, 1]), then the losses the formula "
                "needs.")
    if close(central_passes, 2 * n + 1):
        return ("the central difference never uses L(p) itself: look at which losses its "
                "formula has.")
    if close(central_passes, n + 1) or close(central_passes, n):
        return ("the central difference nudges each parameter both ways, p + h and p - h: "
                "how many forward passes is that per parameter?")
    return (f"{as_text(central_passes)} is not right for the central difference: count the "
            "losses in its formula, for each parameter.")


q1 = Exercise(
    "the forward passes nudging needs",
    _judge_passes,
    ("First count the parameters of MLP(3, [32, 32, 1]), layer by layer as in lesson 08. "
     "Then look at each formula: which of its losses change from one parameter to the next, "
     "and which is the same for all of them?",
     "The forward difference needs L(p) once, and L(p + h) once for each parameter. The "
     "central difference needs L(p + h) and L(p - h) for each parameter, and never L(p)."),
    wrong_examples=[(1217, 2434), (1218, 2435), (1218, 1218), (2434, 2434), (338, 674),
                    (1186, 2370)],
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
    if close(forward_mode_passes, INPUTS * OUTPUTS) or close(reverse_mode_passes,
                                                             INPUTS * OUTPUTS):
        return ("one pass gives many derivatives at once, not one: a whole column or a "
                "whole row of the 3 x 1000 table. Which, for each mode?")
    if not close(forward_mode_passes, INPUTS):
        return ("a forward-mode pass starts at one input and carries its effect forward to "
                "every output at once: how many passes cover every input?")
    return ("a reverse-mode pass starts at one output and gives its derivative with respect "
            "to every input at once: how many passes cover every output?")


q2 = Exercise(
    "forward mode against reverse mode",
    _judge_modes,
    ("Ask what one pass of each mode starts from, one input or one output, and how many "
     "derivatives it finishes with. Then how many starting points of that kind are there?",
     "One forward-mode pass gives the derivatives of every output with respect to one "
     "input; one reverse-mode pass gives the derivatives of one output with respect to "
     "every input. Count the passes that cover all 3 x 1000 derivatives."),
    wrong_examples=[(1000, 3), (1, 1), (3000, 3000), (3, 1), (1000, 1000), (1, 1000)],
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
        if close(total_steps, per_epoch) or close(total_steps, POINTS // BATCH_SIZE):
            return f"that is the steps of one epoch; the training runs {EPOCHS} epochs."
        if close(total_steps, POINTS * EPOCHS):
            return ("that is one step per point; a step uses a whole batch, so count the "
                    "batches.")
        return (f"{as_text(total_steps)} steps in all: count the batches of one epoch (the "
                f"full ones and a shorter last one), then think about the {EPOCHS} epochs.")
    if close(last_batch_size, BATCH_SIZE):
        return (f"{POINTS} is not a multiple of {BATCH_SIZE}: the last batch holds only what "
                f"is left after the full ones.")
    if close(last_batch_size, POINTS // BATCH_SIZE):
        return ("that is how many full batches fit; the last batch holds the points left over "
                "after them.")
    return (f"a last batch of {as_text(last_batch_size)}: it holds the points left after the "
            f"full batches of {BATCH_SIZE}.")


q3 = Exercise(
    "the steps of a mini-batch training run",
    _judge_steps,
    (f"Think about one epoch first: into how many batches does make_batches cut {POINTS} "
     f"indices when each holds {BATCH_SIZE}, and what is left for the last one? A step is "
     "one batch; then count the epochs.",
     f"{POINTS} = {BATCH_SIZE} × q + r, with r smaller than {BATCH_SIZE}: the q full batches "
     f"and one more batch of r points make an epoch. Each epoch takes the same number of "
     f"steps, {EPOCHS} times over."),
    wrong_examples=[(620, 8), (625, 8), (640, 32), (32, 8), (620, 32), (640, 31),
                    (20000, 8)],
    answers=NUMBERS,
)


# Going deeper, the numpy section: the backward pass of one linear layer in PyTorch's layout,
# Z = X @ W.T + b, with W of shape (neurons, inputs) as nn.Linear stores it


def layer_cases():
    """Two seeded layers (X, W, G): a square one (3 inputs, 3 neurons, 4 points) first, so
    that the formulas of the other layout give the right shapes but the wrong numbers, then
    3 inputs, 4 neurons and 5 points."""
    rng = np.random.default_rng(9)
    cases = []
    for points, inputs, neurons in [(4, 3, 3), (5, 3, 4)]:
        cases.append((rng.normal(size=(points, inputs)), rng.normal(size=(neurons, inputs)),
                      rng.normal(size=(points, neurons))))
    return cases


def exact_gradients(X, W, G):
    """{name: array}: dL/dW, dL/db, dL/dX for L = sum(G * (X @ W.T + b)), entry by entry
    from Z[i, j] = b[j] + sum over k of X[i, k] W[j, k]."""
    points, inputs = X.shape
    neurons = W.shape[0]
    dW, db, dX = np.zeros_like(W), np.zeros(neurons), np.zeros_like(X)
    for i in range(points):
        for j in range(neurons):
            db[j] += G[i, j]
            for k in range(inputs):
                dW[j, k] += G[i, j] * X[i, k]
                dX[i, k] += G[i, j] * W[j, k]
    return {"dW": dW, "db": db, "dX": dX}


SHAPES = {
    "dW": "dW has one entry per weight, so W's shape (neurons, inputs)",
    "db": "db has one entry per neuron",
    "dX": "dX has one entry per input of each point, so X's shape (points, inputs)",
}


def _as_array(x):
    try:
        return np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        return None


def _same(a, b, tol=1e-12):
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=tol, atol=tol))


def _judge_layer(linear_backward):
    for X, W, G in layer_cases():
        given = X.copy(), W.copy(), G.copy()
        answer = linear_backward(*given)
        if not all(np.array_equal(a, b) for a, b in zip(given, (X, W, G))):
            return ("your function changed X, W or G in place; it should only read them "
                    "(the caller uses them again).")
        if answer is None:
            return "your function returns nothing: return the three arrays dW, db and dX."
        if not isinstance(answer, (tuple, list)):
            return (f"your function returned {type(answer).__name__}; return three arrays, "
                    "in this order: dW, db, dX.")
        if len(answer) != 3:
            return (f"your function returned {len(answer)} things; return three arrays, in "
                    "this order: dW, db, dX.")
        expected = exact_gradients(X, W, G)
        arrays = [_as_array(x) for x in answer]
        shape = f"for X of shape {X.shape}, W {W.shape} and G {G.shape}"
        for (name, want), got in zip(expected.items(), arrays):
            if got is None:
                return f"{name} should be an array of numbers; yours is not."
            if got.shape != want.shape:
                if got.shape == want.T.shape and name != "db":
                    return (f"{shape}, {name} has shape {got.shape}, the transpose of the "
                            f"right one: {SHAPES[name]}. In this layout, row j of W holds "
                            "neuron j's weights.")
                return (f"{shape}, {name} has shape {got.shape}, but it must have shape "
                        f"{want.shape}: {SHAPES[name]}.")
            if _same(got, want):
                continue
            n = X.shape[0]
            if _same(got, want / n):
                return (f"{name} is the mean over the {n} points; each point adds its own "
                        "share to the gradient, so they are summed.")
            if name == "dW" and _same(got, want.T):
                return ("dW is the transpose of the right one: that is the layout of the "
                        "formulas above. Here row j of W holds neuron j's weights; which "
                        "entries of G and X meet in dW[j, k]?")
            if name == "dX" and _same(got, G @ W.T):
                return ("dX uses W the other way round: in this layout W is (neurons, "
                        "inputs). Which entries of G and W meet in dX[i, k]?")
            if _same(got, want, 1e-5):
                return (f"{name} is close, but not exact: that looks like an estimate by "
                        "nudging. The exercise asks for the exact gradient, from products of "
                        "the arrays.")
            wrong = np.argwhere(~np.isclose(got, want, rtol=1e-12, atol=1e-12))
            index = tuple(int(i) for i in wrong[0])
            return (f"{shape}, {name} disagrees with the exact gradient at {len(wrong)} of "
                    f"its {want.size} entries; at {name}{list(index)} it should be "
                    f"{want[index]:.4f}, yours is {got[index]:.4f}. Write Z[i, j] out as a "
                    "sum, and see which terms hold that entry.")
    return None


def _other_layout(X, W, G):
    return X.T @ G, G.sum(axis=0), G @ W.T


def _db_over_columns(X, W, G):
    return G.T @ X, G.sum(axis=1), G @ W


def _db_mean(X, W, G):
    return G.T @ X, G.mean(axis=0), G @ W


def _dX_the_other_way(X, W, G):
    return G.T @ X, G.sum(axis=0), G @ W.T


def _nudged_layer(X, W, G, h=1e-7):
    def loss(X, W):
        return float(np.sum(G * (X @ W.T)))

    grads = []
    for array in (W, X):
        grad = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            nudged = array.copy()
            nudged[index] += h
            moved = loss(X, nudged) if array is W else loss(nudged, W)
            grad[index] = (moved - loss(X, W)) / h
        grads.append(grad)
    return grads[0], G.sum(axis=0), grads[1]


def _mean_in_place(X, W, G):
    G /= len(X)
    return G.T @ X, G.sum(axis=0), G @ W


def _two_arrays(X, W, G):
    return G.T @ X, G @ W


def _central_difference_layer(X, W, G):
    dW = np.zeros_like(W)
    for j, k in np.ndindex(W.shape):
        def loss_at(value, j=j, k=k):
            nudged = W.copy()
            nudged[j, k] = value
            return float(np.sum(G * (X @ nudged.T)))
        dW[j, k] = micrograd.central_difference(loss_at, W[j, k])
    return dW, G.sum(axis=0), G @ W


linear_backward = Exercise(
    "the backward pass of a linear layer",
    _judge_layer,
    ("Write one entry of Z out as a sum, Z[i, j] = b[j] + Σ_k X[i, k]·W[j, k], and ask for "
     "each of W[j, k], b[j] and X[i, k]: in which terms does it appear, and what multiplies "
     "it there? Then look for the matrix product that adds up those terms; the shapes must "
     "come out right.",
     "dL/dW[j, k] is the sum over the points i of G[i, j]·X[i, k]; dL/db[j] is the sum over "
     "i of G[i, j]; dL/dX[i, k] is the sum over the neurons j of G[i, j]·W[j, k]. Each sum "
     "over a shared index is one matrix product, with a transpose where the index is on the "
     "wrong side."),
    wrong_examples=[(_other_layout,), (_db_over_columns,), (_db_mean,), (_dX_the_other_way,),
                    (_nudged_layer,), (_mean_in_place,), (_two_arrays,),
                    (_central_difference_layer,)],
    answers=CODE,
    forbidden=[micrograd.central_difference, micrograd.forward_difference,
               micrograd.Value.backward],
)
