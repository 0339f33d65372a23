"""Every operation's value and gradient, checked against hand-derived formulas."""

import math

import pytest

from micrograd import Value
from micrograd.engine import dot, dot_relu, topological_order


def grads_of(f, *xs):
    """Run f on fresh Values, call backward(), return (output data, input grads)."""
    values = [Value(x) for x in xs]
    out = f(*values)
    out.backward()
    return out.data, [v.grad for v in values]


@pytest.mark.parametrize("f, xs, data, grads", [
    (lambda a, b: a + b, (2.0, -3.0), -1.0, [1.0, 1.0]),
    (lambda a, b: a - b, (2.0, -3.0), 5.0, [1.0, -1.0]),
    (lambda a, b: a * b, (2.0, -3.0), -6.0, [-3.0, 2.0]),
    (lambda a, b: a / b, (3.0, -2.0), -1.5, [-0.5, -0.75]),        # 1/b, -a/b²
    (lambda a: -a, (4.0,), -4.0, [-1.0]),
    (lambda a: a ** 3, (2.0,), 8.0, [12.0]),                        # 3a²
    (lambda a: a ** -1, (4.0,), 0.25, [-0.0625]),                   # -1/a²
    (lambda a: a ** 0.5, (4.0,), 2.0, [0.25]),                      # 0.5/√a
    (lambda a: (-a) ** 2, (3.0,), 9.0, [6.0]),                      # negative base, int power
    (lambda a, k: a ** k, (2.0, 3.0), 8.0, [12.0, 8.0 * math.log(2.0)]),
    (lambda a: a.exp(), (1.0,), math.e, [math.e]),
    (lambda a: a.log(), (2.0,), math.log(2.0), [0.5]),
    (lambda a: a.tanh(), (0.5,), math.tanh(0.5), [1 - math.tanh(0.5) ** 2]),
    (lambda a: a.sigmoid(), (0.0,), 0.5, [0.25]),
    (lambda a: a.relu(), (3.0,), 3.0, [1.0]),
    (lambda a: a.relu(), (-3.0,), 0.0, [0.0]),
    (lambda a: a.relu(), (0.0,), 0.0, [0.0]),
])
def test_each_operation_value_and_gradient(f, xs, data, grads):
    out, got = grads_of(f, *xs)
    assert out == pytest.approx(data, rel=1e-12)
    assert got == pytest.approx(grads, rel=1e-12)


@pytest.mark.parametrize("f, data, grad", [
    (lambda a: 2 + a, 5.0, 1.0),
    (lambda a: a + 2, 5.0, 1.0),
    (lambda a: 2 * a, 6.0, 2.0),
    (lambda a: a * 2, 6.0, 2.0),
    (lambda a: 2 - a, -1.0, -1.0),
    (lambda a: a - 2, 1.0, 1.0),
    (lambda a: 6 / a, 2.0, -6 / 9),
    (lambda a: a / 2, 1.5, 0.5),
    (lambda a: 2 ** a, 8.0, 8.0 * math.log(2.0)),
])
def test_plain_numbers_work_on_either_side(f, data, grad):
    out, [got] = grads_of(f, 3.0)
    assert out == pytest.approx(data)
    assert got == pytest.approx(grad)


def test_the_lecture_graph():
    a, b, c, f = Value(2.0), Value(-3.0), Value(10.0), Value(-2.0)
    e = a * b
    d = e + c
    L = d * f
    L.backward()
    assert L.data == -8.0
    assert (a.grad, b.grad, c.grad, d.grad, e.grad, f.grad) == (6.0, -4.0, -2.0, -2.0, -2.0, 4.0)


def test_the_lecture_neuron():
    x1, x2, w1, w2 = Value(2.0), Value(0.0), Value(-3.0), Value(1.0)
    b = Value(6.8813735870195432)
    n = x1 * w1 + x2 * w2 + b
    o = n.tanh()
    o.backward()
    assert round(n.data, 4) == 0.8814 and round(o.data, 4) == 0.7071
    assert [x1.grad, w1.grad, x2.grad, w2.grad] == pytest.approx([-1.5, 1.0, 0.5, 0.0], abs=1e-12)


def test_gradients_accumulate_when_a_value_is_used_twice():
    a = Value(3.0)
    b = a + a
    b.backward()
    assert a.grad == 2.0
    a, b = Value(-2.0), Value(3.0)
    f = (a * b) * (a + b)
    f.backward()
    assert (a.grad, b.grad) == (-3.0, -8.0)


def test_powers_at_zero():
    x = Value(0.0)
    root = x ** 0.5
    root.backward()
    assert root.data == 0.0 and x.grad == math.inf  # the square root is vertical at 0
    x = Value(0.0)
    one = x ** 0
    one.backward()
    assert one.data == 1.0 and x.grad == 0.0


def test_a_node_with_zero_gradient_passes_nothing_on():
    x = Value(0.0)
    y = (x ** 0.5) * 0.0  # the slope of the root is infinite, but it is multiplied by 0
    y.backward()
    assert x.grad == 0.0


def test_backward_sets_the_output_gradient_to_one():
    a = Value(3.0)
    out = a * 2
    out.grad = 5.0
    out.backward()
    assert out.grad == 1.0 and a.grad == 2.0


def test_tanh_and_sigmoid_stay_finite_for_large_inputs():
    assert Value(1000.0).tanh().data == 1.0
    assert Value(-1000.0).tanh().data == -1.0
    assert Value(1000.0).sigmoid().data == 1.0
    assert Value(-1000.0).sigmoid().data == 0.0
    big = Value(1000.0)
    big.tanh().backward()
    assert big.grad == 0.0


def test_children_are_ordered_and_the_op_is_named():
    a, b = Value(1.0, label="a"), Value(2.0, label="b")
    assert (b * a)._prev == (b, a)
    assert (a * b)._op == "*" and (a + b)._op == "+" and a.tanh()._op == "tanh"
    assert (a ** 2)._op == "**2"


def test_repr_is_readable():
    assert repr(Value(2.0)) == "Value(data=2.0, grad=0.0)"
    assert repr(Value(-3, label="b")) == "Value(data=-3.0, grad=0.0, label='b')"


def test_data_is_always_a_float():
    assert isinstance(Value(3).data, float)


def test_topological_order_puts_children_first():
    a, b = Value(1.0), Value(2.0)
    c = a * b
    d = c + a
    order = topological_order(d)
    assert set(order) == {a, b, c, d} and len(order) == 4
    position = {node: i for i, node in enumerate(order)}
    for node in order:
        assert all(position[child] < position[node] for child in node._prev)


def test_a_chain_of_a_million_values_backpropagates():
    x = Value(2.0)
    y = x
    for _ in range(1_000_000):
        y = y.relu()
    y.backward()
    assert x.grad == 1.0


def test_backward_walks_each_shared_node_once():
    """A ladder where each level uses the one below twice: 2**40 paths, 81 nodes."""
    x = Value(1.0)
    y = x
    for _ in range(40):
        y = y + y
    y.backward()
    assert x.grad == 2.0 ** 40


def test_backward_twice_gives_the_same_interior_gradients_and_leaves_accumulate():
    x = Value(2.0)
    y = x * x          # interior: dz/dy = 2 every time
    z = y + y          # z = 2x², dz/dx = 4x = 8
    leaf_grads = []
    for _ in range(3):
        z.backward()
        assert (z.grad, y.grad) == (1.0, 2.0)
        leaf_grads.append(x.grad)
    assert leaf_grads == [8.0, 16.0, 24.0]  # a leaf adds up, as in PyTorch
    x.grad = 0.0  # zero_grad() for the leaf
    z.backward()
    assert (y.grad, x.grad) == (2.0, 8.0)


def test_backward_on_a_leaf_is_the_base_case():
    a = Value(3.0)
    a.backward()
    assert a.grad == 1.0


def test_an_edge_with_local_derivative_zero_is_not_walked():
    x = Value(-1.0)
    inner = x * 3.0
    inner.grad = 5.0  # left over from elsewhere; the walk does not reach it
    out = inner.relu() + x
    out.backward()
    assert x.grad == 1.0  # only through "+ x": the ReLU is off
    assert inner.grad == 5.0


NAN = float("nan")


@pytest.mark.parametrize("f", [
    lambda a: a + 1, lambda a: 1 + a, lambda a: a * 2, lambda a: a - 1, lambda a: 1 - a,
    lambda a: -a, lambda a: a / 2, lambda a: 2 / a, lambda a: a ** 2, lambda a: a ** 0.5,
    lambda a: a ** -1, lambda a: 2 ** a, lambda a: a ** Value(2.0), lambda a: Value(2.0) ** a,
    lambda a: a.exp(), lambda a: a.log(), lambda a: a.tanh(), lambda a: a.sigmoid(),
    lambda a: a.relu(), lambda a: dot([a], [Value(1.0)], Value(0.0)),
    lambda a: dot_relu([a], [Value(1.0)], Value(0.0)),
    lambda a: dot_relu([Value(1.0)], [Value(1.0)], a),
])
def test_nan_stays_nan_through_every_operation(f):
    out = f(Value(NAN))
    assert math.isnan(out.data)
    out.backward()  # and backward runs without an error


@pytest.mark.parametrize("f", [lambda a: a.relu(), lambda a: dot_relu([a], [Value(1.0)],
                                                                       Value(0.0))])
def test_a_nan_behind_a_relu_also_makes_the_gradient_nan(f):
    a = Value(NAN)
    f(a).backward()
    assert math.isnan(a.grad)


def test_relu_of_infinity_and_zero():
    assert Value(math.inf).relu().data == math.inf
    assert Value(-math.inf).relu().data == 0.0
    assert Value(-0.0).relu().data == 0.0


def test_the_relu_neuron_node():
    w, x, b = [Value(2.0), Value(-1.0)], [Value(3.0), Value(4.0)], Value(0.5)
    on = dot_relu(w, x, b)  # z = 6 - 4 + 0.5 = 2.5
    on.backward()
    assert on.data == 2.5 and on._op == "ReLU(w*x+b)"
    assert [v.grad for v in w + x + [b]] == [3.0, 4.0, 2.0, -1.0, 1.0]
    b.data, b.grad = -10.0, 0.0
    for v in w + x:
        v.grad = 0.0
    off = dot_relu(w, x, b)
    off.backward()
    assert off.data == 0.0 and [v.grad for v in w + x + [b]] == [0.0] * 5


def test_the_benchmark_s_backward_without_the_skip_gives_the_same_gradients():
    """bench/workload.py measures the zero-gradient skip against this plain backward()."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "workload.py"
    spec = importlib.util.spec_from_file_location("workload", path)
    workload = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(workload)

    def gradients(backward):
        ws, xs, b = [Value(0.5), Value(-2.0)], [Value(1.0), Value(3.0)], Value(10.0)  # on
        off = dot_relu(ws, [Value(1.0), Value(1.0)], Value(-5.0))  # a neuron that is off
        out = (dot_relu(ws, xs, b) + off * 2.0 + xs[0]).tanh()
        backward(out)
        backward(out)  # twice: interior gradients start again, leaves add up
        return [v.grad for v in ws + xs + [b]]

    assert gradients(workload.backward_without_zero_skip) == gradients(Value.backward)


def test_a_graph_holds_no_reference_cycles_so_python_frees_it_at_once():
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        x = Value(0.5)
        out = x
        for _ in range(1000):
            out = (out * x + 1.0).tanh()
        out.backward()
        del x, out
        assert gc.collect() == 0  # nothing was left for the cycle collector to find
    finally:
        if was_enabled:
            gc.enable()
