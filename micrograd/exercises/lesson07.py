"""Exercises for lesson 06, more operations: numbers on the left, sigmoid from exp, log, nodes.

Code is judged by running it: against the package's ``Value`` (the same expression, its data
and gradients) or against central differences through your own class. The small classes at
the end of the module are the wrong answers the tests feed in.
"""

import math

import micrograd
from micrograd.engine import topological_order
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import judge_operation

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

LOG_TESTS = [  # (what, f, inputs, names)
    ("log(a)", lambda a: a.log(), [2.0], "a"),
    ("log(a*b) * c", lambda a, b, c: (a * b).log() * c, [0.5, 3.0, -2.0], "abc"),
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


# Lesson 06's Value, for the wrong answers

class _Value:
    """Lesson 06's Value: +, * (numbers wrapped), **, -x, -, /, and backward()."""

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
