"""Exercises for lesson 07, more operations.

In the body of the lesson ("your turn"): plain numbers on either side of + and *, exp with
its _backward, ** with its _backward, and /, unary - and - built from them. At the end: 1 - a
and 3 / a, sigmoid from exp, log, and a count of nodes.

Code is judged by running it: against the lecture-style reference ``micrograd.teaching.Value``
(the same expression: its data, its gradients and the operations in its graph), against the
package's ``Value``, or against central differences through your own class. The small classes
at the end of the module are the wrong answers the tests feed in.
"""

import math

import micrograd
import micrograd.teaching
from micrograd.engine import topological_order
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import grads_vs_nudging, judge_operation
from micrograd.teaching import build_topo

REFERENCE = micrograd.teaching.Value
REFERENCE_NAME = "micrograd.teaching.Value"


def _ops(root):
    """The operations in root's graph, sorted: what a drawing of it shows."""
    return sorted(node._op for node in build_topo(root) if node._op)


def _compare(V, what, f, inputs, names, advice):
    """None if f built from class V gives the reference's output, graph and gradients."""
    ours = [V(x) for x in inputs]
    theirs = [REFERENCE(x) for x in inputs]
    out, expected = f(*ours), f(*theirs)
    if not close(out.data, expected.data, 1e-9):
        return f"{what} should be {expected.data:g}, yours gives {out.data:g}. {advice}"
    if _ops(out) != _ops(expected):
        return (f"{what} should build the operations {_ops(expected)}, yours builds "
                f"{_ops(out)}. {advice}")
    out.backward()
    expected.backward()
    for name, mine, right in zip(names, ours, theirs):
        if not close(mine.grad, right.grad, 1e-9):
            return (f"for {what}, {name}.grad is {mine.grad:g} but should be {right.grad:g}. "
                    f"{advice}")
    return None


# Your turn: plain numbers on either side of + and *

PLAIN_NUMBERS = [  # (what, f, inputs, names, advice)
    ("a + 1", lambda a: a + 1, [2.0], "a",
     "The first line of __add__ should turn a plain number into a Value, and keep a Value."),
    ("a * 2", lambda a: a * 2, [2.0], "a",
     "The first line of __mul__ should turn a plain number into a Value, and keep a Value."),
    ("1 + a", lambda a: 1 + a, [2.0], "a",
     "Python calls a.__radd__(1): make the sum from self and other with your +."),
    ("2 * a", lambda a: 2 * a, [-3.0], "a",
     "Python calls a.__rmul__(2): make the product from self and other with your *."),
    ("2 * a + a, where a is used twice", lambda a: 2 * a + a, [1.5], "a",
     "Both + and * must still pass gradients back with +=."),
    ("a * b + 1", lambda a, b: a * b + 1, [2.0, -3.0], "ab",
     "Two Values must still work as before: wrap only what is not a Value."),
]


def _judge_plain_numbers(V):
    for what, f, inputs, names, advice in PLAIN_NUMBERS:
        try:
            problem = _compare(V, what, f, inputs, names, advice)
        except RecursionError:
            return (f"{what} never ends: a reflected method that computes other + self (or "
                    f"other * self) asks the number again, which hands it back. {advice}")
        except (TypeError, AttributeError) as error:
            return f"{what} fails ({type(error).__name__}: {error}). {advice}"
        if problem:
            return problem
    return None


# Your turn: exp with its _backward

EXP_TESTS = [  # (what, f, inputs, names); exp of a leaf, so any base class will do
    ("exp(a)", lambda a: a.exp(), [1.0], "a"),
    ("exp(a) * b", lambda a, b: a.exp() * b, [0.5, -2.0], "ab"),
    ("exp(a) * a, where a is used twice", lambda a: a.exp() * a, [0.7], "a"),
]


def _made_from(V, op, make, label):
    """None if make(x) for a leaf x of V is a node labelled ``label`` made from (x,) alone."""
    x = V(0.5)
    out = make(x)
    if not hasattr(out, "_prev"):
        return f"{op} should return a Value, yours returns {type(out).__name__}."
    if tuple(out._prev) != (x,):
        return (f"the node {op} makes should be made from (self,), its one input; yours is "
                f"made from {tuple(out._prev)!r}. backward() finds the inputs through it.")
    if out._op != label:
        return (f"label the node's operation {label!r}, as the drawings show it; yours is "
                f"{out._op!r}.")
    return None


def _judge_exp(V):
    problem = judge_operation(V, "exp", math.exp, (0.0, 1.0, -2.0), EXP_TESTS,
                              "Use math.exp(self.data)",
                              "the local derivative of e^x is e^x itself, out.data")
    return problem or _made_from(V, "exp", lambda x: x.exp(), "exp")


# Your turn: ** with its _backward

POWERS = [2, 3, 0.5, -1, -2]


def _judge_power(V):
    for k in POWERS:
        x = 3.0
        got = (V(x) ** k).data
        if not close(got, x ** k, 1e-9):
            return (f"the forward pass is off: 3 ** {k} should be {x ** k:.4f}, yours gives "
                    f"{got:.4f}. Use self.data ** k.")
        found = grads_vs_nudging(V, lambda a, k=k: a ** k, [x], "a")
        if found:
            _, grad, slope = found
            return (f"for a ** {k} at a = 3, a.grad is {grad:.4f} but nudging a gives "
                    f"{slope:.4f}: the local derivative is k * self.data ** (k - 1), times "
                    f"out.grad.")
        problem = _made_from(V, "**", lambda v, k=k: v ** k, f"**{k}")
        if problem:
            return problem
    found = grads_vs_nudging(V, lambda a: a ** 2 * a, [1.5], "a")
    if found:
        return (f"for a ** 2 * a, where a is used twice, a.grad is {found[1]:.4f} but nudging "
                f"gives {found[2]:.4f}: a value used twice must receive both shares, +=.")
    return None


# Your turn: /, unary - and - built from * and **

DIV_SUB = [  # (what, f, inputs, names, advice)
    ("a / b", lambda a, b: a / b, [3.0, 4.0], "ab",
     "Division is a times b to the power -1: a '**-1' node and a '*' node, no new _backward."),
    ("-a", lambda a: -a, [2.0], "a",
     "Negation is multiplying by -1: a '*' node with the constant -1."),
    ("a - b", lambda a, b: a - b, [5.0, 2.0], "ab",
     "Subtraction is adding the negative: a '+' node, the negative made by your __neg__."),
    ("a - 1", lambda a: a - 1, [5.0], "a",
     "Subtraction is adding the negative; for a plain number, the negative is just a number."),
    ("a / 2", lambda a: a / 2, [3.0], "a",
     "Division is a times b to the power -1; for a plain number b that power is just a number."),
    ("a / a - a, where a is used three times", lambda a: a / a - a, [1.5], "a",
     "Build each from * and ** (and +), and the gradients add up by themselves."),
]


def _judge_div_sub(V):
    for what, f, inputs, names, advice in DIV_SUB:
        try:
            problem = _compare(V, what, f, inputs, names, advice)
        except (TypeError, AttributeError) as error:
            return f"{what} fails ({type(error).__name__}: {error}). {advice}"
        if problem:
            return problem
    return None


# Exercise 1: 1 - a and 3 / a

LEFT_NUMBER = [("1 - a", lambda a: 1 - a), ("3 / a", lambda a: 3 / a)]


def _judge_left(V):
    for what, f in LEFT_NUMBER:
        for x in (2.0, -0.5):
            a, pa = V(x), micrograd.Value(x)
            try:
                out = f(a)
            except TypeError:
                return f"{what} fails with a TypeError: write the method Python tries for it."
            expected = f(pa)
            expected.backward()
            if not close(out.data, expected.data, 1e-9):
                return (f"{what} at a = {x} should be {expected.data:g}, yours gives "
                        f"{out.data:g}. In __rsub__ and __rtruediv__, other is on the left: "
                        f"unlike + and *, swapping the operands changes the answer.")
            out.backward()
            if not close(a.grad, pa.grad, 1e-9):
                return (f"for {what} at a = {x}, a.grad is {a.grad:g} but should be "
                        f"{pa.grad:g}: build it from operations that have a _backward.")
    return None


# Exercise 2: sigmoid built from exp

def _judge_sigmoid_from_exp(sigmoid_from_exp):
    for x in (0.5, -2.0, 3.0):
        n, pn = micrograd.Value(x), micrograd.Value(x)
        out, expected = sigmoid_from_exp(n), pn.sigmoid()
        if not isinstance(out, micrograd.Value):
            return (f"return a Value built from operations on n, not "
                    f"{type(out).__name__}: backward() needs the graph.")
        if not close(out.data, expected.data, 1e-9):
            return (f"at n = {x} the sigmoid is {expected.data:.4f}, yours gives "
                    f"{out.data:.4f}. The formula is 1 / (1 + e^(-n)): check the sign in the "
                    "exponent, and that the sum is divided into 1 once.")
        out.backward()
        expected.backward()
        if not close(n.grad, pn.grad, 1e-9):
            return f"at n = {x}, n.grad is {n.grad:.4f} but the sigmoid's slope is {pn.grad:.4f}."
    return None


# Exercise 3: log with its _backward

LOG_TESTS = [  # (what, f, inputs, names); log of a leaf, so any base class will do
    ("log(a)", lambda a: a.log(), [2.0], "a"),
    ("log(a) * b + c", lambda a, b, c: a.log() * b + c, [0.5, 3.0, -2.0], "abc"),
    ("log(a) * a, where a is used twice", lambda a: a.log() * a, [1.5], "a"),
]


def _judge_log(V):
    return judge_operation(V, "log", math.log, (0.5, 1.0, 4.0), LOG_TESTS,
                           "Use math.log(self.data)", "the local derivative of log(x) is 1 / x")


# Exercise 4: how many nodes tanh from exp makes

def _tanh_squared_exp(n):
    e = n.exp() ** 2
    return (e - 1) / (e + 1)


def _judge_count(count):
    n = micrograd.Value(0.8813735870195432)
    expected = len(topological_order(_tanh_squared_exp(n))) - len(topological_order(n))
    if count == expected:
        return None
    if count == 11:
        return "that is the count with (2 * n).exp(); the start of the graph changes."
    if count == 9:
        return "9 was our class's count; the question is about the package's Value (11 before)."
    return (f"{count} is not it. (2 * n).exp() made 3 nodes (the constant 2, *, exp); count "
            "what n.exp() ** 2 makes, the rest is as before.")


# A Value with this lesson's operations, for the wrong answers

class _Value:
    """This lesson's Value: +, * (numbers wrapped), **, -x, -, /, and backward()."""

    def __init__(self, data, _children=(), _op='', label=''):
        self.data, self.grad = data, 0.0
        self._backward = lambda: None
        self._prev, self._op, self.label = tuple(_children), _op, label

    def _node(self, data, children, op, local_grads):
        out = type(self)(data, children, op)

        def _backward():
            for child, local in zip(children, local_grads):
                child.grad += local * out.grad
        out._backward = _backward
        return out

    def __add__(self, other):
        other = other if isinstance(other, _Value) else type(self)(other)
        return self._node(self.data + other.data, (self, other), '+', (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, _Value) else type(self)(other)
        return self._node(self.data * other.data, (self, other), '*', (other.data, self.data))

    def __pow__(self, k):
        return self._node(self.data**k, (self,), f'**{k}', (k * self.data**(k - 1),))

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __truediv__(self, other):
        return self * other**-1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def backward(self):
        self.grad = 1.0
        for node in reversed(topological_order(self)):
            node._backward()


class _Swapped(_Value):
    """__rsub__ and __rtruediv__ that swap the operands, as __radd__ does."""

    def __rsub__(self, other):
        return self - other

    def __rtruediv__(self, other):
        return self / other


class _NoRtruediv(_Value):
    def __rsub__(self, other):
        return -self + other


class _PlainNumbers(_Value):
    """Right numbers, but made as new leaves: no graph, so no gradient."""

    def __rsub__(self, other):
        return type(self)(other - self.data)

    def __rtruediv__(self, other):
        return type(self)(other / self.data)


def _log_class(local, set_grad=False):
    class Log(_Value):
        def log(self):
            out = Log(math.log(self.data), (self,), 'log')

            def _backward():
                if set_grad:
                    self.grad = local(self.data, out.grad)
                else:
                    self.grad += local(self.data, out.grad)
            out._backward = _backward
            return out
    return Log


class _RaddAsked(_Value):
    """__radd__ and __rmul__ that ask the number again: other + self never ends."""

    def __radd__(self, other):
        return other + self

    def __rmul__(self, other):
        return other * self


class _RmulLeaf(_Value):
    """2 * a as a new leaf holding the right number: no * node, so no gradient to a."""

    def __rmul__(self, other):
        return type(self)(other * self.data)


class _NoWrap(_Value):
    """__add__ without its first line: a plain number has no .data."""

    def __add__(self, other):
        return self._node(self.data + other.data, (self, other), '+', (1.0, 1.0))


class _RaddForgets(_Value):
    def __radd__(self, other):
        return self


def _exp_class(local, set_grad=False, children=True):
    class Exp(_Value):
        def exp(self):
            out = Exp(math.exp(self.data), (self,) if children else (), 'exp')

            def _backward():
                if set_grad:
                    self.grad = local(self.data, out.data) * out.grad
                else:
                    self.grad += local(self.data, out.data) * out.grad
            out._backward = _backward
            return out
    return Exp


def _pow_class(local, label="**{k}"):
    class Pow(_Value):
        def __pow__(self, k):
            out = Pow(self.data ** k, (self,), label.format(k=k))

            def _backward():
                self.grad += local(self.data, k) * out.grad
            out._backward = _backward
            return out
    return Pow


class _DivSwapped(_Value):
    def __truediv__(self, other):
        return other * self ** -1


class _NegLeaf(_Value):
    """-a as a new leaf holding the right number: no graph, so no gradient."""

    def __neg__(self):
        return type(self)(-self.data)


class _SubAdds(_Value):
    def __sub__(self, other):
        return self + other


plain_numbers = Exercise(
    "plain numbers on either side of + and *",
    _judge_plain_numbers,
    "In __add__ and __mul__ the first line is other = other if isinstance(other, Value) else "
    "Value(other). For 1 + a Python calls a.__radd__(1): return self + other (addition does "
    "not care about order); __rmul__ likewise returns self * other.",
    wrong_examples=[(_RaddAsked,), (_RmulLeaf,), (_NoWrap,), (_RaddForgets,)],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
)

exp = Exercise(
    "exp with its _backward",
    _judge_exp,
    "Like tanh: out = Value(math.exp(self.data), (self,), 'exp'). The derivative of e^x is "
    "e^x, the output itself, so inside _backward: self.grad += out.data * out.grad.",
    wrong_examples=[
        (_exp_class(lambda x, e: x),),
        (_exp_class(lambda x, e: e, set_grad=True),),
        (_exp_class(lambda x, e: e, children=False),),
    ],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
)

power = Exercise(
    "** with its _backward",
    _judge_power,
    "out = Value(self.data ** k, (self,), f'**{k}'): k is a plain number, not a child. The "
    "local derivative is k * self.data ** (k - 1), so inside _backward: "
    "self.grad += k * self.data ** (k - 1) * out.grad.",
    wrong_examples=[
        (_pow_class(lambda x, k: k * x ** k),),
        (_pow_class(lambda x, k: x ** (k - 1)),),
        (_pow_class(lambda x, k: k * x ** (k - 1), label="pow"),),
    ],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
)

div_and_sub = Exercise(
    "/, unary - and - from * and **",
    _judge_div_sub,
    "Each is one line and needs no _backward: __truediv__ returns self * other**-1, __neg__ "
    "returns self * -1, and __sub__ returns self + (-other).",
    wrong_examples=[(_DivSwapped,), (_NegLeaf,), (_SubAdds,)],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
)


q1 = Exercise(
    "1 - a and 3 / a",
    _judge_left,
    "For 1 - a Python calls a.__rsub__(1), with other = 1 on the left: return other + (-self) "
    "(or -self + other). For 3 / a it calls a.__rtruediv__(3): return other * self**-1. "
    "Swapping the operands, as __radd__ does, would compute a - 1 and a / 3.",
    wrong_examples=[(_Swapped,), (_NoRtruediv,), (_PlainNumbers,)],
    answers=CODE,
)

q2 = Exercise(
    "sigmoid built from exp",
    _judge_sigmoid_from_exp,
    "Write the formula with operations on n: e to the power −n is (-n).exp(), and then "
    "1 / (1 + that). Every piece has its _backward, so backward() just works.",
    wrong_examples=[
        (lambda n: 1 / (1 + n.exp()),),
        (lambda n: 1 / (1 + math.exp(-n.data)),),
        (lambda n: (1 + (-n).exp()) ** -2,),
    ],
    answers=CODE,
)

q3 = Exercise(
    "log with its _backward",
    _judge_log,
    "Like exp: out = Value(math.log(self.data), (self,), 'log'); the local derivative of "
    "ln(x) is 1 / x, so inside _backward: self.grad += (1 / self.data) * out.grad.",
    wrong_examples=[
        (_log_class(lambda x, g: x * g),),
        (_log_class(lambda x, g: g / x, set_grad=True),),
        (_log_class(lambda x, g: 1 / x),),
    ],
    answers=CODE,
)

q4 = Exercise(
    "the nodes of tanh from exp, squared",
    _judge_count,
    "Only the start of the composite changes. (2 * n).exp() adds a constant 2, a * node and "
    "an exp node; n.exp() ** 2 adds an exp node and a **2 node (a power takes a plain number, "
    "which is not a node). The rest, e - 1, e + 1 and the division, stays.",
    wrong_examples=[(11,), (9,), (12,)],
    answers=NUMBERS,
)
