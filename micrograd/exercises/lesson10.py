"""Exercises for lesson 10, a real classifier (micrograd's moons demo).

Your turns in the body: the demo's loss and accuracy (``loss_and_accuracy``) and one step of
its training loop (``train_step``), each judged against the references in
``micrograd.teaching.moons`` on a small seeded ``micrograd.MLP`` and a few points of
``micrograd.make_moons``: the loss, every parameter's gradient, the accuracy, and the
parameters after a few steps. A wrong answer is compared with the usual slips (a sum instead
of the mean, no L2 penalty, no zero_grad, a learning rate that does not shrink) to say which
one it is.

End of lesson: the hinge loss of one point by hand (q1), which points push on their scores
(q2), the pull of the L2 penalty on one weight (q3), and counting another MLP's
parameters (q4).
"""

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.teaching import moons

# The check's data: 8 points of the moons, and a small seeded model for each run.


def _points():
    X, y = micrograd.make_moons(n_samples=8, noise=0.1, random_state=0)
    return X.tolist(), (2 * y - 1).tolist()


def _small_model():
    return micrograd.MLP(2, [8, 1], rng=25)


# Your turn: the demo's loss and accuracy

LOSS_CASES = [(8, 1e-4), (5, 0.01)]  # (how many of the points, alpha)


def loss_accuracy_grads(loss_and_accuracy, n, alpha):
    """What ``loss_and_accuracy`` gives on the first n check points: loss, accuracy, grads."""
    inputs, targets = _points()
    model = _small_model()
    answer = loss_and_accuracy(model, inputs[:n], targets[:n], alpha=alpha)
    if not (isinstance(answer, tuple) and len(answer) == 2):
        return answer, None, None
    loss, accuracy = answer
    if not isinstance(loss, micrograd.Value):
        return loss, accuracy, None
    model.zero_grad()
    loss.backward()
    return loss.data, accuracy, [p.grad for p in model.parameters()]


def _summed(model, inputs, targets, alpha=1e-4):
    scores = [model(x) for x in inputs]
    loss = sum((1 - t * s).relu() for t, s in zip(targets, scores))
    return loss + alpha * sum(p * p for p in model.parameters()), _right(scores, targets)


def _without_l2(model, inputs, targets, alpha=1e-4):
    scores = [model(x) for x in inputs]
    loss = sum((1 - t * s).relu() for t, s in zip(targets, scores)) * (1.0 / len(scores))
    return loss, _right(scores, targets)


def _without_max(model, inputs, targets, alpha=1e-4):
    scores = [model(x) for x in inputs]
    loss = sum(1 - t * s for t, s in zip(targets, scores)) * (1.0 / len(scores))
    return loss + alpha * sum(p * p for p in model.parameters()), _right(scores, targets)


def _alpha_fixed(model, inputs, targets, alpha=1e-4):
    return moons.loss_and_accuracy(model, inputs, targets)


def _right(scores, targets):
    return sum((s.data > 0) == (t > 0) for t, s in zip(targets, scores)) / len(targets)


def _count_right(model, inputs, targets, alpha=1e-4):
    loss, accuracy = moons.loss_and_accuracy(model, inputs, targets, alpha)
    return loss, accuracy * len(targets)


def _compare_with_target(model, inputs, targets, alpha=1e-4):
    loss, _ = moons.loss_and_accuracy(model, inputs, targets, alpha)
    return loss, sum((model(x).data > 0) == t for x, t in zip(inputs, targets)) / len(targets)


LOSS_MISTAKES = [
    (_summed, "your loss adds the points' losses up; take their mean (divide by the number "
     "of points), so that its size does not depend on how many there are."),
    (_without_l2, "the L2 penalty is missing: add alpha times the sum of p * p over "
     "model.parameters()."),
    (_without_max, "every point counts, even those right with a margin: take "
     "max(0, 1 - y·s) with .relu(), so that they add 0."),
    (_alpha_fixed, "with alpha=0.01 your loss is the one for alpha = 1e-4: use the argument "
     "alpha, not the number."),
]

ACCURACY_MISTAKES = [
    (lambda right, n: right * n, "your accuracy is how many points are right; divide by "
     "the number of points to get the fraction."),
    (lambda right, n: 1 - right, "that is the fraction of wrong answers; the accuracy is "
     "the fraction right."),
    (lambda right, n: 100 * right, "that is a percentage; give the fraction, from 0 to 1."),
]


def _judge_loss_and_accuracy(loss_and_accuracy):
    accuracies = []
    for n, alpha in LOSS_CASES:
        try:
            loss, accuracy, grads = loss_accuracy_grads(loss_and_accuracy, n, alpha)
        except TypeError as error:
            if "Value" not in str(error):
                raise
            return (f"{error}. A Value cannot be compared with > or <: compare its number, "
                    "s.data > 0.")
        if accuracy is None and grads is None:
            return (f"your function returned {type(loss).__name__} {loss!r}; return two "
                    "things, the loss and the accuracy: return total_loss, accuracy.")
        if grads is None:
            return (f"the loss should be a Value, so that backward() can run from it; yours "
                    f"is {type(loss).__name__} {loss!r}. Build it from the scores, not .data.")
        expected, expected_accuracy, expected_grads = loss_accuracy_grads(
            moons.loss_and_accuracy, n, alpha)
        if not close(loss, expected, 1e-12):
            for mistake, message in LOSS_MISTAKES:
                if close(loss, loss_accuracy_grads(mistake, n, alpha)[0], 1e-12):
                    return message
            return (f"on {n} points with alpha={alpha:g} your loss is {loss:.6f}, but it "
                    f"should be {expected:.6f}: the mean of max(0, 1 - y·s), plus alpha "
                    "times the sum of p².")
        for i, (g, e) in enumerate(zip(grads, expected_grads)):
            if not close(g, e, 1e-9):
                return (f"the loss is right, but parameter {i}'s gradient is {g:.6f}, not "
                        f"{e:.6f}: build the loss from Values (model(x), p), not from .data.")
        accuracies.append((n, alpha, accuracy, expected_accuracy))
    if all(close(got, want, 1e-12) for _, _, got, want in accuracies):
        return None
    for wrong, message in ACCURACY_MISTAKES:  # the same slip in every case
        if all(close(got, wrong(want, n), 1e-12) for n, _, got, want in accuracies):
            return message
    if all(close(got, loss_accuracy_grads(_compare_with_target, n, alpha)[1], 1e-12)
           for n, alpha, got, _ in accuracies):
        return ("s.data > 0 is True or False, and True == 1 but False != -1: every point "
                "with target -1 counts as wrong. Compare (s.data > 0) == (t > 0).")
    n, _, got, want = next(a for a in accuracies if not close(a[2], a[3], 1e-12))
    return (f"the loss is right; on {n} of the check's points your accuracy is {got}, but it "
            f"should be {want}: the fraction of points whose score has the sign of their "
            "target.")


loss_and_accuracy = Exercise(
    "the max-margin loss with L2, and the accuracy",
    _judge_loss_and_accuracy,
    "For each score s with target t: (1 - t * s).relu(). Their mean is sum(...) * (1.0 / "
    "len(...)); add alpha * sum(p * p for p in model.parameters()). A point is right when "
    "(s.data > 0) == (t > 0) (a Value cannot be compared with >, its .data can); True counts "
    "as 1 in a sum.",
    wrong_examples=[(_summed,), (_without_l2,), (_without_max,), (_alpha_fixed,),
                    (_count_right,), (_compare_with_target,)],
    answers=CODE,
    reference=moons.loss_and_accuracy,
    reference_name="micrograd.teaching.moons.loss_and_accuracy",
)


# Your turn: one step of the training loop

STEPS = [(0, 100), (50, 100), (7, 10)]  # (k, steps) of three calls in a row, on one model


def run_steps(train_step):
    """Three calls in a row on one small model: what each returned, and the parameters after."""
    inputs, targets = _points()
    model = _small_model()
    found = []
    for k, steps in STEPS:
        answer = train_step(model, inputs, targets, k, steps)
        if not (isinstance(answer, tuple) and len(answer) == 2):
            return answer
        loss, accuracy = answer
        if not isinstance(loss, micrograd.Value):
            return answer
        found.append((loss.data, accuracy, [p.data for p in model.parameters()]))
    return found


def _forgets_zero_grad(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    total_loss.backward()
    for p in model.parameters():
        p.data -= (1.0 - 0.9 * k / steps) * p.grad
    return total_loss, accuracy


def _fixed_rate(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    for p in model.parameters():
        p.data -= 1.0 * p.grad
    return total_loss, accuracy


def _uphill(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    for p in model.parameters():
        p.data += (1.0 - 0.9 * k / steps) * p.grad
    return total_loss, accuracy


def _zero_grad_last(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    total_loss.backward()
    model.zero_grad()
    for p in model.parameters():
        p.data -= (1.0 - 0.9 * k / steps) * p.grad
    return total_loss, accuracy


STEP_MISTAKES = [
    (_forgets_zero_grad, "the gradients of earlier steps pile up in p.grad: call "
     "model.zero_grad() before backward(), at every step."),
    (_fixed_rate, "your learning rate stays 1.0; it should shrink, 1.0 - 0.9 * k / steps: "
     "0.55 at step 50 of 100."),
    (_uphill, "the parameters moved uphill, with the gradient: step against it, "
     "p.data -= learning_rate * p.grad."),
    (_zero_grad_last, "the parameters did not move: zero_grad() comes before backward(); "
     "after it, every p.grad is 0."),
]


def _same_run(found, expected):
    return isinstance(found, list) and all(
        close(a[0], b[0], 1e-9) and close(a[1], b[1], 1e-12)
        and all(close(x, y, 1e-9) for x, y in zip(a[2], b[2]))
        for a, b in zip(found, expected))


def _judge_train_step(train_step):
    found = run_steps(train_step)
    if not isinstance(found, list):
        return (f"your function returned {type(found).__name__} {found!r}; return the loss "
                "(the Value itself) and the accuracy of the forward pass: return total_loss, "
                "accuracy.")
    expected = run_steps(moons.train_step)
    if _same_run(found, expected):
        return None
    for mistake, message in STEP_MISTAKES:
        if _same_run(found, run_steps(mistake)):
            return message
    for (k, steps), got, want in zip(STEPS, found, expected):
        if not (close(got[0], want[0], 1e-9) and close(got[1], want[1], 1e-12)):
            return (f"at step {k} of {steps} you returned loss {got[0]} and accuracy {got[1]}, "
                    f"but the forward pass gives {want[0]:.6f} and {want[1]}: return what "
                    "loss_and_accuracy gave, before the update.")
        if not all(close(x, y, 1e-9) for x, y in zip(got[2], want[2])):
            return (f"after step {k} of {steps} the parameters are not where they should be: "
                    "forward, model.zero_grad(), backward(), then p.data -= learning_rate * "
                    "p.grad with learning_rate = 1.0 - 0.9 * k / steps.")
    return "the steps differ from the reference's; compare your code with the formula above."


train_step = Exercise(
    "one training step",
    _judge_train_step,
    "Four lines and a loop: total_loss, accuracy = loss_and_accuracy(model, inputs, targets); "
    "model.zero_grad(); total_loss.backward(); learning_rate = 1.0 - 0.9 * k / steps; then "
    "for every p in model.parameters(), p.data -= learning_rate * p.grad. Return total_loss, "
    "accuracy.",
    wrong_examples=[(_forgets_zero_grad,), (_fixed_rate,), (_uphill,), (_zero_grad_last,)],
    answers=CODE,
    reference=moons.train_step,
    reference_name="micrograd.teaching.moons.train_step",
)


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


# Exercise 2: which points push on their scores

SCORE_CASES = [
    ([2.1, -0.3, 0.7, -1.5, 0.2, 1.4], [1, -1, -1, -1, 1, -1]),
    ([0.5, -2.0, 3.0, -0.9], [1, 1, 1, -1]),
]


def reference_score_gradients(scores, targets):
    """d(mean of max(0, 1 - y·s))/ds for every score, by the package's backward()."""
    values = [micrograd.Value(s) for s in scores]
    loss = sum((1 - t * s).relu() for t, s in zip(targets, values)) * (1.0 / len(values))
    loss.backward()
    return [v.grad for v in values]


def _judge_score_gradients(score_gradients):
    for scores, targets in SCORE_CASES:
        got = score_gradients(list(scores), list(targets))
        expected = reference_score_gradients(scores, targets)
        if not isinstance(got, list | tuple) or len(got) != len(scores):
            return (f"return a list with one gradient per score ({len(scores)} of them); "
                    f"got {got!r}.")
        if all(close(g, e, 1e-12) for g, e in zip(got, expected)):
            continue
        n = len(scores)
        if all(close(g, e * n, 1e-12) for g, e in zip(got, expected)):
            return ("those are the slopes of each point's own loss; the loss is their mean, "
                    f"so each is divided by the number of points ({n}).")
        if all(close(g, -e, 1e-12) for g, e in zip(got, expected)):
            return ("the signs are flipped: the slope of 1 - y·s with respect to s is -y, "
                    "divided by the number of points.")
        wrong_side_only = [-t / n if t * s < 0 else 0.0 for s, t in zip(scores, targets)]
        if all(close(g, w, 1e-12) for g, w in zip(got, wrong_side_only)):
            return ("a point that is right but by less than the margin (0 < y·s < 1) still "
                    "pushes: its loss 1 - y·s is above 0. The test is y·s < 1.")
        return (f"for scores {scores} and targets {targets} your gradients are {got}; "
                "look at each point's margin y·s: below 1 it pushes with -y / N, else 0.")
    return None


def _per_point(scores, targets):
    return [-t if t * s < 1 else 0.0 for s, t in zip(scores, targets)]


def _wrong_side_only(scores, targets):
    return [-t / len(scores) if t * s < 0 else 0.0 for s, t in zip(scores, targets)]


def _flipped(scores, targets):
    return [t / len(scores) if t * s < 1 else 0.0 for s, t in zip(scores, targets)]


q2 = Exercise(
    "which points push on their scores",
    _judge_score_gradients,
    "The data loss is (1/N)·Σ max(0, 1 - y·s). A point with margin y·s < 1 contributes "
    "(1 - y·s)/N, whose slope with respect to its s is -y/N; a point with y·s > 1 "
    "contributes 0, and so does its slope.",
    wrong_examples=[(_per_point,), (_wrong_side_only,), (_flipped,)],
    answers=CODE,
)


# Exercise 3: the pull of the L2 penalty on one weight

ALPHA, WEIGHT = 1e-4, 3.0


def _judge_l2_pull(gradient, after):
    expected_gradient = 2 * ALPHA * WEIGHT
    if close(gradient, expected_gradient, 1e-12) and close(after, WEIGHT - expected_gradient,
                                                           1e-12):
        return None
    if close(gradient, ALPHA * WEIGHT, 1e-12):
        return "the derivative of α·p² is 2·α·p: the 2 is missing."
    if close(gradient, ALPHA * WEIGHT**2, 1e-12):
        return "that is the penalty α·p² itself; its slope with respect to p is 2·α·p."
    if not close(gradient, expected_gradient, 1e-12):
        return f"the gradient {gradient} is not the slope of α·p² at p = 3 with α = 1e-4."
    if close(after, WEIGHT + expected_gradient, 1e-12):
        return "the gradient is right; the update goes against it: p - learning rate × grad."
    return "the gradient is right; the update is p - 1.0 × grad."


q3 = Exercise(
    "the pull of the L2 penalty",
    _judge_l2_pull,
    "d/dp of α·p² is 2·α·p. One step with learning rate 1.0 and only this gradient moves p "
    "to p - 1.0 × 2·α·p.",
    wrong_examples=[(0.0003, 2.9997), (0.0009, 2.9991), (0.0006, 3.0006)],
    answers=NUMBERS,
)


# Exercise 4: counting another MLP's parameters

def _judge_count(count):
    expected = len(micrograd.MLP(2, [8, 8, 1]).parameters())  # 8·3 + 8·9 + 1·9 = 105
    if close(count, expected):
        return None
    if close(count, 2 * 8 + 8 * 8 + 8 * 1):
        return "you counted the weights; every neuron also has a bias."
    if close(count, 8 * 3 + 8 * 9):
        return "the output layer is missing: one neuron with 8 weights and a bias."
    if close(count, 8 + 8 + 1):
        return "that counts the neurons; count each one's weights (one per input) and bias."
    return (f"{count} is not it. Count each layer: (neurons) × (inputs + 1), with 2 inputs "
            "to the first layer and 8 to the others.")


q4 = Exercise(
    "the parameters of MLP(2, [8, 8, 1])",
    _judge_count,
    "A layer of n neurons that each see m inputs has n·(m + 1) parameters: m weights and one "
    "bias each. Here: 8 neurons seeing 2 inputs, 8 seeing 8, and 1 seeing 8.",
    wrong_examples=[(88,), (96,), (17,)],
    answers=NUMBERS,
)
