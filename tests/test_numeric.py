"""Gradients against finite differences: the numeric helpers, and property tests."""

import math

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from micrograd import Value, central_difference, check_grads, forward_difference
from micrograd.engine import dot, dot_relu


def f(x):
    return 3 * x**2 - 4 * x + 5


def test_forward_difference_of_the_lecture_function():
    assert f(3.0) == 20.0
    assert forward_difference(f, 3.0, h=0.001) == pytest.approx(14.003, abs=1e-9)
    assert forward_difference(f, -3.0, h=0.001) == pytest.approx(-22.0, abs=0.01)
    assert forward_difference(f, 2 / 3, h=0.001) == pytest.approx(0.0, abs=0.01)


def test_central_difference_is_more_accurate_than_forward():
    forward_error = abs(forward_difference(f, 3.0, h=1e-3) - 14.0)
    central_error = abs(central_difference(f, 3.0, h=1e-3) - 14.0)
    assert central_error < forward_error / 100


def test_check_grads_returns_both_gradients():
    result = check_grads(lambda a, b, c, f: (a * b + c) * f, [2.0, -3.0, 10.0, -2.0])
    assert result.backward == (6.0, -4.0, -2.0, 4.0)
    assert result.numerical == pytest.approx([6.0, -4.0, -2.0, 4.0], abs=1e-6)


def test_check_grads_catches_a_wrong_gradient():
    def wrong_square(x):
        out = x * x
        out._local_grads = (0.5 * x.data, 0.5 * x.data)  # a wrong local derivative: x, not 2x
        return out

    with pytest.raises(AssertionError, match="gradients disagree at input 0"):
        check_grads(wrong_square, [3.0])


def test_check_grads_needs_a_value_back():
    with pytest.raises(TypeError, match="return a Value"):
        check_grads(lambda a: 1.0, [1.0])


# ----- property tests: random expressions, backward() against central differences ---------

UNARY = {
    "tanh": lambda v: v.tanh(),
    "sigmoid": lambda v: v.sigmoid(),
    "exp_of_tanh": lambda v: v.tanh().exp(),
    "square": lambda v: v**2,
    "cube": lambda v: v**3,
    "log1p_square": lambda v: (1 + v * v).log(),
    "inverse_of_1p_square": lambda v: (1 + v * v) ** -1,
    "neg": lambda v: -v,
    "scale": lambda v: 0.5 * v - 1,
}
BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div_safe": lambda a, b: a / (1 + b * b),
    "power_safe": lambda a, b: (1 + a * a) ** b.tanh(),
}

N_INPUTS = 3
leaves = st.integers(0, N_INPUTS - 1).map(lambda i: ("x", i))
expressions = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.tuples(st.sampled_from(sorted(UNARY)), inner),
        st.tuples(st.sampled_from(sorted(BINARY)), inner, inner),
    ),
    max_leaves=6,
)


def build(tree, xs):
    """The Value of an expression tree at inputs xs."""
    if tree[0] == "x":
        return xs[tree[1]]
    if tree[0] in UNARY:
        return UNARY[tree[0]](build(tree[1], xs))
    return BINARY[tree[0]](build(tree[1], xs), build(tree[2], xs))


inputs = st.lists(st.floats(-2.0, 2.0, allow_nan=False), min_size=N_INPUTS, max_size=N_INPUTS)


@settings(max_examples=300, deadline=None)
@given(expressions, inputs)
def test_backward_agrees_with_central_differences(tree, xs):
    def f(*values):
        return build(tree, values) + 0 * values[0]  # + 0·x keeps a constant tree a Value

    try:
        out = f(*(Value(x) for x in xs)).data
    except OverflowError:  # cubes of cubes of cubes: too big for a float, not a wrong gradient
        reject()
    if not abs(out) < 1e6:  # where float64 central differences lose too many digits
        reject()
    check_grads(f, xs, h=1e-6, rtol=1e-4, atol=1e-6)


@settings(max_examples=100, deadline=None)
@given(inputs)
def test_the_neuron_node_agrees_with_its_plus_and_times_version(xs):
    ws = [Value(w) for w in (0.3, -1.2, 2.0)]
    b = Value(0.7)
    x_values = [Value(x) for x in xs]
    one_node = dot(ws, x_values, b).tanh()
    one_node.backward()
    one_node_grads = [v.grad for v in ws + x_values + [b]]
    for v in ws + x_values + [b]:
        v.grad = 0.0
    by_hand = sum((w * x for w, x in zip(ws, x_values)), b).tanh()
    by_hand.backward()
    # equal on 3.11; from 3.12 on, sum() in dot rounds less, so allow the last digit
    assert one_node.data == pytest.approx(by_hand.data, rel=1e-15, abs=1e-15)
    by_hand_grads = [v.grad for v in ws + x_values + [b]]
    assert by_hand_grads == pytest.approx(one_node_grads, rel=1e-12, abs=1e-15)


@given(st.floats(-50, 50))
def test_tanh_from_exp_matches_the_tanh_node(x):
    n1, n2 = Value(x), Value(x)
    o1 = n1.tanh()
    e = (2 * n2).exp()
    o2 = (e - 1) / (e + 1)
    o1.backward()
    o2.backward()
    assert math.isclose(o1.data, o2.data, rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(n1.grad, n2.grad, rel_tol=1e-6, abs_tol=1e-12)


@pytest.mark.parametrize("inputs, given", [(["1", "2"], "str '1'"), ([Value(1.0), 2.0], "Value"),
                                           ([True, 1.0], "bool True")])
def test_check_grads_needs_numbers(inputs, given):
    with pytest.raises(TypeError, match=f"check_grads expects numbers as inputs.*got {given}"):
        check_grads(lambda a, b: a * b, inputs)


@pytest.mark.parametrize("inputs, given", [(3.0, "float 3.0"), ("3", "str '3'")])
def test_check_grads_needs_a_list(inputs, given):
    with pytest.raises(TypeError, match=f"expects a list of numbers as inputs.*got {given}"):
        check_grads(lambda a: a * a, inputs)


def test_check_grads_needs_a_function():
    with pytest.raises(TypeError, match="check_grads expects a function as f; got NoneType"):
        check_grads(None, [1.0])


def test_check_grads_takes_numpy_numbers_and_tuples():
    import numpy as np

    result = check_grads(lambda a, b: a * b, (np.float64(2.0), np.int64(3)))
    assert result.backward == (3.0, 2.0)


@settings(max_examples=100, deadline=None)
@given(inputs, st.floats(-3.0, 3.0))
def test_the_relu_neuron_node_agrees_with_central_differences(xs, bias):
    ws = (0.3, -1.2, 2.0)

    def neuron(*values):
        return dot_relu(list(values[:3]), list(values[3:6]), values[6])

    z = bias + sum(w * x for w, x in zip(ws, xs))
    if abs(z) < 1e-3:  # the kink of ReLU: a central difference straddles it
        reject()
    check_grads(neuron, [*ws, *xs, bias], h=1e-6, rtol=1e-5, atol=1e-7)
