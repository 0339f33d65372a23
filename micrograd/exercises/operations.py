"""Judging a new operation the student adds to a Value class: its forward pass at a few
points, and its gradients against nudging (``micrograd.central_difference``) in several
graphs, one of them using a value twice. Shared by the lessons that add operations.
"""

import micrograd
from micrograd.exercises.exercise import close


def call_backward(out):
    """The backward pass of a class that has backward()."""
    out.backward()


def grads_vs_nudging(V, f, inputs, names, backward_pass=call_backward):
    """None if a backward pass (``backward_pass(out)``) through f, built from class V, agrees
    with nudging each input; else (name, grad, slope) for the first input that does not."""
    values = [V(x) for x in inputs]
    backward_pass(f(*values))
    for i, (name, value) in enumerate(zip(names, values)):
        def f_i(t, i=i):
            return f(*(V(t if j == i else x) for j, x in enumerate(inputs))).data
        slope = micrograd.central_difference(f_i, inputs[i])
        if not abs(value.grad - slope) <= 1e-6 + 1e-5 * abs(slope):
            return name, value.grad, slope
    return None


def judge_operation(V, op, expected, points, tests, formula, derivative,
                    backward_pass=call_backward):
    """None if the method ``op`` of the student's class V computes ``expected`` at each of
    ``points`` and its gradients agree with nudging in every one of ``tests``; else what is
    wrong. ``formula`` and ``derivative`` say what the forward pass and the local derivative
    should be. ``backward_pass(out)`` runs the backward pass (``out.backward()`` unless the
    class has none yet)."""
    for x in points:
        value = V(x)
        out = getattr(value, op)()
        problem = mutated([value], [x]) or missing_backward(V, out)
        if problem:
            return problem
        if not close(out.data, expected(x), 1e-9):
            return (f"the forward pass is off: {op}({x}) should be {expected(x):.4f}, yours "
                    f"gives {as_text(out.data)}. {formula}.")
    for what, f, inputs, names in tests:
        found = grads_vs_nudging(V, f, inputs, names, backward_pass)
        if found:
            name, grad, slope = found
            advice = ("a value used twice must receive both shares: +=, not ="
                      if "twice" in what else f"{derivative}, times out.grad")
            return (f"for {what}, {name}.grad is {grad:.4f} but nudging {name} gives "
                    f"{slope:.4f}: {advice}.")
    return None


def missing_backward(V, out):
    """A sentence when ``out``, made by an operation of the student's class V, still has the
    do-nothing ``_backward`` of a leaf (the line ``out._backward = _backward`` is missing);
    else None."""
    leaf = V(1.0)
    if getattr(out, "_backward", None) is None:
        return "the output has no _backward at all: does __init__ set self._backward?"
    if getattr(out._backward, "__code__", None) is getattr(leaf._backward, "__code__", 0):
        return (f"the output of {out._op or 'the operation'} still has a leaf's do-nothing "
                f"_backward: is the line `out._backward = _backward` missing?")
    return None


def mutated(values, datas):
    """A sentence when one of ``values`` no longer holds the number it held (in ``datas``):
    an operation must make a new Value and leave its inputs as they were; else None."""
    for value, data in zip(values, datas):
        if not (value.data == data or (value.data != value.data and data != data)):
            return (f"an input changed from {data!r} to {value.data!r}: an operation makes a "
                    f"new Value and leaves its inputs as they were.")
    return None


def as_text(x):
    """A number to 4 decimals; anything else as Python shows it (so a check never trips over
    a Value or None where a number belongs)."""
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return f"{x:.4f}"
    return repr(x)
