"""Exercises for lesson 06, backward for the whole graph: build_topo, backward(), what = does,
the order without recursion, zero_grad.

Code is judged by running it on several graphs, among them values used twice and a shared
sub-graph reached at two depths (where an order that marks nodes visited when it pushes them
goes wrong): an order against the reference ``micrograd.teaching.build_topo`` (the lecture's
order) or against the rule "every child before the nodes made from it", called twice on the
same graph, which it must leave as it was; gradients against the package's ``backward()``.
Where the student writes the order, calling the package's ``topological_order`` or the
lesson's ``build_topo`` is a shortcut. The buggy classes and functions in the module are the
wrong answers the tests feed in.
"""


import micrograd
from micrograd import teaching
from micrograd.engine import topological_order
from micrograd.exercises import lesson05
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text

TOL = 5e-5  # the lesson prints four decimals


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
    a, b, c = V(2.0), V(-3.0), V(4.0)
    e = a * b
    yield "g = e * (e + c) with e = a*b (e is reached at two depths)", e * (e + c)
    a, b, c = V(1.5), V(-0.5), V(2.0)
    e = (a * b).tanh()
    yield "g = ((e + c) * e) + e with e = tanh(a*b)", ((e + c) * e) + e
    chain = V(0.0)
    for _ in range(chain_length):
        chain = chain + V(1.0)
    yield f"a chain of {chain_length} additions", chain
    yield "a single leaf", V(5.0)


def _on(what, problem):
    """"On <graph>, <problem>." without doubling the final mark."""
    return f"on {what}, {problem}" + ("" if problem[-1] in ".?!" else ".")


def _state(root):
    """What a walk must leave as it found it: each node's data, grad and children."""
    return [(id(n), n.data, n.grad, tuple(map(id, n._prev))) for n in topological_order(root)]


# Your turn: build_topo, the lecture's topological order

def _check_valid(order, root):
    """None if order lists every node of root's graph once, each after its children."""
    nodes = topological_order(root)
    if not isinstance(order, list):
        return f"return a list of nodes; yours returned {type(order).__name__} {as_text(order)}"
    ids = set(map(id, nodes))
    if any(id(node) not in ids for node in order):
        return ("your list holds something that is not a node of this graph: is it left over "
                "from an earlier call? (A default argument such as visited=set() keeps what it "
                "holds from one call to the next.)")
    if len(order) != len(set(map(id, order))):
        return "a node appears more than once: how does your code know a node is done?"
    if set(map(id, order)) != ids:
        return (f"the graph has {len(nodes)} nodes, your list has {len(order)}: every node "
                "reachable from the root, the root included, must be in it")
    position = {id(node): i for i, node in enumerate(order)}
    for node in order:
        for child in node._prev:
            if position[id(child)] > position[id(node)]:
                return ("a node comes before one of its children: a node may join the list "
                        "only once all of its children are in it")
    return None


def _walk(topo_order, root):
    """None if topo_order gives a valid order of root's graph, twice the same, and leaves the
    graph as it was; else what is wrong."""
    before = _state(root)
    order = topo_order(root)
    problem = _check_valid(order, root)
    if problem:
        return problem
    if _state(root) != before:
        return ("the graph changed while your function listed it (a node's data, grad or "
                "children): listing the nodes must leave them as they were")
    again = topo_order(root)
    if not isinstance(again, list) or list(map(id, again)) != list(map(id, order)):
        return ("a second call on the same graph gives a different list: does something from "
                "the first call stay behind, such as a mark on the nodes or a default "
                "argument?")
    return None


def _judge_build_topo(build_topo):
    for what, root in _graphs(teaching.Value):
        problem = _walk(build_topo, root)
        if problem:
            return _on(what, problem)
        if [id(n) for n in build_topo(root)] != [id(n) for n in teaching.build_topo(root)]:
            return (f"on {what}, your order is a topological order, but not the lecture's: in "
                    "which order does your visit take a node's children, and when does it "
                    "append the node itself?")
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


def _topo_marks_nodes(root):
    """Marks each node with an attribute instead of keeping a set: a second call finds
    every node marked already."""
    topo = []

    def visit(v):
        if not getattr(v, "visited", False):
            v.visited = True
            for child in v._prev:
                visit(child)
            topo.append(v)
    visit(root)
    return topo


def _topo_from_the_package(root):
    topo, visited = [], set()

    def visit(v):
        if v not in visited:
            visited.add(v)
            topo.extend(n for n in topological_order(v) if n not in topo)
    visit(root)
    return topo


build_topo = Exercise(
    "build_topo",
    _judge_build_topo,
    ("Read the description above the cell once more, step by step: what happens to v "
     "itself, what happens to each of its children, and at which moment v joins the list?",
     "Inside visit(v), for a v not visited yet: add it to visited, call visit on each child "
     "of v, in the order of v._prev, and only after the last of them append v to topo."),
    wrong_examples=[(_topo_no_visited,), (_topo_parents_first,), (_topo_children_reversed,),
                    (_topo_no_return,), (_topo_marks_nodes,), (_topo_from_the_package,),
                    (teaching.build_topo,)],
    answers=CODE,
    reference=teaching.build_topo,
    reference_name="micrograd.teaching.build_topo",
    forbidden=(topological_order, teaching.build_topo),
)


# Your turn: backward(), a method of the class

BORROWED = (teaching.Value.backward, micrograd.Value.backward)


def _judge_backward(V):
    if V is not teaching.Value and getattr(V, "backward", None) in BORROWED:
        return ("your class's backward is the one of the package (or of the lesson's "
                "reference), not yours: write the method in the cell")
    if not callable(getattr(V(1.0), "backward", None)):
        return "your Value has no method backward: did the cell attach your function?"
    for what, root in _graphs(V):
        theirs = dict(_graphs(micrograd.Value))[what]
        ours, right = topological_order(root), topological_order(theirs)
        datas = [node.data for node in ours]
        root.backward()
        theirs.backward()
        if not close(root.grad, 1.0):
            return (f"on {what}, backward() left the output's own grad at "
                    f"{as_text(root.grad)}: what is d(self)/d(self), and when is it set?")
        if [node.data for node in ours] != datas:
            return f"on {what}, backward() changed a node's data: it should fill in grads only"
        if all(node.grad == 0 for node in ours[:-1]) and any(n.grad for n in right[:-1]):
            return (f"on {what}, no gradient reached the nodes below the output: whose "
                    f"_backward() hands the output's gradient down, and did it run after the "
                    f"base case was set?")
        for node, expected in zip(ours, right):
            if not close(node.grad, expected.grad):
                return (f"on {what}, a node's grad is {as_text(node.grad)} where the "
                        f"package's backward() gives {expected.grad:.4f}: is each node's "
                        f"_backward() called once, and only after every node that uses it?")
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


class _SkipsTheOutput(_Value):
    def backward(self):
        self.grad = 1.0
        for node in reversed(topological_order(self)[:-1]):
            node._backward()


class _BaseCaseLast(_Value):
    def backward(self):
        for node in reversed(topological_order(self)):
            node._backward()
        self.grad = 1.0


class _TwiceEach(_Value):
    def backward(self):
        self.grad = 1.0
        for node in reversed(topological_order(self)):
            node._backward()
            node._backward()


def _visited_on_push(root):
    """A stack order that marks a node visited when it is pushed, not when it is done: a node
    pushed early and reached again deeper is listed too soon."""
    order, visited, stack = [], {root}, [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        stack.append((node, True))
        for child in node._prev:
            if child not in visited:
                visited.add(child)
                stack.append((child, False))
    return order


class _PushVisitedOrder(_Value):
    def backward(self):
        self.grad = 1.0
        for node in reversed(_visited_on_push(self)):
            node._backward()


def _first_graph_only():
    seen = []

    class FirstGraph(_Value):
        """Walks the first graph it was called on, whatever self is (as a cell that uses a
        global o instead of self would)."""

        def backward(self):
            seen.append(self)
            root = seen[0]
            root.grad = 1.0
            for node in reversed(topological_order(root)):
                node._backward()
    return FirstGraph


class _CallsTheReference(_Value):

    def backward(self):
        teaching.Value.backward(self)


class _TakesTheReference(_Value):
    backward = teaching.Value.backward


backward = Exercise(
    "backward()",
    _judge_backward,
    ("Look at how we called the closures by hand in lesson 05: what did we set first, and "
     "in which order did the _backward() calls come? backward() does the same, with the "
     "order from build_topo.",
     "Three steps: the order, build_topo(self); the base case, the output's own grad is 1; "
     "then every node's _backward(), walking the order from its end (reversed), so that "
     "each node passes its gradient on after every node that uses it."),
    wrong_examples=[(_NoBaseCase,), (_NotReversed,), (_OnlyTheOutput,), (_SkipsTheOutput,),
                    (_BaseCaseLast,), (_TwiceEach,), (_PushVisitedOrder,),
                    (_first_graph_only(),), (_CallsTheReference,), (_TakesTheReference,)],
    answers=CODE,
    reference=teaching.Value,
    reference_name="micrograd.teaching.Value",
    forbidden=BORROWED,
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
    if close(got, bug.grad, TOL) and close(should, right.grad, TOL):
        return None
    if close(got, right.grad, TOL) and close(should, bug.grad, TOL):
        return ("your two answers look swapped: which is the true derivative, and which is "
                "what is left after the second = ?")
    if not close(should, right.grad, TOL):
        if close(should, 9.0, TOL):
            return ("9 is c itself, a·a at a = 3; the second answer is the derivative dc/da: "
                    "how fast does c change when a is nudged?")
        if close(should, 2.0, TOL):
            return "2 is the derivative of a + a; here c = a·a = a²: what is its derivative?"
        return (f"c = a·a = a²: what is its derivative at a = 3? Your {as_text(should)} is "
                f"not it; nudging a would tell you.")
    if close(got, right.grad, TOL):
        return ("with =, backward() does not get it right: the * node hands a its share as "
                "self, then again as other, and the second = replaces the first.")
    if close(got, 0.0, TOL):
        return ("= does not reset a.grad to 0: each line writes a share into it. What does "
                "the second line write?")
    if close(got, 1.0, TOL):
        return ("1 is what = leaves for a + a; in a · a, each share is the other factor's "
                "data times out.grad.")
    return (f"each line of the closure writes 'the other factor's data × out.grad' into "
            f"a.grad, and with = the second replaces the first. Your {as_text(got)} is not "
            f"what is left.")


q1 = Exercise(
    "what = does to a · a",
    _judge_square,
    ("Run the two lines of the * closure in your head, one after the other, with self and "
     "other both being a, and out.grad = 1. What does each line write into a.grad?",
     "The first line writes other.data × out.grad into a.grad; the second writes "
     "self.data × out.grad over it, replacing it. And the true derivative of c = a² is 2a."),
    wrong_examples=[(6.0, 6.0), (3.0, 3.0), (9.0, 6.0), (6.0, 3.0), (3.0, 9.0), (1.0, 2.0),
                    (0.0, 6.0)],
    answers=NUMBERS,
)


# Exercise 2: the topological order without recursion

def _judge_topo(topo_order):
    for what, root in _graphs(micrograd.Value, chain_length=5000):
        try:
            problem = _walk(topo_order, root)
        except RecursionError:
            return (f"on {what}, your function went deeper than Python's recursion limit: "
                    "where does it keep the nodes it has still to do?")
        if problem:
            return _on(what, problem)
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


def _default_arguments(root, order=[], visited=set()):  # noqa: B006 (the mistake itself)
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
        elif node not in visited:
            visited.add(node)
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev)
    return order


def _reversed_order(root):
    return _recursive_free(root)[::-1]


def _recursive_free(root):
    order, visited, stack = [], set(), [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
        elif node not in visited:
            visited.add(node)
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev)
    return order


def _no_return(root):
    _recursive_free(root)


def _calls_the_package(root):
    return list(topological_order(root))


def _calls_the_lesson(root):
    return teaching.build_topo(root)


q2 = Exercise(
    "the topological order without recursion",
    _judge_topo,
    ("What did the recursive visit keep waiting on Python's call stack? Keep the same thing "
     "in a list of your own. A node taken from it may be seen twice: once to put its "
     "children to do, and once more when they are done.",
     "Use a stack of (node, children_done) pairs. Take one off: if its children are done, it "
     "joins the order; otherwise, if it is not visited yet, mark it, put it back with True, "
     "then put each child on with False. A node is marked when it is taken off, not when "
     "it is put on."),
    wrong_examples=[(_recursive,), (_iterative_no_visited,), (_iterative_parents_first,),
                    (_visited_on_push,), (_default_arguments,), (_reversed_order,),
                    (_no_return,), (_calls_the_package,), (_calls_the_lesson,),
                    (topological_order,)],
    answers=CODE,
    forbidden=(topological_order, teaching.build_topo),
)


# Exercise 3: zero_grad, so that backward() can run twice

def _judge_zero_grad(zero_grad):
    for what, root in _graphs(_Value):
        nodes = topological_order(root)
        for i, node in enumerate(nodes):
            node.grad = 0.5 + i   # what an earlier backward() might have left
        datas = [node.data for node in nodes]
        zero_grad(root)
        if [node.data for node in nodes] != datas:
            return (f"on {what}, zero_grad changed a node's data: it should reset the "
                    f"gradients and nothing else")
        left = [node for node in nodes if not (isinstance(node.grad, (int, float))
                                               and node.grad == 0)]
        if not left:
            continue
        if any(not isinstance(node.grad, (int, float)) for node in left):
            shown = next(n.grad for n in left if not isinstance(n.grad, (int, float)))
            return (f"on {what}, after zero_grad a grad is {as_text(shown)}, not the number "
                    f"0: the next backward() adds to it with +=, so it must be a number")
        if len(left) == len(nodes):
            return (f"on {what}, zero_grad changed no gradient at all: every node still holds "
                    f"what it had")
        inner = [n for n in left if n._prev]
        leaves = [n for n in left if not n._prev]
        which = ("leaves only" if not inner else "inner nodes only" if not leaves
                 else "both leaves and inner nodes")
        return (f"on {what}, after zero_grad {len(left)} of its {len(nodes)} nodes still hold "
                f"a gradient ({which}): does your code reach every node of the graph, the "
                f"inner nodes as well as the leaves, however deep?")
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
            return (f"after backward(), zero_grad(f) and backward() again on f = (a*b)*(a+b), "
                    f"{name}.grad is {as_text(ours.grad)}, but one pass gives "
                    f"{theirs.grad:g}.")
    return None


def _leaves_only(root):
    for node in topological_order(root):
        if not node._prev:
            node.grad = 0.0


def _inner_only(root):
    for node in topological_order(root):
        if node._prev:
            node.grad = 0.0


def _root_only(root):
    root.grad = 0.0


def _one_level(root):
    root.grad = 0.0
    for child in root._prev:
        child.grad = 0.0


def _data_not_grad(root):
    for node in topological_order(root):
        node.data = 0.0


def _sets_none(root):
    for node in topological_order(root):
        node.grad = None


q3 = Exercise(
    "zero_grad",
    _judge_zero_grad,
    ("Which nodes hold a gradient after backward(): only the leaves, or every node it "
     "walked? And what have you written in this lesson that lists every node of a graph?",
     "Walk the whole list of nodes that build_topo(root) gives, inner nodes and leaves, and "
     "reset the grad of each to the number zero; leave their data as it is."),
    wrong_examples=[(_root_only,), (_leaves_only,), (lambda root: None,), (_inner_only,),
                    (_one_level,), (_data_not_grad,), (_sets_none,)],
    answers=CODE,
)
