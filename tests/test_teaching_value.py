"""The lessons' reference Value (micrograd.teaching) agrees with the package's engine: the
same numbers forward, the same gradients backward, on hand-checked graphs and on random
expressions; and its build_topo gives the lecture's recursive order without recursing."""

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import micrograd
from micrograd.engine import topological_order
from micrograd.teaching import Value, build_topo

UNARY = {
    "tanh": lambda v: v.tanh(),
    "exp_of_tanh": lambda v: v.tanh().exp(),
    "relu": lambda v: v.relu(),
    "square": lambda v: v ** 2,
    "inverse_of_1p_square": lambda v: (1 + v * v) ** -1,
    "neg": lambda v: -v,
    "scale": lambda v: 0.5 * v - 1,
    "from_the_left": lambda v: 2 - v,
}
BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div_safe": lambda a, b: a / (1 + b * b),
    "rdiv_safe": lambda a, b: 3 / (1 + a * a) + b,
}
N_INPUTS = 3
expressions = st.recursive(
    st.integers(0, N_INPUTS - 1).map(lambda i: ("x", i)),
    lambda inner: st.one_of(st.tuples(st.sampled_from(sorted(UNARY)), inner),
                            st.tuples(st.sampled_from(sorted(BINARY)), inner, inner)),
    max_leaves=6,
)


def build(tree, xs):
    if tree[0] == "x":
        return xs[tree[1]]
    if tree[0] in UNARY:
        return UNARY[tree[0]](build(tree[1], xs))
    return BINARY[tree[0]](build(tree[1], xs), build(tree[2], xs))


@settings(max_examples=200, deadline=None)
@given(expressions, st.lists(st.floats(-2.0, 2.0), min_size=N_INPUTS, max_size=N_INPUTS))
def test_the_reference_value_agrees_with_the_package(tree, xs):
    ours = [Value(x) for x in xs]
    package = [micrograd.Value(x) for x in xs]
    out, expected = build(tree, ours) + 0 * ours[0], build(tree, package) + 0 * package[0]
    out.backward()
    expected.backward()
    assert out.data == pytest.approx(expected.data, rel=1e-12, abs=1e-12)
    assert [v.grad for v in ours] == pytest.approx([v.grad for v in package], rel=1e-9,
                                                   abs=1e-12)


def test_the_lecture_graph_by_hand():
    a, b, c, f = Value(2.0), Value(-3.0), Value(10.0), Value(-2.0)
    L = (a * b + c) * f
    L.backward()
    assert L.data == -8.0
    assert [a.grad, b.grad, c.grad, f.grad] == [6.0, -4.0, -2.0, 4.0]


def test_the_lecture_neuron_by_hand():
    x1, x2, w1, w2 = Value(2.0), Value(0.0), Value(-3.0), Value(1.0)
    o = (x1 * w1 + x2 * w2 + 6.8813735870195432).tanh()
    o.backward()
    assert o.data == pytest.approx(0.7071, abs=1e-4)
    assert [x1.grad, w1.grad, x2.grad, w2.grad] == pytest.approx([-1.5, 1.0, 0.5, 0.0])


def test_a_value_used_twice_gets_both_shares():
    a = Value(3.0)
    (a + a).backward()
    assert a.grad == 2.0
    a, b = Value(-2.0), Value(3.0)
    ((a * b) * (a + b)).backward()
    assert (a.grad, b.grad) == (-3.0, -8.0)


def recursive_build_topo(root):
    """The lecture's build_topo, word for word apart from the names."""
    topo, visited = [], set()

    def build(v):
        if v not in visited:
            visited.add(v)
            for child in v._prev:
                build(child)
            topo.append(v)
    build(root)
    return topo


def test_build_topo_gives_the_recursive_order_and_the_packages():
    a, b, c = Value(2.0), Value(-3.0), Value(10.0)
    out = ((a * b + c) * a + b.tanh()).exp()
    assert build_topo(out) == recursive_build_topo(out)
    pa, pb, pc = micrograd.Value(2.0), micrograd.Value(-3.0), micrograd.Value(10.0)
    package_out = ((pa * pb + pc) * pa + pb.tanh()).exp()
    assert [v.data for v in build_topo(out)] == [
        v.data for v in topological_order(package_out)]


def test_build_topo_does_not_recurse():
    x = y = Value(0.5)
    for _ in range(3 * sys.getrecursionlimit()):
        y = y + 1.0
    y.backward()
    assert x.grad == 1.0
