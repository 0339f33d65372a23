"""Exercises for lesson 02, the Value object.

In the body of the lesson ("your turn"): ``__add__`` and ``__mul__`` of the student's Value.
At the end: a subtraction built from our + and * alone, a graph in which one value is used
twice, and what ``_prev`` keeps of a value used twice.

Each judge builds the values itself and looks at what the student's code made of them: the
numbers, the children and the operation of every node, that the inputs were left as they
were, and that the result is made of our Value, not of the package's ``micrograd.Value``.
"""

import micrograd
import micrograd.teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text, mutated

_PACKAGE_VALUE = micrograd.Value  # micrograd.engine.Value
_REFERENCE = micrograd.teaching.Value

_LESSON_CLASS = '''
class Value:
    def __init__(self, data, _children=(), _op='', label=''):
        self.data = data
        self.grad = 0.0
        self._prev = tuple(_children)
        self._op = _op
        self.label = label

    def __repr__(self):
        return f"Value(data={{self.data}})"

    def __add__(self, other):
        {add}

    def __mul__(self, other):
        {mul}
'''

_ADD = "return Value(self.data + other.data, (self, other), '+')"
_MUL = "return Value(self.data * other.data, (self, other), '*')"


def _in_the_lesson(source, name, **names):
    """What ``name`` is after running ``source`` as a cell of the lesson would, with the
    lesson's Value (or the names given) around it: for the wrong examples below."""
    namespace = {"__name__": "__main__", "micrograd": micrograd, **names}
    exec(source, namespace)
    return namespace[name]


def _lesson_class(add=_ADD, mul=_MUL):
    """The lesson's Value, with the body of __add__ and of __mul__ given."""
    return _in_the_lesson(_LESSON_CLASS.format(add=add, mul=mul), "Value")


_Value = _lesson_class()  # the lesson's own Value


def _is_value(x):
    return all(hasattr(x, field) for field in ("data", "_prev", "_op"))


def _children(x):
    """The children of x as a tuple, or None when its _prev is not a collection."""
    try:
        return tuple(x._prev)
    except TypeError:
        return None


def _class_name(x):
    return f"{type(x).__module__}.{type(x).__qualname__}"


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
    if out is None:
        return f"{shown} gave back None: is a `return` missing in {method}?"
    if not _is_value(out):
        return (f"{shown} returned {type(out).__name__} {out!r}, a bare number that remembers "
                f"nothing: {method} should return a new Value that remembers how it was made.")
    problem = mutated([left, right], [x, x if same else y])
    if problem:
        return f"for {shown}, {problem}"
    if out is left or out is right:
        return (f"{shown} gave back one of its inputs: an operation makes a new Value and "
                "leaves self and other as they were.")
    if isinstance(out, _PACKAGE_VALUE):
        return (f"{shown} returned the package's micrograd.Value: make the new value with "
                "our Value, the class you are writing.")
    if not isinstance(out, Value):
        return (f"{shown} returned a {_class_name(out)}, not a Value of your class: make the "
                "new value with the class you are writing.")
    if not close(out.data, expected):
        other_op = '*' if op == '+' else '+'
        if close(out.data, _OPS[other_op][1](x, x if same else y)):
            return (f"{shown} gives {as_text(out.data)}, which is {other_op}, not {op}: look "
                    f"at the number {method} computes from self.data and other.data.")
        return (f"{shown} should be {expected:g} but yours is {as_text(out.data)}: compute it "
                "from the numbers inside self and other.")
    children = _children(out)
    if children is None:
        return f"{shown}: the result's _prev should be a tuple of Values, not {out._prev!r}."
    if not same and children == (right, left):
        return (f"{shown}: the number is right, but the children are in the wrong order. The "
                "first child is self (a), the second is other (b).")
    if children != (left, right):
        kept = "a twice, as both of its operands" if same else "a and b, in that order"
        return (f"{shown}: the number is right, but the result should remember {kept}, as "
                f"the tuple _prev.")
    if out._op != op:
        return (f"{shown}: the number and the children are right, but the op is {out._op!r}. "
                f"Which operation made this value?")
    if getattr(out, "grad", None) != 0:
        return f"{shown}: a new value starts with grad 0, but this one has {out.grad!r}."
    return None


def _judge_add_and_mul(Value):
    if isinstance(Value, type) and issubclass(Value, _REFERENCE) and Value is not _REFERENCE:
        return ("your class is built on micrograd.teaching.Value, the lesson's reference, "
                "which already has + and *: write them in a class of your own.")
    for op in ('+', '*'):
        for x, y, same in ((2.0, -3.0, False), (0.5, 4.0, False), (3.0, None, True),
                           (-1.5, -2.0, False)):
            problem = _judge_one_op(Value, op, x, y, same)
            if problem:
                return problem
    a, b, c = Value(2.0), Value(-3.0), Value(10.0)
    product = a * b
    d = product + c
    if not (_is_value(d) and close(d.data, 4.0) and _children(d) == (product, c)
            and _children(product) == (a, b)):
        return ("each op works alone, but a * b + c does not build the graph: the result of "
                "a * b must be a Value that + can use in turn.")
    shared = a * b
    twice = shared + shared  # a sub-graph used twice
    if not (_is_value(twice) and close(twice.data, -12.0)
            and _children(twice) == (shared, shared)):
        return ("a * b + c works, but p + p with p = a * b does not give -12 made from p "
                "twice: a value made by an op must work as an input like any other.")
    if repr(Value(2.0)) != "Value(data=2.0)":
        return (f"+ and * are right, but Value(2.0) shows itself as {repr(Value(2.0))}: "
                "keep the __repr__ of step 2.")
    return None


_AddGivesNumber = _lesson_class(add="return self.data + other.data")
_MulCopiedFromAdd = _lesson_class(mul="return Value(self.data * other.data, (self, other), '+')")
_ChildrenSwapped = _lesson_class(add="return Value(self.data + other.data, (other, self), '+')",
                                 mul="return Value(self.data * other.data, (other, self), '*')")
_MulAddsTheNumbers = _lesson_class(mul="return Value(self.data + other.data, (self, other), "
                                       "'*')")
_AddChangesSelf = _lesson_class(add="self.data = self.data + other.data\n"
                                    "        return Value(self.data, (self, other), '+')")
_MakesThePackagesValue = _lesson_class(
    add="return micrograd.Value(self.data) + micrograd.Value(other.data)",
    mul="return micrograd.Value(self.data) * micrograd.Value(other.data)")
_MakesTheReference = _lesson_class(
    add="return micrograd.teaching.Value(self.data + other.data, (self, other), '+')",
    mul="return micrograd.teaching.Value(self.data * other.data, (self, other), '*')")
_OnTheReference = _in_the_lesson("class Value(micrograd.teaching.Value):\n    pass\n", "Value")
_SetOfChildren = _lesson_class(add="return Value(self.data + other.data, {self, other}, '+')",
                               mul="return Value(self.data * other.data, {self, other}, '*')")


add_and_mul = Exercise(
    "__add__ and __mul__ of our Value",
    _judge_add_and_mul,
    ("Look at the three things each method does, listed above the cell: the number, a new "
     "Value holding it, and what it remembers. Which arguments does __init__ take, and in "
     "which order?",
     "__init__ takes the number first, then the children as the tuple (self, other), then "
     "the op as a string. __add__ combines self.data and other.data with +, __mul__ with *, "
     "and each returns the new Value."),
    wrong_examples=[(_AddGivesNumber,), (_MulCopiedFromAdd,), (_ChildrenSwapped,),
                    (_MulAddsTheNumbers,), (_AddChangesSelf,), (_MakesThePackagesValue,),
                    (_MakesTheReference,), (_OnTheReference,), (_SetOfChildren,)],
    answers=CODE,
    reference=_REFERENCE,
    reference_name="micrograd.teaching.Value",
    forbidden=(_PACKAGE_VALUE,),
)


# ----- 1 · subtraction from + and * ----------------------------------------------------------

def _lesson_value_class(value_sub):
    """The Value the lesson goes on with, where the student's value_sub was written (theirs,
    or micrograd.teaching.Value), so that value_sub can use its + and *; else the lesson's."""
    found = getattr(value_sub, "__globals__", {}).get("Value")
    if isinstance(found, type):
        try:
            if _is_value(found(1.0)):
                return found
        except Exception:
            pass
    return _Value


def _nodes(out, stop):
    """Every value in the graph behind ``out``, not looking behind the values in ``stop``."""
    seen, order, todo = set(), [], [out]
    while todo and len(order) < 1000:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        if not any(node is s for s in stop) and _is_value(node):
            try:
                todo.extend(tuple(node._prev))
            except TypeError:
                pass
    return order


def _judge_one_sub(value_sub, V, x, y, same):
    c = V(x, label="c")
    a = c if same else V(y, label="a")
    y = x if same else y
    shown = "c - c with c = {x:g}" if same else f"c - a with c = {x:g} and a = {y:g}"
    shown = shown.format(x=x)
    out = value_sub(c, a)
    if out is None:
        return f"value_sub gave back None for {shown}: is a `return` missing?"
    if not _is_value(out):
        return (f"for {shown}, value_sub returned {type(out).__name__} {as_text(out)}, a bare "
                "number that remembers nothing: build the result with our Value's + and *.")
    problem = mutated([c, a], [x, y])
    if problem:
        return f"for {shown}, {problem}"
    if isinstance(out, _PACKAGE_VALUE):
        return (f"for {shown}, value_sub returned the package's micrograd.Value: build the "
                "result with our Value.")
    if not close(out.data, x - y):
        if close(out.data, x + y):
            return (f"for {shown} yours gives {as_text(out.data)}, which is c + a: before "
                    "it is added, what has to happen to a?")
        if close(out.data, y - x):
            return (f"for {shown} yours gives {as_text(out.data)}, which is a - c: which of "
                    "the two should have its sign turned around?")
        return (f"for {shown} the result should be {x - y:g}, but yours is "
                f"{as_text(out.data)}.")
    nodes = _nodes(out, stop=(c, a))
    if not (any(n is c for n in nodes) and any(n is a for n in nodes)):
        return (f"for {shown} the number is right, but the result does not remember c and a: "
                "build it from self and other themselves, not from new Values holding their "
                "numbers.")
    for node in nodes:
        if any(node is s for s in (c, a)) or not _is_value(node) or not tuple(node._prev):
            continue
        children = tuple(node._prev)
        if node._op not in ('+', '*'):
            return (f"for {shown} the result is made with the op {node._op!r}: the exercise "
                    "asks for our + and * only, with no new operation.")
        datas = [getattr(child, "data", None) for child in children]
        if not all(isinstance(d, (int, float)) for d in datas):
            continue
        made = sum(datas) if node._op == '+' else _product(datas)
        if not close(node.data, made):
            joined = " and ".join(f"{d:g}" for d in datas)
            return (f"for {shown} a node made by '{node._op}' holds {as_text(node.data)}, "
                    f"but its children hold {joined}: each node must hold what its "
                    "operation makes of its children.")
    return None


def _product(numbers):
    result = 1.0
    for n in numbers:
        result *= n
    return result


def _judge_sub(value_sub):
    V = _lesson_value_class(value_sub)
    for x, y, same in ((10.0, 2.0, False), (2.0, 10.0, False), (3.0, None, True),
                       (-1.5, 0.5, False)):
        problem = _judge_one_sub(value_sub, V, x, y, same)
        if problem:
            return problem
    return None


def _sub(body, value_class=_Value):
    """A value_sub written in the lesson, with ``body`` as its code."""
    return _in_the_lesson(f"def value_sub(self, other):\n    {body}\n", "value_sub",
                          Value=value_class)


q1 = Exercise(
    "subtraction from our + and *",
    _judge_sub,
    ("Subtracting a is the same as adding its opposite. Which number, times a, gives its "
     "opposite? Remember that our Value can only be combined with another Value, not with a "
     "plain number.",
     "Make a Value holding -1, multiply other by it, and add that product to self: two "
     "operations, * and then +, and the result remembers self and other through them."),
    wrong_examples=[
        (_sub("return Value(self.data - other.data, (self, other), '-')"),),
        (_sub("return other + self * Value(-1.0)"),),
        (_sub("return self + other"),),
        (_sub("return self.data - other.data"),),
        (_sub("return Value(self.data - other.data, (self, other), '+')"),),
        (_sub("other.data = -other.data\n    return self + other"),),
        (_sub("return Value(self.data) + Value(other.data) * Value(-1.0)"),),
        (_sub("return micrograd.Value(self.data) - micrograd.Value(other.data)"),),
        (_sub("return self - other", value_class=_REFERENCE),),
        (_sub("return self + -other", value_class=_REFERENCE),),
    ],
    answers=CODE,
    forbidden=(_PACKAGE_VALUE, _REFERENCE.__sub__, _REFERENCE.__rsub__, _REFERENCE.__neg__),
)


# ----- 2 · a graph with a value used twice ---------------------------------------------------

def _twice_graph(Value, shared=True):
    """d = a·b + c·a with a = 2, b = -3, c = 10; one a in both products unless not shared."""
    a, b, c = Value(2.0, label="a"), Value(-3.0, label="b"), Value(10.0, label="c")
    ab = a * b
    ab.label = "a·b"
    ca = c * (a if shared else Value(2.0, label="a"))
    ca.label = "c·a"
    d = ab + ca
    d.label = "d"
    return d


def _first_difference(mine, theirs):
    """The first place, from the leaves up, where the graph behind ``mine`` differs."""
    name = theirs.label
    if not _is_value(mine):
        return (f"{name} is {type(mine).__name__} {mine!r}, not a Value: build it with "
                "Value(...), * and +, so that it remembers how it was made.")
    if isinstance(mine, _PACKAGE_VALUE):
        return (f"{name} is the package's micrograd.Value: build the graph with our Value, "
                "the class of this lesson.")
    try:
        children = tuple(mine._prev)
    except TypeError:
        return f"the _prev of {name} is not a tuple of Values: {mine._prev!r}."
    if len(children) != len(theirs._prev) or mine._op != theirs._op:
        if not theirs._prev:
            return f"{name} should be a leaf, a Value you make yourself with Value(...)."
        if not children:
            return (f"{name} is a leaf that remembers nothing; it should be made by "
                    f"'{theirs._op}' from {' and '.join(t.label for t in theirs._prev)}.")
        return (f"{name} should be made by '{theirs._op}' from "
                f"{' and '.join(t.label for t in theirs._prev)}; yours is made by "
                f"{mine._op!r} from {len(children)} values.")
    flipped = children[::-1]
    if theirs._op in ("+", "*"):  # a * b and b * a are the same graph: compare the closer order
        if (_children_difference(flipped, theirs._prev) is None
                or _likeness(flipped, theirs._prev) > _likeness(children, theirs._prev)):
            children = flipped
    problem = _children_difference(children, theirs._prev)
    if problem:
        return problem
    if not close(mine.data, theirs.data):
        return f"{name} is {as_text(mine.data)}, but it should be {theirs.data:g}."
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


def _judge_twice(d):
    problem = _first_difference(d, _twice_graph(_Value))
    if problem:
        return problem
    a_s = [child for product in d._prev for child in product._prev if close(child.data, 2.0)]
    if len(a_s) == 2 and a_s[0] is not a_s[1]:
        return ("every number is right, but the two products use two different a's, each "
                "made with its own Value(2.0). How many boxes labelled a would draw_dot show? "
                "a is one value, used twice.")
    return None


q2 = Exercise(
    "d = a·b + c·a with one a",
    _judge_twice,
    ("Start with the three leaves, each made once. Then the two products and their sum: "
     "when the second product needs a, which Value does it get?",
     "a is one Value, made once with Value(2.0), and used in both a * b and c * a. Making it "
     "twice gives two boxes holding 2.0 that know nothing of each other. d is then -6 + 20."),
    wrong_examples=[(14.0,), (_Value(14.0),), (_twice_graph(_Value, shared=False),),
                    (_twice_graph(_PACKAGE_VALUE),),
                    (_Value(2.0) * _Value(-3.0) + _Value(10.0),),
                    (_Value(2.0) * _Value(-3.0) * (_Value(10.0) * _Value(2.0)),),
                    (_Value(2.0) * _Value(-3.0) + _Value(10.0) * _Value(-3.0),)],
)


# ----- 3 · a value used twice: what _prev keeps ------------------------------------------------

def _count_a(container):
    """How often a appears among the children of the nodes of g = a * a + a."""
    a = _Value(2.0)
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
            return (f"with a tuple, {with_tuple:g} is too few: a tuple keeps every operand, "
                    "even the same one twice. Write out the _prev of a * a and of the +, and "
                    "count every a.")
        return (f"with a tuple, {with_tuple:g} is too many: look only at the two operations, "
                "a * a and (a * a) + a, and count a among the children of each.")
    if with_set != in_set:
        if with_set >= in_tuple:
            return (f"with a set, {with_set:g} is too many: a set keeps each value only once. "
                    "What is left of (a, a) in a set?")
        return (f"with a set, {with_set:g} is too few: the set of a * a keeps a once, but "
                "what about the children of the +?")
    return None


q3 = Exercise(
    "a value used twice, in a tuple and in a set",
    _judge_count,
    ("Write out the _prev of each of the two operations as our class keeps them: which values "
     "does a * a remember, and which does the + remember? Then think about what a set does "
     "with a value that is in it twice.",
     "a * a remembers a as its first child and as its second; the + remembers the product and "
     "a. A set keeps each value only once, so a set made from (a, a) holds a single a."),
    wrong_examples=[(2, 2), (3, 3), (3, 1), (2, 1), (4, 2), (1, 1), (3, 0)],
    answers=NUMBERS,
)
