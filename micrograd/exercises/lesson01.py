"""Exercises for lesson 01, derivatives: a slope predicted and measured, the central
difference written by hand, and an input used twice.

Each judge compares the answer with ``micrograd.central_difference`` on the lesson's
functions, and returns None when it agrees or a sentence saying what to look at.
"""

import math

from micrograd import central_difference
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close, not_a_number


def _f(x):
    """The lesson's parabola, f(x) = 3x² - 4x + 5."""
    return 3 * x**2 - 4 * x + 5


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

def _cube(x):
    return x * x * x


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

_A, _B, _C = 2.0, -3.0, 10.0


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
