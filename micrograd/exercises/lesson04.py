"""Exercises for lesson 04, a neuron by hand.

In the lesson ("your turn"): the tanh operation of the lesson's Value, the gradient through the
tanh node (1 - o²), and the gradients of the neuron's inputs and weights through the * nodes.

At the end: its gradients for x2 = 1, tanh's slope when the bias is 10, a sigmoid node, an
input used twice.

Each judge compares with the package: the neuron is built from ``micrograd.Value`` and its
``backward()`` gives the right gradients. Where the lesson asks for a number by hand, it is
exact (a nudging estimate is not accepted); where it says four decimals are enough, anything
within 5e-5 is. The tanh and sigmoid operations must be the student's own: the package's
``Value`` (or a call to its methods) is named as a shortcut.
"""

import math

import micrograd
import micrograd.teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text, mutated

BIAS = 6.8813735870195432  # the lecture's bias
EXACT = 1e-12              # relative: a number worked out by hand, to float rounding
FOUR_DECIMALS = 5e-5       # where the lesson says four decimals are enough
NEAR = 1e-4                # a likely mistake is recognised to within this


def neuron_grads(x1, x2, w1, w2, b):
    """The gradients of o = tanh(x1*w1 + x2*w2 + b) for x1, w1, x2, w2, from the package."""
    values = [micrograd.Value(v) for v in (x1, x2, w1, w2, b)]
    vx1, vx2, vw1, vw2, vb = values
    (vx1 * vw1 + vx2 * vw2 + vb).tanh().backward()
    return {"x1": vx1.grad, "w1": vw1.grad, "x2": vx2.grad, "w2": vw2.grad}


def _exact(got, want):
    return close(got, want, EXACT * max(1.0, abs(want)))


class _LessonValue:
    """Lesson 04's Value as it stands before tanh, for the wrong answers below."""

    def __init__(self, data, _children=(), _op='', label=''):
        self.data, self.grad = data, 0.0
        self._prev, self._op, self.label = tuple(_children), _op, label

    def __add__(self, other):
        return type(self)(self.data + other.data, (self, other), '+')

    def __mul__(self, other):
        return type(self)(self.data * other.data, (self, other), '*')


def _is_value(x):
    return hasattr(x, "data") and hasattr(x, "_prev") and hasattr(x, "_op")


def _one_operation(name, v, x, out, formula, expected, tell):
    """What is wrong with ``out``, made by the operation ``name`` from the value v (whose data
    was x); None when it is a new Value holding ``expected`` with child v and op ``name``."""
    if mutated([v], [x]):
        return (f"{name} changed the value it was called on: its data went from {x!r} to "
                f"{as_text(v.data)}. An operation makes a new Value and leaves its input as "
                "it was.")
    if out is v:
        return (f"{name} gave back the value it was called on. Leave self as it was and make "
                "a new Value.")
    if not _is_value(out):
        return (f"{name} should return a new Value, but it returned {type(out).__name__} "
                f"{as_text(out)}: wrap the number in a Value, as + and * do.")
    if type(out) is not type(v):
        return (f"{name} returned a {type(out).__module__}.{type(out).__qualname__}: make "
                "the new value with our Value, the class self belongs to.")
    data = out.data
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        return (f"the new Value's data should be a number, but it is {as_text(data)}: use "
                "self.data, the number, where the formula has x.")
    if not close(data, expected, 1e-12):
        return (f"{name}({x:g}) should be {expected:.4f}, yours gives {data:.4f}. "
                + (tell(x, data) or f"Compare your code with the formula, {formula}."))
    children = tuple(out._prev)
    if len(children) != 1 or children[0] is not v:
        return ("the new Value must remember its one child, the value it was made from: look "
                "at what you pass as its children.")
    if out._op != name:
        return f"name the operation {name!r}, not {out._op!r}, so the drawing shows it."
    return None


# Your turn 1: the tanh operation of the lesson's Value

def _tell_tanh(x, got):
    if close(got, (math.exp(x) - 1) / (math.exp(x) + 1), 1e-12):
        return "That is tanh(x/2): the formula has e^(2x), not e^x."
    if close(got, 1 / (1 + math.exp(-x)), 1e-12):
        return "That is the sigmoid, not tanh."
    return None


def _judge_tanh(V):
    reference = micrograd.teaching.Value
    if V is not reference and getattr(V, "tanh", None) is reference.tanh:
        return ("your Value's tanh is the one of micrograd.teaching.Value, inherited: write "
                "your own in the class.")
    made = V(2.0) * V(-0.5)   # a value made by an operation, not only a leaf
    for v in (V(0.5), V(-2.0), V(0.0), V(BIAS - 6.0), made):
        x = v.data
        out = v.tanh()
        problem = _one_operation("tanh", v, x, out, "(e^(2x) - 1) / (e^(2x) + 1)",
                                 math.tanh(x), _tell_tanh)
        if problem:
            return problem
        again = out.tanh()    # and on its own output: a chain of two tanh nodes
        problem = _one_operation("tanh", out, out.data, again, "(e^(2x) - 1) / (e^(2x) + 1)",
                                 math.tanh(out.data), _tell_tanh)
        if problem:
            return problem
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


class _TanhInPlace(_LessonValue):   # overwrites its input's data
    def tanh(self):
        self.data = math.tanh(self.data)
        return _TanhInPlace(self.data, (self,), 'tanh')


class _TanhSelf(_LessonValue):      # turns self into the output
    def tanh(self):
        self.data, self._op = math.tanh(self.data), 'tanh'
        return self


class _TanhPackage(_LessonValue):   # asks the package's Value for the number

    def tanh(self):
        t = micrograd.Value(self.data).tanh().data
        return _TanhPackage(t, (self,), 'tanh')


class _TanhOfValue(_LessonValue):   # self where self.data belongs
    def tanh(self):
        return _TanhOfValue(self, (self,), 'tanh')


tanh = Exercise(
    "the tanh operation",
    _judge_tanh,
    ("Look at how __add__ and __mul__ are written: they compute a number from the inputs' "
     "data, then wrap it in a new Value that is told its children and its operation. tanh "
     "has one input, self.",
     "The number is math.tanh(x), or the formula with math.exp(2 * x), for x = self.data. The "
     "new Value's children are a tuple holding just self, and its operation is the string "
     "'tanh'. Leave self as it is."),
    wrong_examples=[(_TanhHalf,), (_TanhOrphan,), (_TanhNoOp,), (_TanhNumber,),
                    (_TanhInPlace,), (_TanhSelf,), (_TanhPackage,), (_TanhOfValue,),
                    (micrograd.Value,)],
    answers=CODE,
    reference=micrograd.teaching.Value,
    reference_name="micrograd.teaching.Value",
    forbidden=(micrograd.Value,),
)


# Your turn 2: the gradient through the tanh node, n.grad = (1 - o²) * o.grad

_N = 2.0 * -3.0 + 0.0 * 1.0 + BIAS   # the lecture's n = 0.8814
_O = math.tanh(_N)


def _judge_tanh_grad(n_grad):
    want = 1 - _O ** 2
    if _exact(n_grad, want):
        return None
    if close(n_grad, want, 1e-3):
        return ("that is close to the exact value but not it: did you round o, or nudge? The "
                "local derivative of tanh is exact: use o.data itself.")
    tells = [
        (_O, "that is o = tanh(n) itself, from the forward pass. The gradient is the local "
             "derivative of tanh, times o.grad."),
        (_N, "that is n's value, from the forward pass. A gradient says how much o moves "
             "when n is nudged."),
        (1 - _N ** 2, "that is 1 - n², from the input n. The derivative of tanh is written with "
                      "the output: look at which value is squared."),
        (1 - _O, "that is 1 - o: look again at the derivative of tanh; o appears squared."),
        (1.0, "that passes o.grad = 1 on unchanged, as a + node would. Multiply it by the "
              "local derivative of tanh."),
        (-want, "the sign is wrong: 1 - o² is positive, since o is between -1 and 1."),
    ]
    for number, message in tells:
        if close(n_grad, number, NEAR):
            return message
    return (f"n.grad is (local derivative of tanh) × o.grad, with o.data = {_O:.4f} and "
            f"o.grad = 1; yours is {n_grad!r}.")


tanh_grad = Exercise(
    "the gradient through tanh",
    _judge_tanh_grad,
    ("The rule is the same at every node: local derivative times the gradient of the node "
     "above. The lesson wrote tanh's local derivative with the output o: which numbers do you "
     "have for o?",
     "The local derivative of o = tanh(n) is 1 - tanh(n)² = 1 - o², from the output o. "
     "Multiply it by o.grad, which is 1."),
    wrong_examples=[(math.tanh(_N),), (1 - _N ** 2,), (1 - math.tanh(_N),), (1.0,), (-0.5,),
                    (0.8814,), (0.4999999999588667,), (1 - 0.7071 ** 2,)],
    answers=NUMBERS,
    reference=0.5,
    reference_name="1 - o² = 0.5, worked out by hand",
)


# Shared: the four gradients of the neuron's inputs and weights, through the * nodes

_OTHER = {"x1": "w1", "w1": "x1", "x2": "w2", "w2": "x2"}   # the other factor of each product


def _leaf_problem(got, data, want, arriving, tol, lesson=None):
    """What is wrong with the gradients ``got`` (by name) of a neuron whose leaves hold
    ``data``, when ``want`` is right and ``arriving`` (n.grad) reaches both products; None
    when right. ``lesson``: (n.grad, grads) of the lesson's neuron, for x2 = 1."""
    if all(close(got[k], want[k], tol * max(1.0, abs(want[k]))) for k in got):
        return None
    if tol < FOUR_DECIMALS and all(close(got[k], want[k], NEAR) for k in got):
        return ("your numbers are close to the gradients but not exact: are they nudging "
                "estimates, or rounded? Work each out from the other factor's data and the "
                "gradient that reached its product.")

    def products_with(a, own=False):
        return {k: (data[k] if own else data[_OTHER[k]]) * a for k in got}

    def matches(candidate):
        return all(close(got[k], candidate[k], NEAR) for k in got)

    n_value = data["x1"] * data["w1"] + data["x2"] * data["w2"] + BIAS
    o = math.tanh(n_value)
    tells = []
    if lesson:
        tells += [
            (lesson[1], "these are the lesson's gradients, for x2 = 0. With x2 = 1, n and o "
                        "change, and so does what reaches the products."),
            (products_with(lesson[0]), "you kept n.grad = 0.5 from the lesson. With x2 = 1, n "
                                       "is different: work out n, o and 1 - o² again."),
        ]
    tells += [
        (products_with(1.0), "those are only the local derivatives (the other factors). The "
                             "chain rule multiplies each by the gradient that reached its "
                             "product."),
        (products_with(arriving, own=True), "each got its own value times the gradient that "
                                            "arrived. Nudge x1: how much does x1 * w1 move?"),
        (dict(data), "those are the values of the leaves, from the forward pass, not their "
                     "gradients."),
        (products_with(-arriving), "every sign is wrong: the gradient arriving at the products "
                                   "is positive; look at the factors."),
        (products_with(o), "you multiplied by o itself. What reaches the products is tanh's "
                           "local derivative, 1 - o², times o.grad."),
        (products_with(1 - n_value ** 2), "you used 1 - n². tanh's derivative is written with "
                                          "its output: 1 - o², with o = tanh(n)."),
        (products_with(1 - o), "you used 1 - o; the derivative of tanh has o squared."),
    ]
    for candidate, message in tells:
        if matches(candidate):
            return message
    for name in got:
        if not close(got[name], want[name], tol * max(1.0, abs(want[name]))):
            return (f"{name}.grad is off. It is (the other factor, {_OTHER[name]}.data) × (the "
                    f"gradient that reached the product {name} goes into).")
    return None


# Your turn 3: the inputs and weights, through the * nodes

_LEAF_DATA = {"x1": 2.0, "w1": -3.0, "x2": 0.0, "w2": 1.0}


def _judge_leaf_grads(x1_grad, w1_grad, x2_grad, w2_grad):
    want = neuron_grads(2.0, 0.0, -3.0, 1.0, BIAS)
    got = {"x1": x1_grad, "w1": w1_grad, "x2": x2_grad, "w2": w2_grad}
    return _leaf_problem(got, _LEAF_DATA, want, 1 - _O ** 2, EXACT)


leaf_grads = Exercise(
    "the gradients of x1, w1, x2, w2",
    _judge_leaf_grads,
    ("The same question as in lesson 03, for each product: nudge x1 with w1 fixed, how much "
     "does x1 * w1 move? Then multiply by what has already reached that product.",
     "In x1 * w1, the local derivative for x1 is w1 (the other factor), and for w1 it is x1. "
     "Times the gradient of the product, x1w1.grad. The same for x2 * w2."),
    wrong_examples=[(-3.0, 2.0, 1.0, 0.0), (1.0, -1.5, 0.0, 0.5), (1.5, -1.0, -0.5, 0.0),
                    (-1.5, 1.0, 0.5, 0.5), (2.0, -3.0, 0.0, 1.0),
                    (-1.4999999999321112, 1.000000000139778, 0.5000000000143778, 0.0)],
    answers=NUMBERS,
    reference=(-1.5, 1.0, 0.5, 0.0),
    reference_name="the lecture's gradients, worked out by hand",
)


# Exercise 1: the neuron's four gradients when x2 = 1

_DATA_X2_1 = {"x1": 2.0, "w1": -3.0, "x2": 1.0, "w2": 1.0}


def _judge_grads(x1_grad, w1_grad, x2_grad, w2_grad):
    want = neuron_grads(2.0, 1.0, -3.0, 1.0, BIAS)
    got = {"x1": x1_grad, "w1": w1_grad, "x2": x2_grad, "w2": w2_grad}
    arriving = 1 - math.tanh(2.0 * -3.0 + 1.0 * 1.0 + BIAS) ** 2
    lesson = (0.5, {"x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0})
    return _leaf_problem(got, _DATA_X2_1, want, arriving, FOUR_DECIMALS, lesson)


q1 = Exercise(
    "the neuron's gradients with x2 = 1",
    _judge_grads,
    ("Changing x2 changes the forward pass first: work out n, then o = tanh(n), then what the "
     "tanh node hands down. Only then go through the * nodes, as in the lesson.",
     "n = x1·w1 + x2·w2 + b, o = tanh(n), and n.grad = 1 − o². The + nodes pass n.grad on to "
     "both products, and each × node hands a factor the other factor's value times it."),
    wrong_examples=[(-1.5, 1.0, 0.5, 0.0), (-1.5, 1.0, 0.5, 0.5), (-3.0, 2.0, 1.0, 1.0),
                    (-2.8638, 1.9092, 0.9546, 0.9546), (7.6187, -5.0791, -2.5396, -2.5396),
                    (0.1774, -0.2661, 0.0887, 0.0887), (0.2661, -0.1774, -0.0887, -0.0887),
                    (-0.2661, 0.1774, 0.0887, 0.0)],
    answers=NUMBERS,
)


# Exercise 2: the slope of tanh when the bias is 10

def _judge_saturated(dn):
    n = micrograd.Value(4.0)  # x1*w1 + x2*w2 + b = -6 + 0 + 10
    o = n.tanh()
    o.backward()
    if close(dn, n.grad, FOUR_DECIMALS):
        return None
    tells = [
        (1 - 10.0 ** 2, 1e-9, "you used 1 - n² with n = 10, the bias. n is the whole "
                               "weighted sum, and the slope uses the output o = tanh(n)."),
        (1 - 4.0 ** 2, 1e-9, "you used 1 - n² with n = 4; the slope is written with the "
                              "output o = tanh(n)."),
        (1 - math.tanh(10.0) ** 2, 1e-9, "that is the slope at n = 10, the bias alone. n is "
                                          "the whole weighted sum: x1·w1 + x2·w2 + b."),
        (0.0, 1e-6, "the slope is tiny, but not 0: tanh(n) is close to 1, not equal to it. "
                    "Four decimals of 1 - o² still show a digit."),
        (4.0, 1e-9, "that is n itself, from the forward pass; the question is the slope of "
                    "tanh there."),
        (o.data, 1e-4, "that is o = tanh(n) itself; the slope is its local derivative."),
        (1 - o.data, FOUR_DECIMALS, "that is 1 - o; the derivative of tanh has o squared."),
        (0.5, 1e-9, "0.5 was the slope with the lecture's bias. With b = 10, n is different: "
                    "work it out first."),
        (-n.grad, FOUR_DECIMALS, "the sign is wrong: 1 - o² is never negative."),
    ]
    for number, tol, message in tells:
        if close(dn, number, tol):
            return message
    return ("work out n = x1·w1 + x2·w2 + b with b = 10 first, then o = tanh(n), then the "
            "local derivative of tanh at that o. It should be a small positive number.")


q2 = Exercise(
    "the slope of tanh when b = 10",
    _judge_saturated,
    ("Work out n with the new bias first, and find that n on the dashed curve of the tanh "
     "plot: is the curve steep or flat there?",
     "With b = 10, n = 2·(−3) + 0·1 + 10 = 4. tanh(4) is very close to 1, so 1 − tanh²(4) is "
     "very close to 0: the neuron is saturated, and every gradient below it is multiplied by "
     "that tiny number."),
    wrong_examples=[(-15.0,), (0.5,), (0.9993,), (0.0007,), (0.0,), (4.0,), (-0.0013,),
                    (1 - math.tanh(10.0) ** 2,), (-99.0,)],
    answers=NUMBERS,
)


# Exercise 3: a forward-only sigmoid for the lesson's Value

def _sigmoid_of(x):
    return 1 / (1 + math.exp(-x))


def _tell_sigmoid(x, got):
    if close(got, 1 / (1 + math.exp(x)), 1e-12):
        return "Look at the sign in the exponent of the formula."
    if close(got, math.tanh(x), 1e-12):
        return "That is tanh, not the sigmoid."
    if close(got, 1 + math.exp(-x), 1e-12):
        return "That is the denominator alone: the sigmoid is 1 divided by it."
    return None


def _judge_sigmoid(sigmoid, V):
    made = V(2.0) * V(-0.5)   # a value made by an operation, not only a leaf
    for v in (V(0.0), V(2.0), V(-1.5), V(-7.0), made):
        x = v.data
        out = sigmoid(v)
        problem = _one_operation("sigmoid", v, x, out, "1 / (1 + e^(-x))", _sigmoid_of(x),
                                 _tell_sigmoid)
        if problem:
            return problem
        again = sigmoid(out)   # and on its own output: a chain of two sigmoid nodes
        problem = _one_operation("sigmoid", out, out.data, again, "1 / (1 + e^(-x))",
                                 _sigmoid_of(out.data), _tell_sigmoid)
        if problem:
            return problem
    return None


def _sig_sign(self):
    return type(self)(1 / (1 + math.exp(self.data)), (self,), 'sigmoid')


def _sig_orphan(self):
    return type(self)(1 / (1 + math.exp(-self.data)), (), 'sigmoid')


def _sig_no_op(self):
    return type(self)(1 / (1 + math.exp(-self.data)), (self,))


def _sig_in_place(self):   # overwrites its input's data
    self.data = 1 / (1 + math.exp(-self.data))
    return type(self)(self.data, (self,), 'sigmoid')


def _sig_self(self):       # turns self into the output
    self.data, self._op = 1 / (1 + math.exp(-self.data)), 'sigmoid'
    return self


def _sig_number(self):
    return 1 / (1 + math.exp(-self.data))


def _sig_tanh(self):
    return type(self)(math.tanh(self.data), (self,), 'sigmoid')


def _sig_package(self):    # the package's sigmoid, n.sigmoid(), for the number
    s = micrograd.Value(self.data).sigmoid().data
    return type(self)(s, (self,), 'sigmoid')


def _sig_right(self):      # right, but handed in with the package's Value below
    return type(self)(1 / (1 + math.exp(-self.data)), (self,), 'sigmoid')


q3 = Exercise(
    "a sigmoid operation",
    _judge_sigmoid,
    ("Write it the way you wrote tanh: first the number, from self.data and the formula of "
     "the task, then the new Value that remembers where it came from.",
     "Compute s from x = self.data with math.exp(-x), then return a new Value holding s, with "
     "a tuple of just self as its children and the operation 'sigmoid'. Leave self as it is."),
    wrong_examples=[(_sig_sign, _LessonValue), (_sig_orphan, _LessonValue),
                    (_sig_no_op, _LessonValue), (_sig_in_place, _LessonValue),
                    (_sig_self, _LessonValue), (_sig_number, _LessonValue),
                    (_sig_tanh, _LessonValue), (_sig_package, _LessonValue),
                    (micrograd.Value.sigmoid, _LessonValue), (_sig_right, micrograd.Value)],
    answers=CODE,
    forbidden=(micrograd.Value, micrograd.Value.sigmoid),
)


# Exercise 4: one input used twice

def _judge_twice(dx1):
    x1, w1, w2, b = (micrograd.Value(v) for v in (2.0, -3.0, 1.0, BIAS))
    (x1 * w1 + x1 * w2 + b).tanh().backward()
    n = 2.0 * -3.0 + 2.0 * 1.0 + BIAS
    o = math.tanh(n)
    slope = 1 - o ** 2
    if close(dx1, x1.grad, FOUR_DECIMALS):
        return None
    tells = [
        (-3.0 * slope, "that is what x1 gets along one of its two paths only, through x1*w1. "
                       "x1 is in both products, so it receives from both."),
        (1.0 * slope, "that is what x1 gets along one of its two paths only, through x1*w2. "
                      "x1 is in both products, so it receives from both."),
        (-1.5, "that is x1's gradient in the lesson's neuron. Here x1 also replaces x2, so n "
               "and both paths change."),
        (-2.0 * 0.5, "you used n.grad = 0.5 from the lesson. Here n is different: work out n "
                     "and 1 - o² again."),
        (-3.0 + 1.0, "those are the local derivatives alone (the other factors, added). The "
                     "chain rule multiplies them by what reached the products."),
        (2.0 * slope, "the sign is wrong: look at the sign of each path's other factor."),
        (o, "that is o, from the forward pass; the question is how much o moves when x1 is "
            "nudged."),
    ]
    for number, message in tells:
        if close(dx1, number, FOUR_DECIMALS):
            return message
    return (f"o = tanh(x1*w1 + x1*w2 + b) has n = {n:.4f}. Nudge x1 with central_difference "
            "and compare with your number; then look for the path you missed.")


q4 = Exercise(
    "an input used twice",
    _judge_twice,
    ("x1 now feeds two × nodes. When you nudge x1, o changes through both of them: how do the "
     "two changes combine?",
     "Each path hands x1 (the other factor of its product) × (1 − o²), with n = x1·w1 + x1·w2 "
     "+ b. x1.grad is the sum of the two shares."),
    wrong_examples=[(-3.0 * (1 - math.tanh(2.0 * -3.0 + 2.0 + BIAS) ** 2),), (-1.5,), (-1.0,),
                    (-2.0,), (0.025,), (0.9937,), (0.0125,)],
    answers=NUMBERS,
)
