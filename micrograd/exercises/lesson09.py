"""Exercises for lesson 09, training: the squared-error loss, one training step, the gradient
of the loss for one prediction, the mean squared error, one example at a time.

The "your turn" cells of the lesson (``squared_error``, ``train_step``) judge the student's
functions on the lessons' own engine (``micrograd.teaching``'s Value and MLP), against the
package's: the loss and its gradients, and the parameters after two training steps from the
same weights. A wrong training step is run next to the usual mistakes (no ``zero_grad``, the
wrong sign, the moves in the wrong order) to say which one it is. The end-of-lesson exercises
are ``q1`` to ``q3``.
"""

import micrograd
from micrograd import teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close


def lecture_mlp(seed):
    """The lecture's network, MLP(3, [4, 4, 1]) with tanh everywhere, from ``seed``."""
    return micrograd.MLP(3, [4, 4, 1], activation="tanh", output_activation="tanh", rng=seed)


def teaching_mlp(seed):
    """The lessons' own MLP(3, [4, 4, 1]), holding the numbers of ``lecture_mlp(seed)``."""
    return teaching.copy_parameters(lecture_mlp(seed), teaching.MLP(3, [4, 4, 1]))


# Your turn: the squared-error loss

LOSS_CASES = [  # predictions, targets; the last uses one prediction twice
    ([0.3, -0.2, 0.9, 0.5], [1.0, -1.0, -1.0, 1.0]),
    ([-0.7, 0.4], [1.0, 1.0]),
]


def _loss_problem(loss_function, mean):
    """Judge a loss that should be the sum of the squared errors, or their ``mean``."""
    def scale(n):
        return 1 / n if mean else 1

    for numbers, targets in LOSS_CASES:
        predictions = [teaching.Value(p) for p in numbers]
        loss = loss_function(predictions, targets)
        if not hasattr(loss, "backward"):
            return (f"your function returned {type(loss).__name__} {loss!r}; return the Value "
                    "itself (no .data), so that backward() can run from it.")
        total = sum((p - y) ** 2 for p, y in zip(numbers, targets))
        n = len(targets)
        if not mean and close(loss.data * n, total, 1e-9):
            return "that is the mean of the squared errors; the lesson's loss is their sum."
        if mean and close(loss.data, total, 1e-9):
            return "that is the sum of the squared errors; the mean divides it by len(targets)."
        errors = sum(p - y for p, y in zip(numbers, targets))
        if close(loss.data, errors, 1e-9) or close(loss.data, errors / n, 1e-9):
            return "that adds up the errors without squaring them: write (p - y) ** 2."
        if not close(loss.data, scale(n) * total, 1e-9):
            return (f"for predictions {numbers} and targets {targets} your loss is "
                    f"{loss.data:.4f}, but it should be {scale(n) * total:.4f}.")
        loss.backward()
        for i, (p, x, y) in enumerate(zip(predictions, numbers, targets), start=1):
            if not close(p.grad, scale(n) * 2 * (x - y), 1e-9):
                return (f"the number is right, but after backward() prediction {i}'s grad is "
                        f"{p.grad:.4f} instead of {scale(n) * 2 * (x - y):.4f}: build the loss "
                        "from the predictions' Values, not from their .data.")
    shared = teaching.Value(0.25)  # one prediction used for two examples: grads add up
    loss_function([shared, shared], [1.0, -1.0]).backward()
    if not close(shared.grad, scale(2) * (2 * (0.25 - 1) + 2 * (0.25 + 1)), 1e-9):
        return ("with one prediction used for two examples, its grad should be the sum of "
                "both terms' gradients; build the loss with + (sum), not by assigning.")
    return None


def _judge_loss(squared_error):
    return _loss_problem(squared_error, mean=False)


def _mean_squared_error(predictions, targets):
    return sum((p - y) ** 2 for p, y in zip(predictions, targets)) * (1 / len(targets))


def _unsquared_error(predictions, targets):
    return sum(p - y for p, y in zip(predictions, targets))


def _loss_as_number(predictions, targets):
    return sum((p - y) ** 2 for p, y in zip(predictions, targets)).data


squared_error = Exercise(
    "the squared-error loss",
    _judge_loss,
    "One term per example: (p - y) ** 2, where p is the prediction (a Value) and y its "
    "target. Add the terms up with sum(...) over zip(predictions, targets) and return the "
    "Value it gives.",
    wrong_examples=[(_mean_squared_error,), (_unsquared_error,), (_loss_as_number,)],
    answers=CODE,
    reference=teaching.squared_error,
    reference_name="micrograd.teaching.squared_error",
)


# Your turn: one training step (the drill "forgetting zero_grad")

def _reference_step(model, xs, ys, learning_rate):
    return teaching.train_step(model, xs, ys, learning_rate)


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

STEP_CASES = [(7, 0.1), (3, 0.05)]  # seed, learning rate


def parameters_after_two_steps(step, seed=7, learning_rate=0.1):
    """The lessons' own MLP from the package's seed, after two ``step``s on the tiny dataset."""
    xs, ys = micrograd.tiny_dataset()
    model = teaching_mlp(seed)
    losses = [step(model, xs, ys, learning_rate) for _ in range(2)]
    return [p.data for p in model.parameters()], losses


def _same(a, b):
    return all(close(x, y, 1e-12) for x, y in zip(a, b))


def _step_problem(step, reference, mistakes, what):
    for seed, learning_rate in STEP_CASES:
        got, losses = parameters_after_two_steps(step, seed, learning_rate)
        expected, expected_losses = parameters_after_two_steps(reference, seed, learning_rate)
        if _same(got, expected):
            if expected_losses[0] is not None and not all(
                    hasattr(loss, "data") and close(loss.data, e.data, 1e-12)
                    for loss, e in zip(losses, expected_losses)):
                return ("the parameters move as they should, but return the loss itself, the "
                        "Value computed in the forward pass (before the update): the lesson "
                        "plots loss.data.")
            continue
        if _same(got, [p.data for p in lecture_mlp(seed).parameters()]):
            return ("after two steps no parameter has moved: when your update runs, every grad "
                    "is 0. The order is forward → zero_grad → backward → update.")
        for mistake, message in mistakes:
            if _same(got, parameters_after_two_steps(mistake, seed, learning_rate)[0]):
                return message
        i = next(i for i, (g, e) in enumerate(zip(got, expected)) if not close(g, e, 1e-12))
        return (f"after two steps with learning rate {learning_rate}, parameter {i} is "
                f"{got[i]:.6f} but should be {expected[i]:.6f}. Check {what}.")
    return None


def _judge_step(train_step):
    return _step_problem(train_step, _reference_step, STEP_MISTAKES,
                         "the loss (the sum of (model(x) - y)² over the examples) and the four "
                         "moves: forward, zero_grad, backward, update")


train_step = Exercise(
    "one training step",
    _judge_step,
    "Four moves: loss = squared_error([model(x) for x in xs], ys); model.zero_grad(); "
    "loss.backward(); then p.data -= learning_rate * p.grad for every p in "
    "model.parameters(). Return loss.",
    wrong_examples=[(_step_without_zero_grad,), (_step_uphill,), (_step_update_before_backward,)],
    answers=CODE,
    reference=teaching.train_step,
    reference_name="micrograd.teaching.train_step",
)


# Exercise 1: the gradient of the loss for two predictions

def untrained_prediction_grads(seed=1337):
    """dL/d(prediction) for the first two examples, for the untrained network from ``seed``."""
    xs, ys = micrograd.tiny_dataset()
    model = lecture_mlp(seed)
    return tuple(2 * (model(x).data - y) for x, y in list(zip(xs, ys))[:2])


def _judge_prediction_grads(g1, g2):
    e1, e2 = untrained_prediction_grads()
    tol = 2e-3  # from predictions printed to 4 decimals
    if close(g1, e1, tol) and close(g2, e2, tol):
        return None
    if close(g1, e1 / 2, tol) or close(g2, e2 / 2, tol):
        return "d/dp of (p - y)² is 2·(p - y): the factor 2 is missing."
    if close(g1, -e1, tol) or close(g2, -e2, tol):
        return ("the sign is flipped: 2·(p - y), prediction minus target. The first prediction "
                "is too low, so raising it lowers the loss: its gradient is negative.")
    return ("only one term of L depends on each prediction: dL/dp_i = 2·(p_i - y_i). Take p_i "
            "from the printed predictions of the untrained network and y_i from the targets.")


q1 = Exercise(
    "the gradient of the loss for the first two predictions",
    _judge_prediction_grads,
    "L = sum_i (p_i - y_i)². Only the term i depends on p_i, and d/dp of (p - y)² is "
    "2·(p - y). The untrained network predicts +0.2769 and +0.2528, the targets are +1 and -1.",
    wrong_examples=[(-0.7231, 1.2528), (1.4462, -2.5055), (0.5538, 2.5055)],
    answers=NUMBERS,
)


# Exercise 2: the mean squared error

def _judge_mean_loss(mean_squared_error):
    return _loss_problem(mean_squared_error, mean=True)


q2 = Exercise(
    "the mean squared error",
    _judge_mean_loss,
    "The same sum of (p - y) ** 2 over the examples, divided by the number of examples, "
    "len(targets): a Value divided by a plain number is still a Value.",
    wrong_examples=[(teaching.squared_error,), (_unsquared_error,), (_loss_as_number,)],
    answers=CODE,
)


# Exercise 3: one pass over the examples, one update for each

def _reference_pass(model, xs, ys, learning_rate):
    for x, y in zip(xs, ys):
        loss = (model(x) - y) ** 2
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= learning_rate * p.grad


def _pass_without_zero_grad(model, xs, ys, learning_rate):
    for x, y in zip(xs, ys):
        loss = (model(x) - y) ** 2
        loss.backward()
        for p in model.parameters():
            p.data -= learning_rate * p.grad


def _pass_forward_first(model, xs, ys, learning_rate):
    losses = [(model(x) - y) ** 2 for x, y in zip(xs, ys)]  # every forward pass before any update
    for loss in losses:
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= learning_rate * p.grad


PASS_MISTAKES = [
    (teaching.train_step, "that is one step on the whole loss, a single update; here each "
     "example gets its own forward, zero_grad, backward and update, four updates in all."),
    (_pass_without_zero_grad, "each example's backward() added to the gradients of the "
     "examples before it: call model.zero_grad() before every backward()."),
    (_pass_forward_first, "your forward passes all ran before the first update, so the later "
     "examples' gradients belong to the old parameters: run each example's forward pass just "
     "before its own update."),
]


def _judge_pass(one_at_a_time):
    return _step_problem(_Ignoring(one_at_a_time), _Ignoring(_reference_pass),
                         [(_Ignoring(m), message) for m, message in PASS_MISTAKES],
                         "each example's four moves: its own loss (model(x) - y)², "
                         "zero_grad, backward, update")


class _Ignoring:
    """A training function whose return value is not judged (it returns None)."""

    def __init__(self, function):
        self.function = function

    def __call__(self, *args):
        self.function(*args)


q3 = Exercise(
    "one pass, one example at a time",
    _judge_pass,
    "A loop over zip(xs, ys). Inside it, the four moves for that one example: "
    "loss = (model(x) - y) ** 2, model.zero_grad(), loss.backward(), then the update "
    "p.data -= learning_rate * p.grad for every parameter.",
    wrong_examples=[(teaching.train_step,), (_pass_without_zero_grad,), (_pass_forward_first,)],
    answers=CODE,
)
