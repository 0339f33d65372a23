"""Exercises for lesson 04, a neuron by hand.

In the lesson ("your turn"): the tanh operation of the lesson's Value, the gradient through the
tanh node (1 - o²), and the gradients of the neuron's inputs and weights through the * nodes.

At the end: its gradients for x2 = 1, tanh's slope when the bias is 10, a sigmoid node, an
input used twice.

Each judge compares with the package: the neuron is built from ``micrograd.Value`` and its
``backward()`` gives the right gradients; ``tanh`` and ``sigmoid`` come from there too.
"""

import math

import micrograd
import micrograd.teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close

BIAS = 6.8813735870195432  # the lecture's bias


def neuron_grads(x1, x2, w1, w2, b):
    """The gradients of o = tanh(x1*w1 + x2*w2 + b) for x1, w1, x2, w2, from the package."""
    values = [micrograd.Value(v) for v in (x1, x2, w1, w2, b)]
    vx1, vx2, vw1, vw2, vb = values
    (vx1 * vw1 + vx2 * vw2 + vb).tanh().backward()
    return {"x1": vx1.grad, "w1": vw1.grad, "x2": vx2.grad, "w2": vw2.grad}


class _LessonValue:
    """Lesson 04's Value as it stands before tanh, for the wrong answers below."""

    def __init__(self, data, _children=(), _op='', label=''):
        self.data, self.grad = data, 0.0
        self._prev, self._op, self.label = tuple(_children), _op, label

    def __add__(self, other):
        return type(self)(self.data + other.data, (self, other), '+')

    def __mul__(self, other):
        return type(self)(self.data * other.data, (self, other), '*')


# Your turn 1: the tanh operation of the lesson's Value

def _judge_tanh(V):
    made = V(2.0) * V(-0.5)   # a value made by an operation, not only a leaf
    for v in (V(0.5), V(-2.0), V(0.0), V(BIAS - 6.0), made):
        x = v.data
        out = v.tanh()
        if not hasattr(out, "data") or not hasattr(out, "_prev"):
            return (f"tanh should return a new Value, but it returned "
                    f"{type(out).__name__} {out!r}: wrap the number, Value(t, ...).")
        if not isinstance(out.data, float) or not close(out.data, math.tanh(x), 1e-12):
            shown = f"{out.data:.4f}" if isinstance(out.data, float) else repr(out.data)
            return (f"tanh({x:g}) should be {math.tanh(x):.4f}, yours gives {shown}. "
                    "The formula is (e^(2x) - 1) / (e^(2x) + 1), with x = self.data (or "
                    "math.tanh(x)).")
        if v.data != x:
            return "tanh changed the value it was called on: leave self alone, make a new Value."
        if tuple(out._prev) != (v,):
            return ("the new Value must remember its one child, the value it was made from: "
                    "pass (self,) as its children.")
        if out._op != "tanh":
            return f"name the operation 'tanh', not {out._op!r}, so the drawing shows it."
    return None


class _TanhHalf(_LessonValue):
    def tanh(self):
        x = self.data
        return _TanhHalf((math.exp(x) - 1) / (math.exp(x) + 1), (self,), 'tanh')


class _TanhOrphan(_LessonValue):
    def tanh(self):
        return _TanhOrphan(math.tanh(self.data), (), 'tanh')


class _TanhNoOp(_LessonValue):
    def tanh(self):
        return _TanhNoOp(math.tanh(self.data), (self,))


class _TanhNumber(_LessonValue):
    def tanh(self):
        return math.tanh(self.data)


tanh = Exercise(
    "the tanh operation",
    _judge_tanh,
    "Like + and *: x = self.data, t = (math.exp(2*x) - 1) / (math.exp(2*x) + 1), then return "
    "a new Value holding t, made from (self,) by the operation 'tanh'.",
    wrong_examples=[(_TanhHalf,), (_TanhOrphan,), (_TanhNoOp,), (_TanhNumber,)],
    answers=CODE,
    reference=micrograd.teaching.Value,
    reference_name="micrograd.teaching.Value",
)


# Your turn 2: the gradient through the tanh node, n.grad = (1 - o²) * o.grad

_N = 2.0 * -3.0 + 0.0 * 1.0 + BIAS   # the lecture's n = 0.8814


def _judge_tanh_grad(n_grad):
    o = math.tanh(_N)
    if close(n_grad, 1 - o**2):
        return None
    if close(n_grad, o, 1e-3):
        return "that is o = tanh(n) itself. The local derivative of tanh is 1 - o²."
    if close(n_grad, 1 - _N**2, 1e-3):
        return "that is 1 - n², with n = 0.8814. Square the output o, not the input: 1 - o²."
    if close(n_grad, 1 - o, 1e-3):
        return "that is 1 - o: square o first, 1 - o * o."
    if close(n_grad, 1.0):
        return ("that passes o.grad = 1 on unchanged, as a + node would. Multiply it by the "
                "local derivative of tanh, 1 - o².")
    if close(n_grad, -(1 - o**2), 1e-3):
        return "the sign is wrong: 1 - o² is positive, since o is between -1 and 1."
    return (f"n.grad is (1 - o²) × o.grad, with o = o.data = {o:.4f} and o.grad = 1; yours "
            f"is {n_grad!r}.")


tanh_grad = Exercise(
    "the gradient through tanh",
    _judge_tanh_grad,
    "The local derivative of o = tanh(n) is 1 - tanh(n)² = 1 - o², from the output o. "
    "n.grad = (1 - o.data**2) * o.grad.",
    wrong_examples=[(math.tanh(_N),), (1 - _N**2,), (1 - math.tanh(_N),), (1.0,)],
    answers=NUMBERS,
    reference=0.5,
    reference_name="1 - o² = 0.5, worked out by hand",
)


# Your turn 3: the inputs and weights, through the * nodes

_LEAF_DATA = {"x1": 2.0, "w1": -3.0, "x2": 0.0, "w2": 1.0}
_OTHER = {"x1": "w1", "w1": "x1", "x2": "w2", "w2": "x2"}   # the other factor of each product


def _judge_leaf_grads(x1_grad, w1_grad, x2_grad, w2_grad):
    want = neuron_grads(2.0, 0.0, -3.0, 1.0, BIAS)
    got = {"x1": x1_grad, "w1": w1_grad, "x2": x2_grad, "w2": w2_grad}
    arriving = 1 - math.tanh(_N) ** 2   # what reaches both products
    if all(close(got[k], want[k]) for k in got):
        return None
    if all(close(got[k], _LEAF_DATA[_OTHER[k]]) for k in got):
        return ("those are only the local derivatives (the other factors). The chain rule "
                "multiplies each by the gradient that reached its product, 0.5.")
    if all(close(got[k], _LEAF_DATA[k] * arriving) for k in got):
        return ("each got its own value times 0.5. A * node hands each input the other "
                "factor: x1 gets w1 times x1w1.grad.")
    if all(close(got[k], -want[k]) for k in got):
        return "every sign is wrong: the gradient arriving (0.5) is positive; look at the factors."
    for name in got:
        if not close(got[name], want[name]):
            return (f"{name}.grad is off. It is (the other factor, {_OTHER[name]}.data) × the "
                    f"gradient of the product {name} goes into.")
    return None


leaf_grads = Exercise(
    "the gradients of x1, w1, x2, w2",
    _judge_leaf_grads,
    "In x1w1 = x1 * w1, the local derivative for x1 is w1 (the other factor), and for w1 it is "
    "x1. Times the gradient of the product: x1.grad = w1.data * x1w1.grad. The same for x2w2.",
    wrong_examples=[(-3.0, 2.0, 1.0, 0.0), (1.0, -1.5, 0.0, 0.5), (1.5, -1.0, -0.5, 0.0),
                    (-1.5, 1.0, 0.5, 0.5)],
    answers=NUMBERS,
    reference=(-1.5, 1.0, 0.5, 0.0),
    reference_name="the lecture's gradients, worked out by hand",
)


# Exercise 1: the neuron's four gradients when x2 = 1

def _judge_grads(x1_grad, w1_grad, x2_grad, w2_grad):
    expected = neuron_grads(2.0, 1.0, -3.0, 1.0, BIAS)
    got = {"x1": x1_grad, "w1": w1_grad, "x2": x2_grad, "w2": w2_grad}
    if got == {"x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0}:
        return ("these are the gradients for x2 = 0, from the lesson; with x2 = 1, n and o "
                "change, and so does 1 - o².")
    if close(w2_grad, 1.0) and close(x1_grad, -3.0):
        return ("each gradient is the other factor of its product only: multiply it by the "
                "gradient that arrives at that product, 1 - o² (n.grad), as in the lesson.")
    for name, value in got.items():
        if not close(value, expected[name], 1e-4):
            return (f"{name}.grad should be {expected[name]:.4f}, you have "
                    f"{value if not isinstance(value, float) else round(value, 4)}. "
                    "Check n = x1*w1 + x2*w2 + b first, then o = tanh(n) and 1 - o².")
    return None


q1 = Exercise(
    "the neuron's gradients with x2 = 1",
    _judge_grads,
    "n = 2·(−3) + 1·1 + b = 1.8814, o = tanh(n) and n.grad = 1 − o². Each × node hands a "
    "factor the other factor's value times n.grad: x1.grad = w1 · (1 − o²), w2.grad = "
    "x2 · (1 − o²).",
    wrong_examples=[(-1.5, 1.0, 0.5, 0.0), (-3.0, 2.0, 1.0, 1.0), (-0.27, 0.18, 0.09, 0.18)],
    answers=NUMBERS,
)


# Exercise 2: the slope of tanh when the bias is 10

def _judge_saturated(dn):
    n = micrograd.Value(4.0)  # x1*w1 + x2*w2 + b = -6 + 0 + 10
    o = n.tanh()
    o.backward()
    if close(dn, n.grad, 1e-6):
        return None
    if close(dn, 1 - 4.0**2):
        return "you used 1 - n² with n = 4; the slope is 1 - o², with o = tanh(n)."
    if close(dn, o.data, 1e-4):
        return "that is o = tanh(4) itself; the slope is 1 - o²."
    if close(dn, 1 - o.data, 1e-5):
        return "that is 1 - o; square o first: 1 - o²."
    if close(dn, 0.5):
        return "0.5 was the slope at n = 0.8814; with b = 10, n = 4: compute n again."
    return (f"with b = 10, n = −6 + 0 + 10 = 4 and o = tanh(4); your {dn} is not 1 − o². "
            "It should be a small positive number.")


q2 = Exercise(
    "the slope of tanh when b = 10",
    _judge_saturated,
    "With b = 10, n = 2·(−3) + 0·1 + 10 = 4. tanh(4) is very close to 1, so 1 − tanh²(4) is "
    "very close to 0: on the dashed curve of the plot, z = 4 is far out where it is flat. The "
    "neuron is saturated, and every gradient below it is multiplied by that tiny number.",
    wrong_examples=[(-15.0,), (0.5,), (math.tanh(4.0),)],
    answers=NUMBERS,
)


# Exercise 3: a forward-only sigmoid for the lesson's Value

def _judge_sigmoid(V):
    for x in (0.0, 2.0, -1.5):
        v = V(x)
        out = v.sigmoid()
        expected = micrograd.Value(x).sigmoid().data
        if not close(out.data, expected, 1e-9):
            return (f"sigmoid({x}) should be {expected:.4f}, yours gives {out.data:.4f}. "
                    "The formula is 1 / (1 + e^(-x)): look at the sign in the exponent.")
        if tuple(out._prev) != (v,):
            return ("the new Value must remember its one child, the value it was made from: "
                    "pass (self,) as its children.")
        if out._op != "sigmoid":
            return f"name the operation 'sigmoid', not {out._op!r}, so the drawing shows it."
    return None


class _SignWrong(_LessonValue):
    def sigmoid(self):
        return _SignWrong(1 / (1 + math.exp(self.data)), (self,), 'sigmoid')


class _Orphan(_LessonValue):
    def sigmoid(self):
        return _Orphan(1 / (1 + math.exp(-self.data)), (), 'sigmoid')


class _NoOp(_LessonValue):
    def sigmoid(self):
        return _NoOp(1 / (1 + math.exp(-self.data)), (self,))


q3 = Exercise(
    "a sigmoid operation",
    _judge_sigmoid,
    "Write it like tanh: x = self.data, s = 1 / (1 + math.exp(-x)), then return "
    "Value(s, (self,), 'sigmoid').",
    wrong_examples=[(_SignWrong,), (_Orphan,), (_NoOp,)],
    answers=CODE,
)


# Exercise 4: one input used twice

def _judge_twice(dx1):
    x1, w1, w2, b = (micrograd.Value(v) for v in (2.0, -3.0, 1.0, BIAS))
    (x1 * w1 + x1 * w2 + b).tanh().backward()
    n = 2.0 * -3.0 + 2.0 * 1.0 + BIAS
    slope = 1 - math.tanh(n) ** 2
    if close(dx1, x1.grad, 1e-4):
        return None
    if close(dx1, -3.0 * slope, 1e-4) or close(dx1, 1.0 * slope, 1e-4):
        return ("that is what x1 gets along one of its two paths only; x1 is in both "
                "products, so it receives from both: add them.")
    return (f"o = tanh(x1*w1 + x1*w2 + b) with n = {n:.4f}; nudge x1 with "
            "central_difference and compare with your number.")


q4 = Exercise(
    "an input used twice",
    _judge_twice,
    "x1 feeds two × nodes, x1*w1 and x1*w2, and o changes through both when x1 is nudged. "
    "Each path hands x1 (the other factor) × (1 − o²); x1.grad is the sum of the two.",
    wrong_examples=[(-3.0 * (1 - math.tanh(2.0 * -3.0 + 2.0 + BIAS) ** 2),), (-1.5,)],
    answers=NUMBERS,
)
