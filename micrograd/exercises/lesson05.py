"""Exercises for lesson 05, backward for each operation: the _backward closures of +, * and
tanh, a new operation's closure, and the order in which to call them by hand.

Code is judged by running it: one node's ``_backward()`` at a time, with a gradient other than
1 arriving from above and a child that already holds a gradient from another use; whole
backward passes (the closures called in reversed topological order, since the lesson's class
has no ``backward()`` yet) against central differences (``micrograd.central_difference``), on
graphs that use a value twice; and each time, the inputs' data must be left as it was. The
buggy classes in the module are the wrong answers the tests feed in.
"""

import math

import micrograd
from micrograd import teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import (
    as_text,
    grads_vs_nudging,
    judge_operation,
    missing_backward,
    mutated,
)

HELD = 0.25  # what a child already holds from another use, when a node hands it its share


def _backward_pass(out):
    """Set out.grad = 1 and call every node's _backward(), from out back to the leaves."""
    out.grad = 1.0
    for node in reversed(teaching.build_topo(out)):
        node._backward()


def _is_value(x):
    return all(hasattr(x, name) for name in ("data", "grad", "_prev", "_backward"))


def _not_a_value(what, x):
    return (f"{what} gave back {as_text(x)}, not a Value: an operation returns the new "
            f"Value it made (is a `return out` missing?)")


def _unchanged_after_backward(V, build, inputs):
    """A sentence when a whole backward pass through build(*values) changes an input's data."""
    values = [V(x) for x in inputs]
    _backward_pass(build(*values))
    problem = mutated(values, inputs)
    if problem:
        return ("during the backward pass, " + problem[:1].lower() + problem[1:] +
                " A _backward changes gradients only, never data.")
    return None


def _borrowed(V, names):
    """A sentence when V, not being the reference, takes these methods from it."""
    if V is teaching.Value:
        return None
    taken = [n for n in names if getattr(V, n, None) is getattr(teaching.Value, n)]
    if taken:
        return (f"your class takes {' and '.join(taken)} from micrograd.teaching.Value, the "
                f"lesson's reference: write the closures in your own class")
    return None


# Your turn: the _backward closures of +, * and tanh

CLOSURE_CASES = [  # (op, build, inputs, gradient arriving from above, local derivatives)
    ("+", lambda a, b: a + b, (2.0, -3.0), 1.5, lambda a, b: (1.0, 1.0)),
    ("*", lambda a, b: a * b, (2.0, -3.0), 1.5, lambda a, b: (b, a)),
    ("tanh", lambda a: a.tanh(), (0.5,), 2.0, lambda a: (1 - math.tanh(a) ** 2,)),
]
FORWARD = {"+": lambda a, b: a + b, "*": lambda a, b: a * b, "tanh": math.tanh}

CLOSURE_GRAPHS = [  # (what, f, inputs, names): whole backward passes against nudging
    ("lesson 04's neuron", lambda x1, w1, x2, w2, b: (x1 * w1 + x2 * w2 + b).tanh(),
     [2.0, -3.0, 0.0, 1.0, 6.8813735870195432], ["x1", "w1", "x2", "w2", "b"]),
    ("tanh(a * b) * a, where a is used twice", lambda a, b: (a * b).tanh() * a,
     [0.7, -0.4], "ab"),
    ("e * (e + c) with e = a * b, where e is used at two depths",
     lambda a, b, c: (a * b) * ((a * b) + c), [1.5, -2.0, 4.0], "abc"),
]


def _judge_closures(V):
    problem = _borrowed(V, ("__add__", "__mul__", "tanh"))
    if problem:
        return problem
    leaf = V(2.0)
    if not callable(getattr(leaf, "_backward", None)):
        return "a leaf needs a _backward too: in __init__, one that does nothing"
    leaf.grad = 0.5
    leaf._backward()
    if leaf.grad != 0.5 or leaf.data != 2.0:
        return "a leaf's _backward must do nothing: it was made by no operation"
    for op, build, inputs, grad, local in CLOSURE_CASES:
        children = [V(x) for x in inputs]
        out = build(*children)
        if not _is_value(out):
            return _not_a_value(op, out)
        if not close(out.data, FORWARD[op](*inputs), 1e-9):
            return f"the forward pass of {op} changed: keep the lines that compute out"
        problem = missing_backward(V, out)
        if problem:
            return problem
        out.grad = grad
        out._backward()
        problem = mutated(children, inputs)
        if problem:
            return (f"out._backward() of {op} changed its input's data, not only its grad: "
                    + problem)
        got = [child.grad for child in children]
        want = [d * grad for d in local(*inputs)]
        if all(close(g, w) for g, w in zip(got, want)):
            continue
        where = (f"with {op} of {', '.join(f'{x:g}' for x in inputs)} and out.grad = {grad:g}, "
                 f"out._backward() gave the children grad {', '.join(as_text(g) for g in got)}")
        if all(g == 0 for g in got):
            return (f"{where}: nothing reached them. Does {op}'s _backward change self.grad "
                    f"(and other.grad)?")
        if any(close(g, w) for g, w in zip(got, want)):
            return (f"{where}: one of them got its share, the other did not. Each input of "
                    f"the node receives its own share")
        if all(close(g, d) for g, d in zip(got, local(*inputs))):
            return f"{where}: the local derivatives alone. What else does the rule multiply?"
        if all(close(g, -w) for g, w in zip(got, want)):
            return f"{where}: the sign is flipped. Look again at the local derivative"
        if op == "*" and close(got[0], inputs[0] * grad):
            return (f"{where}, not {as_text(want[0])}, {as_text(want[1])}. In a product, "
                    f"which input's data is each input's local derivative?")
        if op == "tanh" and close(got[0], (1 - inputs[0] ** 2) * grad):
            return (f"{where}, not {as_text(want[0])}. tanh's local derivative is written "
                    f"with t, the output tanh(x), not with the input x.")
        return (f"{where}, not {', '.join(as_text(w) for w in want)}: each child receives "
                f"its local derivative times out.grad.")
    for op, build, inputs, grad, local in CLOSURE_CASES:
        children = [V(x) for x in inputs]
        out = build(*children)
        for child in children:
            child.grad = HELD
        out.grad = grad
        out._backward()
        want = [HELD + d * grad for d in local(*inputs)]
        if not all(close(c.grad, w) for c, w in zip(children, want)):
            return (f"when the children of {op} already hold a gradient of {HELD:g} from "
                    f"another use, out._backward() leaves them "
                    f"{', '.join(as_text(c.grad) for c in children)}, not "
                    f"{', '.join(as_text(w) for w in want)}: their share must be added to "
                    f"what they hold (+=), not replace it (=)")
    for what, build, x, want in [("a + a", lambda a: a + a, 3.0, 2.0),
                                 ("a * a", lambda a: a * a, 3.0, 6.0)]:
        a = V(x)
        out = build(a)
        out.grad = 1.0
        out._backward()
        if not close(a.grad, want):
            return (f"for {what} with a = {x:g}, out._backward() leaves a.grad = "
                    f"{as_text(a.grad)}, not {want:g}: a is both self and other, and must "
                    f"receive both shares. Does each share add to the gradient?")
    for what, f, inputs, names in CLOSURE_GRAPHS:
        found = grads_vs_nudging(V, f, inputs, names, _backward_pass)
        if found:
            name, grad, slope = found
            return (f"for {what}, a pass from the output back gives {name}.grad = "
                    f"{as_text(grad)}, but nudging {name} gives {slope:.4f}.")
        problem = _unchanged_after_backward(V, f, inputs)
        if problem:
            return f"for {what}, {problem}"
    return None


def _give(node, amount, set_grad):
    node.grad = amount if set_grad else node.grad + amount


def _closures_class(swap_mul=False, no_out_grad=False, set_grad=False, tanh_of_input=False,
                    forget_other=False, data_not_grad=False, tanh_not_stored=False,
                    tanh_sign=1.0):
    """Lesson 05's class, with one of the mistakes a student might make in its closures (none
    when every flag is False). Each operation makes a value of the class it is called on."""

    class Value:
        def __init__(self, data, _children=(), _op='', label=''):
            self.data, self.grad = data, 0.0
            self._backward = lambda: None
            self._prev, self._op, self.label = tuple(_children), _op, label

        def __repr__(self):
            return f"Value(data={self.data})"

        def __add__(self, other):
            out = type(self)(self.data + other.data, (self, other), '+')

            def _backward():
                g = 1.0 if no_out_grad else out.grad
                _give(self, 1.0 * g, set_grad)
                if not forget_other:
                    _give(other, 1.0 * g, set_grad)
            out._backward = _backward
            return out

        def __mul__(self, other):
            out = type(self)(self.data * other.data, (self, other), '*')

            def _backward():
                g = 1.0 if no_out_grad else out.grad
                mine, theirs = (self.data, other.data) if swap_mul else (other.data, self.data)
                if data_not_grad:   # .data where .grad is meant
                    self.data, other.data = self.data + mine * g, other.data + theirs * g
                    return
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
                _give(self, tanh_sign * local * g, set_grad)
            if not tanh_not_stored:
                out._backward = _backward
            return out

    return Value


class _BorrowsTheReference(teaching.Value):
    """A class that takes every operation, closures and all, from the lesson's reference."""


closures = Exercise(
    "the _backward of +, * and tanh",
    _judge_closures,
    ("Each _backward does one job for each input of its node: it adds to that input's grad "
     "what the input receives. The variables it can use are the method's own: self, other "
     "and out (and t, in tanh). Which of them does each share depend on?",
     "Each input receives its local derivative times out.grad, added to its grad with +=. "
     "The local derivatives are in the text above the cell: 1 and 1 for +, the other "
     "input's data for *, and 1 - t² for tanh, where t is the output."),
    wrong_examples=[
        (_closures_class(swap_mul=True),),
        (_closures_class(no_out_grad=True),),
        (_closures_class(set_grad=True),),
        (_closures_class(tanh_of_input=True),),
        (_closures_class(forget_other=True),),
        (_closures_class(data_not_grad=True),),
        (_closures_class(tanh_not_stored=True),),
        (_closures_class(tanh_sign=-1.0),),
        (_BorrowsTheReference,),
    ],
    answers=CODE,
    reference=teaching.Value,
    reference_name="micrograd.teaching.Value",
    forbidden=(teaching.Value.__add__, teaching.Value.__mul__, teaching.Value.tanh),
)


# Exercise 1: sigmoid with its _backward

def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


SIGMOID_TESTS = [  # (what, f, inputs, names)
    ("sigmoid(a)", lambda a: a.sigmoid(), [0.5], "a"),
    ("sigmoid(a*b) * c", lambda a, b, c: (a * b).sigmoid() * c, [0.5, -1.5, 3.0], "abc"),
    ("sigmoid(a) * a, where a is used twice", lambda a: a.sigmoid() * a, [0.8], "a"),
    ("sigmoid(e) * e with e = a * b, where e is used twice",
     lambda a, b: (lambda e: e.sigmoid() * e)(a * b), [1.2, -0.5], "ab"),
]


def _judge_one_node(V, op, points, expected, arity=1, name=None):
    """A sentence when V's operation op is not one node made from its inputs, with its own
    closure, leaving them as they were; else None."""
    for x in points:
        values = [V(v) for v in x]
        if not callable(getattr(values[0], op, None)):
            return (f"your Value has no method {op}: did the cell attach your function to "
                    f"the class before checking it?")
        out = getattr(values[0], op)(*values[1:])
        if not _is_value(out):
            return _not_a_value(op, out)
        problem = mutated(values, x)
        if problem:
            return problem
        if len(out._prev) != arity or any(a is not b for a, b in zip(out._prev, values)):
            shown = ", ".join(as_text(getattr(c, "data", c)) for c in out._prev)
            inputs = "self" if arity == 1 else "(self, other), in that order"
            return (f"{name or op} should make one node whose children are {inputs}, with "
                    f"its own _backward; yours has children ({shown}). Was it built from "
                    f"other operations, or from plain numbers?")
        problem = missing_backward(V, out)
        if problem:
            return problem
        if not close(out.data, expected(*x), 1e-9):
            return (f"the forward pass is off: {name or op} of {', '.join(f'{v:g}' for v in x)} "
                    f"should be {expected(*x):.4f}, yours gives {as_text(out.data)}.")
    return None


def _judge_sigmoid(V):
    problem = _judge_one_node(V, "sigmoid", [(0.0,), (2.0,), (-1.5,)], _sigmoid)
    if problem:
        return problem
    for x, grad in [(0.5, 1.5), (-2.0, -0.5), (1.7, 1.0), (3.0, 2.0)]:
        a = V(x)
        out = a.sigmoid()
        out.grad = grad
        out._backward()
        problem = mutated([a], [x])
        if problem:
            return "out._backward() changed its input's data, not only its grad: " + problem
        s = _sigmoid(x)
        exact = s * (1 - s) * grad
        got = a.grad
        if close(got, exact, 1e-13):   # exact formulas agree to about 1e-16
            continue
        where = (f"at x = {x:g} with out.grad = {grad:g}, out._backward() hands self "
                 f"{as_text(got)}, not {exact:.4f}")
        if close(got, exact, 1e-3 * abs(exact)):
            return (f"at x = {x:g} with out.grad = {grad:g}, out._backward() hands self "
                    f"{got:.13f}, not {exact:.13f}: close, but not exact, as an estimate by "
                    f"nudging would be. The exercise asks for the exact local derivative, "
                    f"written with s.")
        if close(got, s * (1 - s)):
            return f"{where}: the local derivative alone. What else does the rule multiply?"
        if close(got, -exact):
            return f"{where}: the sign is flipped."
        if close(got, x * (1 - x) * grad):
            return (f"{where}: the local derivative is written with s, the output, not with "
                    f"the input x.")
        if close(got, s * grad):
            return f"{where}: s alone is the output, not its local derivative."
        return f"{where}: the local derivative s(1 - s), times out.grad."
    a = V(0.3)
    out = a.sigmoid()
    a.grad = HELD
    out.grad = 1.0
    out._backward()
    if not close(a.grad, HELD + _sigmoid(0.3) * (1 - _sigmoid(0.3))):
        return (f"when self already holds a gradient of {HELD:g} from another use, "
                f"out._backward() leaves it at {as_text(a.grad)}: the share must be added to "
                f"what it holds (+=), not replace it (=)")
    problem = judge_operation(V, "sigmoid", _sigmoid, (), SIGMOID_TESTS,
                              "s = 1 / (1 + e^(-x))", "the local derivative is s(1 - s)",
                              _backward_pass)
    if problem:
        return problem
    for what, f, inputs, _ in SIGMOID_TESTS:
        problem = _unchanged_after_backward(V, f, inputs)
        if problem:
            return f"for {what}, {problem}"
    return None


class _Value(_closures_class()):
    """Lesson 05's class, right: +, * and tanh with their closures."""


def _sigmoid_class(local, set_grad=False, store=True, overwrite=None):
    """A sigmoid with local(s, x, out_grad) handed down; overwrite: "forward" or "backward",
    where it writes over self.data."""

    class Sigmoid(_Value):
        def sigmoid(self):
            x = self.data
            if overwrite == "forward":   # negates self.data in place to get e^(-x)
                self.data = -self.data
                s = 1 / (1 + math.exp(self.data))
            else:
                s = 1 / (1 + math.exp(-x))
            out = Sigmoid(s, (self,), 'sigmoid')

            def _backward():
                _give(self, local(s, x, out.grad), set_grad)
                if overwrite == "backward":
                    self.data = s
            if store:
                out._backward = _backward
            return out
    return Sigmoid


def _estimate(s, x, g, h=1e-6):
    """The slope of the sigmoid by a forward nudge, as in lesson 01."""
    return (_sigmoid(x + h) - _sigmoid(x)) / h * g


class _SigmoidFromPackage(_Value):

    def sigmoid(self):
        s = micrograd.Value(self.data).sigmoid().data
        out = _SigmoidFromPackage(s, (self,), 'sigmoid')

        def _backward():
            self.grad += s * (1 - s) * out.grad
        out._backward = _backward
        return out


class _SigmoidFromTanh(_Value):
    """sigmoid(x) = (1 + tanh(x / 2)) / 2, built from the operations already there."""

    def sigmoid(self):
        half = type(self)(0.5)
        return (self * half).tanh() * half + half


q1 = Exercise(
    "sigmoid with its _backward",
    _judge_sigmoid,
    ("Start from tanh in the class above: what does the forward pass compute, from what, "
     "and which variable does its _backward use? For the sigmoid, the same three steps: "
     "the number, the new node, and the closure that hands self its share.",
     "The forward pass computes s from self.data; the node's only child is self. Inside "
     "_backward, self.grad grows (+=) by the local derivative s(1 - s) times out.grad. "
     "Store the closure on the node, and return the node."),
    wrong_examples=[
        (_sigmoid_class(lambda s, x, g: s * (1 - s) * g, set_grad=True),),
        (_sigmoid_class(lambda s, x, g: s * g),),
        (_sigmoid_class(lambda s, x, g: s * (1 - s)),),
        (_sigmoid_class(lambda s, x, g: -s * (1 - s) * g),),
        (_sigmoid_class(lambda s, x, g: x * (1 - x) * g),),
        (_sigmoid_class(_estimate),),
        (_sigmoid_class(lambda s, x, g: s * (1 - s) * g, store=False),),
        (_sigmoid_class(lambda s, x, g: s * (1 - s) * g, overwrite="forward"),),
        (_sigmoid_class(lambda s, x, g: s * (1 - s) * g, overwrite="backward"),),
        (_SigmoidFromPackage,),
        (_SigmoidFromTanh,),
    ],
    answers=CODE,
    forbidden=(micrograd.Value.sigmoid, micrograd.central_difference),
)


# Exercise 2: subtraction as one operation, with its own closure

SUB_TESTS = [  # (what, f, inputs, names)
    ("a - b", lambda a, b: a - b, [5.0, 2.0], "ab"),
    ("(a - b) * c", lambda a, b, c: (a - b) * c, [5.0, 2.0, -3.0], "abc"),
    ("a - a, where a is used twice", lambda a: a - a, [4.0], "a"),
    ("(a * b) - b, where b is used twice", lambda a, b: (a * b) - b, [3.0, -2.0], "ab"),
    ("e - (e * c) with e = a - b, where e is used twice",
     lambda a, b, c: (lambda e: e - (e * c))(a - b), [1.0, 3.0, 0.5], "abc"),
]


def _judge_sub(V):
    problem = _judge_one_node(V, "__sub__", [(5.0, 2.0), (-1.0, 4.0)], lambda a, b: a - b,
                              arity=2, name="subtraction")
    if problem:
        return problem.replace("method __sub__", "method __sub__, so a - b does not work")
    a, b = V(5.0), V(2.0)
    out = a - b
    out.grad = 1.5
    out._backward()
    problem = mutated([a, b], [5.0, 2.0])
    if problem:
        return "out._backward() changed an input's data, not only its grad: " + problem
    got = (a.grad, b.grad)
    if not (close(got[0], 1.5) and close(got[1], -1.5)):
        where = (f"for a - b with out.grad = 1.5, out._backward() hands a and b "
                 f"{as_text(got[0])} and {as_text(got[1])}")
        if close(got[0], 1.0) and close(got[1], -1.0):
            return f"{where}: the local derivatives alone. What else does the rule multiply?"
        if close(got[0], -1.5) and close(got[1], 1.5):
            return (f"{where}: the signs are swapped. Which of the two moves the output down "
                    f"when it is nudged up?")
        if close(got[0], 1.5) and close(got[1], 1.5):
            return (f"{where}: other gets the same as self. Nudge other up: does the output "
                    f"go up or down?")
        return (f"{where}, not 1.5 and -1.5: each input receives its local derivative "
                f"times out.grad.")
    a, b = V(5.0), V(2.0)
    out = a - b
    a.grad = b.grad = HELD
    out.grad = 1.0
    out._backward()
    if not (close(a.grad, HELD + 1.0) and close(b.grad, HELD - 1.0)):
        return (f"when a and b already hold a gradient of {HELD:g} from another use, "
                f"out._backward() leaves them {as_text(a.grad)} and {as_text(b.grad)}: each "
                f"share must be added to what they hold (+=), not replace it (=)")
    for what, f, inputs, names in SUB_TESTS:
        found = grads_vs_nudging(V, f, inputs, names, _backward_pass)
        if found:
            name, grad, slope = found
            return (f"for {what}, {name}.grad is {as_text(grad)} but nudging {name} gives "
                    f"{slope:.4f}.")
        problem = _unchanged_after_backward(V, f, inputs)
        if problem:
            return f"for {what}, {problem}"
    return None


def _sub_class(self_local, other_local, set_grad=False, times_out_grad=True, store=True,
               overwrite=False, reversed_forward=False, children=None):
    class Sub(_Value):
        def __sub__(self, other):
            if overwrite:   # writes the result into self
                self.data -= other.data
                number = self.data
            else:
                number = other.data - self.data if reversed_forward else self.data - other.data
            out = Sub(number, children(self, other) if children else (self, other), '-')

            def _backward():
                g = out.grad if times_out_grad else 1.0
                _give(self, self_local * g, set_grad)
                _give(other, other_local * g, set_grad)
            if store:
                out._backward = _backward
            return out
    return Sub


class _SubFromAddAndMul(_Value):
    """a - b as a + b * (-1): two nodes, made from the operations already there."""

    def __sub__(self, other):
        return self + other * type(self)(-1.0)


q2 = Exercise(
    "subtraction with its _backward",
    _judge_sub,
    ("Compare it with + in the your-turn class: what changes in the forward pass, and what "
     "changes in what each input receives? Nudge other up a little: which way does the "
     "output move?",
     "The local derivatives of self - other are +1 for self and -1 for other. Each input's "
     "grad grows (+=) by its local derivative times out.grad, and the node is made from "
     "(self, other), in that order, with the operation '-'."),
    wrong_examples=[
        (_sub_class(1.0, 1.0),),
        (_sub_class(1.0, -1.0, set_grad=True),),
        (_sub_class(1.0, -1.0, times_out_grad=False),),
        (_sub_class(-1.0, 1.0),),
        (_sub_class(1.0, -1.0, store=False),),
        (_sub_class(1.0, -1.0, overwrite=True),),
        (_sub_class(-1.0, 1.0, reversed_forward=True),),
        (_sub_class(1.0, -1.0, children=lambda s, o: (o, s)),),
        (_SubFromAddAndMul,),
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
        return (f"the graph has nodes a, b, c, e, f, g (small letters); there is no "
                f"{unknown[0]!r}")
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
        return ("g is the output: when your first call runs, what has reached that node "
                "yet? Nothing hands anything down before the output's _backward() has run")
    return ("e is called before f, but f uses e: e's gradient is complete only after f has "
            "passed its share to e, so a and b get only part of it. A node's turn comes after "
            "every node that uses it")


q3 = Exercise(
    "the order of the _backward calls",
    _judge_order,
    ("Which node has its gradient first, before any _backward() has run? Then, for each of "
     "e and f, list the nodes that use it.",
     "A node can pass its gradient on only once every node that uses it has passed theirs "
     "to it. g uses e and f; f uses e. Which of e and f must wait for the other?"),
    wrong_examples=[(["g", "e", "f"],), (["e", "f", "g"],), (["g", "f"],),
                    (["g", "f", "e", "e"],), (["f", "g", "e"],), (["G", "F", "E"],),
                    ("g, f, e",)],
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


TOL = 5e-5  # the lesson prints four decimals


def _judge_leaf(x1_grad, w1_grad):
    want_x1, want_w1 = _after_two_more_calls()
    right_x1, right_w1 = close(x1_grad, want_x1, TOL), close(w1_grad, want_w1, TOL)
    if right_x1 and right_w1:
        return None
    if close(x1_grad, -1.5, TOL) and close(w1_grad, 1.0, TOL):
        return ("x1's own _backward does nothing, right; but what does x1w1's _backward do "
                "to x1.grad and w1.grad, which already hold something?")
    if close(x1_grad, 0.0, TOL) or close(w1_grad, 0.0, TOL):
        return ("a leaf's _backward does not reset anything: it is lambda: None, which does "
                "nothing at all. Then think about what x1w1's _backward does")
    if close(x1_grad, -4.5, TOL) or close(w1_grad, 3.0, TOL):
        return ("only x1w1's second call adds anything: x1._backward() changes nothing. How "
                "many extra shares does each input get?")
    if right_x1 != right_w1:
        return ("one of the two is right: x1w1's _backward hands a share to each of its two "
                "inputs, x1 and w1, every time it runs")
    if close(x1_grad, -0.5, TOL) and close(w1_grad, -0.5, TOL):
        return ("each input of a product receives the OTHER input's data times out.grad: "
                "look at which factor goes to x1 and which to w1")
    return ("x1._backward() changes nothing. x1w1._backward() hands each of its inputs the "
            "other input's data times x1w1.grad, 0.5, once more, on top of what they hold")


q4 = Exercise(
    "a leaf's _backward, and a second call",
    _judge_leaf,
    ("Two calls, one at a time. What is a leaf's _backward, as __init__ sets it? And what "
     "does the * closure do each time it runs: set the gradients, or add to them?",
     "x1w1's _backward is the * closure, with out.grad = x1w1.grad = 0.5: x1 receives "
     "w1.data × 0.5 and w1 receives x1.data × 0.5, added to what they already hold."),
    wrong_examples=[(-1.5, 1.0), (0.0, 0.0), (-1.5, 2.0), (-4.5, 2.0), (-3.0, 1.0),
                    (-0.5, -0.5), (-4.5, 3.0)],
    answers=NUMBERS,
)
