"""Exercises for lesson 03, manual backprop.

In the lesson ("your turn"): the gradients of L = (a*b + c) * f by hand, node by node from L
back (d and f, then e and c through the + node, then a and b through the first * node), and
one step of size 0.01 along the gradient.

At the end: gradients by hand for f = 3, the backward step of a * node, what a drawing shows
before the backward pass, and the backward step of a new node, out = x - y.

The judges compare with the package: ``backward()`` on the same graph built with
``micrograd.Value``, or ``micrograd.central_difference`` for a single node. Each returns None
when the answer agrees, or a sentence naming what disagrees and the likely mistake.
"""

import micrograd
from micrograd import central_difference
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close


def _lecture_graph(f=-2.0):
    """The lecture's graph L = (a*b + c) * f with the package's Value, as a dict by label."""
    a, b, c, f = (micrograd.Value(x, label=n) for x, n in [(2.0, "a"), (-3.0, "b"),
                                                           (10.0, "c"), (f, "f")])
    e = a * b
    d = e + c
    L = d * f
    e.label, d.label, L.label = "e", "d", "L"
    return {"a": a, "b": b, "c": c, "e": e, "d": d, "f": f, "L": L}


# ----- your turn, in the lesson: the gradients node by node, then one step -------------------

_BY_HAND = "the lecture's gradients, worked out by hand"


def _graph_grads():
    """The lecture graph's gradients from the package's backward(), by label."""
    g = _lecture_graph()
    g["L"].backward()
    return {name: value.grad for name, value in g.items()}, g


def _judge_d_f(grad_d, grad_f):
    grads, g = _graph_grads()
    if close(grad_d, grads["d"]) and close(grad_f, grads["f"]):
        return None
    if close(grad_d, g["d"].data) and close(grad_f, g["f"].data):
        return ("each of d and f got its own value. In L = d * f, nudging d moves L by f "
                "times the nudge: each factor gets the other factor, times L.grad.")
    if close(grad_d, 1.0) and close(grad_f, 1.0):
        return ("that passes dL/dL = 1 on unchanged, as a + node would. L = d * f is a "
                "product: multiply L.grad by the local derivative, the other factor.")
    for name, got in (("d", grad_d), ("f", grad_f)):
        if close(got, -grads[name]):
            return f"dL/d{name} has the wrong sign: look at the sign of the other factor."
    return ("dL/dd is (local derivative) × L.grad, and the local derivative of d * f with "
            "respect to d is f; the same for f, with d. Work out both again.")


grads_d_f = Exercise(
    "dL/dd and dL/df",
    _judge_d_f,
    "L = d * f. Nudge d by h: L moves by f * h, so dL/dd = f * L.grad; and dL/df = d * L.grad. "
    "Use d.data, f.data and L.grad (which is 1).",
    wrong_examples=[(4.0, -2.0), (1.0, 1.0), (2.0, -4.0)],
    answers=NUMBERS,
    reference=(-2.0, 4.0),
    reference_name=_BY_HAND,
)


def _judge_e_c(grad_e, grad_c):
    grads, g = _graph_grads()
    if close(grad_e, grads["e"]) and close(grad_c, grads["c"]):
        return None
    if close(grad_e, 1.0) and close(grad_c, 1.0):
        return ("1 is only the local derivative of the + node. The chain rule multiplies it "
                "by the gradient that reached d, d.grad.")
    if close(grad_e, g["c"].data * grads["d"]) and close(grad_c, g["e"].data * grads["d"]):
        return ("that treats d = e + c like a product. For a sum, nudging either input by h "
                "moves d by exactly h: the local derivative is 1 for both.")
    if close(grad_e, -grads["e"]) or close(grad_c, -grads["c"]):
        return "the sign is wrong: a + node passes d.grad on as it is, sign and all."
    if close(grad_e, grads["f"]) or close(grad_c, grads["f"]):
        return "that is dL/df. What reaches e and c comes through d: use d.grad."
    return ("a + node hands each input (local derivative 1) × d.grad: both get the same "
            "number. Look at d.grad again.")


grads_e_c = Exercise(
    "dL/de and dL/dc, through the + node",
    _judge_e_c,
    "d = e + c: nudging e (or c) by h moves d by h, so the local derivative is 1. By the chain "
    "rule, dL/de = 1 * d.grad, and the same for c.",
    wrong_examples=[(1.0, 1.0), (-20.0, 12.0), (2.0, 2.0)],
    answers=NUMBERS,
    reference=(-2.0, -2.0),
    reference_name=_BY_HAND,
)


def _judge_a_b(grad_a, grad_b):
    grads, g = _graph_grads()
    if close(grad_a, grads["a"]) and close(grad_b, grads["b"]):
        return None
    if close(grad_a, g["b"].data) and close(grad_b, g["a"].data):
        return ("those are only the local derivatives de/da = b and de/db = a. The chain rule "
                "multiplies each by dL/de, the gradient that reached e.")
    if close(grad_a, g["a"].data * grads["e"]) and close(grad_b, g["b"].data * grads["e"]):
        return ("a and b each got their own value times e.grad. A * node hands each input "
                "the other factor: a gets b times e.grad.")
    if close(grad_a, -grads["a"]) or close(grad_b, -grads["b"]):
        return ("a sign is wrong. Count the negative numbers along the chain: b (or a), and "
                "e.grad.")
    return ("dL/da = (de/da) × e.grad = b × e.grad, and dL/db = a × e.grad. Work out both "
            "again.")


grads_a_b = Exercise(
    "dL/da and dL/db, through the * node",
    _judge_a_b,
    "e = a * b: the local derivative for a is b (the other factor), and for b it is a. "
    "Multiply each by e.grad: a.grad = b.data * e.grad.",
    wrong_examples=[(-3.0, 2.0), (-4.0, 6.0), (-6.0, 4.0)],
    answers=NUMBERS,
    reference=(6.0, -4.0),
    reference_name=_BY_HAND,
)


_STEP = 0.01


def _leaves():
    """(data, grad) of each leaf we step, from the package's backward() on the graph."""
    grads, g = _graph_grads()
    return {name: (g[name].data, grads[name]) for name in "abcf"}


_LEAVES = _leaves()


def _judge_one_step(a_new, b_new, c_new, f_new):
    yours = {"a": a_new, "b": b_new, "c": c_new, "f": f_new}
    for name, got in yours.items():
        data, grad = _LEAVES[name]
        if close(got, data + _STEP * grad, 1e-9):
            continue
        if close(got, data - _STEP * grad, 1e-9):
            return (f"{name} moved against its gradient (a minus sign). Here we want L to go "
                    f"up: add step × {name}.grad.")
        if close(got, data + grad, 1e-9):
            return (f"{name} moved by its whole gradient. Multiply the gradient by the step "
                    "size first: step × grad.")
        if close(got, data):
            return (f"{name} did not move. Every leaf we control moves, f included: "
                    f"{name}.data + step × {name}.grad.")
        if close(got, _STEP * grad, 1e-9):
            return (f"that is only the change of {name}. The new value is the old one plus "
                    "the change: data + step × grad.")
        return f"the new {name} is {name}.data + step × {name}.grad; work it out again."
    return None


one_step = Exercise(
    "one step along the gradient",
    _judge_one_step,
    "Each leaf moves by the step size times its own gradient: a.data + step * a.grad, and the "
    "same for b, c and f.",
    wrong_examples=[(1.94, -2.96, 10.02, -2.04), (8.0, -7.0, 8.0, 2.0),
                    (2.06, -3.04, 9.98, -2.0)],
    answers=NUMBERS,
    reference=tuple(data + _STEP * grad for data, grad in _LEAVES.values()),
    reference_name="the lecture's step, to a, b, c, f = 2.06, -3.04, 9.98, -1.96",
)


# ----- 1 · every gradient by hand, with f = 3 ------------------------------------------------

_OTHER = {"a": "b", "b": "a"}  # the other factor of e = a * b


def _judge_by_hand(grad_a, grad_b, grad_c, grad_f):
    yours = {"a": grad_a, "b": grad_b, "c": grad_c, "f": grad_f}
    lecture = _lecture_graph(f=-2.0)
    lecture["L"].backward()
    if all(close(yours[n], lecture[n].grad) for n in yours):
        return ("these are the gradients for f = -2. With f = 3, what reaches d from the last "
                "* node is different: start again from dL/dd = f.")
    g = _lecture_graph(f=3.0)
    g["L"].backward()
    for name, got in yours.items():
        want = g[name].grad
        if close(got, want):
            continue
        if close(got, -want):
            return (f"dL/d{name} has the wrong sign. Follow the signs along the chain from L "
                    f"to {name}: each * node multiplies by the other factor, which may be "
                    "negative.")
        if name in _OTHER and close(got, g[name].data * g["e"].grad):
            return (f"dL/d{name} is off: you used {name}'s own value. A * node hands each "
                    f"input the other factor, here {_OTHER[name]}, times the gradient of e.")
        if name in _OTHER and close(got, g[_OTHER[name]].data):
            return (f"dL/d{name} is only the local derivative de/d{name}. The chain rule "
                    "multiplies it by dL/de, the gradient that reached e.")
        return (f"dL/d{name} is off. It is (local derivative) × (the gradient of the node "
                f"{name} goes into); work out both factors again.")
    return None


q1 = Exercise(
    "every gradient by hand, with f = 3",
    _judge_by_hand,
    "With f = 3: d = 4 and L = 12. Start at dL/dL = 1. The last * gives d the value of f and "
    "f the value of d. The + passes dL/dd on unchanged to e and c. The first * gives a the "
    "value of b times dL/de, and b the value of a times dL/de.",
    wrong_examples=[(6.0, -4.0, -2.0, 4.0), (9.0, -6.0, 3.0, 4.0), (6.0, -9.0, 3.0, 4.0)],
    answers=NUMBERS,
)


# ----- shared: judging a backward step of out = x (op) y ------------------------------------

def _judge_backward_step(backward, op, forward, tell):
    """Run ``backward(x, y, out)`` on fresh package values and compare with nudging.

    ``forward(x, y)`` is the node as a function of numbers; ``tell(name, got, want, x, y,
    out)`` may name a likely mistake for a wrong gradient.
    """
    x, y = micrograd.Value(2.0, label="x"), micrograd.Value(-3.0, label="y")
    out = x * y if op == "*" else x - y
    out.grad = 1.5
    backward(x, y, out)
    slopes = {"x": central_difference(lambda t: forward(t, y.data), x.data),
              "y": central_difference(lambda t: forward(x.data, t), y.data)}
    for name, value in (("x", x), ("y", y)):
        want = slopes[name] * out.grad
        if not close(value.grad, want):
            return (f"for out = x {op} y with x = 2, y = -3 and out.grad = 1.5, {name}.grad "
                    f"should be {want:g} but yours is {value.grad:g}. "
                    + tell(name, value.grad, want, x, y, out))
    twin = micrograd.Value(3.0, label="x")
    out = twin * twin if op == "*" else twin - twin
    out.grad = 1.0
    backward(twin, twin, out)
    want = central_difference(lambda t: forward(t, t), 3.0)
    if not close(twin.grad, want):
        return (f"for out = x {op} x (x used twice, x = 3, out.grad = 1), x.grad should be "
                f"{want:g} but yours is {twin.grad:g}. If your code sets a grad with =, the "
                "second line replaces what the first added: use +=, so that both uses count.")
    return None


# ----- 2 · the backward step of a * node -----------------------------------------------------

def _tell_mul(name, got, want, x, y, out):
    own = x if name == "x" else y
    if close(got, own.data * out.grad):
        return f"{name} got its own value: a * node hands each input the other factor."
    if close(got, want / out.grad):
        return "That is the local derivative alone: multiply it by out.grad (the chain rule)."
    return "Each input gets (the other factor's data) × out.grad."


def _judge_mul(backward_mul):
    return _judge_backward_step(backward_mul, "*", lambda x, y: x * y, _tell_mul)


def _mul_swapped(x, y, out):
    x.grad += x.data * out.grad
    y.grad += y.data * out.grad


def _mul_equals(x, y, out):
    x.grad = y.data * out.grad
    y.grad = x.data * out.grad


def _mul_no_chain(x, y, out):
    x.grad += y.data
    y.grad += x.data


q2 = Exercise(
    "the backward step of a * node",
    _judge_mul,
    "out = x * y: nudging x by h moves out by y.data * h, so the local derivative for x is "
    "y.data (and for y it is x.data). Multiply by out.grad, and add with +=.",
    wrong_examples=[(_mul_swapped,), (_mul_equals,), (_mul_no_chain,)],
    answers=CODE,
)


# ----- 3 · what the drawing shows before the backward pass -----------------------------------

def _judge_before_backward(grad_a, grad_L):
    g = _lecture_graph()  # built and drawn, no backward pass yet
    if not close(grad_L, g["L"].grad):
        return (f"the box of L shows {g['L'].grad:g}, not {grad_L:g}: dL/dL = 1 is the base "
                "case, but it is set by the backward pass (L.grad = 1.0), and that has not "
                "run yet.")
    if not close(grad_a, g["a"].grad):
        return (f"{grad_a:g} is what the backward pass will put in a.grad. Before it runs, "
                f"nothing has filled it in: every grad still shows {g['a'].grad:g}.")
    return None


q3 = Exercise(
    "the drawing before the backward pass",
    _judge_before_backward,
    "Look at the first drawing of this lesson, made right after the graph was built. A Value "
    "starts with grad 0.0, and only a backward pass (by hand, or L.backward()) changes it, "
    "starting with L.grad = 1.0.",
    wrong_examples=[(6.0, 1.0), (0.0, 1.0), (6.0, 0.0)],
    answers=NUMBERS,
)


# ----- 4 · a new node: out = x - y -----------------------------------------------------------

def _tell_sub(name, got, want, x, y, out):
    if close(got, -want):
        return ("The sign is wrong: nudging y up moves x - y down, so y's local derivative "
                "is -1 (and x's is +1).")
    if close(got, want / out.grad):
        return "That is the local derivative alone: multiply it by out.grad (the chain rule)."
    return "The local derivatives of x - y are 1 for x and -1 for y; times out.grad."


def _judge_sub(backward_sub):
    return _judge_backward_step(backward_sub, "-", lambda x, y: x - y, _tell_sub)


def _sub_like_add(x, y, out):
    x.grad += out.grad
    y.grad += out.grad


def _sub_equals(x, y, out):
    x.grad = out.grad
    y.grad = -out.grad


def _sub_no_chain(x, y, out):
    x.grad += 1.0
    y.grad -= 1.0


q4 = Exercise(
    "the backward step of a - node",
    _judge_sub,
    "Nudge x by h: x - y moves by +h. Nudge y by h: it moves by -h. Those are the local "
    "derivatives, 1 and -1; multiply each by out.grad and add with +=.",
    wrong_examples=[(_sub_like_add,), (_sub_equals,), (_sub_no_chain,)],
    answers=CODE,
)
