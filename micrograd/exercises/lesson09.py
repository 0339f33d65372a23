"""Exercises for lesson 09, training: the squared-error loss, one training step, the gradient
of the loss for one prediction, the mean squared error and the learning rate that goes with
it, one example at a time.

The "your turn" cells of the lesson (``squared_error``, ``train_step``) judge the student's
functions on the lessons' own engine (``micrograd.teaching``'s Value and MLP): the loss and
its gradients on several cases (one prediction used twice, one example, two, four), and the
parameters after two training steps from the same weights, at learning rates other than the
lesson's 0.1 and on a dataset with an example repeated. They check that the student's code
changes neither the predictions, the targets nor the dataset it is given, and that it returns
what the lesson uses. A wrong training step is run next to the usual mistakes (no
``zero_grad``, the wrong sign, the moves in the wrong order, a learning rate of its own) to
say which one it is. A call into the lesson's reference is named as a shortcut (the
reference itself, handed in, passes: the lesson goes on with it anyway). The end-of-lesson
exercises are ``q1`` to ``q3``.
"""

import micrograd
from micrograd import teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text


def lecture_mlp(seed):
    """The lecture's network, MLP(3, [4, 4, 1]) with tanh everywhere, from ``seed``."""
    return micrograd.MLP(3, [4, 4, 1], activation="tanh", output_activation="tanh", rng=seed)


def teaching_mlp(seed):
    """The lessons' own MLP(3, [4, 4, 1]), holding the numbers of ``lecture_mlp(seed)``."""
    return teaching.copy_parameters(lecture_mlp(seed), teaching.MLP(3, [4, 4, 1]))


def _number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


# Your turn: the squared-error loss

LOSS_CASES = [  # predictions, targets
    ([0.3, -0.2, 0.9, 0.5], [1.0, -1.0, -1.0, 1.0]),
    ([-0.7, 0.4], [1.0, 1.0]),
    ([0.6], [-1.0]),
]


def _loss_problem(loss_function, mean):
    """Judge a loss that should be the sum of the squared errors, or their ``mean``."""
    def scale(n):
        return 1 / n if mean else 1

    for numbers, targets in LOSS_CASES:
        predictions = [teaching.Value(p) for p in numbers]
        given, given_targets = list(predictions), list(targets)
        loss = loss_function(given, given_targets)
        shown = f"predictions {numbers} and targets {targets}"
        if given != predictions or any(a is not b for a, b in zip(given, predictions)) or \
                [p.data for p in predictions] != numbers or given_targets != targets:
            return (f"for {shown} your function changed what it was given (the list of "
                    "predictions, a prediction's data, or the targets): a loss reads them and "
                    "leaves them as they were.")
        if loss is None:
            return "your function gives back None: is a `return` missing?"
        if not hasattr(loss, "backward"):
            return (f"your function returned {type(loss).__name__} {as_text(loss)}; return "
                    "the Value itself (not its .data), so that backward() can run from it.")
        if not _number(loss.data):
            return (f"your loss is a Value whose data is {as_text(loss.data)}, not a number: "
                    "is a Value wrapped inside another Value?")
        n = len(targets)
        terms = [(p - y) ** 2 for p, y in zip(numbers, targets)]
        total = sum(terms)
        if n > 1 and not mean and close(loss.data * n, total, 1e-9):
            return "that is the mean of the squared errors; the lesson's loss is their sum."
        if n > 1 and mean and close(loss.data, total, 1e-9):
            return ("that is the sum of the squared errors; the mean divides it by the number "
                    "of examples.")
        if n != 4 and mean and close(loss.data * 4, total, 1e-9):
            return (f"for {n} examples your loss divides by 4: divide by the number of "
                    "examples you are given, whatever it is.")
        errors = sum(p - y for p, y in zip(numbers, targets))
        if close(loss.data, errors, 1e-9) or close(loss.data, errors / n, 1e-9):
            return "that adds up the errors without squaring them."
        if n > 1 and (close(loss.data, terms[-1], 1e-9) or
                      close(loss.data, terms[-1] / n, 1e-9)):
            return (f"for {shown} your loss is only the last example's term: does a loop "
                    "replace the total at each example instead of adding to it?")
        if not close(loss.data, scale(n) * total, 1e-9):
            return (f"for {shown} your loss is {as_text(loss.data)}, but it should be "
                    f"{scale(n) * total:.4f}. Is each term prediction minus target, squared?")
        loss.backward()
        for i, (p, x, y) in enumerate(zip(predictions, numbers, targets), start=1):
            if not close(p.grad, scale(n) * 2 * (x - y), 1e-9):
                return (f"the number is right, but after backward() prediction {i}'s grad is "
                        f"{as_text(p.grad)} instead of {scale(n) * 2 * (x - y):.4f}: build the "
                        "loss from the predictions' Values, not from their .data.")
    shared = teaching.Value(0.25)  # one prediction used for two examples: grads add up
    loss_function([shared, shared], [1.0, -1.0]).backward()
    if not close(shared.grad, scale(2) * (2 * (0.25 - 1) + 2 * (0.25 + 1)), 1e-9):
        return ("with one prediction used for two examples, its grad should be the sum of "
                "both terms' gradients: build the loss from the Values with +.")
    return None


def _judge_loss(squared_error):
    return _loss_problem(squared_error, mean=False)


def _mean_squared_error(predictions, targets):
    return sum((p - y) ** 2 for p, y in zip(predictions, targets)) * (1 / len(targets))


def _unsquared_error(predictions, targets):
    return sum(p - y for p, y in zip(predictions, targets))


def _loss_as_number(predictions, targets):
    return sum((p - y) ** 2 for p, y in zip(predictions, targets)).data


def _loss_of_the_last_example(predictions, targets):  # = where the total should grow
    for p, y in zip(predictions, targets):
        loss = (p - y) ** 2
    return loss


def _loss_overwriting_the_predictions(predictions, targets):
    for i, y in enumerate(targets):
        predictions[i] = (predictions[i] - y) ** 2
    return sum(predictions)


def _loss_of_the_sum(predictions, targets):
    return sum((p + y) ** 2 for p, y in zip(predictions, targets))


def _loss_through_the_reference(predictions, targets):
    return teaching.squared_error(predictions, targets)


squared_error = Exercise(
    "the squared-error loss",
    _judge_loss,
    ("Look at the formula for L: what is one example's term, built from its prediction (a "
     "Value) and its target (a number), and how are the terms put together?",
     "Each term is the prediction minus the target, squared, one term per pair of "
     "zip(predictions, targets); the loss is the sum of the terms. Return the Value the sum "
     "gives, not its .data, so that backward() can start from it.",
     "sum(...) of a generator adds Values as well as numbers. Do not change the lists you "
     "are given: make new Values."),
    wrong_examples=[(_mean_squared_error,), (_unsquared_error,), (_loss_as_number,),
                    (_loss_of_the_last_example,), (_loss_overwriting_the_predictions,),
                    (_loss_of_the_sum,), (_loss_through_the_reference,)],
    answers=CODE,
    reference=teaching.squared_error,
    reference_name="micrograd.teaching.squared_error",
    forbidden=(teaching.squared_error,),
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


def _step_zero_grad_after_backward(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    loss.backward()
    model.zero_grad()
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return loss


def _step_at_its_own_rate(model, xs, ys, learning_rate):  # ignores learning_rate
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= 0.1 * p.grad
    return loss


def _step_with_the_mean(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys)) * (1 / len(xs))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return loss


def _step_returning_nothing(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad


def _step_returning_a_number(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return loss.data


def _step_returning_the_new_loss(model, xs, ys, learning_rate):
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return sum((model(x) - y) ** 2 for x, y in zip(xs, ys))


def _step_reversing_the_data(model, xs, ys, learning_rate):  # reverses the caller's lists
    xs.reverse()
    ys.reverse()
    loss = sum((model(x) - y) ** 2 for x, y in zip(xs, ys))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return loss


def _step_through_the_reference(model, xs, ys, learning_rate):
    return teaching.train_step(model, xs, ys, learning_rate)


STEP_MISTAKES = [
    (_step_without_zero_grad, "your second step moved the parameters by both steps' "
     "gradients: backward() adds to every grad, so what must happen to the old ones before "
     "it runs?"),
    (_step_uphill, "your step goes uphill, in the direction that makes the loss bigger: "
     "which way should a parameter move, given its gradient?"),
    (_step_update_before_backward, "your update uses the gradient of the step before: look "
     "at the order of the four moves."),
    (_step_with_the_mean, "your steps are those of the mean of the squared errors; the "
     "lesson's loss is their sum, as squared_error computes it."),
]

TINY_XS, TINY_YS = micrograd.tiny_dataset()
STEP_CASES = [  # seed, learning rate (never the lesson's 0.1), examples (one used twice)
    (7, 0.03, TINY_XS, TINY_YS),
    (3, 0.2, TINY_XS, TINY_YS),
    (5, 0.05, TINY_XS[:3] + TINY_XS[:1], TINY_YS[:3] + TINY_YS[:1]),
]
OTHER_RATES = (0.1, 0.05, 0.01, 0.03, 0.2, 0.5, 1.0)


def parameters_after_two_steps(step, seed=7, learning_rate=0.1, xs=None, ys=None):
    """The lessons' own MLP from the package's seed, after two ``step``s on the examples
    (the tiny dataset unless given): its parameters, what each step returned, and whether
    the step changed the examples it was given."""
    xs = TINY_XS if xs is None else xs
    ys = TINY_YS if ys is None else ys
    given_xs, given_ys = [list(x) for x in xs], list(ys)
    model = teaching_mlp(seed)
    losses, changed = [], False
    for _ in range(2):
        losses.append(step(model, given_xs, given_ys, learning_rate))
        changed = changed or given_xs != [list(x) for x in xs] or given_ys != list(ys)
    return [p.data for p in model.parameters()], losses, changed


def _same(a, b):
    return len(a) == len(b) and all(close(x, y, 1e-12) for x, y in zip(a, b))


def _return_problem(losses, expected_losses, after):
    """What is wrong with what two training steps returned, or None."""
    for loss, expected, new in zip(losses, expected_losses, after):
        if loss is None:
            return ("the parameters move as they should, but your function gives back None: "
                    "return the loss, the Value computed in the forward pass; the lesson "
                    "plots its data.")
        if not hasattr(loss, "data"):
            return (f"the parameters move as they should, but your function gives back "
                    f"{type(loss).__name__} {as_text(loss)}: return the loss Value itself, "
                    "not its .data.")
        if close(loss.data, expected.data, 1e-12):
            continue
        if close(loss.data, new, 1e-12):
            return ("the parameters move as they should, but you return the loss after the "
                    "update: return the loss of the forward pass, the one backward() ran "
                    "from.")
        return (f"the parameters move as they should, but the loss you return is "
                f"{as_text(loss.data)} instead of {expected.data:.4f}: return the loss of the "
                "forward pass.")
    return None


def _loss_now(model, xs, ys):
    return sum((model(x) - y) ** 2 for x, y in zip(xs, ys)).data


def _after_each_step(seed, learning_rate, xs, ys):
    """The loss after each of two reference steps (what a function returning the loss
    recomputed after the update would give)."""
    model = teaching_mlp(seed)
    found = []
    for _ in range(2):
        teaching.train_step(model, xs, ys, learning_rate)
        found.append(_loss_now(model, xs, ys))
    return found


def _step_problem(step, reference, mistakes, what, judge_return=True):
    for seed, learning_rate, xs, ys in STEP_CASES:
        got, losses, changed = parameters_after_two_steps(step, seed, learning_rate, xs, ys)
        if changed:
            return ("your function changed the examples it was given (xs or ys): training "
                    "reads the data and leaves it as it was; only the parameters move.")
        expected, expected_losses, _ = parameters_after_two_steps(reference, seed,
                                                                  learning_rate, xs, ys)
        if _same(got, expected):
            if judge_return:
                problem = _return_problem(losses, expected_losses,
                                          _after_each_step(seed, learning_rate, xs, ys))
                if problem:
                    return problem
            continue
        if _same(got, [p.data for p in lecture_mlp(seed).parameters()]):
            return ("after two steps no parameter has moved: when your update runs, every "
                    "grad is 0. Look at the order of the four moves.")
        for rate in OTHER_RATES:
            if rate != learning_rate and _same(
                    got, parameters_after_two_steps(reference, seed, rate, xs, ys)[0]):
                return (f"asked for learning rate {learning_rate}, your step moved the "
                        f"parameters as learning rate {rate} would: does your update use the "
                        "learning_rate it is given?")
        for mistake, message in mistakes:
            if _same(got, parameters_after_two_steps(mistake, seed, learning_rate, xs, ys)[0]):
                return message
        if len(got) != len(expected):
            return "your function changed the number of parameters of the model."
        i = next(i for i, (g, e) in enumerate(zip(got, expected)) if not close(g, e, 1e-12))
        return (f"after two steps with learning rate {learning_rate}, parameter {i} is "
                f"{as_text(got[i])} but should be {expected[i]:.4f}. Check {what}.")
    return None


def _judge_step(train_step):
    return _step_problem(train_step, _reference_step, STEP_MISTAKES,
                         "the loss (the sum over the examples of the squared errors) and "
                         "the four moves: forward, zero_grad, backward, update")


train_step = Exercise(
    "one training step",
    _judge_step,
    ("Say the four moves out loud, in order, and for each one what it needs from the move "
     "before it. Which of them change grad, and which change data?",
     "Forward: the loss of the model's predictions for xs against ys, with your "
     "squared_error. Then reset every gradient with the model's zero_grad(), run backward() "
     "from the loss, and move every parameter a step of learning_rate times its gradient, "
     "against the gradient. Return the loss.",
     "The update goes through model.parameters() and changes each p.data; use the "
     "learning_rate argument, never a number of your own, and return the loss Value from "
     "the forward pass (not its .data)."),
    wrong_examples=[(_step_without_zero_grad,), (_step_uphill,), (_step_update_before_backward,),
                    (_step_zero_grad_after_backward,), (_step_at_its_own_rate,),
                    (_step_with_the_mean,),
                    (_step_returning_nothing,), (_step_returning_a_number,),
                    (_step_returning_the_new_loss,), (_step_reversing_the_data,),
                    (_step_through_the_reference,)],
    answers=CODE,
    reference=teaching.train_step,
    reference_name="micrograd.teaching.train_step",
    forbidden=(teaching.train_step,),
)


# Exercise 1: the gradient of the loss for two predictions

def untrained_prediction_grads(seed=1337):
    """dL/d(prediction) for the first two examples, for the untrained network from ``seed``."""
    xs, ys = micrograd.tiny_dataset()
    model = lecture_mlp(seed)
    return tuple(2 * (model(x).data - y) for x, y in list(zip(xs, ys))[:2])


# "to 3 decimals": half a unit of the third decimal, plus what working from the predictions
# as printed (to 4 decimals) can add, 2 · 0.00005
PREDICTION_GRAD_TOL = 5e-4 + 1e-4


def _judge_prediction_grads(g1, g2):
    e1, e2 = untrained_prediction_grads()
    tol = PREDICTION_GRAD_TOL
    p1, p2 = e1 / 2 + 1, e2 / 2 - 1  # the predictions

    def both(a, b):
        return close(g1, a, tol) and close(g2, b, tol)

    if both(e1, e2):
        return None
    if both(e2, e1):
        return "those are the right two numbers, swapped: the first is for the first example."
    if close(g1, e1 / 2, tol) or close(g2, e2 / 2, tol):
        return ("the derivative of a square is not the difference alone: what does the power "
                "rule give for d/dp of (p - y)²?")
    if close(g1, -e1, tol) or close(g2, -e2, tol):
        return ("check the sign: the first prediction is below its target, so raising it "
                "lowers the loss, and its gradient is negative.")
    if both(p1, p2):
        return "those are the predictions themselves; the question asks for dL/dp at them."
    if close(g1, (p1 - 1) ** 2, tol) or close(g2, (p2 + 1) ** 2, tol):
        return ("those are the terms of the loss, (p - y)²; the question asks for their "
                "derivative with respect to p.")
    if close(g1, e1 / 4, tol) or close(g2, e2 / 4, tol):
        return ("that divides by the 4 examples, as a mean would; the lesson's loss is the "
                "sum, so no division.")
    if close(g1, e1, 5e-3) and close(g2, e2, 5e-3):
        return ("close, but not to 3 decimals: work from the predictions as printed, to 4 "
                "decimals, and round only at the end.")
    if close(g1, e1, tol):
        return ("the first one is right; look again at the second example: its target is "
                "-1.")
    if close(g2, e2, tol):
        return "the second one is right; look again at the first example: its target is +1."
    return ("only one term of L depends on each prediction. Take the prediction and the "
            "target of each example from the table above, and differentiate that term.")


q1 = Exercise(
    "the gradient of the loss for the first two predictions",
    _judge_prediction_grads,
    ("Of the four terms of L, which ones change when the first prediction changes? You only "
     "need to differentiate that one.",
     "L = sum_i (p_i - y_i)², and only the term i depends on p_i; by the power rule and the "
     "chain rule, d/dp of (p - y)² is 2·(p - y). The untrained network predicts +0.2769 and "
     "+0.2528; the targets are +1 and -1."),
    wrong_examples=[(-0.7231, 1.2528), (1.4462, -2.5056), (2.5056, -1.4462), (0.2769, 0.2528),
                    (0.5229, 1.5695), (-0.3616, 0.6264), (-1.4462, -1.4944), (-1.45, 2.51)],
    answers=NUMBERS,
)


# Exercise 2: the mean squared error, and the learning rate that takes the same steps

def same_step_rate(learning_rate=0.1):
    """The learning rate with which a step on the mean loss over the tiny dataset moves the
    parameters as a step of ``learning_rate`` on the summed loss: the mean's gradients are
    the sum's divided by the number of examples."""
    return learning_rate * len(TINY_XS)


def _judge_mean_loss(mean_squared_error, learning_rate):
    if not callable(mean_squared_error):
        return (f"the first answer should be your function mean_squared_error, by its name (no "
                f"quotes, no brackets); got {type(mean_squared_error).__name__} "
                f"{as_text(mean_squared_error)}.")
    problem = _loss_problem(mean_squared_error, mean=True)
    if problem:
        return problem
    if not _number(learning_rate):
        return (f"the second answer should be a number, the learning rate, such as 0.5 "
                f"(without quotes); got {type(learning_rate).__name__} "
                f"{as_text(learning_rate)}.")
    expected = same_step_rate()
    if close(learning_rate, expected, 1e-9):
        return None
    if close(learning_rate, 0.1, 1e-9):
        return ("your function is right. With the same learning rate the steps are smaller: "
                "how do the mean's gradients compare with the sum's?")
    if close(learning_rate, 0.1 / len(TINY_XS), 1e-9):
        return ("your function is right. The mean's gradients are smaller than the sum's, so "
                "to move as far, should the step size be smaller still, or bigger?")
    return ("your function is right. Compare the gradient of the mean with the gradient of "
            "the sum, for the 4 examples: what must the learning rate make up for?")


def _mean_without_squares(predictions, targets):
    return sum(p - y for p, y in zip(predictions, targets)) * (1 / len(targets))


def _mean_as_number(predictions, targets):
    return (sum((p - y) ** 2 for p, y in zip(predictions, targets)) * (1 / len(targets))).data


def _mean_over_four(predictions, targets):
    return sum((p - y) ** 2 for p, y in zip(predictions, targets)) * 0.25


def _mean_without_return(predictions, targets):
    sum((p - y) ** 2 for p, y in zip(predictions, targets)) * (1 / len(targets))


def _mean_of_the_last_example(predictions, targets):
    for p, y in zip(predictions, targets):
        loss = (p - y) ** 2 * (1 / len(targets))
    return loss


def _mean_overwriting_the_predictions(predictions, targets):
    for i, y in enumerate(targets):
        predictions[i] = (predictions[i] - y) ** 2
    return sum(predictions) * (1 / len(targets))


q2 = Exercise(
    "the mean squared error and its learning rate",
    _judge_mean_loss,
    ("Start from your squared_error: what changes when you take the mean instead of the sum? "
     "Then compare the gradient of the mean with the gradient of the sum.",
     "The mean is the sum of the squared errors divided by the number of examples; a Value "
     "divided by a plain number is still a Value. Dividing the loss by n divides every "
     "gradient by n, and a step moves a parameter by the learning rate times its gradient."),
    wrong_examples=[(teaching.squared_error, 0.4), (_mean_without_squares, 0.4),
                    (_mean_as_number, 0.4), (_mean_over_four, 0.4), (_mean_without_return, 0.4),
                    (_mean_of_the_last_example, 0.4), (_mean_overwriting_the_predictions, 0.4),
                    (_mean_squared_error, 0.1), (_mean_squared_error, 0.025),
                    (_mean_squared_error, 0.8), (_mean_squared_error, "0.4")],
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


def _pass_update_after_the_loop(model, xs, ys, learning_rate):  # one update, the last example
    for x, y in zip(xs, ys):
        loss = (model(x) - y) ** 2
        model.zero_grad()
        loss.backward()
    for p in model.parameters():
        p.data -= learning_rate * p.grad


def _pass_at_its_own_rate(model, xs, ys, learning_rate):  # ignores learning_rate
    for x, y in zip(xs, ys):
        loss = (model(x) - y) ** 2
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= 0.1 * p.grad


def _pass_uphill(model, xs, ys, learning_rate):
    for x, y in zip(xs, ys):
        loss = (model(x) - y) ** 2
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data += learning_rate * p.grad


def _pass_of_whole_steps(model, xs, ys, learning_rate):  # the whole loss, once per example
    for _ in zip(xs, ys):
        teaching.train_step(model, xs, ys, learning_rate)


def _pass_emptying_the_data(model, xs, ys, learning_rate):  # pops the caller's lists
    while xs:
        x, y = xs.pop(0), ys.pop(0)
        loss = (model(x) - y) ** 2
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= learning_rate * p.grad


PASS_MISTAKES = [
    (teaching.train_step, "that is one step on the whole loss, a single update; here each "
     "example gets its own four moves, so one pass makes as many updates as there are "
     "examples."),
    (_pass_without_zero_grad, "each example's backward() added to the gradients left by the "
     "examples before it: what must happen to them first?"),
    (_pass_forward_first, "your forward passes all ran before the first update, so the later "
     "examples' gradients belong to the old parameters: when should each example's forward "
     "pass run?"),
    (_pass_update_after_the_loop, "your pass makes a single update, from the last example's "
     "gradient: look at which moves are inside the loop over the examples."),
    (_pass_of_whole_steps, "each of your updates comes from the loss of all the examples; "
     "here each update comes from one example's loss alone."),
    (_pass_uphill, "your updates go uphill, making each example's loss bigger: which way "
     "should a parameter move, given its gradient?"),
]


class _Ignoring:
    """A training function whose return value is not judged (it returns None)."""

    def __init__(self, function):
        self.function = function

    def __call__(self, *args):
        self.function(*args)


def _judge_pass(one_at_a_time):
    return _step_problem(_Ignoring(one_at_a_time), _Ignoring(_reference_pass),
                         [(_Ignoring(m), message) for m, message in PASS_MISTAKES],
                         "each example's four moves: its own loss, its squared error, then "
                         "zero_grad, backward, update", judge_return=False)


q3 = Exercise(
    "one pass, one example at a time",
    _judge_pass,
    ("How many updates does one pass make, and what does each one need? Think of train_step "
     "as one update from all the examples, and ask what changes when there is one update per "
     "example.",
     "A loop over the pairs of xs and ys. Inside it, for that one example: its loss, the "
     "model's output minus the target, squared; then zero_grad, backward from that loss, and "
     "the update of every parameter with the learning_rate it is given."),
    wrong_examples=[(teaching.train_step,), (_pass_without_zero_grad,), (_pass_forward_first,),
                    (_pass_update_after_the_loop,), (_pass_at_its_own_rate,), (_pass_uphill,),
                    (_pass_of_whole_steps,),
                    (_pass_emptying_the_data,)],
    answers=CODE,
)
