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
        got = getattr(V(x), op)().data
        if not close(got, expected(x), 1e-9):
            return (f"the forward pass is off: {op}({x}) should be {expected(x):.4f}, yours "
                    f"gives {got:.4f}. {formula}.")
    for what, f, inputs, names in tests:
        found = grads_vs_nudging(V, f, inputs, names, backward_pass)
        if found:
            name, grad, slope = found
            advice = ("a value used twice must receive both shares: +=, not ="
                      if "twice" in what else f"{derivative}, times out.grad")
            return (f"for {what}, {name}.grad is {grad:.4f} but nudging {name} gives "
                    f"{slope:.4f}: {advice}.")
    return None
