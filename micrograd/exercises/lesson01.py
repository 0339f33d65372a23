"""Exercises for lesson 01, derivatives.

In the body of the lesson ("your turn"): the slope estimate (f(x + h) - f(x)) / h written as a
function, and the slopes of d = a·b + c found by nudging b and c. At the end: the point where
the parabola's slope is 8, the central difference written by hand, and an input used twice.

Each judge compares the answer with the exact slope, or with the formula on several functions,
points and step sizes, and returns None when it agrees or a sentence saying what to look at.
The package's ``forward_difference`` and ``central_difference`` are forbidden where the
student is asked to write them.
"""

import math

import micrograd
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close, not_a_number
from micrograd.exercises.operations import as_text

_SHORTCUTS = (micrograd.forward_difference, micrograd.central_difference)


def _f(x):
    """The lesson's parabola, f(x) = 3x² - 4x + 5."""
    return 3 * x**2 - 4 * x + 5


def _cube(x):
    return x * x * x


def _forward(func, x, h):
    return (func(x + h) - func(x)) / h


def _central(func, x, h):
    return (func(x + h) - func(x - h)) / (2 * h)


def _not_a_slope(call, got):
    """A sentence when ``got``, what ``call`` gave back, is not a number; else None."""
    if got is None:
        return f"{call} gave back None: is a `return` missing?"
    problem = not_a_number(got)
    if problem:
        return f"what {call} gives back {problem}."
    return None


# ----- your turn · the slope estimate, as a function --------------------------------------

_SLOPE_POINTS = [(_f, "f", 3.0, 0.001), (_f, "f", -3.0, 0.01), (_cube, "x³", 2.0, 0.1),
                 (math.sin, "sin", 1.0, 0.001), (_cube, "x³", -1.5, 0.5)]


def _judge_slope(slope):
    for func, name, x, h in _SLOPE_POINTS:
        call = f"slope({name}, {x:g}, h={h:g})"
        got = slope(func, x, h)
        problem = _not_a_slope(call, got)
        if problem:
            return problem
        expected = _forward(func, x, h)
        if close(got, expected, tol=1e-9):
            continue
        message = (f"for {name} at x = {x:g} with h = {h:g}, slope gives {got:.6g}, "
                   f"but the forward estimate is {expected:.6g}")
        rise = func(x + h) - func(x)
        if close(got, rise, tol=1e-12):
            return message + (": that is how far func moved, not how far it moved per unit "
                              "of nudge. What is the size of the nudge?")
        if close(got, -expected, tol=1e-9):
            return message + (": the sign is flipped. Which comes first, the value after the "
                              "nudge or the value before it?")
        if close(got, func(x + h) - func(x) / h, tol=1e-9):
            return message + (": only the second value was divided by h. Python divides "
                              "before it subtracts: where do brackets belong?")
        if close(got, _forward(func, x, 0.001), tol=1e-9) and h != 0.001:
            return message + (f": yours gives what a step of 0.001 gives. Does your code use "
                              f"the h it is handed, here {h:g}?")
        if close(got, _central(func, x, h), tol=1e-9):
            return message + (": yours steps to both sides of x. This one steps only to the "
                              "right, from x to x + h.")
        return message + ". Nudge x by h, see how far func moves, and compare that with h."
    got = slope(_f, 1.0)
    problem = _not_a_slope("slope(f, 1) without h", got)
    if problem:
        return problem
    if not close(got, _forward(_f, 1.0, 0.001), tol=1e-9):
        return ("called without h, slope should take the step h = 0.001 (the default in the "
                f"first line), but slope(f, 1) gives {got:.6g}.")
    return None


def _slope_rise_only(func, x, h=0.001):
    return func(x + h) - func(x)


def _slope_old_minus_new(func, x, h=0.001):
    return (func(x) - func(x + h)) / h


def _slope_no_brackets(func, x, h=0.001):
    return func(x + h) - func(x) / h


def _slope_ignores_h(func, x, h=0.001):
    return (func(x + 0.001) - func(x)) / 0.001


def _slope_calls_the_package(func, x, h=0.001):
    return micrograd.forward_difference(func, x, h)


def _slope_central(func, x, h=0.001):
    return micrograd.central_difference(func, x, h)


def _slope_no_return(func, x, h=0.001):
    rise = func(x + h) - func(x)
    rise / h


def reference_slope(func, x, h=0.001):
    """The slope of func at x, from a step of h to the right (what
    micrograd.forward_difference computes)."""
    return (func(x + h) - func(x)) / h


slope = Exercise(
    "the slope estimate",
    _judge_slope,
    ("Look at the fraction in the definition of the derivative: what goes on top, and what "
     "underneath? Your function is handed func, x and h, so it can evaluate func wherever it "
     "needs to.",
     "On top: the value of func after the nudge minus the value before it. Underneath: the "
     "size of the nudge, h. Python divides before it subtracts, so the top needs brackets."),
    wrong_examples=[(_slope_rise_only,), (_slope_old_minus_new,), (_slope_no_brackets,),
                    (_slope_ignores_h,), (_slope_calls_the_package,), (_slope_central,),
                    (_slope_no_return,)],
    answers=CODE,
    reference=reference_slope,
    reference_name="ex.slope.reference (micrograd.forward_difference, written out)",
    forbidden=_SHORTCUTS,
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
                f"{name}: how much does d move when {name} moves by h?")
    if close(got, -exact, tol=1e-4):
        return (f"the slope with respect to {name} has the wrong sign: which comes first, d2 "
                f"(after the nudge) or d1 (before it)?")
    if close(got, before + exact * _H, tol=1e-6):
        return (f"{got:g} is d2, the value of d after nudging {name}; the slope is how much d "
                f"moved, per unit of nudge.")
    if close(got, exact * _H, tol=1e-6):
        return (f"{got:g} is how far d moved when {name} moved by h; per unit of nudge it is "
                "that divided by h.")
    if close(got, _B, tol=1e-4):
        return (f"{got:g} is the slope with respect to a, from the cell above. Move the h so "
                f"that it nudges {name} instead.")
    if close(got, other, tol=1e-4):
        return (f"{got:g} is the slope with respect to the other input. Nudge {name} alone: "
                f"add h to {name} only, where it appears in a * b + c.")
    return (f"{got:g} is not the slope of d with respect to {name}: compute d1, then d2 "
            f"with h added to {name} only (a and the other input as they were), then the "
            f"change in d per unit of h.")


def _judge_nudges(slope_b, slope_c):
    d = _A * _B + _C
    return (_judge_one_nudge("b", slope_b, _A, d, 1.0, _B)
            or _judge_one_nudge("c", slope_c, 1.0, d, _A, _C))


nudges = Exercise(
    "the slopes of d with respect to b and c",
    _judge_nudges,
    ("Start from the cell that nudged a: which of its lines says which input is nudged? "
     "Change only that, once for b and once for c; d1 stays as it is.",
     "For b, the h goes next to b inside the product, and a and c stay as they are; for c, "
     "the h goes next to c. Each slope is the change in d divided by h."),
    wrong_examples=[(-2.0, 1.0), (4.002, 1.0), (2.0, 0.001), (1.0, 2.0), (-3.0, 1.0),
                    (2.0, 10.0), (2.0, -1.0)],
    answers=NUMBERS,
    reference=(2.0, 1.0),
    reference_name="the correct slopes (ex.nudges.reference)",
)


# ----- 1 · where the slope is 8 -------------------------------------------------------------

_ROOTS_OF_8 = [(4 + s * math.sqrt(16 + 4 * 3 * 3)) / 6 for s in (1, -1)]  # f(x) = 8


def _judge_slope_8(x_at_8):
    exact = 2.0                      # 6x - 4 = 8
    if close(x_at_8, exact, tol=0.005):  # "to two decimals"
        return None
    slope_there = 6 * x_at_8 - 4
    if close(x_at_8, 8.0, tol=0.005):
        return ("8 is the slope we are after, not the place: the answer is an x, a point on "
                "the horizontal axis of the plot.")
    if any(close(x_at_8, root, tol=0.005) for root in _ROOTS_OF_8):
        return (f"at x = {x_at_8:.4f}, f itself is 8, but its slope is {slope_there:.2f}. "
                "The exercise asks where the slope, how fast f climbs, is 8.")
    if close(x_at_8, -2 / 3, tol=0.005):
        return (f"at x = {x_at_8:.4f} the slope is -8: f falls there. Where does it climb at "
                "8?")
    if close(x_at_8, 4 / 3, tol=0.005):
        return (f"at x = {x_at_8:.4f} the slope of 3x² alone is 8, but the term -4x adds a "
                f"slope of its own: the slope of f there is {slope_there:.2f}.")
    if close(x_at_8, 3.0, tol=0.005):
        return ("at x = 3 the slope is 14, as the lesson measured: 8 is less steep, so the "
                "point is further left.")
    side = "left" if slope_there > 8 else "right"
    return (f"at x = {x_at_8:g} the slope of f is {slope_there:.2f}, not 8: the point is "
            f"further to the {side}. Measure the slope at a few points, or use the exact "
            "slope from the lesson.")


q1 = Exercise(
    "where the slope of f is 8",
    _judge_slope_8,
    ("The slope is 0 at the bottom, x = 2/3, and 14 at x = 3, and it grows steadily in "
     "between. So 8 is somewhere between them: try a few points with slope and close in.",
     "The lesson gives the exact slope of f at any x, 6x - 4. Set it equal to 8 and solve "
     "for x; slope at your x should then give about 8 (0.003 more, the forward error)."),
    wrong_examples=[(8.0,), (1.8685,), (-0.6667,), (1.3333,), (3.0,), (1.5,), (12.0,)],
    answers=NUMBERS,
)


# ----- 2 · the central difference, by hand -------------------------------------------------

_POINTS = [(_cube, "x³", 3.0, 0.1), (math.sin, "sin", 1.0, 0.01), (_f, "f", -3.0, 0.5),
           (_cube, "x³", -2.0, 0.25)]


def _judge_central(central):
    for func, name, x, h in _POINTS:
        call = f"central({name}, {x:g}, h={h:g})"
        got = central(func, x, h)
        problem = _not_a_slope(call, got)
        if problem:
            return problem
        expected = _central(func, x, h)
        if close(got, expected, tol=1e-9):
            continue
        message = (f"for {name} at x = {x:g} with h = {h:g}, central gives {got:.6g}, "
                   f"but the central difference is {expected:.6g}")
        if close(got, 2 * expected, tol=1e-9):
            return message + (": twice too big. How far apart are the two points you "
                              "evaluate func at?")
        if close(got, -expected, tol=1e-9):
            return message + (": the sign is flipped. Take the value on the right, at x + h, "
                              "minus the value on the left.")
        if close(got, _forward(func, x, h), tol=1e-9):
            return message + (": yours is the forward difference, which steps only to the "
                              "right. Step to both sides of x.")
        if close(got, (func(x + h) - func(x - h)) / 2 * h, tol=1e-9):
            return message + (": yours divides by 2 and then multiplies by h. Python works "
                              "from left to right: the whole width belongs in brackets.")
        if close(got, func(x + h) - func(x - h) / (2 * h), tol=1e-9):
            return message + (": only the second value was divided. Python divides before it "
                              "subtracts: where do brackets belong?")
        if close(got, _central(func, x, 1e-6), tol=1e-6):
            return message + (f": yours gives what a tiny step gives. Does your code use the "
                              f"h it is handed, here {h:g}?")
        return message + (". Step h to each side of x, and divide the change in func by the "
                          "distance between the two points.")
    got = central(_cube, 3.0)
    problem = _not_a_slope("central(x³, 3) without h", got)
    if problem:
        return problem
    if not close(got, _central(_cube, 3.0, 1e-6), tol=1e-9):
        return ("called without h, central should take the step h = 1e-6 (the default in the "
                f"first line), but central(x³, 3) gives {got:.10g}.")
    return None


def _central_forward(func, x, h=1e-6):
    return (func(x + h) - func(x)) / h


def _central_over_h(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / h


def _central_no_brackets(func, x, h=1e-6):
    return func(x + h) - func(x - h) / (2 * h)


def _central_times_h(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / 2 * h


def _central_flipped(func, x, h=1e-6):
    return (func(x - h) - func(x + h)) / (2 * h)


def _central_ignores_h(func, x, h=1e-6):
    return (func(x + 1e-6) - func(x - 1e-6)) / 2e-6


def _central_calls_the_package(func, x, h=1e-6):
    return micrograd.central_difference(func, x, h)


def _central_from_forward_differences(func, x, h=1e-6):
    right = micrograd.forward_difference(func, x, h)
    left = micrograd.forward_difference(func, x, -h)
    return (right + left) / 2


def _central_no_return(func, x, h=1e-6):
    (func(x + h) - func(x - h)) / (2 * h)


q2 = Exercise(
    "the central difference",
    _judge_central,
    ("Your slope stepped from x to x + h. This one steps from x - h to x + h: how far apart "
     "are those two points, and how far does func move between them?",
     "The change in func from the left point to the right one, divided by the distance "
     "between them, 2h. Python divides before it subtracts and works from left to right, so "
     "both the top and the bottom need brackets."),
    wrong_examples=[(_central_forward,), (_central_over_h,), (_central_no_brackets,),
                    (_central_times_h,), (_central_flipped,), (_central_ignores_h,),
                    (_central_calls_the_package,), (_central_from_forward_differences,),
                    (_central_no_return,)],
    answers=CODE,
    forbidden=_SHORTCUTS,
)


# ----- 3 · an input used twice -------------------------------------------------------------

def _judge_used_twice(dd_da):
    exact = _B + _C                  # d = a·b + c·a: one slope per use of a, added
    d1 = _A * _B + _C * _A
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
    if close(dd_da, -exact, tol=1e-4):
        return ("the sign is flipped: which comes first, d2 (after the nudge) or d1 (before "
                "it)?")
    if close(dd_da, exact * _H, tol=1e-6):
        return (f"{dd_da:g} is how far d moved when a moved by h = 0.001; per unit of nudge "
                "it is that divided by h.")
    if close(dd_da, _A, tol=1e-4):
        return (f"{dd_da:g} is the value of a itself, not the slope of d with respect to a: "
                "how much does d move when a moves by h?")
    if close(dd_da, d1 + exact * _H, tol=1e-6) or close(dd_da, d1, tol=1e-4):
        return (f"{dd_da:g} is the value of d, not its slope: how much does d move when a "
                "moves by h?")
    return (f"{as_text(dd_da)} is not it: nudge a by h everywhere it appears, b and c as "
            "they were, and see how much d moves per unit of h.")


q3 = Exercise(
    "d = a·b + c·a, nudging a",
    _judge_used_twice,
    ("a appears in two places in d. When you nudge a, both places move at once. What does "
     "each product contribute on its own, by the rule for a product from the lesson?",
     "By that rule, a · b alone has slope b with respect to a, and c · a alone has slope c. "
     "Nudging a moves both products, and the two changes add up in d. To measure it, put "
     "a + h in both places when you compute d2."),
    wrong_examples=[(-3.0,), (10.0,), (-30.0,), (-7.0,), (0.007,), (14.007,), (2.0,)],
    answers=NUMBERS,
)
