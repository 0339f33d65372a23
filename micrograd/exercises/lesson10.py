"""Exercises for lesson 10, a real classifier (micrograd's moons demo).

Your turns in the body: the demo's loss and accuracy (``loss_and_accuracy``) and one step of
its training loop (``train_step``), each judged against the references in
``micrograd.teaching.moons`` on a small seeded ``micrograd.MLP`` and a few points of
``micrograd.make_moons``, in several cases (the default alpha and others, a point used
twice, steps of runs of different lengths): the loss, every parameter's gradient, the
accuracy, the parameters after a few steps, and that the points were left as they were. A
call to the reference from the student's code is named as a shortcut. A wrong answer is
compared with the usual slips (a sum instead of the mean, no L2 penalty, no zero_grad, a
learning rate that does not shrink) to say which one it is.

End of lesson: the hinge loss of one point by hand (q1), which points push on their scores
(q2, without the engine), the pull of the L2 penalty on one weight (q3), and how the number
of parameters grows with the width of the layers (q4).
"""

import copy

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text
from micrograd.teaching import moons

# The check's data: 8 points of the moons, and a small seeded model for each run.


def _points():
    X, y = micrograd.make_moons(n_samples=8, noise=0.1, random_state=0)
    return X.tolist(), (2 * y - 1).tolist()


def _small_model():
    return micrograd.MLP(2, [8, 1], rng=25)


def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _left_alone(inputs, targets, kept_inputs, kept_targets):
    """A sentence when the student's code changed the points or the targets, else None."""
    if repr(inputs) != repr(kept_inputs) or repr(targets) != repr(kept_targets):
        return ("your function changed the points or the targets it was given; it should "
                "only read them (the lesson uses the same lists again and again).")
    return None


# Your turn: the demo's loss and accuracy

# (which of the check's points, alpha: None to call without it, so the default must be 1e-4)
LOSS_CASES = [(range(8), None), (range(5), 0.01), ([0, 1, 2, 0, 1], 0.0)]


def loss_accuracy_grads(loss_and_accuracy, points, alpha):
    """What ``loss_and_accuracy`` gives on some of the check's points: (loss, accuracy, grads)
    when it returns a Value and a number, else (what it returned, None, None). Also a
    sentence when it changed the points, the targets or the parameters."""
    every_input, every_target = _points()
    inputs = [every_input[i] for i in points]
    targets = [every_target[i] for i in points]
    kept_inputs, kept_targets = copy.deepcopy(inputs), list(targets)
    model = _small_model()
    kept = [p.data for p in model.parameters()]
    if alpha is None:
        answer = loss_and_accuracy(model, inputs, targets)
    else:
        answer = loss_and_accuracy(model, inputs, targets, alpha=alpha)
    changed = _left_alone(inputs, targets, kept_inputs, kept_targets)
    if changed is None and [p.data for p in model.parameters()] != kept:
        changed = ("your function changed the model's parameters; it should only compute "
                   "the loss (the update is train_step's job).")
    if not (isinstance(answer, tuple) and len(answer) == 2):
        return (answer, None, None), changed
    loss, accuracy = answer
    if not isinstance(loss, micrograd.Value) or not _is_number(accuracy):
        return (answer, None, None), changed
    model.zero_grad()
    loss.backward()
    return (loss.data, accuracy, [p.grad for p in model.parameters()]), changed


def _mean_hinge(model, inputs, targets):
    scores = [model(x) for x in inputs]
    return sum((1 - t * s).relu() for t, s in zip(targets, scores)) * (1.0 / len(scores)), scores


def _right(scores, targets):
    return sum((s.data > 0) == (t > 0) for t, s in zip(targets, scores)) / len(targets)


def _summed(model, inputs, targets, alpha=1e-4):
    scores = [model(x) for x in inputs]
    loss = sum((1 - t * s).relu() for t, s in zip(targets, scores))
    return loss + alpha * sum(p * p for p in model.parameters()), _right(scores, targets)


def _without_l2(model, inputs, targets, alpha=1e-4):
    loss, scores = _mean_hinge(model, inputs, targets)
    return loss, _right(scores, targets)


def _without_max(model, inputs, targets, alpha=1e-4):
    scores = [model(x) for x in inputs]
    loss = sum(1 - t * s for t, s in zip(targets, scores)) * (1.0 / len(scores))
    return loss + alpha * sum(p * p for p in model.parameters()), _right(scores, targets)


def _alpha_ignored(model, inputs, targets, alpha=1e-4):
    loss, scores = _mean_hinge(model, inputs, targets)
    return loss + 1e-4 * sum(p * p for p in model.parameters()), _right(scores, targets)


def _default_alpha_zero(model, inputs, targets, alpha=0.0):
    loss, scores = _mean_hinge(model, inputs, targets)
    return loss + alpha * sum(p * p for p in model.parameters()), _right(scores, targets)


def _l2_not_squared(model, inputs, targets, alpha=1e-4):
    loss, scores = _mean_hinge(model, inputs, targets)
    return loss + alpha * sum(p for p in model.parameters()), _right(scores, targets)


def _count_right(model, inputs, targets, alpha=1e-4):
    loss, scores = _mean_hinge(model, inputs, targets)
    loss = loss + alpha * sum(p * p for p in model.parameters())
    return loss, sum((s.data > 0) == (t > 0) for t, s in zip(targets, scores))


def _compare_with_target(model, inputs, targets, alpha=1e-4):
    loss, scores = _mean_hinge(model, inputs, targets)
    loss = loss + alpha * sum(p * p for p in model.parameters())
    return loss, sum((s.data > 0) == t for t, s in zip(targets, scores)) / len(targets)


def _loss_as_number(model, inputs, targets, alpha=1e-4):
    loss, scores = _mean_hinge(model, inputs, targets)
    loss = loss + alpha * sum(p * p for p in model.parameters())
    return loss.data, _right(scores, targets)


def _only_the_loss(model, inputs, targets, alpha=1e-4):
    loss, _ = _mean_hinge(model, inputs, targets)
    return loss + alpha * sum(p * p for p in model.parameters())


def _targets_to_classes(model, inputs, targets, alpha=1e-4):
    loss, scores = _mean_hinge(model, inputs, targets)
    loss = loss + alpha * sum(p * p for p in model.parameters())
    for i, t in enumerate(targets):  # turns the targets into True/False, in the caller's list
        targets[i] = t > 0
    return loss, sum((s.data > 0) == t for t, s in zip(targets, scores)) / len(targets)


def _calls_the_reference(model, inputs, targets, alpha=1e-4):
    return moons.loss_and_accuracy(model, inputs, targets, alpha)


LOSS_MISTAKES = [
    (_summed, "your loss adds the points' losses up; L is their mean, so that its size does "
     "not depend on how many points there are."),
    (_without_l2, "the L2 penalty is missing: L also has alpha times the sum of the squares "
     "of all the model's parameters."),
    (_without_max, "every point counts, even those right with a margin: what should a point "
     "with y·s > 1 add to the loss?"),
    (_alpha_ignored, "your loss is the one for alpha = 1e-4 whatever alpha it is given: is "
     "the argument alpha used?"),
    (_l2_not_squared, "the penalty adds up the parameters themselves; L2 adds up their "
     "squares, so that negative weights are pulled back too."),
]

ACCURACY_MISTAKES = [
    (lambda right, n: right * n, "your accuracy is how many points are right; the accuracy "
     "is the fraction of them, from 0 to 1."),
    (lambda right, n: 1 - right, "that is the fraction of wrong answers; the accuracy is "
     "the fraction right."),
    (lambda right, n: 100 * right, "that is a percentage; give the fraction, from 0 to 1."),
]


def _judge_loss_and_accuracy(loss_and_accuracy):
    accuracies = []
    for points, alpha in LOSS_CASES:
        n = len(points)
        called = "without alpha" if alpha is None else f"with alpha={alpha:g}"
        try:
            found, changed = loss_accuracy_grads(loss_and_accuracy, points, alpha)
        except TypeError as error:
            if "not supported between instances of 'Value'" not in str(error):
                raise
            return ("a Value cannot be compared with > or <; its number, .data, can. Look at "
                    "how your code decides whether a point is right.")
        if changed:
            return changed
        loss, accuracy, grads = found
        if grads is None:
            return _not_a_loss_and_accuracy(loss)
        expected, expected_accuracy, expected_grads = loss_accuracy_grads(
            moons.loss_and_accuracy, points, alpha)[0]
        if not close(loss, expected, 1e-12):
            for mistake, message in LOSS_MISTAKES:
                if close(loss, loss_accuracy_grads(mistake, points, alpha)[0][0], 1e-12):
                    if mistake is _without_l2 and alpha is None and _penalty_when_given(
                            loss_and_accuracy):
                        return ("called without alpha, your loss has no L2 penalty, but with "
                                "an alpha it has one: look at the default value of alpha in "
                                "the def line.")
                    return message
            return (f"on {n} points, called {called}, your loss is {loss:.6f}, but it should "
                    f"be {expected:.6f}. Look again at the formula for L above the cell: the "
                    "mean of the points' hinge losses, plus the penalty.")
        for i, (g, e) in enumerate(zip(grads, expected_grads)):
            if not close(g, e, 1e-9):
                return (f"the loss is right, but parameter {i}'s gradient is {g:.6f}, not "
                        f"{e:.6f}: is every part of L built from Values (the scores and the "
                        "parameters), not from their .data?")
        accuracies.append((n, points, alpha, accuracy, expected_accuracy))
    if all(close(got, want, 1e-12) for *_, got, want in accuracies):
        return None
    for wrong, message in ACCURACY_MISTAKES:  # the same slip in every case
        if all(close(got, wrong(want, n), 1e-12) for n, _, _, got, want in accuracies):
            return message
    if all(close(got, loss_accuracy_grads(_compare_with_target, points, alpha)[0][1], 1e-12)
           for _, points, alpha, got, _ in accuracies):
        return ("every point with target -1 counts as wrong: s.data > 0 is True or False, "
                "and True == 1, but False is not -1. Compare like with like.")
    n, _, _, got, want = next(a for a in accuracies if not close(a[3], a[4], 1e-12))
    return (f"the loss is right; on {n} of the check's points your accuracy is {got}, but it "
            f"should be {want}: the fraction of points whose score has the sign of their "
            "target.")


def _penalty_when_given(loss_and_accuracy):
    """True when ``loss_and_accuracy`` gives the right loss when it is given an alpha."""
    points, alpha = LOSS_CASES[1]
    loss = loss_accuracy_grads(loss_and_accuracy, points, alpha)[0][0]
    return close(loss, loss_accuracy_grads(moons.loss_and_accuracy, points, alpha)[0][0], 1e-12)


def _not_a_loss_and_accuracy(answer):
    """What to say when loss_and_accuracy did not return a Value and a number."""
    if answer is None:
        return "your function returns nothing: return the loss and the accuracy, in that order."
    if isinstance(answer, micrograd.Value):
        return "your function returns only the loss; return the accuracy after it, as a pair."
    if not (isinstance(answer, tuple) and len(answer) == 2):
        return (f"your function returned {as_text(answer)}; return two things, the loss and "
                "the accuracy, in that order.")
    loss, accuracy = answer
    if _is_number(loss):
        return ("your loss is a plain number; it must be a Value, so that backward() can run "
                "from it. Build it from the scores and the parameters, not from their .data.")
    if not isinstance(loss, micrograd.Value):
        return (f"the loss should be a Value; yours is {type(loss).__name__} "
                f"{as_text(loss)}. Is the order loss, then accuracy?")
    return (f"the accuracy should be a number from 0 to 1; yours is "
            f"{type(accuracy).__name__} {as_text(accuracy)}.")


loss_and_accuracy = Exercise(
    "the max-margin loss with L2, and the accuracy",
    _judge_loss_and_accuracy,
    ("Write L the way the formula above the cell reads, from left to right: first each "
     "point's score, then each point's hinge loss, then their mean, then the penalty. Which "
     "Value method gives max(0, ·)? For the accuracy, ask of each point: does its score have "
     "the sign of its target?",
     "A point's hinge loss is (1 - t·s).relu() for its score s and target t. The mean is the "
     "sum times 1/N. The penalty is alpha times the sum of p·p over model.parameters(). A "
     "point is right when (s.data > 0) equals (t > 0); True counts as 1 in a sum, so the sum "
     "of those over N is the accuracy."),
    wrong_examples=[(_summed,), (_without_l2,), (_without_max,), (_alpha_ignored,),
                    (_default_alpha_zero,), (_l2_not_squared,), (_count_right,),
                    (_compare_with_target,), (_loss_as_number,), (_only_the_loss,),
                    (_targets_to_classes,), (_calls_the_reference,)],
    answers=CODE,
    reference=moons.loss_and_accuracy,
    reference_name="micrograd.teaching.moons.loss_and_accuracy",
    forbidden=[moons.loss_and_accuracy],
)


# Your turn: one step of the training loop

# (k, steps) of calls in a row, on one model: runs of 100 and of 10 steps, so that a learning
# rate that ignores k or steps shows
STEPS = [(0, 100), (50, 100), (7, 10), (3, 4)]


def run_steps(train_step):
    """Calls in a row on one small model: for each, (loss, accuracy, the parameters after);
    or what a call returned when it was not a Value and a number; or a sentence when it
    changed the points or the targets."""
    inputs, targets = _points()
    kept_inputs, kept_targets = copy.deepcopy(inputs), list(targets)
    model = _small_model()
    found = []
    for k, steps in STEPS:
        answer = train_step(model, inputs, targets, k, steps)
        changed = _left_alone(inputs, targets, kept_inputs, kept_targets)
        if changed:
            return changed
        if not (isinstance(answer, tuple) and len(answer) == 2
                and isinstance(answer[0], micrograd.Value) and _is_number(answer[1])):
            return answer, None
        loss, accuracy = answer
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


def _always_100_steps(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    for p in model.parameters():
        p.data -= (1.0 - 0.9 * k / 100) * p.grad
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


def _equals_for_minus_equals(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    for p in model.parameters():
        p.data = (1.0 - 0.9 * k / steps) * p.grad
    return total_loss, accuracy


def _returns_nothing(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    for p in model.parameters():
        p.data -= (1.0 - 0.9 * k / steps) * p.grad


def _loss_after_the_update(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    for p in model.parameters():
        p.data -= (1.0 - 0.9 * k / steps) * p.grad
    return moons.loss_and_accuracy(model, inputs, targets)


def _number_not_value(model, inputs, targets, k, steps):
    total_loss, accuracy = moons.loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    for p in model.parameters():
        p.data -= (1.0 - 0.9 * k / steps) * p.grad
    return total_loss.data, accuracy


def _calls_the_reference_step(model, inputs, targets, k, steps):
    return moons.train_step(model, inputs, targets, k, steps)


STEP_MISTAKES = [
    (_forgets_zero_grad, "the gradients of earlier steps pile up in p.grad: what has to "
     "happen to them before each backward()?"),
    (_fixed_rate, "your learning rate stays 1.0 at every step; it should shrink as k goes "
     "up: look at the formula for η_k above the cell."),
    (_always_100_steps, "in a run of 10 steps your learning rate is the one for a run of "
     "100: is the argument steps used?"),
    (_uphill, "the parameters moved uphill, with the gradient: an update steps against it."),
    (_zero_grad_last, "the parameters did not move: look at the order of zero_grad() and "
     "backward(); after zero_grad(), every p.grad is 0."),
    (_equals_for_minus_equals, "the parameters were replaced by learning_rate × grad; an "
     "update changes each parameter by that much, it does not overwrite it."),
    (_loss_after_the_update, "you returned the loss after the update; return what the "
     "forward pass gave, from before it (the lesson prints the loss of each step)."),
]


def _same_run(found, expected):
    return isinstance(found, list) and len(found) == len(expected) and all(
        close(a[0], b[0], 1e-9) and close(a[1], b[1], 1e-12)
        and all(close(x, y, 1e-9) for x, y in zip(a[2], b[2]))
        for a, b in zip(found, expected))


def _judge_train_step(train_step):
    found = run_steps(train_step)
    if isinstance(found, str):
        return found
    if isinstance(found, tuple):
        answer = found[0]
        if answer is None:
            return ("your function returns nothing: return the loss (the Value itself) and the "
                    "accuracy of the forward pass.")
        if isinstance(answer, tuple) and len(answer) == 2 and _is_number(answer[0]):
            return ("your loss is a plain number; return the Value itself (the lesson reads "
                    "its .data), and the accuracy.")
        return (f"your function returned {as_text(answer)}; return two things, the loss (a "
                "Value) and the accuracy of the forward pass.")
    expected = run_steps(moons.train_step)
    if _same_run(found, expected):
        return None
    for mistake, message in STEP_MISTAKES:
        if _same_run(found, run_steps(mistake)):
            return message
    for (k, steps), got, want in zip(STEPS, found, expected):
        if not (close(got[0], want[0], 1e-9) and close(got[1], want[1], 1e-12)):
            return (f"at step {k} of {steps} you returned loss {as_text(got[0])} and accuracy "
                    f"{as_text(got[1])}, but the forward pass gives {want[0]:.4f} and "
                    f"{want[1]}: return what loss_and_accuracy gave, before the update.")
        if not all(close(x, y, 1e-9) for x, y in zip(got[2], want[2])):
            return (f"after step {k} of {steps} the parameters are not where they should be: "
                    "check the order (forward, zero_grad, backward, update) and the "
                    "learning rate η_k.")
    return "the steps differ from the reference's; compare your code with the formula above."


train_step = Exercise(
    "one training step",
    _judge_train_step,
    ("It is lesson 09's loop body, with one change: the learning rate depends on k and "
     "steps. Which four things happen in a step, and in which order? What must be returned "
     "so that the lesson can print the loss and the accuracy?",
     "Call your loss_and_accuracy on the model and the points, then zero_grad, then "
     "backward from the loss. Compute η = 1.0 - 0.9·k/steps, and move every parameter "
     "against its gradient by η times it. Return the loss Value and the accuracy that the "
     "forward pass gave."),
    wrong_examples=[(_forgets_zero_grad,), (_fixed_rate,), (_always_100_steps,), (_uphill,),
                    (_zero_grad_last,), (_equals_for_minus_equals,), (_returns_nothing,),
                    (_loss_after_the_update,), (_number_not_value,),
                    (_calls_the_reference_step,)],
    answers=CODE,
    reference=moons.train_step,
    reference_name="micrograd.teaching.moons.train_step",
    forbidden=[moons.train_step],
)


# Exercise 1: the hinge loss of one point, and its slope

TARGET, SCORE = -1, 0.4


def hinge_and_slope(target, score):
    """max(0, 1 - target·score) and its derivative with respect to the score, by the package."""
    s = micrograd.Value(score)
    loss = (1 - target * s).relu()
    loss.backward()
    return loss.data, s.grad


def _judge_one_example(loss, slope):
    expected_loss, expected_slope = hinge_and_slope(TARGET, SCORE)
    if close(loss, expected_loss, 1e-9) and close(slope, expected_slope, 1e-9):
        return None
    if not close(loss, expected_loss, 1e-9):
        if close(loss, 1 - SCORE, 1e-9):
            return ("a loss of 0.6 is 1 - y·s with y = +1; this point's target is -1. Work out "
                    "the margin y·s again, with its sign.")
        if close(loss, TARGET * SCORE, 1e-9):
            return "that is the margin y·s; the loss is max(0, 1 - y·s)."
        if close(loss, 0.0, 1e-9):
            return ("a loss of 0 means the point is right with a margin, y·s ≥ 1. What is y·s "
                    "for this point, and which side is it on?")
        return (f"the loss {as_text(loss)} is not max(0, 1 - y·s) with y = -1 and s = 0.4: "
                "work out y·s first.")
    if close(slope, -expected_slope, 1e-9):
        return ("the loss is right; the slope has the wrong sign. With y = -1, does 1 - y·s "
                "grow or shrink when s grows?")
    if close(slope, expected_loss, 1e-9):
        return ("the loss is right; the slope is the loss itself. The slope is how much the "
                "loss moves for each unit the score moves.")
    if close(slope, 0.0, 1e-9):
        return ("the loss is right. Its slope is not 0: the loss is above 0, so the ReLU is on "
                "its sloped side and passes the slope of 1 - y·s through.")
    return (f"the loss is right; the slope {as_text(slope)} is not. Where the loss is above 0 "
            "it is 1 - y·s: how much does that move when s moves by 1?")


q1 = Exercise(
    "the hinge loss of one example",
    _judge_one_example,
    ("Compute the margin y·s first. Is the point on the right side, and by at least 1? That "
     "says which piece of the hinge it is on, and so both its loss and whether the loss has "
     "a slope there.",
     "max(0, 1 - y·s) equals 1 - y·s wherever that is above 0. As a function of s, 1 - y·s "
     "is a straight line: its slope is the number that multiplies s, sign included."),
    wrong_examples=[(0.6, -1.0), (1.4, -1.0), (0.0, 0.0), (1.4, 1.4), (1.4, 0.0),
                    (-0.4, 1.0)],
    answers=NUMBERS,
)


# Exercise 2: which points push on their scores, without the engine

SCORE_CASES = [
    ([2.1, -0.3, 0.7, -1.5, 0.2, 1.4], [1, -1, -1, -1, 1, -1]),
    ([0.5, -2.0, 3.0, -0.9], [1, 1, 1, -1]),
    ([0.3, 0.3, -1.2, 1.7, 0.3], [1, 1, -1, -1, 1]),  # the same point three times
]


def reference_score_gradients(scores, targets):
    """d(mean of max(0, 1 - y·s))/ds for every score, by the package's backward()."""
    values = [micrograd.Value(s) for s in scores]
    loss = sum((1 - t * s).relu() for t, s in zip(targets, values)) * (1.0 / len(values))
    loss.backward()
    return [v.grad for v in values]


def _judge_score_gradients(score_gradients):
    for scores, targets in SCORE_CASES:
        given_scores, given_targets = list(scores), list(targets)
        got = score_gradients(given_scores, given_targets)
        if given_scores != scores or given_targets != targets:
            return ("your function changed the scores or the targets it was given; it "
                    "should only read them.")
        if got is None:
            return "your function returns nothing: return the list of gradients."
        if not isinstance(got, (list, tuple)) or len(got) != len(scores) \
                or not all(_is_number(g) for g in got):
            return (f"return a list of numbers, one gradient per score ({len(scores)} of them); "
                    f"got {as_text(got)}.")
        expected = reference_score_gradients(scores, targets)
        if all(close(g, e, 1e-12) for g, e in zip(got, expected)):
            continue
        n = len(scores)
        if all(close(g, e * n, 1e-12) for g, e in zip(got, expected)):
            return ("those are the slopes of each point's own loss; D is their mean, so look "
                    "at what the 1/N does to each slope.")
        if all(close(g, -e, 1e-12) for g, e in zip(got, expected)):
            return ("the signs are flipped: does a point's loss 1 - y·s go up or down when "
                    "its score moves towards its target?")
        wrong_side_only = [-t / n if t * s < 0 else 0.0 for s, t in zip(scores, targets)]
        if all(close(g, w, 1e-12) for g, w in zip(got, wrong_side_only)):
            return ("a point that is right but by less than the margin (0 < y·s < 1) still "
                    "pushes: its loss 1 - y·s is above 0. Which margins give a loss of 0?")
        if all(close(g, e, 1e-4) for g, e in zip(got, expected)):
            return ("close, but not exact: that looks like an estimate by nudging. The slope "
                    "of each piece of the hinge can be found exactly; work it out.")
        ratios = {round(g / e, 9) for g, e in zip(got, expected) if e != 0 and g != 0}
        if len(ratios) == 1 and all((g == 0) == (e == 0) for g, e in zip(got, expected)):
            return (f"on {n} points your gradients are {ratios.pop():g} times the right ones: "
                    "is the 1/N the number of points of this call?")
        return (f"for scores {scores} and targets {targets} your gradients are "
                f"{[as_text(g) for g in got]}; look at each point's margin y·s, and at what "
                "its share of D does when its score moves.")
    return None


def _per_point(scores, targets):
    return [-t if t * s < 1 else 0.0 for s, t in zip(scores, targets)]


def _wrong_side_only(scores, targets):
    return [-t / len(scores) if t * s < 0 else 0.0 for s, t in zip(scores, targets)]


def _flipped(scores, targets):
    return [t / len(scores) if t * s < 1 else 0.0 for s, t in zip(scores, targets)]


def _six_points(scores, targets):
    return [-t / 6 if t * s < 1 else 0.0 for s, t in zip(scores, targets)]


def _nudged(scores, targets, h=1e-6):
    def data_loss(values):
        return sum(max(0.0, 1 - t * s) for s, t in zip(values, targets)) / len(values)

    grads = []
    for i in range(len(scores)):
        nudged = list(scores)
        nudged[i] += h
        grads.append((data_loss(nudged) - data_loss(scores)) / h)
    return grads


def _margins_in_place(scores, targets):
    for i, t in enumerate(targets):
        scores[i] *= t  # the margins, written over the scores
    return [-t / len(scores) if m < 1 else 0.0 for m, t in zip(scores, targets)]


def _by_the_engine(scores, targets):
    values = [micrograd.Value(s) for s in scores]
    loss = sum((1 - t * v).relu() for t, v in zip(targets, values)) * (1.0 / len(values))
    loss.backward()
    return [v.grad for v in values]


q2 = Exercise(
    "which points push on their scores",
    _judge_score_gradients,
    ("Each point's share of D depends on its own score only. Sort the points by their "
     "margin y·s: for which of them does the share change when the score moves a little, "
     "and for which is it stuck at 0? Then think about what the 1/N in the mean does.",
     "Where y·s < 1, a point's share is (1 - y·s)/N, a straight line in s whose slope is "
     "-y/N. Where y·s > 1, its share is 0 whatever s does nearby, so its slope is 0."),
    wrong_examples=[(_per_point,), (_wrong_side_only,), (_flipped,), (_six_points,),
                    (_nudged,), (_margins_in_place,), (_by_the_engine,)],
    answers=CODE,
    forbidden=[micrograd.Value.backward, micrograd.central_difference,
               micrograd.forward_difference],
)


# Exercise 3: the pull of the L2 penalty on one weight

ALPHA, WEIGHT = 1e-4, 3.0


def _judge_l2_pull(gradient, after):
    expected = 2 * ALPHA * WEIGHT
    if close(gradient, expected, 1e-12) and close(after, WEIGHT - expected, 1e-12):
        return None
    if close(gradient, ALPHA * WEIGHT, 1e-12):
        return "the gradient is half what it should be: take the derivative of p² again."
    if close(gradient, ALPHA * WEIGHT**2, 1e-12):
        return "that is the penalty α·p² itself; the gradient is its slope with respect to p."
    if close(gradient, 2 * WEIGHT, 1e-12):
        return "that is the slope of p² alone; the penalty is α times p²."
    if not close(gradient, expected, 1e-12):
        return (f"the gradient {as_text(gradient)} is not the slope of α·p² at p = 3 with "
                "α = 1e-4.")
    if close(after, WEIGHT + expected, 1e-12):
        return "the gradient is right; the update goes against the gradient, not with it."
    if close(after, WEIGHT, 1e-12):
        return "the gradient is right; p_after is where one update with that gradient takes p."
    if close(after, expected, 1e-12) or close(after, -expected, 1e-12):
        return ("the gradient is right; p_after is where p lands after the update, not how "
                "far it moves.")
    return (f"the gradient is right; p_after {as_text(after)} is not where one update with "
            "learning rate 1.0 takes p = 3.0.")


q3 = Exercise(
    "the pull of the L2 penalty",
    _judge_l2_pull,
    ("The penalty α·p² is a function of p alone, like 3x² in lesson 01: what is its "
     "derivative with respect to p? Put in the numbers. Then remember which way an update "
     "moves a parameter.",
     "d(α·p²)/dp = 2·α·p. One update with learning rate 1.0 is p minus 1.0 times the "
     "gradient, so p moves a little towards 0."),
    wrong_examples=[(0.0003, 2.9997), (0.0009, 2.9991), (0.0006, 3.0006), (6.0, -3.0),
                    (0.0006, 3.0), (0.0006, 0.0006)],
    answers=NUMBERS,
)


# Exercise 4: how the number of parameters grows with the width

def _count(width):
    """The parameters of MLP(2, [width, width, 1]), as the package counts them."""
    return len(micrograd.MLP(2, [width, width, 1]).parameters())


def _by_layer(width, weights=True, biases=True, output=True):
    count = lambda n, m: n * (m * weights + biases)  # noqa: E731
    return count(width, 2) + count(width, width) + (count(1, width) if output else 0)


COUNT_MISTAKES = [
    (lambda w: _by_layer(w, biases=False), "you counted the weights; every neuron also has "
     "a bias."),
    (lambda w: _by_layer(w, output=False), "the output layer is missing: one neuron, which "
     "sees every neuron of the last hidden layer."),
    (lambda w: 2 * w + 1, "that counts the neurons; count each one's weights (one per input) "
     "and its bias."),
]


def _judge_widths(half_width, double_width):
    half, double = _count(8), _count(32)  # 105 and 1185
    if close(half_width, half) and close(double_width, double):
        return None
    if close(half_width, double) and close(double_width, half):
        return "the two are swapped: the first is for [8, 8, 1], the second for [32, 32, 1]."
    if close(half_width, 337 / 2, 0.5) and close(double_width, 2 * 337):
        return ("that is 337 halved and doubled, a guess that the count is proportional to "
                "the width. Count a layer at a time: which layer's count does not grow like "
                "the width?")
    for name, width, got in [("first", 8, half_width), ("second", 32, double_width)]:
        if close(got, _count(width)):
            continue
        for mistake, message in COUNT_MISTAKES:
            if close(got, mistake(width)):
                return f"the {name} answer: {message}"
        if close(got, 337 * width / 16, 0.5):
            return (f"the {name} answer scales 337 with the width; the middle layer has "
                    "width × (width + 1) parameters, which grows faster. Count it layer by "
                    "layer.")
        return (f"the {name} answer, {as_text(got)}, is not it. Count each layer: (neurons) × "
                f"(inputs + 1), with 2 inputs to the first layer and {width} to the others.")
    return None


q4 = Exercise(
    "the parameters of a narrower and a wider network",
    _judge_widths,
    ("Do it as lesson 08 and the moons model did, a layer at a time: for each layer, how "
     "many neurons, and how many numbers does each neuron hold? Which layer sees the most "
     "inputs?",
     "A layer of n neurons that each see m inputs has n·(m + 1) parameters: m weights and "
     "one bias each. The first hidden layer sees 2 inputs; the second and the output see "
     "the width of the layer before."),
    wrong_examples=[(168, 674), (88, 1120), (96, 1152), (17, 65), (105, 674), (1185, 105),
                    (105, 1152)],
    answers=NUMBERS,
)
