"""Exercises for lesson 08, a real classifier: the hinge loss, accuracy, the learning rate.

The hinge loss is judged against the package: ``micrograd.Value``'s ``relu`` for one example,
and for the whole loss a seeded ``micrograd.MLP`` on a few points of ``micrograd.make_moons``,
comparing the loss and every parameter's gradient. A wrong loss is compared with the usual
slips (a sum instead of the mean, no L2 penalty, no max(0, ·)) to say which one it is.
"""

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close

# Exercise 1: the hinge loss of one example, and its slope


def hinge_and_slope(target, score):
    """max(0, 1 - target·score) and its derivative with respect to the score, by the package."""
    s = micrograd.Value(score)
    loss = (1 - target * s).relu()
    loss.backward()
    return loss.data, s.grad


def _judge_one_example(loss, slope):
    expected_loss, expected_slope = hinge_and_slope(-1, 0.4)
    if close(loss, expected_loss) and close(slope, expected_slope):
        return None
    if close(loss, 1 - 0.4):
        return ("that is 1 - score, as if the target were +1. The target is -1: "
                "1 - (-1)·0.4 = 1 + 0.4.")
    if not close(loss, expected_loss):
        return f"the loss {loss} is not max(0, 1 - y·s) with y = -1 and s = 0.4."
    if close(slope, -expected_slope):
        return ("the loss is right; the slope has the wrong sign. d/ds of 1 - y·s is -y, "
                "and y = -1.")
    return ("the loss is right. Its slope: the margin is not met (the loss is above 0), so "
            "ReLU passes the slope of 1 - y·s through unchanged.")


q1 = Exercise(
    "the hinge loss of one example",
    _judge_one_example,
    "Margin y·s = (-1)·0.4 = -0.4: the point is on the wrong side. The loss is "
    "max(0, 1 - y·s); where it is above 0, its slope with respect to s is -y.",
    wrong_examples=[(0.6, -1.0), (1.4, -1.0), (0.0, 0.0)],
    answers=NUMBERS,
)


# Exercise 2: the loss of lesson 08, max-margin plus L2

def reference_loss(model, inputs, targets, alpha=1e-4):
    """The lesson's loss: the mean of max(0, 1 - y·s) over the points, plus alpha·sum p²."""
    margins = [(1 - t * model(x)).relu() for x, t in zip(inputs, targets)]
    return sum(margins) * (1.0 / len(margins)) + alpha * sum(p * p for p in model.parameters())


def _loss_summed(model, inputs, targets, alpha=1e-4):
    margins = [(1 - t * model(x)).relu() for x, t in zip(inputs, targets)]
    return sum(margins) + alpha * sum(p * p for p in model.parameters())


def _loss_without_l2(model, inputs, targets, alpha=1e-4):
    margins = [(1 - t * model(x)).relu() for x, t in zip(inputs, targets)]
    return sum(margins) * (1.0 / len(margins))


def _loss_without_max(model, inputs, targets, alpha=1e-4):
    margins = [1 - t * model(x) for x, t in zip(inputs, targets)]
    return sum(margins) * (1.0 / len(margins)) + alpha * sum(p * p for p in model.parameters())


LOSS_MISTAKES = [
    (_loss_summed, "your loss adds the points' losses up; the lesson takes their mean "
     "(divide by the number of points), so that its size does not depend on how many there are."),
    (_loss_without_l2, "the L2 penalty is missing: add alpha times the sum of p² over "
     "model.parameters()."),
    (_loss_without_max, "every point counts, even those right with a margin: take "
     "max(0, 1 - y·s) with .relu(), so that they add 0."),
]


def loss_and_grads(loss_function):
    """The loss and every parameter's gradient, for a small seeded model on 8 moon points."""
    X, y = micrograd.make_moons(n_samples=8, noise=0.1, random_state=0)
    model = micrograd.MLP(2, [8, 1], rng=25)
    loss = loss_function(model, X.tolist(), (2 * y - 1).tolist(), alpha=1e-4)
    if not isinstance(loss, micrograd.Value):
        return loss, None
    model.zero_grad()
    loss.backward()
    return loss.data, [p.grad for p in model.parameters()]


def _judge_loss(svm_loss):
    got, got_grads = loss_and_grads(svm_loss)
    if got_grads is None:
        return (f"your function returned {type(got).__name__} {got!r}; return the Value "
                "itself (no .data), so that backward() can run from it.")
    expected, expected_grads = loss_and_grads(reference_loss)
    if close(got, expected, 1e-12):
        for i, (g, e) in enumerate(zip(got_grads, expected_grads)):
            if not close(g, e, 1e-9):
                return (f"the loss is right, but parameter {i}'s gradient is {g:.6f}, not "
                        f"{e:.6f}: build the loss from Values (model(x), p), not from .data.")
        return None
    for mistake, message in LOSS_MISTAKES:
        if close(got, loss_and_grads(mistake)[0], 1e-12):
            return message
    return (f"on the check's 8 points your loss is {got:.6f}, but it should be {expected:.6f}: "
            "the mean of max(0, 1 - y·s), plus alpha·Σ p².")


q2 = Exercise(
    "the max-margin loss with L2",
    _judge_loss,
    "For each point x with target t: the score s = model(x), then (1 - t * s).relu(). Take "
    "the mean of those (sum, times 1 / the number of points) and add "
    "alpha * sum(p * p for p in model.parameters()).",
    wrong_examples=[(_loss_summed,), (_loss_without_l2,), (_loss_without_max,)],
    answers=CODE,
)


# Exercise 3: accuracy

SCORES = [2.1, -0.3, 0.7, -1.5, 0.2, -0.8, 1.1, -0.05, 0.4, -2.0]
TARGETS = [1, -1, -1, -1, 1, 1, 1, -1, 1, 1]


def reference_accuracy(scores, targets):
    """The fraction of scores whose sign is the sign of their target."""
    return sum((s > 0) == (t > 0) for s, t in zip(scores, targets)) / len(targets)


def _judge_accuracy(accuracy):
    got = accuracy(list(SCORES), list(TARGETS))
    expected = reference_accuracy(SCORES, TARGETS)
    if close(got, expected, 1e-12) and close(accuracy([1.0, -1.0], [1, -1]), 1.0):
        return None
    right = sum((s > 0) == (t > 0) for s, t in zip(SCORES, TARGETS))
    if close(got, right):
        return f"that is how many are right ({right}); the accuracy is the fraction of them."
    if close(got, 1 - expected, 1e-12):
        return "that is the fraction of wrong answers; the accuracy is the fraction right."
    if close(got, sum((s > 0) == t for s, t in zip(SCORES, TARGETS)) / len(TARGETS), 1e-12):
        return ("s > 0 is True or False, and True == 1 but False != -1: every point with "
                "target -1 counts as wrong. Compare (s > 0) == (t > 0).")
    return (f"for the check's 10 scores your accuracy is {got}, but {right} of the 10 "
            f"have the sign of their target: it should be {expected}.")


def _count_right(scores, targets):
    return sum((s > 0) == (t > 0) for s, t in zip(scores, targets))


def _compare_with_target(scores, targets):
    return sum((s > 0) == t for s, t in zip(scores, targets)) / len(targets)


def _error_rate(scores, targets):
    return sum((s > 0) != (t > 0) for s, t in zip(scores, targets)) / len(targets)


q3 = Exercise(
    "the accuracy of a list of scores",
    _judge_accuracy,
    "A point is right when its score has the sign of its target: (s > 0) == (t > 0) is True. "
    "True counts as 1 in a sum; divide the count by the number of points.",
    wrong_examples=[(_count_right,), (_compare_with_target,), (_error_rate,)],
    answers=CODE,
)


# Exercise 4: the learning-rate schedule

def reference_learning_rate(k, steps):
    """The lesson's schedule: 1.0 at step 0, falling in a straight line towards 0.1."""
    return 1.0 - 0.9 * k / steps


def _judge_schedule(learning_rate):
    for k, steps in [(0, 100), (50, 100), (99, 100), (100, 200), (30, 60)]:
        got, expected = learning_rate(k, steps), reference_learning_rate(k, steps)
        if not close(got, expected, 1e-12):
            if k == 0:
                return f"at step 0 the rate should be 1.0 (it starts large); yours is {got}."
            if close(learning_rate(k, steps), 1.0):
                return (f"at step {k} of {steps} your rate is still 1.0: it never shrinks. "
                        "Beware of // (whole-number division): 0.9 * k / steps.")
            return (f"at step {k} of {steps} your rate is {got}, but it should be {expected:g}: "
                    "it falls by 0.9 over all the steps, from 1.0 to 0.1.")
    return None


def _rising(k, steps):
    return 0.1 + 0.9 * k / steps


def _to_zero(k, steps):
    return 1.0 - k / steps


def _whole_division(k, steps):
    return 1.0 - 0.9 * k // steps


q4 = Exercise(
    "the learning-rate schedule",
    _judge_schedule,
    "It starts at 1.0 and loses 0.9 over the whole run, a share k / steps of it by step k: "
    "1.0 - 0.9 * k / steps.",
    wrong_examples=[(_rising,), (_to_zero,), (_whole_division,)],
    answers=CODE,
)
