"""Numerical derivatives: the slow, simple check on every gradient ``backward()`` computes.

A derivative is the slope of f at x: how much f(x) moves when x is nudged by a small h.

* forward difference:  (f(x + h) - f(x)) / h          error shrinks like h
* central difference:  (f(x + h) - f(x - h)) / (2h)   error shrinks like h**2

Both stop improving once h is so small that f(x + h) - f(x) loses its digits to float
round-off; around 1e-6 is a good h for the central difference in float64.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real

from micrograd.engine import Value, _describe


def forward_difference(f, x, h=1e-3):
    """The slope of f at x from one step to the right: (f(x + h) - f(x)) / h."""
    return (f(x + h) - f(x)) / h


def central_difference(f, x, h=1e-6):
    """The slope of f at x from a step either side: (f(x + h) - f(x - h)) / (2h)."""
    return (f(x + h) - f(x - h)) / (2 * h)


@dataclass(frozen=True)
class GradCheck:
    """What ``check_grads`` compared: one entry per input."""

    backward: tuple
    numerical: tuple


def check_grads(f, inputs, *, h=1e-6, rtol=1e-5, atol=1e-8):
    """Compare the gradients ``backward()`` gives with central differences.

    Args:
        f: a function of len(inputs) Values that returns one Value, such as
            ``lambda a, b: (a * b).tanh()``.
        inputs: the numbers at which to check, one per argument of f (a list or tuple).
        h: the step of the central difference.
        rtol, atol: how close they must be: |backward - numerical| <= atol + rtol * |numerical|.

    Returns:
        A GradCheck with both lists of partial derivatives.

    Raises:
        AssertionError: naming every input whose two gradients disagree.
    """
    if not callable(f):
        raise TypeError(f"check_grads expects a function as f; got {_describe(f)}")
    if isinstance(inputs, (str, bytes)) or not isinstance(inputs, Iterable):
        raise TypeError(f"check_grads expects a list of numbers as inputs, such as [2.0, -3.0]; "
                        f"got {_describe(inputs)}")
    inputs = list(inputs)
    for x in inputs:
        if isinstance(x, bool) or not isinstance(x, Real):
            raise TypeError(f"check_grads expects numbers as inputs (the point at which to "
                            f"check); got {_describe(x)}")
    inputs = [float(x) for x in inputs]
    values = [Value(x) for x in inputs]
    out = f(*values)
    if not isinstance(out, Value):
        raise TypeError(f"check_grads expects f to return a Value, got {type(out).__name__}")
    out.backward()
    by_backward = tuple(v.grad for v in values)

    def f_along(i):
        def f_i(x):
            return f(*(Value(x if j == i else xj) for j, xj in enumerate(inputs))).data
        return f_i

    numerical = tuple(central_difference(f_along(i), x, h) for i, x in enumerate(inputs))
    wrong = [f"input {i}: backward {b!r}, central difference {n!r}"
             for i, (b, n) in enumerate(zip(by_backward, numerical))
             if not abs(b - n) <= atol + rtol * abs(n)]
    if wrong:
        raise AssertionError("gradients disagree at " + "; ".join(wrong))
    return GradCheck(by_backward, numerical)
