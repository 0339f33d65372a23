"""Exercises for lesson 02, the Value object.

In the body of the lesson ("your turn"): ``__add__`` and ``__mul__`` of the student's Value.
At the end: a subtraction that remembers how it was made, the lecture's graph built again, and
what ``_prev`` keeps of a value used twice.

Each judge builds the same thing with the package's ``micrograd.Value`` and compares the
numbers, the children and the operation, returning None when they agree or a sentence saying
what to look at.
"""

import micrograd
import micrograd.teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close


class _Value:
    """The lesson's own Value, for the wrong examples below."""

    def __init__(self, data, _children=(), _op='', label=''):
        self.data = data
        self.grad = 0.0
        self._prev = tuple(_children)
        self._op = _op
        self.label = label

    def __repr__(self):
        return f"Value(data={self.data})"

    def __add__(self, other):
        return _Value(self.data + other.data, (self, other), '+')

    def __mul__(self, other):
        return _Value(self.data * other.data, (self, other), '*')


def _is_value(x):
    return all(hasattr(x, field) for field in ("data", "_prev", "_op"))


# ----- your turn · __add__ and __mul__ ------------------------------------------------------

_OPS = {'+': ("__add__", lambda x, y: x + y), '*': ("__mul__", lambda x, y: x * y)}


def _judge_one_op(Value, op, x, y, same=False):
    """What is wrong with ``x op y`` (or ``x op x`` when ``same``) in the class, or None."""
    method, compute = _OPS[op]
    left = Value(x, label="a")
    right = left if same else Value(y, label="b")
    shown = f"a {op} a with a = {x:g}" if same else f"a {op} b with a = {x:g}, b = {y:g}"
    out = left + right if op == '+' else left * right
    expected = compute(x, x if same else y)
    if not _is_value(out):
        return (f"{shown} returned {type(out).__name__} {out!r}, a bare number that remembers "
                f"nothing: {method} should return a new Value made with (self, other) and "
                f"'{op}'.")
    if not close(out.data, expected):
        other_op = '*' if op == '+' else '+'
        if close(out.data, _OPS[other_op][1](x, x if same else y)):
            return (f"{shown} gives {out.data:g}, which is {other_op}, not {op}: {method} "
                    f"should compute self.data {op} other.data.")
        return (f"{shown} should be {expected:g} but yours is {out.data:g}: compute it from "
                f"self.data and other.data.")
    if not same and tuple(out._prev) == (right, left):
        return (f"{shown}: the number is right, but the children are in the wrong order. The "
                "first child is self (a), the second other (b): (self, other).")
    if tuple(out._prev) != (left, right):
        kept = "both a and a" if same else "a and b"
        return (f"{shown}: the number is right, but the result should remember {kept} as "
                f"_prev, the tuple (self, other).")
    if out._op != op:
        return f"{shown}: the number and the children are right, but the op is {out._op!r}: " \
               f"use '{op}'."
    return None


def _judge_add_and_mul(Value):
    for op in ('+', '*'):
        for x, y, same in ((2.0, -3.0, False), (0.5, 4.0, False), (3.0, None, True)):
            problem = _judge_one_op(Value, op, x, y, same)
            if problem:
                return problem
    a, b, c = Value(2.0), Value(-3.0), Value(10.0)
    d = a * b + c
    if not close(d.data, 4.0) or tuple(d._prev[0]._prev) != (a, b):
        return ("each op works alone, but a * b + c does not build the graph: the result of "
                "a * b must be a Value that + can use in turn.")
    if repr(Value(2.0)) != "Value(data=2.0)":
        return ("+ and * are right, but Value(2.0) shows itself as "
                f"{repr(Value(2.0))}: keep the __repr__ of step 2, "
                "f\"Value(data={self.data})\".")
    return None


class _AddGivesNumber(_Value):
    def __add__(self, other):
        return self.data + other.data


class _MulCopiedFromAdd(_Value):
    def __mul__(self, other):
        return _MulCopiedFromAdd(self.data * other.data, (self, other), '+')


class _ChildrenSwapped(_Value):
    def __mul__(self, other):
        return _ChildrenSwapped(self.data * other.data, (other, self), '*')

    def __add__(self, other):
        return _ChildrenSwapped(self.data + other.data, (other, self), '+')


class _MulAddsTheNumbers(_Value):
    def __mul__(self, other):
        return _MulAddsTheNumbers(self.data + other.data, (self, other), '*')


add_and_mul = Exercise(
    "__add__ and __mul__ of our Value",
    _judge_add_and_mul,
    "Each method is one line: return Value(<the number>, (self, other), <the op>). The number "
    "is self.data + other.data for __add__ and self.data * other.data for __mul__; the op is "
    "'+' or '*'.",
    wrong_examples=[(_AddGivesNumber,), (_MulCopiedFromAdd,), (_ChildrenSwapped,),
                    (_MulAddsTheNumbers,)],
    answers=CODE,
    reference=micrograd.teaching.Value,
    reference_name="micrograd.teaching.Value",
)


# ----- 1 · subtraction ---------------------------------------------------------------------

def _judge_sub(value_sub):
    c, a = _Value(10.0, label="c"), _Value(2.0, label="a")
    out = value_sub(c, a)
    expected = (micrograd.Value(10.0) - micrograd.Value(2.0)).data
    if not _is_value(out):
        return (f"value_sub(c, a) returned {type(out).__name__} {out!r}, a bare number that "
                "remembers nothing: return a new Value made with (self, other) and '-'.")
    if not close(out.data, expected):
        if close(out.data, -expected):
            return (f"with c = 10 and a = 2, c - a should be {expected:g} but yours is "
                    f"{out.data:g}: subtract other from self, self.data - other.data.")
        return f"with c = 10 and a = 2, c - a should be {expected:g} but yours is {out.data:g}."
    if tuple(out._prev) == (a, c):
        return ("the number is right, but the children are in the wrong order: for c - a the "
                "first child is c (self), the second a (other). For - the order matters.")
    if tuple(out._prev) != (c, a):
        return "the number is right, but the result should remember (self, other) as _prev."
    if out._op != '-':
        return f"the number and the children are right, but the op is {out._op!r}: use '-'."
    return None


def _sub_swapped(self, other):
    return _Value(other.data - self.data, (other, self), '-')


def _sub_children_swapped(self, other):
    return _Value(self.data - other.data, (other, self), '-')


def _sub_plain_number(self, other):
    return self.data - other.data


q1 = Exercise(
    "subtraction for our Value",
    _judge_sub,
    "Copy value_add and change two things: the number (self.data - other.data) and the op "
    "('-'). The children stay (self, other), in that order.",
    wrong_examples=[(_sub_swapped,), (_sub_children_swapped,), (_sub_plain_number,)],
    answers=CODE,
)


# ----- 2 · the lecture's graph with a = 3 ----------------------------------------------------

def _lecture_graph(Value, a=3.0):
    a = Value(a, label="a")
    b = Value(-3.0, label="b")
    c = Value(10.0, label="c")
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    f = Value(-2.0, label="f")
    L = d * f
    L.label = "L"
    return L


def _first_difference(mine, theirs):
    """The first place, from the leaves up, where the graph behind ``mine`` differs."""
    name = theirs.label
    if not _is_value(mine):
        return (f"{name} is {type(mine).__name__} {mine!r}, not a Value: build it with "
                "Value(...), * and +, so that it remembers how it was made.")
    if len(mine._prev) != len(theirs._prev) or mine._op != theirs._op:
        if not theirs._prev:
            return f"{name} should be a leaf, a Value you make yourself with Value(...)."
        if not mine._prev:
            return (f"{name} is a leaf that remembers nothing; it should be made by "
                    f"'{theirs._op}' from {' and '.join(t.label for t in theirs._prev)}.")
        return (f"{name} should be made by '{theirs._op}' from "
                f"{' and '.join(t.label for t in theirs._prev)}; yours is made by "
                f"'{mine._op}' from {len(mine._prev)} values.")
    children, flipped = tuple(mine._prev), tuple(mine._prev)[::-1]
    if theirs._op in ("+", "*"):  # d * f and f * d are the same graph: compare in the closer order
        if (_children_difference(flipped, theirs._prev) is None
                or _likeness(flipped, theirs._prev) > _likeness(children, theirs._prev)):
            children = flipped
    problem = _children_difference(children, theirs._prev)
    if problem:
        return problem
    if not close(mine.data, theirs.data):
        return f"{name} is {mine.data:g}, but it should be {theirs.data:g}."
    return None


def _likeness(mine, theirs):
    """How many children agree in their op, and how many in their number."""
    return (sum(getattr(m, "_op", None) == t._op for m, t in zip(mine, theirs)),
            sum(close(getattr(m, "data", None), t.data) for m, t in zip(mine, theirs)))


def _children_difference(mine, theirs):
    for m, t in zip(mine, theirs):
        problem = _first_difference(m, t)
        if problem:
            return problem
    return None


def _judge_graph(L):
    return _first_difference(L, _lecture_graph(micrograd.Value, a=3.0))


q2 = Exercise(
    "the lecture's graph with a = 3",
    _judge_graph,
    "Make the four leaves with Value(...), a = 3.0 and b, c, f as before, then e = a * b, "
    "d = e + c and L = d * f. With a = 3, L = (3 * -3 + 10) * -2 = -2.",
    wrong_examples=[(-2.0,), (_Value(-2.0),), (_lecture_graph(_Value, a=2.0),)],
)


# ----- 3 · a value used twice: what _prev keeps ------------------------------------------------

def _count_a(container):
    """How often a appears among the children of the nodes of g = a * a + a."""
    a = micrograd.Value(2.0)
    product = a * a
    g = product + a
    return sum(child is a for node in (product, g) for child in container(node._prev))


def _judge_count(with_tuple, with_set):
    for answer in (with_tuple, with_set):
        if not float(answer).is_integer():
            return f"each answer should be a whole number, such as 2; got {answer!r}."
    in_tuple, in_set = _count_a(tuple), _count_a(set)
    if with_tuple != in_tuple:
        if with_tuple < in_tuple:
            return (f"with a tuple, {with_tuple} is too few: a * a keeps both of its operands, "
                    "so a is its first child and its second, and a is a child of + too.")
        return (f"with a tuple, {with_tuple} is too many: look only at the two operations, "
                "a * a and (a * a) + a, and count a among the children of each.")
    if with_set != in_set:
        if with_set >= in_tuple:
            return (f"with a set, {with_set} is too many: a set keeps each value once, so "
                    "set((a, a)) is just {a}.")
        return (f"with a set, {with_set} is too few: the set of a * a keeps a once, and "
                "a is still a child of the + as well.")
    return None


q3 = Exercise(
    "a value used twice, in a tuple and in a set",
    _judge_count,
    "Write out each operation's _prev: a * a remembers (a, a), and g = (a * a) + a remembers "
    "(the product, a). Count the a's. Then turn each tuple into a set, which keeps every value "
    "only once, and count again.",
    wrong_examples=[(2, 2), (3, 3), (3, 1)],
    answers=NUMBERS,
)
