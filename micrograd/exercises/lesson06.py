"""Exercises for lesson 06, backward for the whole graph: build_topo, backward(), what = does,
the order without recursion, zero_grad.

Code is judged by running it: an order against the reference ``micrograd.teaching.build_topo``
(the lecture's order) or against the rule "every child before the nodes made from it",
gradients against the package's ``backward()``. The buggy classes and functions in the module
are the wrong answers the tests feed in.
"""


import micrograd
from micrograd import teaching
from micrograd.engine import topological_order
from micrograd.exercises import lesson05
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close


class _Value(lesson05._Value):
    """Lesson 06's class: lesson 05's +, * and tanh with += closures, and backward(). Each
    operation makes a value of the class it is called on, so subclasses can change one
    method."""

    def backward(self):
        self.grad = 1.0
        for node in reversed(topological_order(self)):
            node._backward()


def _neuron(V):
    x1, x2, w1, w2, b = V(2.0), V(0.0), V(-3.0), V(1.0), V(6.8813735870195432)
    return (x1 * w1 + x2 * w2 + b).tanh()


def _graphs(V, chain_length=50):
    """(what, root) pairs: graphs every order and backward() is tried on."""
    yield "lesson 04's neuron", _neuron(V)
    a = V(3.0)
    yield "b = a + a (a is used twice)", a + a
    a, b = V(-2.0), V(3.0)
    yield "f = (a*b)*(a+b)", (a * b) * (a + b)
    chain = V(0.0)
    for _ in range(chain_length):
        chain = chain + V(1.0)
    yield f"a chain of {chain_length} additions", chain
    yield "a single leaf", V(5.0)


# Your turn: build_topo, the lecture's topological order

def _check_valid(order, root):
    """None if order lists every node of root's graph once, each after its children."""
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


def _judge_build_topo(build_topo):
    for what, root in _graphs(teaching.Value):
        order = build_topo(root)
        problem = _check_valid(order, root)
        if problem:
            return f"on {what}, {problem}."
        if [id(n) for n in order] != [id(n) for n in teaching.build_topo(root)]:
            return (f"on {what}, your order is a topological order, but not the lecture's: "
                    "visit a node's children in the order of _prev, first to last, and append "
                    "the node when all of them are done")
    return None


def _topo_no_visited(root):
    topo = []

    def visit(v):
        for child in v._prev:
            visit(child)
        topo.append(v)
    visit(root)
    return topo


def _topo_parents_first(root):
    topo, visited = [], set()

    def visit(v):
        if v not in visited:
            visited.add(v)
            topo.append(v)
            for child in v._prev:
                visit(child)
    visit(root)
    return topo


def _topo_children_reversed(root):
    topo, visited = [], set()

    def visit(v):
        if v not in visited:
            visited.add(v)
            for child in reversed(v._prev):
                visit(child)
            topo.append(v)
    visit(root)
    return topo


def _topo_no_return(root):
    _topo_children_reversed(root)


build_topo = Exercise(
    "build_topo",
    _judge_build_topo,
    "Inside build_topo(root), keep a list topo and a set visited, and a helper visit(v): if v "
    "is not visited yet, mark it, call visit on each child in v._prev, and only then append v. "
    "Call visit(root) and return topo.",
    wrong_examples=[(_topo_no_visited,), (_topo_parents_first,), (_topo_children_reversed,),
                    (_topo_no_return,)],
    answers=CODE,
    reference=teaching.build_topo,
    reference_name="micrograd.teaching.build_topo",
)


# Your turn: backward(), a method of the class

def _judge_backward(V):
    for what, root in _graphs(V):
        theirs = dict(_graphs(micrograd.Value))[what]
        root.backward()
        theirs.backward()
        ours, right = topological_order(root), topological_order(theirs)
        if not close(root.grad, 1.0):
            return (f"on {what}, backward() left the output's own grad at {root.grad:g}: start "
                    f"with the base case, self.grad = 1.0")
        if all(node.grad == 0 for node in ours[:-1]) and any(n.grad for n in right[:-1]):
            return (f"on {what}, no gradient reached the nodes below the output: call "
                    f"_backward() on every node of build_topo(self)")
        for node, expected in zip(ours, right):
            if not close(node.grad, expected.grad):
                return (f"on {what}, a node's grad is {node.grad:g} where the package's "
                        f"backward() gives {expected.grad:g}: call _backward() on the nodes of "
                        f"build_topo(self) in reversed order, from self back to the leaves")
    return None


class _NoBaseCase(_Value):
    def backward(self):
        for node in reversed(topological_order(self)):
            node._backward()


class _NotReversed(_Value):
    def backward(self):
        self.grad = 1.0
        for node in topological_order(self):
            node._backward()


class _OnlyTheOutput(_Value):
    def backward(self):
        self.grad = 1.0
        self._backward()


backward = Exercise(
    "backward()",
    _judge_backward,
    "Three steps: topo = build_topo(self); the base case, self.grad = 1.0; then "
    "node._backward() for every node in reversed(topo), so that each node passes its gradient "
    "on only after every node that uses it has passed theirs.",
    wrong_examples=[(_NoBaseCase,), (_NotReversed,), (_OnlyTheOutput,)],
    answers=CODE,
    reference=teaching.Value,
    reference_name="micrograd.teaching.Value",
)


# Exercise 1: what = does with a value used twice

class _SetMul(_Value):
    """The lecture's first __mul__: it sets the gradients with =."""

    def __mul__(self, other):
        out = _SetMul(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad = other.data * out.grad
            other.grad = self.data * out.grad
        out._backward = _backward
        return out


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


q1 = Exercise(
    "what = does to a · a",
    _judge_square,
    "The * node's _backward runs two lines: self.grad = other.data * out.grad, then "
    "other.grad = self.data * out.grad. Here self and other are both a. What is left in "
    "a.grad after the second line?",
    wrong_examples=[(6.0, 6.0), (3.0, 3.0), (9.0, 6.0)],
    answers=NUMBERS,
)


# Exercise 2: the topological order without recursion

def _judge_topo(topo_order):
    for what, root in _graphs(micrograd.Value, chain_length=5000):
        try:
            problem = _check_valid(topo_order(root), root)
        except RecursionError:
            return (f"on {what}, your function went deeper than Python's recursion limit: "
                    "keep the nodes still to do in a list of your own, a stack")
        if problem:
            return f"on {what}, {problem}."
    return None


def _iterative_no_visited(root):
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


def _iterative_parents_first(root):
    order, seen, stack = [], set(), [root]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            order.append(node)
            stack.extend(node._prev)
    return order


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


q2 = Exercise(
    "the topological order without recursion",
    _judge_topo,
    "Use a stack of (node, children_done) pairs. Pop one: if its children are done, append "
    "it to the order; otherwise, if it is not visited yet, mark it, push it back with True, "
    "then push each child with False.",
    wrong_examples=[(_recursive,), (_iterative_no_visited,), (_iterative_parents_first,)],
    answers=CODE,
)


# Exercise 3: zero_grad, so that backward() can run twice

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


def _leaves_only(root):
    for node in topological_order(root):
        if not node._prev:
            node.grad = 0.0


def _root_only(root):
    root.grad = 0.0


q3 = Exercise(
    "zero_grad",
    _judge_zero_grad,
    "Walk every node of the graph (build_topo gives them all) and set node.grad = 0.0 for "
    "each, the inner nodes as well as the leaves.",
    wrong_examples=[(_root_only,), (_leaves_only,), (lambda root: None,)],
    answers=CODE,
)
