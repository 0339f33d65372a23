"""Exercises for lesson 05, backward for each operation: the _backward closures of +, * and
tanh, a new operation's closure, and the order in which to call them by hand.

Code is judged by running it: one node's ``_backward()`` at a time, with a gradient other than
1 arriving from above, and whole backward passes (the closures called in reversed topological
order, since the lesson's class has no ``backward()`` yet) against central differences
(``micrograd.central_difference``). The buggy classes in the module are the wrong answers the
tests feed in.
"""

import math

import micrograd
from micrograd import teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import grads_vs_nudging, judge_operation


def _backward_pass(out):
    """Set out.grad = 1 and call every node's _backward(), from out back to the leaves."""
    out.grad = 1.0
    for node in reversed(teaching.build_topo(out)):
        node._backward()


# Your turn: the _backward closures of +, * and tanh

CLOSURE_CASES = [  # (op, build, inputs, gradient arriving from above, local derivatives)
    ("+", lambda a, b: a + b, (2.0, -3.0), 1.5, lambda a, b: (1.0, 1.0)),
    ("*", lambda a, b: a * b, (2.0, -3.0), 1.5, lambda a, b: (b, a)),
    ("tanh", lambda a: a.tanh(), (0.5,), 2.0, lambda a: (1 - math.tanh(a) ** 2,)),
]


def _judge_closures(V):
    leaf = V(2.0)
    if not callable(getattr(leaf, "_backward", None)):
        return "a leaf needs a _backward too: in __init__, one that does nothing"
    leaf.grad = 0.5
    leaf._backward()
    if leaf.grad != 0.5:
        return "a leaf's _backward must do nothing: it was made by no operation"
    for op, build, inputs, grad, local in CLOSURE_CASES:
        children = [V(x) for x in inputs]
        out = build(*children)
        forward = {"+": sum(inputs), "*": inputs[0] * inputs[-1], "tanh": math.tanh(inputs[0])}
        if not close(out.data, forward[op], 1e-9):
            return f"the forward pass of {op} changed: keep the lines that compute out"
        out.grad = grad
        out._backward()
        got = [child.grad for child in children]
        want = [d * grad for d in local(*inputs)]
        if all(close(g, w) for g, w in zip(got, want)):
            continue
        where = (f"with {op} of {', '.join(f'{x:g}' for x in inputs)} and out.grad = {grad:g}, "
                 f"out._backward() gave the children grad {', '.join(f'{g:g}' for g in got)}")
        if all(g == 0 for g in got):
            return (f"{where}: nothing reached them. Does {op}'s _backward change self.grad "
                    f"(and other.grad), and is it stored with out._backward = _backward?")
        if all(close(g, d) for g, d in zip(got, local(*inputs))):
            return f"{where}: the local derivatives alone. Multiply each by out.grad."
        if op == "*" and close(got[0], inputs[0] * grad):
            return (f"{where}, not {want[0]:g}, {want[1]:g}. In a product, each input's "
                    f"local derivative is the other input's data.")
        if op == "tanh" and close(got[0], (1 - inputs[0] ** 2) * grad):
            return (f"{where}, not {want[0]:.4f}. tanh's local derivative is 1 - t**2 with t "
                    f"the output, tanh(x), not the input x.")
        return f"{where}, not {', '.join(f'{w:.4f}' for w in want)}: local derivative × out.grad."
    for what, build, x, want in [("a + a", lambda a: a + a, 3.0, 2.0),
                                 ("a * a", lambda a: a * a, 3.0, 6.0)]:
        a = V(x)
        out = build(a)
        out.grad = 1.0
        out._backward()
        if not close(a.grad, want):
            return (f"for {what} with a = {x:g}, out._backward() leaves a.grad = {a.grad:g}, not "
                    f"{want:g}: a is both self and other, and must receive both shares. Add "
                    f"each share to the gradient (+=) instead of replacing it (=).")
    return None


def _give(node, amount, set_grad):
    node.grad = amount if set_grad else node.grad + amount


def _closures_class(swap_mul=False, no_out_grad=False, set_grad=False, tanh_of_input=False):
    """Lesson 05's class, with one of the mistakes a student might make in its closures (none
    when every flag is False). Each operation makes a value of the class it is called on."""

    class Value:
        def __init__(self, data, _children=(), _op='', label=''):
            self.data, self.grad = data, 0.0
            self._backward = lambda: None
            self._prev, self._op, self.label = tuple(_children), _op, label

        def __add__(self, other):
            out = type(self)(self.data + other.data, (self, other), '+')

            def _backward():
                g = 1.0 if no_out_grad else out.grad
                _give(self, 1.0 * g, set_grad)
                _give(other, 1.0 * g, set_grad)
            out._backward = _backward
            return out

        def __mul__(self, other):
            out = type(self)(self.data * other.data, (self, other), '*')

            def _backward():
                g = 1.0 if no_out_grad else out.grad
                mine, theirs = (self.data, other.data) if swap_mul else (other.data, self.data)
                _give(self, mine * g, set_grad)
                _give(other, theirs * g, set_grad)
            out._backward = _backward
            return out

        def tanh(self):
            t = math.tanh(self.data)
            out = type(self)(t, (self,), 'tanh')

            def _backward():
                g = 1.0 if no_out_grad else out.grad
                local = 1 - self.data ** 2 if tanh_of_input else 1 - t ** 2
                _give(self, local * g, set_grad)
            out._backward = _backward
            return out

    return Value


closures = Exercise(
    "the _backward of +, * and tanh",
    _judge_closures,
    "Each _backward applies the rule input.grad += (local derivative) * out.grad to each input. "
    "For +, both local derivatives are 1. For *, self's is other.data and other's is "
    "self.data. For tanh it is 1 - t**2, where t is the output.",
    wrong_examples=[
        (_closures_class(swap_mul=True),),
        (_closures_class(no_out_grad=True),),
        (_closures_class(set_grad=True),),
        (_closures_class(tanh_of_input=True),),
    ],
    answers=CODE,
    reference=teaching.Value,
    reference_name="micrograd.teaching.Value",
)


# Exercise 1: sigmoid with its _backward

SIGMOID_TESTS = [  # (what, f, inputs, names)
    ("sigmoid(a)", lambda a: a.sigmoid(), [0.5], "a"),
    ("sigmoid(a*b) * c", lambda a, b, c: (a * b).sigmoid() * c, [0.5, -1.5, 3.0], "abc"),
    ("sigmoid(a) * a, where a is used twice", lambda a: a.sigmoid() * a, [0.8], "a"),
]


def _judge_sigmoid(V):
    return judge_operation(V, "sigmoid", lambda x: 1 / (1 + math.exp(-x)), (0.0, 2.0, -1.5),
                           SIGMOID_TESTS, "s = 1 / (1 + math.exp(-x))",
                           "the local derivative is s * (1 - s)", _backward_pass)


class _Value(_closures_class()):
    """Lesson 05's class, right: +, * and tanh with their closures."""


def _sigmoid_class(local, set_grad=False):
    class Sigmoid(_Value):
        def sigmoid(self):
            s = 1 / (1 + math.exp(-self.data))
            out = Sigmoid(s, (self,), 'sigmoid')

            def _backward():
                _give(self, local(s, out.grad), set_grad)
            out._backward = _backward
            return out
    return Sigmoid


q1 = Exercise(
    "sigmoid with its _backward",
    _judge_sigmoid,
    "Compute s = 1 / (1 + math.exp(-self.data)) and out = Value(s, (self,), 'sigmoid'). The "
    "local derivative of the sigmoid is s · (1 − s), so inside _backward: "
    "self.grad += s * (1 - s) * out.grad. Then out._backward = _backward and return out.",
    wrong_examples=[
        (_sigmoid_class(lambda s, g: s * (1 - s) * g, set_grad=True),),
        (_sigmoid_class(lambda s, g: s * g),),
        (_sigmoid_class(lambda s, g: s * (1 - s)),),
    ],
    answers=CODE,
)


# Exercise 2: subtraction as one operation, with its own closure

SUB_TESTS = [  # (what, f, inputs, names)
    ("a - b", lambda a, b: a - b, [5.0, 2.0], "ab"),
    ("(a - b) * c", lambda a, b, c: (a - b) * c, [5.0, 2.0, -3.0], "abc"),
    ("a - a, where a is used twice", lambda a: a - a, [4.0], "a"),
    ("(a * b) - b, where b is used twice", lambda a, b: (a * b) - b, [3.0, -2.0], "ab"),
]


def _judge_sub(V):
    a, b = V(5.0), V(2.0)
    c = a - b
    if not close(c.data, 3.0, 1e-12):
        return f"the forward pass is off: 5 - 2 should be 3, yours gives {c.data:g}"
    if len(c._prev) != 2 or c._prev[0] is not a or c._prev[1] is not b:
        return ("a - b should be one node made from (self, other), in that order, with its own "
                "_backward: not a + (-b), and not a node of the numbers")
    for what, f, inputs, names in SUB_TESTS:
        found = grads_vs_nudging(V, f, inputs, names, _backward_pass)
        if found:
            name, grad, slope = found
            if "twice" in what:
                advice = "a value used twice must receive both shares: +=, not ="
            elif close(grad, -slope):
                advice = "the sign is flipped: self's local derivative is +1, other's is -1"
            else:
                advice = "each local derivative (+1 for self, -1 for other) times out.grad"
            return (f"for {what}, {name}.grad is {grad:.4f} but nudging {name} gives "
                    f"{slope:.4f}: {advice}.")
    return None


def _sub_class(self_local, other_local, set_grad=False, times_out_grad=True):
    class Sub(_Value):
        def __sub__(self, other):
            out = Sub(self.data - other.data, (self, other), '-')

            def _backward():
                g = out.grad if times_out_grad else 1.0
                _give(self, self_local * g, set_grad)
                _give(other, other_local * g, set_grad)
            out._backward = _backward
            return out
    return Sub


q2 = Exercise(
    "subtraction with its _backward",
    _judge_sub,
    "out = Value(self.data - other.data, (self, other), '-'). Nudging self up moves out up by "
    "the same amount, nudging other up moves it down: the local derivatives are +1 and -1. "
    "So inside _backward: self.grad += 1.0 * out.grad and other.grad += -1.0 * out.grad.",
    wrong_examples=[
        (_sub_class(1.0, 1.0),),
        (_sub_class(1.0, -1.0, set_grad=True),),
        (_sub_class(1.0, -1.0, times_out_grad=False),),
        (_sub_class(-1.0, 1.0),),
    ],
    answers=CODE,
)


# Exercise 3: the order in which to call the _backward closures by hand

def _order_graph(V):
    """e = a * b, f = e + c, g = f * e with a = 2, b = -3, c = 4: e is used twice."""
    a, b, c = V(2.0, label="a"), V(-3.0, label="b"), V(4.0, label="c")
    e = a * b
    f = e + c
    g = f * e
    for node, name in [(e, "e"), (f, "f"), (g, "g")]:
        node.label = name
    return {"a": a, "b": b, "c": c, "e": e, "f": f, "g": g}


def _judge_order(order):
    if not isinstance(order, (list, tuple)) or not all(isinstance(n, str) for n in order):
        return (f"give a list of node names in quotes, in the order you would call their "
                f"_backward(), such as ['x', 'y']; got {type(order).__name__} {order!r}")
    nodes = _order_graph(teaching.Value)
    unknown = [n for n in order if n not in nodes]
    if unknown:
        return f"the graph has nodes a, b, c, e, f, g; there is no {unknown[0]!r}"
    inner = [n for n in order if n in "efg"]
    for name in "efg":
        if name not in inner:
            return (f"{name}'s _backward() is never called, so what reached {name} goes no "
                    f"further: call every node made by an operation")
        if inner.count(name) > 1:
            return (f"{name}'s _backward() is called {inner.count(name)} times: each call adds "
                    f"{name}'s share to its children again, so call each node once")
    nodes["g"].grad = 1.0
    for name in order:
        nodes[name]._backward()
    right = _order_graph(micrograd.Value)
    right["g"].backward()
    if all(close(nodes[n].grad, right[n].grad) for n in "abcef"):
        return None
    if inner.index("g") > 0:
        return ("g is the output: its _backward() must come first, as nothing else hands "
                "anything to f and e before it does")
    return ("e is called before f, but f uses e: e's gradient is complete only after f has "
            "passed its share to e, so a and b get only part of it. A node's turn comes after "
            "every node that uses it")


q3 = Exercise(
    "the order of the _backward calls",
    _judge_order,
    "g is the output, so it comes first. Then ask, for each of e and f: which nodes use it? A "
    "node can pass its gradient on only once all of them have passed theirs to it.",
    wrong_examples=[(["g", "e", "f"],), (["e", "f", "g"],), (["g", "f"],),
                    (["g", "f", "e", "e"],)],
)


# Exercise 4: what a leaf's _backward does, and what a second call does

def _after_two_more_calls():
    x1, w1 = teaching.Value(2.0), teaching.Value(-3.0)
    x2, w2 = teaching.Value(0.0), teaching.Value(1.0)
    x1w1 = x1 * w1
    n = x1w1 + x2 * w2 + teaching.Value(6.8813735870195432)
    o = n.tanh()
    _backward_pass(o)
    x1._backward()      # a leaf: nothing happens
    x1w1._backward()    # its share, once more
    return x1.grad, w1.grad


def _judge_leaf(x1_grad, w1_grad):
    want_x1, want_w1 = _after_two_more_calls()
    if close(x1_grad, want_x1, 1e-4) and close(w1_grad, want_w1, 1e-4):
        return None
    if close(x1_grad, -1.5, 1e-4) and close(w1_grad, 1.0, 1e-4):
        return ("x1's own _backward does nothing, right; but x1w1's _backward adds its share "
                "to x1.grad and w1.grad once more (+=), on top of what they hold")
    if close(x1_grad, 0.0) or close(w1_grad, 0.0):
        return ("a leaf's _backward does not reset anything: it is lambda: None, which does "
                "nothing at all. Then x1w1's _backward adds its share again")
    return ("x1._backward() changes nothing. x1w1._backward() adds w1.data * x1w1.grad to "
            "x1.grad and x1.data * x1w1.grad to w1.grad, where x1w1.grad = 0.5")


q4 = Exercise(
    "a leaf's _backward, and a second call",
    _judge_leaf,
    "A leaf's _backward is lambda: None. x1w1's is the * closure: it adds other.data * out.grad "
    "to self.grad and self.data * out.grad to other.grad, here with out.grad = 0.5.",
    wrong_examples=[(-1.5, 1.0), (0.0, 0.0), (-1.5, 2.0), (-4.5, 2.0)],
    answers=NUMBERS,
)
