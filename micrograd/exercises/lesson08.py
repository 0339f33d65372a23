"""Exercises for lesson 07, a neural net: parameters, the loss, the training step, backward twice.

Each judge compares with the package: ``micrograd.MLP`` counts the parameters and runs the
reference training step, and ``micrograd.Value`` gives the loss and the gradients. A wrong
training step is run next to the usual mistakes (no ``zero_grad``, the wrong sign, the steps
in the wrong order) to say which one it is.
"""

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close


def lecture_mlp(seed):
    """The lecture's network, MLP(3, [4, 4, 1]) with tanh everywhere, from ``seed``."""
    return micrograd.MLP(3, [4, 4, 1], activation="tanh", output_activation="tanh", rng=seed)


# Exercise 1: the parameters of MLP(3, [8, 8, 1])

def _judge_count(n_params):
    expected = len(micrograd.MLP(3, [8, 8, 1]).parameters())
    if close(n_params, expected):
        return None
    if close(n_params, 8 * 3 + 8 * 8 + 1 * 8):
        return "that counts the weights only: every neuron also has a bias."
    if close(n_params, 8 + 8 + 1):
        return "that counts the neurons; count their weights and biases."
    if close(n_params, 8 * 4 + 8 * 8 + 1 * 8):
        return "some biases are missing: every neuron of every layer has one."
    return (f"{n_params} is too {'big' if n_params > expected else 'small'}. A neuron with "
            "n inputs has n weights and 1 bias; add that up over the three layers.")


q1 = Exercise(
    "the number of parameters of MLP(3, [8, 8, 1])",
    _judge_count,
    "The sizes are [3, 8, 8, 1]. Layer 1 has 8 neurons of 3 inputs, each with 3 weights and "
    "1 bias: 8·(3 + 1). Do the same for the other two layers and add up.",
    wrong_examples=[(96,), (17,), (41,)],
    answers=NUMBERS,
)


# Exercise 2: the squared-error loss

def _judge_loss(squared_error):
    xs, ys = micrograd.tiny_dataset()
    model = lecture_mlp(1337)
    predictions, theirs = [model(x) for x in xs], [model(x) for x in xs]
    loss = squared_error(predictions, ys)
    if not isinstance(loss, micrograd.Value):
        return (f"your function returned {type(loss).__name__} {loss!r}; return the Value "
                "itself (no .data), so that backward() can run from it.")
    expected = sum((p - y) ** 2 for p, y in zip(theirs, ys))  # the package's, as in the lesson
    if close(loss.data * len(ys), expected.data, 1e-9):
        return "that is the mean of the squared errors; the lesson's loss is their sum."
    if close(loss.data, sum(p.data - y for p, y in zip(predictions, ys)), 1e-9):
        return "that adds up the errors without squaring them: write (p - y) ** 2."
    if not close(loss.data, expected.data, 1e-9):
        return (f"for the untrained network your loss is {loss.data:.4f}, but it should be "
                f"{expected.data:.4f}: the sum over the examples of (prediction - target)².")
    loss.backward()
    expected.backward()
    for i, (p, q) in enumerate(zip(predictions, theirs), start=1):
        if not close(p.grad, q.grad, 1e-9):
            return (f"the number is right, but after backward() prediction {i}'s grad is "
                    f"{p.grad:.4f} instead of 2·(p - y) = {q.grad:.4f}: build the loss from "
                    "the predictions' Values, not from their .data.")
    return None


def _mean_squared_error(predictions, targets):
    return sum((p - y) ** 2 for p, y in zip(predictions, targets)) * (1 / len(targets))


def _unsquared_error(predictions, targets):
    return sum(p - y for p, y in zip(predictions, targets))


def _loss_as_number(predictions, targets):
    return sum((p - y) ** 2 for p, y in zip(predictions, targets)).data


q2 = Exercise(
    "the squared-error loss",
    _judge_loss,
    "One term per example: (p - y) ** 2, where p is the prediction (a Value) and y its "
    "target. Add the terms up with sum(...) and return the Value it gives.",
    wrong_examples=[(_mean_squared_error,), (_unsquared_error,), (_loss_as_number,)],
    answers=CODE,
)


# Exercise 3: one training step, the drill "forgetting zero_grad"

def _reference_step(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))  # forward
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return loss


def _step_without_zero_grad(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return loss


def _step_uphill(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data += learning_rate * p.grad
    return loss


def _step_update_before_backward(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    model.zero_grad()
    loss.backward()
    return loss


STEP_MISTAKES = [
    (_step_without_zero_grad, "your second step moved the parameters by both steps' "
     "gradients: zero_grad() is missing, so backward() added the new gradient to the old one."),
    (_step_uphill, "your step goes uphill: the update must go against the gradient, "
     "p.data -= learning_rate * p.grad."),
    (_step_update_before_backward, "your update uses the gradient of the step before: "
     "backward() must come before the update."),
]


def parameters_after_two_steps(step):
    """The lecture's network from seed 7, after two of ``step`` on the tiny dataset."""
    xs, ys = micrograd.tiny_dataset()
    model = lecture_mlp(7)
    for _ in range(2):
        step(model, xs, ys, 0.1)
    return [p.data for p in model.parameters()]


def _same(a, b):
    return all(close(x, y, 1e-12) for x, y in zip(a, b))


def _judge_step(train_step):
    got = parameters_after_two_steps(train_step)
    expected = parameters_after_two_steps(_reference_step)
    if _same(got, expected):
        return None
    if _same(got, [p.data for p in lecture_mlp(7).parameters()]):
        return ("after two steps no parameter has moved: when your update runs, every grad "
                "is 0. The order is forward → zero_grad → backward → update.")
    for mistake, message in STEP_MISTAKES:
        if _same(got, parameters_after_two_steps(mistake)):
            return message
    i = next(i for i, (g, e) in enumerate(zip(got, expected)) if not close(g, e, 1e-12))
    return (f"after two steps, parameter {i} is {got[i]:.6f} but should be {expected[i]:.6f}. "
            "Check the loss (the sum of (model(x) - y)² over the examples) and the four "
            "moves: forward, zero_grad, backward, update.")


q3 = Exercise(
    "one training step",
    _judge_step,
    "Copy the four moves from the training loop of the lesson: the loss over all examples, "
    "model.zero_grad(), loss.backward(), then p.data -= learning_rate * p.grad for every "
    "p in model.parameters().",
    wrong_examples=[(_step_without_zero_grad,), (_step_uphill,), (_step_update_before_backward,)],
    answers=CODE,
)


# Exercise 4: backward() called twice

def grads_after_two_backward_calls():
    """a.grad and e.grad for L = a*b + a with a = 3, b = -2, after two backward() calls."""
    a, b = micrograd.Value(3.0), micrograd.Value(-2.0)
    e = a * b
    L = e + a
    L.backward()
    L.backward()
    return a.grad, e.grad


def _judge_twice(a_grad, e_grad):
    expected_a, expected_e = grads_after_two_backward_calls()
    if close(a_grad, expected_a) and close(e_grad, expected_e):
        return None
    if close(a_grad, expected_a / 2):
        return ("that is a.grad after one backward(). a is a leaf: the second call adds "
                "the same gradient again.")
    if close(a_grad, 2 * -2.0):
        return ("a reaches L along two paths, through e = a·b and directly: dL/da = b + 1, "
                "not b alone.")
    if not close(a_grad, expected_a):
        return (f"a.grad: {a_grad} is not right. Find dL/da for one call first (a is used "
                "twice), then think about what a second call does to a leaf.")
    if close(e_grad, 2 * expected_e):
        return ("e is an inner node (made by *): backward() sets it back to 0 before it "
                "starts, so it does not double.")
    return "a.grad is right; e.grad is dL/de, and L = e + a."


q4 = Exercise(
    "backward() called twice",
    _judge_twice,
    "For one call: dL/de = 1 (L = e + a), and a gets b·1 through e plus 1 directly. The "
    "package's backward() resets the inner nodes to 0 first; the leaves keep their grad and "
    "add to it.",
    wrong_examples=[(-1.0, 1.0), (-2.0, 2.0), (-4.0, 1.0)],
    answers=NUMBERS,
)
