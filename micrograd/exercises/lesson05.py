"""Exercises for lesson 05, backward automated: a _backward closure, +=, the order, zero_grad.

Code is judged by running it: gradients against central differences
(``micrograd.central_difference``) or against the package's ``backward()``, an order against
the rule "every child before the nodes made from it". The buggy classes at the end of the
module are the wrong answers the tests feed in.
"""

import math

import micrograd
from micrograd.engine import topological_order
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import judge_operation

# Exercise 1: sigmoid with its _backward

SIGMOID_TESTS = [  # (what, f, inputs, names)
    ("sigmoid(a)", lambda a: a.sigmoid(), [0.5], "a"),
    ("sigmoid(a*b) * c", lambda a, b, c: (a * b).sigmoid() * c, [0.5, -1.5, 3.0], "abc"),
    ("sigmoid(a) * a, where a is used twice", lambda a: a.sigmoid() * a, [0.8], "a"),
]


def _judge_sigmoid(V):
    return judge_operation(V, "sigmoid", lambda x: micrograd.Value(x).sigmoid().data,
                           (0.0, 2.0, -1.5), SIGMOID_TESTS, "s = 1 / (1 + math.exp(-x))",
                           "the local derivative is s * (1 - s)")


# Exercise 2: what = does with a value used twice

def _judge_square(got, should):
    bug = _SetMul(3.0)
    c = bug * bug
    c.backward()
    right = micrograd.Value(3.0)
    (right * right).backward()
    if close(got, bug.grad) and close(should, right.grad):
        return None
    if not close(should, right.grad):
        return (f"c = a·a = a², so dc/da = 2a; at a = 3 that is {right.grad:g}, not {should}.")
    if close(got, right.grad):
        return ("with =, backward() does not get it right: the * node hands a its share as "
                "self, then again as other, and the second = replaces the first.")
    return (f"each hand-over is 'the other factor × out.grad' = 3 × 1; with = the second "
            f"replaces the first. Your {got} is not what is left.")


# Exercise 3: the topological order

def _check_order(order, root):
    nodes = topological_order(root)
    if not isinstance(order, list):
        return f"return a list of nodes; yours returned {type(order).__name__}"
    if len(order) != len(set(map(id, order))):
        return "a node appears more than once: keep a set of visited nodes"
    if set(map(id, order)) != set(map(id, nodes)):
        return (f"the graph has {len(nodes)} nodes, your list has {len(order)}: every node "
                "reachable from the root, the root included, must be in it")
    position = {id(node): i for i, node in enumerate(order)}
    for node in order:
        for child in node._prev:
            if position[id(child)] > position[id(node)]:
                return "a node comes before one of its children: append a node after them"
    return None


def _graphs():
    V = micrograd.Value
    a, b = V(-2.0), V(3.0)
    neuron = (V(2.0) * V(-3.0) + V(0.0) * V(1.0) + V(6.88)).tanh()
    yield "lesson 04's neuron", neuron
    yield "b = a + a (a is used twice)", a + a
    yield "f = (a*b)*(a+b)", (a * b) * (a + b)
    chain = V(0.0)
    for _ in range(5000):
        chain = chain + V(1.0)
    yield "a chain of 5,000 additions", chain


def _judge_topo(topo_order):
    for what, root in _graphs():
        try:
            problem = _check_order(topo_order(root), root)
        except RecursionError:
            return (f"on {what}, your function went deeper than Python's recursion limit: "
                    "keep the nodes still to do in a list of your own, a stack")
        if problem:
            return f"on {what}, {problem}."
    return None


# Exercise 4: zero_grad, so that backward() can run twice

def _judge_zero_grad(zero_grad):
    a, b = _Value(-2.0), _Value(3.0)
    d, e = a * b, a + b
    f = d * e
    f.backward()
    zero_grad(f)
    f.backward()
    pa, pb = micrograd.Value(-2.0), micrograd.Value(3.0)
    pd, pe = pa * pb, pa + pb
    (pd * pe).backward()
    for name, ours, theirs in [("d", d, pd), ("e", e, pe), ("a", a, pa), ("b", b, pb)]:
        if not close(ours.grad, theirs.grad):
            inner = " It is an inner node: reset those too, not only the leaves." \
                if name in "de" else ""
            return (f"after backward(), zero_grad(f) and backward() again on f = (a*b)*(a+b), "
                    f"{name}.grad is {ours.grad:g}, but one pass gives {theirs.grad:g}.{inner}")
    return None


# Lesson 05's final class, for the checks, and buggy variants as wrong answers

class _Value:
    """Lesson 05's Value: +, * with +=, and the iterative backward()."""

    def __init__(self, data, _children=(), _op='', label=''):
        self.data, self.grad = data, 0.0
        self._backward = lambda: None
        self._prev, self._op, self.label = tuple(_children), _op, label

    def __add__(self, other):
        out = type(self)(self.data + other.data, (self, other), '+')

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        out = type(self)(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def backward(self):
        self.grad = 1.0
        for node in reversed(topological_order(self)):
            node._backward()


class _SetMul(_Value):
    """The lecture's first __mul__: it sets the gradients with =."""

    def __mul__(self, other):
        out = _SetMul(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad = other.data * out.grad
            other.grad = self.data * out.grad
        out._backward = _backward
        return out


def _sigmoid_class(local, set_grad=False):
    class Sigmoid(_Value):
        def sigmoid(self):
            s = 1 / (1 + math.exp(-self.data))
            out = Sigmoid(s, (self,), 'sigmoid')

            def _backward():
                if set_grad:
                    self.grad = local(s, out.grad)
                else:
                    self.grad += local(s, out.grad)
            out._backward = _backward
            return out
    return Sigmoid


def _recursive(root):
    order, visited = [], set()

    def visit(v):
        if v not in visited:
            visited.add(v)
            for child in v._prev:
                visit(child)
            order.append(v)
    visit(root)
    return order


def _no_visited(root):
    order = []
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev)
    return order


def _parents_first(root):
    order, seen, stack = [], set(), [root]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            order.append(node)
            stack.extend(node._prev)
    return order


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

q2 = Exercise(
    "what = does to a · a",
    _judge_square,
    "The * node's _backward runs two lines: self.grad = other.data * out.grad, then "
    "other.grad = self.data * out.grad. Here self and other are both a. What is left in "
    "a.grad after the second line?",
    wrong_examples=[(6.0, 6.0), (3.0, 3.0), (9.0, 6.0)],
    answers=NUMBERS,
)

q3 = Exercise(
    "the topological order",
    _judge_topo,
    "Use a stack of (node, children_done) pairs. Pop one: if its children are done, append "
    "it to the order; otherwise, if it is not visited yet, mark it, push it back with True, "
    "then push each child with False.",
    wrong_examples=[(_recursive,), (_no_visited,), (_parents_first,)],
    answers=CODE,
)


def _leaves_only(root):
    for node in topological_order(root):
        if not node._prev:
            node.grad = 0.0


def _root_only(root):
    root.grad = 0.0


q4 = Exercise(
    "zero_grad",
    _judge_zero_grad,
    "Walk every node of the graph (a topological order, or your own stack with a visited "
    "set) and set node.grad = 0.0 for each, the inner nodes as well as the leaves.",
    wrong_examples=[(_root_only,), (_leaves_only,), (lambda root: None,)],
    answers=CODE,
)
