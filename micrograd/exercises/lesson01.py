"""Exercises for lesson 01, derivatives.

In the body of the lesson ("your turn"): the slope estimate (f(x + h) - f(x)) / h written as a
function, and the slopes of d = a·b + c found by nudging b and c. At the end: a slope
predicted and measured, the central difference written by hand, and an input used twice.

Each judge compares the answer with ``micrograd.forward_difference`` or
``micrograd.central_difference`` on the lesson's functions, and returns None when it agrees or
a sentence saying what to look at.
"""

import math

from micrograd import central_difference, forward_difference
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close, not_a_number


def _f(x):
    """The lesson's parabola, f(x) = 3x² - 4x + 5."""
    return 3 * x**2 - 4 * x + 5


def _cube(x):
    return x * x * x


# ----- your turn · the slope estimate, as a function --------------------------------------

_SLOPE_POINTS = [(_f, "f", 3.0, 0.001), (_f, "f", -3.0, 0.01), (_cube, "x³", 2.0, 0.1),
                 (math.sin, "sin", 1.0, 0.001)]


def _judge_slope(slope):
    for func, name, x, h in _SLOPE_POINTS:
        got = slope(func, x, h)
        problem = not_a_number(got)
        if problem:
            return f"what slope({name}, {x:g}, h={h:g}) returns {problem}."
        expected = forward_difference(func, x, h)
        if close(got, expected, tol=1e-9):
            continue
        message = (f"for {name} at x = {x:g} with h = {h:g}, slope gives {got:.6g}, "
                   f"but (f(x + h) - f(x)) / h is {expected:.6g}")
        rise = func(x + h) - func(x)
        if close(got, rise, tol=1e-12):
            return message + (": that is how far f moved, not its slope. Divide by h, the "
                              "size of the nudge.")
        if close(got, -expected, tol=1e-9):
            return message + ": the sign is flipped. Take the new value minus the old one."
        if close(got, func(x + h) - func(x) / h, tol=1e-9):
            return message + (": only func(x) was divided by h. Put brackets around the "
                              "difference, (func(x + h) - func(x)) / h.")
        return message + ". Nudge x by h, see how far func moves, and divide by h."
    if not close(slope(_f, 1.0), forward_difference(_f, 1.0), tol=1e-9):
        return "called without h, slope should take the step h = 0.001 (the default)."
    return None


def _slope_rise_only(func, x, h=0.001):
    return func(x + h) - func(x)


def _slope_old_minus_new(func, x, h=0.001):
    return (func(x) - func(x + h)) / h


def _slope_no_brackets(func, x, h=0.001):
    return func(x + h) - func(x) / h


slope = Exercise(
    "the slope estimate",
    _judge_slope,
    "Three steps: the value after the nudge, func(x + h); minus the value before, func(x); "
    "divided by the size of the nudge, h. Mind the brackets.",
    wrong_examples=[(_slope_rise_only,), (_slope_old_minus_new,), (_slope_no_brackets,)],
    answers=CODE,
    reference=forward_difference,
    reference_name="micrograd.forward_difference",
)


# ----- your turn · nudging b and c in d = a·b + c -------------------------------------------

_A, _B, _C = 2.0, -3.0, 10.0
_H = 0.001


def _judge_one_nudge(name, got, exact, before, other, value):
    """What is wrong with the slope ``got`` of d with respect to ``name``, or None."""
    if close(got, exact, tol=1e-6):
        return None
    if close(got, value, tol=1e-4):
        return (f"{got:g} is the value of {name} itself, not the slope of d with respect to "
                f"{name}: nudge {name} by h and compute (d2 - d1) / h.")
    if close(got, -exact, tol=1e-4):
        return (f"the slope with respect to {name} has the wrong sign: take d2 (after the "
                f"nudge) minus d1 (before it).")
    if close(got, before + exact * _H, tol=1e-6):
        return (f"{got:g} is d2, the value of d after nudging {name}; the slope is how much d "
                f"moved per unit of nudge, (d2 - d1) / h.")
    if close(got, exact * _H, tol=1e-6):
        return (f"{got:g} is how far d moved when {name} moved by h; divide it by h to get the "
                "slope.")
    if close(got, other, tol=1e-4):
        return (f"{got:g} is the slope with respect to the other input. Nudge {name} alone: "
                f"add h to {name} only, where it appears in a * b + c.")
    return (f"{got:g} is not the slope of d with respect to {name}: compute d1 = a * b + c, "
            f"then d2 with h added to {name} only, then (d2 - d1) / h.")


def _judge_nudges(slope_b, slope_c):
    d = _A * _B + _C
    return (_judge_one_nudge("b", slope_b, _A, d, 1.0, _B)
            or _judge_one_nudge("c", slope_c, 1.0, d, _A, _C))


nudges = Exercise(
    "the slopes of d with respect to b and c",
    _judge_nudges,
    "Copy the three lines for a and change where the h goes: d2 = a * (b + h) + c for b, and "
    "d2 = a * b + (c + h) for c. Each slope is (d2 - d1) / h.",
    wrong_examples=[(-2.0, 1.0), (4.002, 1.0), (2.0, 0.001), (1.0, 2.0)],
    answers=NUMBERS,
    reference=(2.0, 1.0),
    reference_name="the correct slopes (ex.nudges.reference)",
)


# ----- 1 · the slope of f at x = 1 ---------------------------------------------------------

def _judge_slope_at_1(slope):
    exact = central_difference(_f, 1.0)
    if close(slope, exact, tol=0.005):  # the forward estimate with h = 0.001 is 0.003 high
        return None
    if close(slope, -exact, tol=0.005):
        return ("the sign is wrong: at x = 1 the parabola is to the right of its lowest point "
                "(x = 2/3), so it is climbing and the slope is positive.")
    if close(slope, _f(1.0), tol=0.005):
        return "that is f(1), the height of the curve at x = 1; the slope is how fast it rises."
    if close(slope, 6.0, tol=0.005):
        return "6 is the slope of 3x² alone at x = 1: the term -4x adds a slope of -4 too."
    size = "too big" if slope > exact else "too small"
    return f"{slope:g} is {size}: measure it with forward_difference(f, 1.0), or use 6x - 4."


q1 = Exercise(
    "the slope of f at x = 1",
    _judge_slope_at_1,
    "x = 1 is a little to the right of the bottom of the parabola (x = 2/3), so f is climbing "
    "there, but gently. forward_difference(f, 1.0) measures it; 6x - 4 gives it exactly.",
    wrong_examples=[(-2.0,), (4.0,), (6.0,)],
    answers=NUMBERS,
)


# ----- 2 · the central difference, by hand -------------------------------------------------

_POINTS = [(_cube, "x³", 3.0, 0.1), (math.sin, "sin", 1.0, 0.01), (_f, "f", -3.0, 0.5)]


def _judge_central(central):
    for func, name, x, h in _POINTS:
        got = central(func, x, h)
        problem = not_a_number(got)
        if problem:
            return f"what central({name}, {x:g}, h={h:g}) returns {problem}."
        expected = central_difference(func, x, h)
        if close(got, expected, tol=1e-9):
            continue
        message = (f"for {name} at x = {x:g} with h = {h:g}, central gives {got:.6g}, "
                   f"but the central difference is {expected:.6g}")
        if close(got, 2 * expected, tol=1e-9):
            return message + ": twice too big. Divide by 2h, the width from x - h to x + h."
        if close(got, (func(x + h) - func(x)) / h, tol=1e-9):
            return message + (": yours is the forward difference. Step to both sides, "
                              "f(x + h) - f(x - h).")
        return message + ". Compare your formula with (f(x + h) - f(x - h)) / (2h)."
    return None


def _central_forward(func, x, h=1e-6):
    return (func(x + h) - func(x)) / h


def _central_over_h(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / h


def _central_no_brackets(func, x, h=1e-6):
    return func(x + h) - func(x - h) / (2 * h)


q2 = Exercise(
    "the central difference",
    _judge_central,
    "Take one step of h to each side of x: the function moves by func(x + h) - func(x - h) "
    "over a width of 2h. Put brackets around both the difference and 2 * h.",
    wrong_examples=[(_central_forward,), (_central_over_h,), (_central_no_brackets,)],
    answers=CODE,
)


# ----- 3 · an input used twice -------------------------------------------------------------

def _judge_used_twice(dd_da):
    exact = central_difference(lambda a: a * _B + _C * a, _A)
    if close(dd_da, exact, tol=1e-4):
        return None
    if close(dd_da, _B, tol=1e-4):
        return (f"{dd_da:g} is the slope through a · b only. a is used a second time, in "
                "c · a: nudging a moves that product too.")
    if close(dd_da, _C, tol=1e-4):
        return (f"{dd_da:g} is the slope through c · a only. a is used a first time, in "
                "a · b: nudging a moves that product too.")
    if close(dd_da, _B * _C, tol=1e-4):
        return ("the two slopes do not multiply: each use of a moves d on its own, so "
                "their effects add up.")
    return (f"{dd_da:g} is not it: nudge a alone, d2 = (a + h) * b + c * (a + h), and "
            "compute (d2 - d1) / h.")


q3 = Exercise(
    "d = a·b + c·a, nudging a",
    _judge_used_twice,
    "a appears twice. In a product each input's slope is the other input: a · b gives b, "
    "c · a gives c. Nudging a moves both products at once.",
    wrong_examples=[(-3.0,), (10.0,), (-30.0,)],
    answers=NUMBERS,
)
