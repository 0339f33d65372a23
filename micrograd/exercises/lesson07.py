"""Exercises for lesson 07, more operations.

In the body of the lesson ("your turn"): plain numbers on either side of + and *, exp with
its _backward, ** with its _backward, and /, unary - and - built from them. At the end: 1 - a
and 3 / a, sigmoid from exp, log (its local derivative found by the student), and a count of
nodes.

Code is judged by running it on several expressions (a value used twice, a shared sub-graph,
several numbers and exponents): against the lecture-style reference ``micrograd.teaching.Value``
(the same expression: its data, its gradients and the operations in its graph), against the
package's ``Value``, against the exact local derivative, and against central differences
through the student's own class. Every check also looks at what an operation gives back, that
its inputs keep their numbers, and that its output's ``_backward`` was set.

Shortcuts: the package's ``Value`` handed in where "our Value" is asked, a call to the
package's or the reference's version of the operation asked for, and a class that inherits
that operation from ``micrograd.teaching.Value`` instead of defining it in its own body. In a
blank run the lesson's class so far *is* ``micrograd.teaching.Value`` and the student's class
is ``class Value(Value)``: so the check asks where the method comes from, and does not forbid
the base class.

The small classes at the end of the module are the wrong answers the tests feed in.
"""

import math
from numbers import Real

import micrograd
import micrograd.teaching
from micrograd.engine import topological_order
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import (
    as_text,
    grads_vs_nudging,
    judge_operation,
    missing_backward,
    mutated,
)
from micrograd.teaching import build_topo

REFERENCE = micrograd.teaching.Value
REFERENCE_NAME = "micrograd.teaching.Value"
PACKAGE = micrograd.Value
_NOT_OURS = set(REFERENCE.__mro__[:-1]) | set(PACKAGE.__mro__[:-1])  # object is anyone's


# ----- what every check looks at -----

def _own_methods(V, names, your_turn=True):
    """A sentence when the student's class V lacks one of the methods ``names``, or takes it
    from the reference (or the package) instead of defining it itself; else None. The
    reference itself, handed to its own your-turn, is what the lesson falls back on: it
    passes there, and only there."""
    if not isinstance(V, type) or (V is REFERENCE and your_turn):
        return None
    if V in _NOT_OURS:
        return (f"that is {V.__module__}.{V.__qualname__}, the lesson's reference; this "
                f"exercise asks for a class of your own, with the methods you write.")
    V(1.0)  # a first Value, made before anything else is asked of the class
    for name in names:
        owner = next((klass for klass in V.__mro__ if name in vars(klass)), None)
        if owner is None or owner is object:
            return f"your class has no method {name}: write it inside the class."
        if owner in _NOT_OURS:
            return (f"your class does not write {name} itself: it inherits the one of "
                    f"{owner.__module__}.{owner.__qualname__}. Write {name} in your class's "
                    f"own body.")
    return None


def _describe(x):
    """A short description of x for a message: a Value by its number, not its address."""
    if hasattr(x, "data") and hasattr(x, "_prev"):
        return f"a Value holding {as_text(x.data)}"
    if isinstance(x, Real) and not isinstance(x, bool):
        return f"the number {x!r}"
    return f"{type(x).__name__} {as_text(x)}"


def _not_a_value(out, what):
    """A sentence when ``out``, what ``what`` gave back, is not a Value holding a number."""
    if out is None:
        return f"{what} gave back None: is a `return` missing?"
    if not all(hasattr(out, name) for name in ("data", "grad", "_prev", "_backward")):
        return (f"{what} should give back a Value (a node of the graph), yours gives back "
                f"{_describe(out)}.")
    if isinstance(out.data, bool) or not isinstance(out.data, Real):
        return (f"{what} gives back a Value whose data is {type(out.data).__name__} "
                f"{as_text(out.data)}: data should be a plain number (use .data of the "
                f"inputs).")
    return None


def _grads_not_numbers(values, names, what):
    """A sentence when a gradient is not a plain number after backward()."""
    for name, value in zip(names, values):
        if isinstance(value.grad, bool) or not isinstance(value.grad, Real):
            return (f"after backward() on {what}, {name}.grad is {_describe(value.grad)}, "
                    f"not a number: inside _backward, work with the "
                    f"numbers (.data and .grad), not with the Values.")
    return None


def _no_closure(V, out, what):
    """A sentence when ``out`` still has a leaf's do-nothing _backward."""
    if missing_backward(V, out):
        return (f"the node that {what} makes still has a leaf's do-nothing _backward, so "
                f"backward() passes nothing through it: is the line that stores your closure "
                f"on out (`out._backward = ...`) missing?")
    return None


def _ops(root):
    """The operations in root's graph, sorted: what a drawing of it shows."""
    return sorted(str(node._op) for node in build_topo(root) if node._op)


def _compare(V, what, f, inputs, names, advice):
    """None if f built from class V gives the reference's output, graph and gradients, and
    leaves its inputs as they were."""
    ours = [V(x) for x in inputs]
    theirs = [REFERENCE(x) for x in inputs]
    out, expected = f(*ours), f(*theirs)
    problem = _not_a_value(out, what) or mutated(ours, inputs)
    if problem:
        return problem
    if not close(out.data, expected.data, 1e-9):
        return (f"{what} should be {expected.data:.4f}, yours gives {as_text(out.data)}. "
                f"{advice}")
    if _ops(out) != _ops(expected):
        return (f"{what} should build the operations {_ops(expected)}, yours builds "
                f"{_ops(out)}. {advice}")
    out.backward()
    expected.backward()
    problem = mutated(ours, inputs) or _grads_not_numbers(ours, names, what)
    if problem:
        return problem
    for name, mine, right in zip(names, ours, theirs):
        if not close(mine.grad, right.grad, 1e-9):
            return (f"for {what}, {name}.grad is {mine.grad:.4f} but should be "
                    f"{right.grad:.4f}. {advice}")
    return None


def _one_node(V, op, make, label, x, forward, exact, derivative, what="{op}({x:g})"):
    """None if make(leaf) for a leaf of V holding x is one node labelled ``label``, made from
    the leaf alone, holding forward(x), with exactly the local derivative exact(x), leaving
    the leaf's number as it was; else what is wrong. ``derivative`` says in words what to
    look at when the gradient is off."""
    value = V(x)
    out = make(value)
    what = what.format(op=op, x=x)
    problem = _not_a_value(out, what) or mutated([value], [x]) or _no_closure(V, out, op)
    if problem:
        return problem
    if tuple(out._prev) != (value,):
        made = ", ".join(_describe(child) for child in out._prev) or "nothing"
        return (f"the node {op} makes should be made from (self,), its one input; yours is "
                f"made from {made}. backward() finds the inputs through it.")
    if out._op != label:
        return (f"label the node's operation {label!r}, as the drawings show it; yours is "
                f"{out._op!r}.")
    if not close(out.data, forward(x), 1e-9 * max(1.0, abs(forward(x)))):
        return (f"the forward pass is off: {what} should be {forward(x):.4f}, yours gives "
                f"{as_text(out.data)}. Look at the number out holds.")
    out.backward()
    problem = mutated([value], [x]) or _grads_not_numbers([value], "x", what)
    if problem:
        return problem
    right = exact(x)
    if close(value.grad, right, 1e-9 * max(1.0, abs(right))):
        return None
    if abs(value.grad - right) <= 1e-4 * max(1.0, abs(right)):
        return (f"for {what}, x.grad is {value.grad!r}, close to the exact {right!r} but not "
                f"it: is it a nudge? backward() uses the exact local derivative, from the "
                f"formula.")
    return (f"for {what} on its own, x.grad should be {right:.4f}, yours is {value.grad:.4f}: "
            f"look at the local derivative in _backward ({derivative}).")


# ----- Your turn: plain numbers on either side of + and * -----

PLAIN_NUMBERS = [  # (what, f, inputs, names, advice)
    ("a + 1", lambda a: a + 1, [2.0], "a",
     "Look at the first line of __add__: a plain number has to become a Value, a Value "
     "stays as it is."),
    ("a * 2", lambda a: a * 2, [2.0], "a",
     "Look at the first line of __mul__: a plain number has to become a Value, a Value "
     "stays as it is."),
    ("1 + a", lambda a: 1 + a, [2.0], "a",
     "Python calls a.__radd__(1): the sum of self and other, made by the + you already have."),
    ("2 * a", lambda a: 2 * a, [-3.0], "a",
     "Python calls a.__rmul__(2): the product of self and other, made by the * you already "
     "have."),
    ("-1.5 + a * 0.5", lambda a: -1.5 + a * 0.5, [3.0], "a",
     "Every number, not just 1 and 2, must become a Value, and the sum must be a node."),
    ("a + a, where a is used twice", lambda a: a + a, [1.5], "a",
     "+ must still pass gradients back with +=, and a must get both shares."),
    ("2 * a + a, where a is used twice", lambda a: 2 * a + a, [1.5], "a",
     "Both + and * must still pass gradients back with +=, and a must get both shares."),
    ("c * 3 + c, where c = a * b is used twice", lambda a, b: (lambda c: c * 3 + c)(a * b),
     [2.0, -3.0], "ab", "Both + and * must still pass gradients back with +=."),
    ("a * b + 1", lambda a, b: a * b + 1, [2.0, -3.0], "ab",
     "Two Values must still work as before: wrap only what is not a Value."),
]


def _judge_cases(V, cases, methods):
    problem = _own_methods(V, methods)
    if problem:
        return problem
    for what, f, inputs, names, advice in cases:
        try:
            problem = _compare(V, what, f, inputs, names, advice)
        except RecursionError:
            return (f"{what} never ends: a method hands the same question back to Python "
                    f"(other + self asks other, which asks self again). {advice}")
        except (TypeError, AttributeError) as error:
            return f"{what} fails ({type(error).__name__}: {error}). {advice}"
        if problem:
            return problem
    return None


def _judge_plain_numbers(V):
    return _judge_cases(V, PLAIN_NUMBERS, ("__add__", "__mul__", "__radd__", "__rmul__"))


# ----- Your turn: exp with its _backward -----

EXP_TESTS = [  # (what, f, inputs, names); exp of a leaf or of a node of the lesson's class
    ("exp(a)", lambda a: a.exp(), [1.0], "a"),
    ("exp(a) * b", lambda a, b: a.exp() * b, [0.5, -2.0], "ab"),
    ("exp(a) * a, where a is used twice", lambda a: a.exp() * a, [0.7], "a"),
    ("e * b + e, where e = exp(a) is used twice", lambda a, b: (lambda e: e * b + e)(a.exp()),
     [0.3, 2.0], "ab"),
]


def _judge_exp(V):
    problem = _own_methods(V, ("exp",))
    for x in (0.5, 0.0, -2.0, 1.0):
        problem = problem or _one_node(V, "exp", lambda v: v.exp(), "exp", x, math.exp, math.exp,
                                       "what is the slope of e^x at x?")
    return problem or judge_operation(
        V, "exp", math.exp, (0.0, 1.0, -2.0), EXP_TESTS,
        "Look at the number out holds: e to the power self.data",
        "check what _backward adds to self.grad: the local derivative")


# ----- Your turn: ** with its _backward -----

POWERS = [2, 3, 0.5, -1, -2, 1.5]


def _judge_power(V):
    problem = _own_methods(V, ("__pow__",))
    for k in POWERS:
        for x in (3.0, 0.7):
            problem = problem or _one_node(
                V, f"** {k}", lambda v, k=k: v ** k, f"**{k}", x, lambda t, k=k: t ** k,
                lambda t, k=k: k * t ** (k - 1),
                "the rule for x^k, with this k: does your closure use k at all?",
                what="{x:g} {op}")
    if problem:
        return problem
    tests = [("a ** 2 * b", lambda a, b: a ** 2 * b, [1.5, -2.0], "ab"),
             ("a ** 2 * a, where a is used twice", lambda a: a ** 2 * a, [1.5], "a"),
             ("c ** -1 + c, where c = a * b is used twice",
              lambda a, b: (lambda c: c ** -1 + c)(a * b), [2.0, 0.5], "ab")]
    for what, f, inputs, names in tests:
        found = grads_vs_nudging(V, f, inputs, names)
        if found:
            name, grad, slope = found
            advice = ("a value used twice must receive both shares: += in every _backward"
                      if "twice" in what else "the local derivative must be multiplied by "
                      "out.grad, the gradient that arrives from above")
            return (f"for {what}, {name}.grad is {as_text(grad)} but nudging {name} gives "
                    f"{slope:.4f}: {advice}.")
    return None


# ----- Your turn: /, unary - and - built from * and ** -----

DIV_SUB = [  # (what, f, inputs, names, advice)
    ("a / b", lambda a, b: a / b, [3.0, 4.0], "ab",
     "Division is a times b to the power -1: which two nodes does that make?"),
    ("-a", lambda a: -a, [2.0], "a",
     "Negation is multiplying by a number: which one?"),
    ("a - b", lambda a, b: a - b, [5.0, 2.0], "ab",
     "Subtraction is adding the negative, and your __neg__ makes the negative."),
    ("a - 1", lambda a: a - 1, [5.0], "a",
     "Subtraction is adding the negative; for a plain number, the negative is just a number."),
    ("a / 2", lambda a: a / 2, [3.0], "a",
     "Division is a times b to the power -1; for a plain number b that power is just a number."),
    ("a / a - a, where a is used three times", lambda a: a / a - a, [1.5], "a",
     "Build each from * and ** (and +), and the gradients add up by themselves."),
    ("c / b - c, where c = a * b is used twice", lambda a, b: (lambda c: c / b - c)(a * b),
     [2.0, -0.5], "ab", "Build each from * and ** (and +), and the gradients add up by "
     "themselves."),
]


def _judge_div_sub(V):
    return _judge_cases(V, DIV_SUB, ("__truediv__", "__neg__", "__sub__"))


# ----- Exercise 1: 1 - a and 3 / a -----

LEFT_NUMBER = [  # (what, f); several numbers, so that one that is ignored shows
    ("1 - a", lambda a: 1 - a), ("3 / a", lambda a: 3 / a),
    ("2.5 - a", lambda a: 2.5 - a), ("-4 / a", lambda a: -4 / a),
    ("(1 - a) * a, where a is used twice", lambda a: (1 - a) * a),
    ("3 / a + a, where a is used twice", lambda a: 3 / a + a),
]


def _judge_left(V):
    problem = _own_methods(V, ("__rsub__", "__rtruediv__"), your_turn=False)
    if problem:
        return problem
    for what, f in LEFT_NUMBER:
        for x in (2.0, -0.5):
            a, pa = V(x), PACKAGE(x)
            try:
                out = f(a)
            except RecursionError:
                return (f"{what} never ends: writing other - self (or other / self) inside "
                        f"the method asks Python the same question again.")
            except TypeError as error:
                return (f"{what} fails with a TypeError ({error}): write the method Python "
                        f"tries for it.")
            expected = f(pa)
            expected.backward()
            problem = _not_a_value(out, what) or mutated([a], [x])
            if problem:
                return problem
            if not close(out.data, expected.data, 1e-9):
                return (f"{what} at a = {x:g} should be {expected.data:.4f}, yours gives "
                        f"{as_text(out.data)}. In __rsub__ and __rtruediv__ the number, other, "
                        f"is on the left; and use other itself, whatever number it is.")
            out.backward()
            problem = mutated([a], [x]) or _grads_not_numbers([a], "a", what)
            if problem:
                return problem
            if not close(a.grad, pa.grad, 1e-9):
                return (f"for {what} at a = {x:g}, a.grad is {a.grad:.4f} but should be "
                        f"{pa.grad:.4f}: build the result from operations that have a "
                        f"_backward, so that it is connected to a.")
    return None


# ----- Exercise 2: sigmoid built from exp -----

def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


def _judge_sigmoid_from_exp(sigmoid_from_exp):
    for V in (PACKAGE, REFERENCE):
        for x in (0.5, -2.0, 3.0):
            n = V(x)
            out = sigmoid_from_exp(n)
            what = f"sigmoid_from_exp(n) at n = {x:g}"
            problem = _not_a_value(out, what) or mutated([n], [x])
            if problem:
                return problem
            if not close(out.data, _sigmoid(x), 1e-9):
                return (f"at n = {x:g} the sigmoid is {_sigmoid(x):.4f}, yours gives "
                        f"{as_text(out.data)}. Check the sign in the exponent, and that 1 is "
                        f"divided by the sum once.")
            ops = _ops(out)
            if not ops:
                return ("your result is a new Value with nothing behind it: build it from n "
                        "with operations, so that backward() can reach n.")
            if "exp" not in ops or {"sigmoid", "tanh"} & set(ops):
                return (f"build it from exp and the arithmetic operations, as the task asks: "
                        f"your graph has the operations {ops}.")
            out.backward()
            problem = mutated([n], [x]) or _grads_not_numbers([n], "n", what)
            if problem:
                return problem
            slope = _sigmoid(x) * (1 - _sigmoid(x))
            if not close(n.grad, slope, 1e-9):
                return (f"at n = {x:g}, n.grad is {n.grad:.4f} but the sigmoid's slope is "
                        f"{slope:.4f}: is your result made from n by operations, so that "
                        f"backward() reaches n?")
        # n an inner node, used again after the sigmoid: a shared sub-graph
        a, b = V(1.5), V(-0.5)
        n = a * b + a
        out = sigmoid_from_exp(n) * n
        problem = _not_a_value(out, "sigmoid_from_exp(n) * n")
        if problem:
            return problem
        out.backward()
        s, n_data = _sigmoid(0.75), 0.75  # n = 1.5 * -0.5 + 1.5
        d_dn = s * (1 - s) * n_data + s  # through the sigmoid, and through n itself
        for name, value, right in (("a", a, d_dn * (-0.5 + 1)), ("b", b, d_dn * 1.5)):
            if not close(value.grad, right, 1e-9):
                return (f"for sigmoid_from_exp(n) * n with n = a * b + a, {name}.grad is "
                        f"{as_text(value.grad)} but should be {right:.4f}: does your function "
                        f"change n, or build on something other than n?")
    return None


# ----- Exercise 3: log with its _backward -----

LOG_TESTS = [  # (what, f, inputs, names)
    ("log(a)", lambda a: a.log(), [2.0], "a"),
    ("log(a) * b + c", lambda a, b, c: a.log() * b + c, [0.5, 3.0, -2.0], "abc"),
    ("log(a) * a, where a is used twice", lambda a: a.log() * a, [1.5], "a"),
    ("l * b + l, where l = log(a) is used twice", lambda a, b: (lambda v: v * b + v)(a.log()),
     [3.0, -1.5], "ab"),
]


def _judge_log(V):
    problem = _own_methods(V, ("log",), your_turn=False)
    for x in (0.5, 1.0, 4.0, 2.5):
        problem = problem or _one_node(
            V, "log", lambda v: v.log(), "log", x, math.log, lambda t: 1 / t,
            "what is the slope of ln at x? central_difference(math.log, x) at a few x shows it")
    return problem or judge_operation(V, "log", math.log, (0.5, 1.0, 4.0), LOG_TESTS,
                           "Look at the number out holds: the natural logarithm, ln",
                           "check what _backward adds to self.grad: the local derivative")


# ----- Exercise 4: how many nodes tanh from exp makes -----

def _tanh_squared_exp(n):
    e = n.exp() ** 2
    return (e - 1) / (e + 1)


def _count():
    n = PACKAGE(0.8813735870195432)
    return len(topological_order(_tanh_squared_exp(n))) - len(topological_order(n))


def _judge_count(count):
    if count == _count():
        return None
    if count == 11:
        return ("11 was the count with (2 * n).exp(); the start of the graph changes: what "
                "does n.exp() ** 2 make, and what no longer appears?")
    if count in (8, 9):
        return (f"{count:g} is a count for our class; the question is about the package's "
                f"Value, whose e - 1 makes more nodes.")
    if count == 12:
        return ("is the 2 in ** 2 a node? Look at what __pow__ is made from: its exponent is "
                "a plain number.")
    if count in (1, 2, 3):
        return ("count every node after n, not only the new ones at the start: e - 1, e + 1 "
                "and the division are still there.")
    return (f"{count:g} is not it. Start from the 11 nodes of (2 * n).exp(): which of them "
            f"go, and which come instead?")


# ----- A Value with this lesson's operations, for the wrong answers -----

class _Value:
    """This lesson's Value: +, * (numbers wrapped), **, exp, -x, -, /, and backward()."""

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

    def exp(self):
        e = math.exp(self.data)
        return self._node(e, (self,), 'exp', (e,))

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


def _inherits():
    """A class typed in a notebook that writes nothing itself: ``class Value(Value): pass``
    run when the lesson's class so far is the reference."""
    return type("Value", (REFERENCE,), {})


def _calls_super(name):
    """A class whose method ``name`` only calls the reference's."""
    def method(self, *args):
        return getattr(super(cls, self), name)(*args)
    cls = type("Value", (REFERENCE,), {name: method})
    return cls


class _PackageSubclass(PACKAGE):
    """Our Value taken from the package."""


# plain numbers

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


class _RaddMutates(_Value):
    """1 + a that adds the number into a itself."""

    def __radd__(self, other):
        self.data += other
        return self


class _RmulNoReturn(_Value):
    def __rmul__(self, other):
        self * other


class _AddSets(_Value):
    """+ whose _backward sets the gradients (=) instead of adding to them."""

    def __add__(self, other):
        other = other if isinstance(other, _Value) else type(self)(other)
        out = type(self)(self.data + other.data, (self, other), '+')

        def _backward():
            self.grad = out.grad
            other.grad = out.grad
        out._backward = _backward
        return out


class _WrapsOnlyInts(_Value):
    """Wraps 1 and 2 but not a float: the check's other numbers show it."""

    def __mul__(self, other):
        other = type(self)(other) if isinstance(other, int) else other
        return self._node(self.data * other.data, (self, other), '*', (other.data, self.data))


# exp

def _exp_class(local, set_grad=False, children=True, store=True, mutate=False):
    class Exp(_Value):
        def exp(self):
            e = math.exp(self.data)
            if mutate:
                self.data = e
            out = Exp(e, (self,) if children else (), 'exp')

            def _backward():
                if set_grad:
                    self.grad = local(self.data, out) * out.grad
                else:
                    self.grad += local(self.data, out) * out.grad
            if store:
                out._backward = _backward
            return out
    return Exp


# **

def _pow_class(local, label="**{k}", store=True, mutate=False, k_child=False):
    class Pow(_Value):
        def __pow__(self, k):
            x = self.data
            if mutate:
                self.data = x ** k
            out = Pow(x ** k, (self, k) if k_child else (self,), label.format(k=k))

            def _backward():
                self.grad += local(x, k) * out.grad
            if store:
                out._backward = _backward
            return out
    return Pow


class _PowSets(_Value):
    def __pow__(self, k):
        out = _PowSets(self.data ** k, (self,), f'**{k}')

        def _backward():
            self.grad = k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out


# /, -x, -

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


class _NegMutates(_Value):
    def __neg__(self):
        self.data = -self.data
        return self


class _SubNoReturn(_Value):
    def __sub__(self, other):
        self + (-other)


class _DivLeaf(_Value):
    """a / b as a new leaf: the right number, but no * and ** in the graph."""

    def __truediv__(self, other):
        other = other if isinstance(other, _Value) else type(self)(other)
        return type(self)(self.data / other.data)


# exercise 1

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


class _AsksAgain(_Value):
    """other - self inside __rsub__: Python asks __rsub__ again, for ever."""

    def __rsub__(self, other):
        return other - self

    def __rtruediv__(self, other):
        return other * self ** -1


class _IgnoresOther(_Value):
    """Right for 1 - a and 3 / a only: the number handed in is ignored."""

    def __rsub__(self, other):
        return 1 + (-self)

    def __rtruediv__(self, other):
        return 3 * self ** -1


class _RsubMutates(_Value):
    def __rsub__(self, other):
        self.data = other - self.data
        return self

    def __rtruediv__(self, other):
        return other * self ** -1


class _WrongSign(_Value):
    def __rsub__(self, other):
        return -(other + self)

    def __rtruediv__(self, other):
        return other * self ** -1


# exercise 2

def _sigmoid_mutates(n):
    n.data = -n.data
    return 1 / (1 + n.exp())


def _sigmoid_no_return(n):
    1 / (1 + (-n).exp())


def _sigmoid_leaf(n):
    return type(n)(1 / (1 + math.exp(-n.data)))


def _sigmoid_swapped(n):
    e = (-n).exp()
    return e / (1 + e)


def _sigmoid_shortcut(n):
    return n.sigmoid()


def _sigmoid_from_tanh(n):
    return (1 + (n * 0.5).tanh()) * 0.5


# exercise 3

def _log_class(local, set_grad=False, store=True, mutate=False, forward=math.log):
    class Log(_Value):
        def log(self):
            x = self.data
            if mutate:
                self.data = forward(x)
            out = Log(forward(x), (self,), 'log')

            def _backward():
                if set_grad:
                    self.grad = local(x, out.grad)
                else:
                    self.grad += local(x, out.grad)
            if store:
                out._backward = _backward
            return out
    return Log


class _LogFromPackage(_Value):
    """log that asks the package's Value for the number and the slope."""

    def log(self):
        theirs = PACKAGE(self.data)
        result = theirs.log()
        result.backward()
        out = _LogFromPackage(result.data, (self,), 'log')

        def _backward():
            self.grad += theirs.grad * out.grad
        out._backward = _backward
        return out


class _LogNoReturn(_Value):
    def log(self):
        out = _LogNoReturn(math.log(self.data), (self,), 'log')

        def _backward():
            self.grad += out.grad / self.data
        out._backward = _backward


_H = 1e-6  # the nudge of the wrong answers that estimate the slope

plain_numbers = Exercise(
    "plain numbers on either side of + and *",
    _judge_plain_numbers,
    ("Try a + 1 with your class and read the error: which line of __add__ trips over the "
     "number 1? Then think about what Python asks a when you write 1 + a.",
     "In __add__ and __mul__, turn other into a Value unless it already is one "
     "(isinstance tells). The reflected methods get the number as other; for + and * the "
     "order does not matter, so each can use the operation you already have with self and "
     "other."),
    wrong_examples=[(_RaddAsked,), (_RmulLeaf,), (_NoWrap,), (_RaddForgets,), (_RaddMutates,),
                    (_RmulNoReturn,), (_AddSets,), (_WrapsOnlyInts,), (PACKAGE,),
                    (_PackageSubclass,), (_inherits(),), (_calls_super("__radd__"),)],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
    forbidden=(PACKAGE, REFERENCE.__add__, REFERENCE.__mul__, REFERENCE.__radd__,
               REFERENCE.__rmul__),
)

exp = Exercise(
    "exp with its _backward",
    _judge_exp,
    ("Look at tanh in our class: it makes out from self alone, then a closure that adds to "
     "self.grad. What is the local derivative of e^x, and has the forward pass already "
     "computed it?",
     "The derivative of e^x is e^x, the number out holds. In the closure, self.grad grows "
     "by that local derivative times out.grad; store the closure on out, then return out."),
    wrong_examples=[
        (_exp_class(lambda x, out: x),),
        (_exp_class(lambda x, out: out.data, set_grad=True),),
        (_exp_class(lambda x, out: out.data, children=False),),
        (_exp_class(lambda x, out: out.data, store=False),),
        (_exp_class(lambda x, out: out.data, mutate=True),),
        (_exp_class(lambda x, out: (math.exp(x + _H) - math.exp(x)) / _H),),
        (_exp_class(lambda x, out: out),),
        (PACKAGE,), (_PackageSubclass,), (_inherits(),), (_calls_super("exp"),),
    ],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
    forbidden=(PACKAGE, REFERENCE.exp),
)

power = Exercise(
    "** with its _backward",
    _judge_power,
    ("k is a plain number, not a Value: is it a child of the new node? And which rule gives "
     "the slope of x^k, for any k, not only 2?",
     "The output holds self.data to the power k, is made from (self,) alone and is labelled "
     "'**' followed by k. Its local derivative is k times x to the power k − 1; the closure "
     "multiplies it by out.grad and adds it to self.grad."),
    wrong_examples=[
        (_pow_class(lambda x, k: k * x ** k),),
        (_pow_class(lambda x, k: x ** (k - 1)),),
        (_pow_class(lambda x, k: k * x ** (k - 1), label="pow"),),
        (_pow_class(lambda x, k: 2 * x),),
        (_pow_class(lambda x, k: k * x ** (k - 1), store=False),),
        (_pow_class(lambda x, k: k * x ** (k - 1), mutate=True),),
        (_pow_class(lambda x, k: k * x ** (k - 1), k_child=True),),
        (_pow_class(lambda x, k: ((x + _H) ** k - x ** k) / _H),),
        (_PowSets,),
        (PACKAGE,), (_inherits(),), (_calls_super("__pow__"),),
    ],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
    forbidden=(PACKAGE, REFERENCE.__pow__),
)

div_and_sub = Exercise(
    "/, unary - and - from * and **",
    _judge_div_sub,
    ("Read the three formulas above the cell: which operations you already have appear on "
     "their right-hand sides? None of the three needs a _backward of its own.",
     "Division is self times other to the power −1; negation is self times the number −1; "
     "subtraction is self plus the negative of other, made by your own __neg__. Each method "
     "is one return."),
    wrong_examples=[(_DivSwapped,), (_NegLeaf,), (_SubAdds,), (_NegMutates,), (_SubNoReturn,),
                    (_DivLeaf,), (PACKAGE,), (_inherits(),), (_calls_super("__sub__"),)],
    answers=CODE,
    reference=REFERENCE,
    reference_name=REFERENCE_NAME,
    forbidden=(PACKAGE, REFERENCE.__truediv__, REFERENCE.__neg__, REFERENCE.__sub__),
)


q1 = Exercise(
    "1 - a and 3 / a",
    _judge_left,
    ("In 1 - a, Python hands the number to a.__rsub__ as other, and the answer is other minus "
     "self, not self minus other. Which operations you already have make a negative, or a "
     "reciprocal?",
     "1 − a is 1 + (−a), and 3 / a is 3 · a⁻¹: write each with your operators, using other "
     "and self, so that every piece is a node with its _backward. Writing other - self "
     "inside __rsub__ would ask Python the same question again."),
    wrong_examples=[(_Swapped,), (_NoRtruediv,), (_PlainNumbers,), (_AsksAgain,),
                    (_IgnoresOther,), (_RsubMutates,), (_WrongSign,), (PACKAGE,),
                    (_PackageSubclass,), (REFERENCE,), (_inherits(),),
                    (_calls_super("__rsub__"),)],
    answers=CODE,
    forbidden=(PACKAGE, REFERENCE.__rsub__, REFERENCE.__rtruediv__),
)

q2 = Exercise(
    "sigmoid built from exp",
    _judge_sigmoid_from_exp,
    ("Look at how tanh_from_exp turns its formula into operations on n. Which piece of "
     "1 / (1 + e^(−n)) is an exp, and of what?",
     "e to the power −n is the exp of the negative of n; add 1 to it and divide 1 by the "
     "sum. Every piece is an operation with its _backward, so backward() works by itself; "
     "do not change n."),
    wrong_examples=[
        (lambda n: 1 / (1 + n.exp()),),
        (lambda n: 1 / (1 + math.exp(-n.data)),),
        (lambda n: (1 + (-n).exp()) ** -2,),
        (_sigmoid_mutates,), (_sigmoid_no_return,), (_sigmoid_leaf,), (_sigmoid_swapped,),
        (_sigmoid_shortcut,), (_sigmoid_from_tanh,),
    ],
    answers=CODE,
    forbidden=(PACKAGE.sigmoid,),
)

q3 = Exercise(
    "log with its _backward",
    _judge_log,
    ("First find the local derivative: print central_difference(math.log, x) for x = 0.5, 1, "
     "2 and 4, and look for a simple function of x that gives those numbers. Then write log "
     "the way exp is written.",
     "The slope of ln x is 1/x. The node holds the natural logarithm of self.data, is made "
     "from (self,) and labelled 'log'; its closure adds 1/x times out.grad to self.grad, and "
     "is stored on out."),
    wrong_examples=[
        (_log_class(lambda x, g: x * g),),
        (_log_class(lambda x, g: g / x, set_grad=True),),
        (_log_class(lambda x, g: 1 / x),),
        (_log_class(lambda x, g: g / x, store=False),),
        (_log_class(lambda x, g: g / x, mutate=True),),
        (_log_class(lambda x, g: (math.log(x + _H) - math.log(x)) / _H * g),),
        (_log_class(lambda x, g: g / x, forward=math.log10),),
        (_LogFromPackage,), (_LogNoReturn,), (PACKAGE,), (_PackageSubclass,), (REFERENCE,),
    ],
    answers=CODE,
    forbidden=(PACKAGE,),
)

q4 = Exercise(
    "the nodes of tanh from exp, squared",
    _judge_count,
    ("Only the start of the composite changes. List the nodes (2 * n).exp() made, then the "
     "nodes n.exp() ** 2 makes: is the exponent 2 a node?",
     "(2 * n).exp() made three nodes: the constant 2, a * node and an exp node. n.exp() ** 2 "
     "makes an exp node and a **2 node, since a power takes a plain number. The rest, e - 1, "
     "e + 1 and the division, stays as it was."),
    wrong_examples=[(11,), (9,), (8,), (12,), (2,), (7,)],
    answers=NUMBERS,
)
