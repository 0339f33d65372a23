"""Exercises for lesson 03, manual backprop.

In the lesson ("your turn"): the gradients of L = (a*b + c) * f by hand, node by node from L
back (d and f, then e and c through the + node, then a and b through the first * node), and
one step of size 0.01 along the gradient.

At the end: gradients by hand for f = 3, the backward step of a node that multiplies three
inputs, what a drawing shows before the backward pass, and the backward step of a new node,
out = x - y.

The judges compare with the package: ``backward()`` on the same graph built with
``micrograd.Value``, or the exact local derivatives of a single node. Gradients by hand are
exact numbers, so a nudging estimate (close, but off in the tenth decimal) is not accepted
where the exact one is asked. Each judge returns None when the answer agrees, or a sentence
naming what disagrees and what to look at.
"""

import micrograd
import micrograd.numeric
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text

EXACT = 1e-14  # relative: a gradient by hand is exact, to float rounding; nudging is not
NEAR = 1e-5    # ... but within this: a nudging estimate, not a wrong number


def _lecture_graph(f=-2.0):
    """The lecture's graph L = (a*b + c) * f with the package's Value, as a dict by label."""
    a, b, c, f = (micrograd.Value(x, label=n) for x, n in [(2.0, "a"), (-3.0, "b"),
                                                           (10.0, "c"), (f, "f")])
    e = a * b
    d = e + c
    L = d * f
    e.label, d.label, L.label = "e", "d", "L"
    return {"a": a, "b": b, "c": c, "e": e, "d": d, "f": f, "L": L}


def _graph_grads(f=-2.0):
    """The lecture graph's gradients from the package's backward(), by label, and the graph."""
    g = _lecture_graph(f)
    g["L"].backward()
    return {name: value.grad for name, value in g.items()}, g


def _exact(got, want, tol=EXACT):
    return close(got, want, tol * max(1.0, abs(want)))


def _nudged(yours, wants):
    """A sentence when every answer is close to the exact gradient but some are not exact:
    numbers from nudging, where the chain rule gives exact ones; else None."""
    if all(close(got, want, NEAR * max(1.0, abs(want))) for got, want in zip(yours, wants)):
        return ("your numbers are close to the gradients but not exact: they look like "
                "nudging estimates. The chain rule gives each gradient exactly; work each "
                "one out from the local derivative and the gradient above it.")
    return None


def _first_match(yours, tells):
    """The message of the first (numbers, message) in tells whose numbers are yours."""
    for numbers, message in tells:
        if all(close(got, want, 1e-9) for got, want in zip(yours, numbers)):
            return message
    return None


# ----- your turn, in the lesson: the gradients node by node, then one step -------------------

_BY_HAND = "the lecture's gradients, worked out by hand"


def _judge_d_f(grad_d, grad_f):
    grads, g = _graph_grads()
    yours, wants = (grad_d, grad_f), (grads["d"], grads["f"])
    if all(_exact(got, want) for got, want in zip(yours, wants)):
        return None
    d, f, L = g["d"].data, g["f"].data, g["L"].data
    return _nudged(yours, wants) or _first_match(yours, [
        ((d, f), "each of d and f got its own value. In L = d * f, nudging d moves L by f "
                 "times the nudge: each factor's local derivative is the other factor."),
        ((1.0, 1.0), "that passes dL/dL = 1 on unchanged, as a + node would. L = d * f is a "
                     "product: what is the local derivative of a product?"),
        ((L, L), "that is L's value, from the forward pass. A gradient is a rate: how much L "
                 "moves when d (or f) is nudged."),
        ((-wants[0], -wants[1]), "both signs are wrong: look at the sign of the other factor "
                                 "of each."),
    ]) or _one_off({"d": grad_d, "f": grad_f}, grads, g, {"d": "f", "f": "d"}, "L")


def _one_off(yours, grads, g, other, above):
    """The first of yours that is off, and a word on what to look at."""
    for name, got in yours.items():
        want = grads[name]
        if _exact(got, want):
            continue
        if close(got, -want):
            return f"dL/d{name} has the wrong sign: follow the signs from L down to {name}."
        if close(got, g[name].data):
            return (f"dL/d{name} is {name}'s own value. Nudge {name} and ask how much L "
                    f"moves: through a * node, the other factor counts.")
        if name in other and close(got, g[other[name]].data) and grads[above] != 1.0:
            return (f"dL/d{name} is only the local derivative. The chain rule multiplies it "
                    f"by the gradient that reached {above}.")
        return (f"dL/d{name} is off: it is (local derivative) × (the gradient of the node "
                f"{name} goes into). Work out both factors again.")
    return "one of the numbers is off; work each out again."


grads_d_f = Exercise(
    "dL/dd and dL/df",
    _judge_d_f,
    ("Nudge d up by a tiny h while f stays as it is: how much does L = d * f move? The "
     "gradient is that change divided by h. Then ask the same for f.",
     "The derivative of a product with respect to one factor is the other factor: dL/dd is "
     "f's value times L.grad, and dL/df is d's value times L.grad (L.grad is 1)."),
    wrong_examples=[(4.0, -2.0), (1.0, 1.0), (2.0, -4.0), (-8.0, -8.0), (-2.0, -2.0),
                    (-2.000000000279556, 4.000000000115023)],
    answers=NUMBERS,
    reference=(-2.0, 4.0),
    reference_name=_BY_HAND,
)


def _judge_e_c(grad_e, grad_c):
    grads, g = _graph_grads()
    yours, wants = (grad_e, grad_c), (grads["e"], grads["c"])
    if all(_exact(got, want) for got, want in zip(yours, wants)):
        return None
    return _nudged(yours, wants) or _first_match(yours, [
        ((1.0, 1.0), "1 is only the local derivative of the + node. The chain rule multiplies "
                     "it by the gradient that reached d."),
        ((g["c"].data * grads["d"], g["e"].data * grads["d"]),
         "that treats d = e + c like a product. For a sum, nudging either input by h moves d "
         "by exactly h: what local derivative is that?"),
        ((g["e"].data, g["c"].data), "those are the values of e and c, from the forward pass. "
                                     "A gradient says how much L moves when e (or c) is "
                                     "nudged."),
        ((grads["f"], grads["f"]), "that is dL/df. What reaches e and c comes through d: "
                                   "look at d.grad."),
    ]) or _first_sum_problem(yours, wants, grads)


def _first_sum_problem(yours, wants, grads):
    for name, got, want in zip("ec", yours, wants):
        if _exact(got, want):
            continue
        if close(got, -want):
            return f"dL/d{name} has the wrong sign: a + node passes d.grad on as it is."
        if close(got, 1.0):
            return (f"dL/d{name} is only the local derivative, 1: multiply by the gradient "
                    "that reached d.")
        return (f"dL/d{name} is off: a + node hands both inputs the same number. Look at the "
                "local derivative of a sum, and at d.grad.")
    return "one of the numbers is off; work each out again."


grads_e_c = Exercise(
    "dL/de and dL/dc, through the + node",
    _judge_e_c,
    ("Nudge e by a tiny h, c fixed: by how much does d = e + c move? That is the local "
     "derivative. The chain rule then says what to multiply it by.",
     "The local derivative of a sum is 1 for each input. By the chain rule, dL/de is 1 times "
     "d.grad, and the same for c: a + node passes its gradient on unchanged."),
    wrong_examples=[(1.0, 1.0), (-20.0, 12.0), (2.0, 2.0), (4.0, 4.0), (-6.0, 10.0),
                    (-2.0, 1.0), (-2.000000000279556, -1.999999998503199)],
    answers=NUMBERS,
    reference=(-2.0, -2.0),
    reference_name=_BY_HAND,
)


def _judge_a_b(grad_a, grad_b):
    grads, g = _graph_grads()
    yours, wants = (grad_a, grad_b), (grads["a"], grads["b"])
    if all(_exact(got, want) for got, want in zip(yours, wants)):
        return None
    a, b, e_grad = g["a"].data, g["b"].data, grads["e"]
    return _nudged(yours, wants) or _first_match(yours, [
        ((b, a), "those are only the local derivatives de/da and de/db. The chain rule "
                 "multiplies each by the gradient that reached e."),
        ((a * e_grad, b * e_grad), "a and b each got their own value times e.grad. Nudge a: "
                                   "how much does e = a * b move?"),
        ((a, b), "those are the values of a and b, from the forward pass. A gradient says how "
                 "much L moves when a (or b) is nudged."),
        ((-wants[0], -wants[1]), "both signs are wrong. Count the negative numbers along the "
                                 "chain from L down to a."),
    ]) or _one_off({"a": grad_a, "b": grad_b}, grads, g, {"a": "b", "b": "a"}, "e")


grads_a_b = Exercise(
    "dL/da and dL/db, through the * node",
    _judge_a_b,
    ("The same question as for d and f, one node lower: nudge a, b fixed, and see how much "
     "e = a * b moves. Then the chain rule: what has already reached e?",
     "The local derivative of e = a * b is b for a, and a for b (the other factor). Multiply "
     "each by e.grad, the gradient that reached e."),
    wrong_examples=[(-3.0, 2.0), (-4.0, 6.0), (-6.0, 4.0), (2.0, -3.0), (6.0, 4.0),
                    (5.999999999950489, -4.000000000559112)],
    answers=NUMBERS,
    reference=(6.0, -4.0),
    reference_name=_BY_HAND,
)


_STEP = 0.01


def _leaves():
    """(data, grad) of each leaf we step, from the package's backward() on the graph."""
    grads, g = _graph_grads()
    return {name: (g[name].data, grads[name]) for name in "abcf"}


_LEAVES = _leaves()


def _judge_one_step(a_new, b_new, c_new, f_new):
    yours = {"a": a_new, "b": b_new, "c": c_new, "f": f_new}
    for name, got in yours.items():
        data, grad = _LEAVES[name]
        if close(got, data + _STEP * grad, 1e-9):
            continue
        if close(got, data - _STEP * grad, 1e-9):
            return (f"{name} moved against its gradient. Here we want L to go up: which way "
                    f"does {name}.grad say that is?")
        if close(got, data + grad, 1e-9):
            return (f"{name} moved by its whole gradient. The step size says what fraction "
                    "of the gradient to move by.")
        if close(got, data + 10 * _STEP * grad, 1e-9):
            return f"{name} moved ten times too far: the step size is 0.01."
        if close(got, data):
            return (f"{name} did not move. Every leaf we control moves, f included, by the "
                    "step size times its own gradient.")
        if close(got, _STEP * grad, 1e-9):
            return (f"that is only the change of {name}. The new value is the old one plus "
                    "that change.")
        if close(got, data + _STEP * data, 1e-9):
            return (f"{name} moved by step × its own value. What says which way to move, and "
                    "how strongly, is its gradient.")
        return (f"the new {name} is off: start from {name}.data and move by the step size "
                f"times {name}.grad.")
    return None


one_step = Exercise(
    "one step along the gradient",
    _judge_one_step,
    ("Which way should each leaf move to make L bigger? The sign of its gradient says so, "
     "and the step size says how far. Start from each leaf's data.",
     "new value = old value + step × gradient, for each of a, b, c and f, from its .data and "
     ".grad, with step = 0.01."),
    wrong_examples=[(1.94, -2.96, 10.02, -2.04), (8.0, -7.0, 8.0, 2.0),
                    (2.06, -3.04, 9.98, -2.0), (0.06, -0.04, -0.02, 0.04),
                    (2.02, -3.03, 10.1, -2.02), (2.6, -3.4, 9.8, -1.6)],
    answers=NUMBERS,
    reference=tuple(data + _STEP * grad for data, grad in _LEAVES.values()),
    reference_name="the lecture's step, to a, b, c, f = 2.06, -3.04, 9.98, -1.96",
)


# ----- 1 · every gradient by hand, with f = 3 ------------------------------------------------

_OTHER = {"a": "b", "b": "a"}  # the other factor of e = a * b


def _judge_by_hand(grad_a, grad_b, grad_c, grad_f):
    yours = {"a": grad_a, "b": grad_b, "c": grad_c, "f": grad_f}
    grads, g = _graph_grads(f=3.0)
    wants = [grads[n] for n in yours]
    if all(_exact(got, want) for got, want in zip(yours.values(), wants)):
        return None
    old, _ = _graph_grads(f=-2.0)
    if all(close(yours[n], old[n]) for n in yours):
        return ("these are the gradients for f = -2. With f = 3, what reaches d from the last "
                "* node is different: start again from the top.")
    found = _nudged(yours.values(), wants)
    if found:
        return found
    for name, got in yours.items():
        want = grads[name]
        if _exact(got, want):
            continue
        if close(got, -want):
            return (f"dL/d{name} has the wrong sign. Follow the signs along the chain from L "
                    f"to {name}: each * node multiplies by the other factor, which may be "
                    "negative.")
        if close(got, g["L"].data):
            return (f"dL/d{name} is L's value, from the forward pass. A gradient says how "
                    f"much L moves when {name} is nudged.")
        if name in _OTHER and close(got, g[name].data * grads["e"]):
            return (f"dL/d{name} is off: you used {name}'s own value. In e = a * b, nudging "
                    f"{name} moves e by the other factor times the nudge.")
        if name in _OTHER and close(got, g[_OTHER[name]].data):
            return (f"dL/d{name} is only the local derivative de/d{name}. The chain rule "
                    "multiplies it by the gradient that reached e.")
        if close(got, g[name].data):
            return (f"dL/d{name} is {name}'s own value. Nudge {name} and ask how much L moves: "
                    "through a * node, the other factor counts.")
        return (f"dL/d{name} is off. It is (local derivative) × (the gradient of the node "
                f"{name} goes into); work out both factors again.")
    return None


q1 = Exercise(
    "every gradient by hand, with f = 3",
    _judge_by_hand,
    ("Only f changed, so only what flows down from the top changes. Work out d and L first, "
     "then start again at dL/dL = 1 and go down node by node, as in the lesson.",
     "The last * hands d the value of f, and f the value of d. The + passes dL/dd on "
     "unchanged to e and c. The first * hands a the value of b times dL/de, and b the value "
     "of a times dL/de."),
    wrong_examples=[(6.0, -4.0, -2.0, 4.0), (9.0, -6.0, 3.0, 4.0), (6.0, -9.0, 3.0, 4.0),
                    (-3.0, 2.0, 3.0, 4.0), (-9.0, 6.0, 3.0, 12.0), (-9.0, 6.0, 3.0, 3.0),
                    (-9.000000000369823, 6.000000000838668, 2.9999999977547986,
                     4.000000000559112)],
    answers=NUMBERS,
)


# ----- shared: judging the backward step of one node ----------------------------------------

class _Case:
    """One call of a student's backward step: the distinct inputs (label, data, grad before),
    which of them fills each position of the node, and out.grad."""

    def __init__(self, what, inputs, positions, out_grad):
        self.what, self.inputs, self.positions, self.out_grad = what, inputs, positions, \
            out_grad


def _judge_backward_step(backward, forward, local, cases, tell):
    """Run ``backward(*inputs, out)`` on fresh package values for each case, and compare each
    grad with the exact chain rule: grad before + sum over its positions of local × out.grad.

    ``forward(datas)`` is the node's number; ``local(datas, i)`` its exact local derivative
    for position i; ``tell(name, change, case, datas)`` may name a likely mistake from the
    change your step made to a grad, else returns None.
    """
    for case in cases:
        values = {}
        for label, data, before in case.inputs:
            values[label] = micrograd.Value(data, label=label)
            values[label].grad = before
        args = [values[label] for label in case.positions]
        datas = [v.data for v in args]
        out = micrograd.Value(forward(datas), tuple(args), "node", label="out")
        out.grad = case.out_grad
        out_data = out.data
        backward(*args, out)

        for label, data, _ in case.inputs:
            if not values[label].data == data:
                return (f"your backward step changed {label}.data from {data!r} to "
                        f"{as_text(values[label].data)}: a backward step only adds to the "
                        "inputs' grads, and leaves every data as it was.")
        if not (out.data == out_data and out.grad == case.out_grad):
            return ("your backward step changed out (its data or its grad): it reads "
                    "out.grad and adds to the inputs' grads, and leaves out as it was.")
        for label, _, _ in case.inputs:
            got = values[label].grad
            if hasattr(got, "data") and hasattr(got, "grad"):
                return (f"after your backward step, {label}.grad is a Value, not a number: "
                        "somewhere your code uses a Value (such as y) where its number "
                        "(y.data, or out.grad) belongs.")
            if isinstance(got, bool) or not isinstance(got, (int, float)):
                return (f"after your backward step, {label}.grad is {as_text(got)}, not a "
                        "number: a grad holds a plain number.")
        for label, _, before in case.inputs:
            got = values[label].grad
            spots = [i for i, name in enumerate(case.positions) if name == label]
            shares = [local(datas, i) * case.out_grad for i in spots]
            want = before + sum(shares)
            if _exact(got, want):
                continue
            change = got - before
            where = f"for {case.what}, {label}.grad"
            if close(got, want, NEAR * max(1.0, abs(want))):
                return (f"{where} is {got!r}, close to the exact value but not it: is it a "
                        "nudging estimate? Here the local derivative is exact; work it out "
                        "from the inputs' data.")
            if close(got, before):
                return (f"{where} did not change: the backward step must add to it what the "
                        "node passes back.")
            if before != 0.0 and close(got, sum(shares)):
                return (f"{where} lost the {before:g} it held before the step: = replaces "
                        "what a grad holds, but a backward step adds to it (+=).")
            if len(spots) > 1 and any(close(got, share) for share in shares):
                return (f"{where} got only one share, though {label} is used "
                        f"{len(spots)} times: with =, each share replaces the one before. "
                        "Use +=, so that every use counts.")
            if close(change, -sum(shares)):
                return f"{where} has the wrong sign: look at the sign of each local derivative."
            if case.out_grad != 1.0 and close(change, sum(shares) / case.out_grad):
                return (f"{where} is the local derivative alone: the chain rule multiplies it "
                        "by out.grad.")
            return (f"{where} should change by {sum(shares):g}, yours changed by "
                    f"{change:g}. " + (tell(label, change, case, datas) or
                                        "Work out the local derivative again."))
    return None


# ----- 2 · a node with three inputs: out = x * y * z ------------------------------------------

def _product_without(datas, i):
    product = 1.0
    for j, data in enumerate(datas):
        if j != i:
            product *= data
    return product


def _tell_mul3(label, change, case, datas):
    i = case.positions.index(label)
    g = case.out_grad
    if close(change, datas[i] * g):
        return (f"Here {label} got its own value: nudge {label} with the other inputs fixed, and "
                "see what out moves by.")
    if close(change, (sum(datas) - datas[i]) * g):
        return ("That adds the other inputs. The local derivative of a product is a product "
                "too: nudge one input and see.")
    if any(close(change, d * g) for j, d in enumerate(datas) if j != i):
        return (f"Here {label} got only one of the other inputs. out = x * y * z has two factors "
                f"besides {label}, and both scale what a nudge of {label} does.")
    return None


_MUL3_CASES = [
    _Case("out = x * y * z with x = 0.3, y = -1.7, z = 2.9 and out.grad = 1.5",
          [("x", 0.3, 0.0), ("y", -1.7, 0.0), ("z", 2.9, 0.0)], ("x", "y", "z"), 1.5),
    _Case("x = 1.1, y = 0.6, z = 0, whose grads already hold 0.25, -0.5 and 1 from "
          "elsewhere, and out.grad = -2",
          [("x", 1.1, 0.25), ("y", 0.6, -0.5), ("z", 0.0, 1.0)], ("x", "y", "z"), -2.0),
    _Case("out = x * x * y (x used twice) with x = 1.3, y = -0.7 and out.grad = 1",
          [("x", 1.3, 0.0), ("y", -0.7, 0.0)], ("x", "x", "y"), 1.0),
    _Case("out = x * x * x (x used three times) with x = -1.1 and out.grad = 0.5",
          [("x", -1.1, 0.0)], ("x", "x", "x"), 0.5),
]


def _judge_mul3(backward_mul3):
    def forward(datas):
        return datas[0] * datas[1] * datas[2]
    return _judge_backward_step(backward_mul3, forward, _product_without, _MUL3_CASES,
                                _tell_mul3)


def _mul3_own(x, y, z, out):
    x.grad += x.data * out.grad
    y.grad += y.data * out.grad
    z.grad += z.data * out.grad


def _mul3_equals(x, y, z, out):
    x.grad = y.data * z.data * out.grad
    y.grad = x.data * z.data * out.grad
    z.grad = x.data * y.data * out.grad


def _mul3_no_chain(x, y, z, out):
    x.grad += y.data * z.data
    y.grad += x.data * z.data
    z.grad += x.data * y.data


def _mul3_two_factors(x, y, z, out):   # the habit of a two-input * node
    x.grad += y.data * out.grad
    y.grad += z.data * out.grad
    z.grad += x.data * out.grad


def _mul3_sum(x, y, z, out):
    x.grad += (y.data + z.data) * out.grad
    y.grad += (x.data + z.data) * out.grad
    z.grad += (x.data + y.data) * out.grad


def _mul3_wrong_sign(x, y, z, out):
    x.grad -= y.data * z.data * out.grad
    y.grad -= x.data * z.data * out.grad
    z.grad -= x.data * y.data * out.grad


def _mul3_nudged(x, y, z, out, h=1e-6):   # a numerical estimate, not the local derivative
    def product(a, b, c):
        return a * b * c
    x.grad += (product(x.data + h, y.data, z.data) - product(x.data - h, y.data, z.data)) \
        / (2 * h) * out.grad
    y.grad += (product(x.data, y.data + h, z.data) - product(x.data, y.data - h, z.data)) \
        / (2 * h) * out.grad
    z.grad += (product(x.data, y.data, z.data + h) - product(x.data, y.data, z.data - h)) \
        / (2 * h) * out.grad


def _mul3_package(x, y, z, out):   # the package's nudging
    x.grad += micrograd.central_difference(lambda t: t * y.data * z.data, x.data) * out.grad
    y.grad += micrograd.central_difference(lambda t: x.data * t * z.data, y.data) * out.grad
    z.grad += micrograd.central_difference(lambda t: x.data * y.data * t, z.data) * out.grad


def _mul3_nudge_in_place(x, y, z, out, h=1e-6):   # nudges the inputs' data itself
    for v in (x, y, z):
        v.data += h
        up = x.data * y.data * z.data
        v.data -= h
        v.grad += (up - out.data) / h * out.grad


def _mul3_uses_up_out(x, y, z, out):   # "empties" out.grad once it is passed on
    x.grad += y.data * z.data * out.grad
    y.grad += x.data * z.data * out.grad
    z.grad += x.data * y.data * out.grad
    out.grad = 0.0


def _mul3_values(x, y, z, out):   # y where y.data belongs
    x.grad += y * z * out.grad
    y.grad += x * z * out.grad
    z.grad += x * y * out.grad


_NUDGING = (micrograd.central_difference, micrograd.numeric.forward_difference,
            micrograd.numeric.check_grads, micrograd.Value.backward)

q2 = Exercise(
    "the backward step of a three-input * node",
    _judge_mul3,
    ("Hold y and z fixed and nudge x by a tiny h: out = x * y * z moves by h times what? That "
     "factor is x's local derivative; ask the same question for y and for z.",
     "Each input's local derivative is the product of the other two inputs' data. Multiply it "
     "by out.grad and add it to that input's grad with +=, so that an input used twice gets "
     "both shares."),
    wrong_examples=[(_mul3_own,), (_mul3_equals,), (_mul3_no_chain,), (_mul3_two_factors,),
                    (_mul3_sum,), (_mul3_wrong_sign,), (_mul3_nudged,), (_mul3_package,),
                    (_mul3_nudge_in_place,), (_mul3_uses_up_out,), (_mul3_values,)],
    answers=CODE,
    forbidden=_NUDGING,
)


# ----- 3 · what the drawing shows before the backward pass -----------------------------------

def _judge_before_backward(grad_a, grad_L):
    g = _lecture_graph()  # built and drawn, no backward pass yet
    if close(grad_L, g["L"].data) or close(grad_a, g["a"].data):
        return ("that is a value's data, the top row of its box. The question is about the "
                "bottom row, grad, at the moment of the first drawing.")
    if not close(grad_L, g["L"].grad):
        return (f"the box of L did not show {grad_L:g}: dL/dL = 1 is the base case, but it "
                "is the backward pass that sets it, and none had run yet.")
    if close(grad_a, 6.0):
        return ("6 is what the backward pass put in a.grad later. At the first drawing, none "
                "had run: what does a new Value's grad hold?")
    if not close(grad_a, g["a"].grad):
        return (f"the box of a did not show {grad_a:g}. Before any backward pass has run, "
                "what does a new Value's grad hold?")
    return None


q3 = Exercise(
    "the drawing before the backward pass",
    _judge_before_backward,
    ("Scroll up to the first drawing of this lesson, made right after the graph was built, "
     "and read the bottom row of the boxes of a and L.",
     "A Value starts with grad 0.0, and only a backward pass (by hand, or L.backward()) "
     "changes it, starting with L.grad = 1.0. At the first drawing, none had run."),
    wrong_examples=[(6.0, 1.0), (0.0, 1.0), (6.0, 0.0), (2.0, -8.0), (1.0, 1.0), (-3.0, 0.0)],
    answers=NUMBERS,
)


# ----- 4 · a new node: out = x - y -----------------------------------------------------------

def _tell_sub(label, change, case, datas):
    if close(abs(change), abs(case.out_grad)):
        return (f"Look at the sign: nudging {label} up moves x - y "
                f"{'up' if label == 'x' else 'down'}.")
    return None


_SUB_CASES = [
    _Case("out = x - y with x = 0.3, y = -1.7 and out.grad = 1.5",
          [("x", 0.3, 0.0), ("y", -1.7, 0.0)], ("x", "y"), 1.5),
    _Case("x = 2.9, y = 0.6, whose grads already hold 0.25 and -0.5 from elsewhere, and "
          "out.grad = -2",
          [("x", 2.9, 0.25), ("y", 0.6, -0.5)], ("x", "y"), -2.0),
    _Case("out = x - x (x used twice) with x = 3 and out.grad = 1",
          [("x", 3.0, 0.0)], ("x", "x"), 1.0),
]


def _judge_sub(backward_sub):
    return _judge_backward_step(backward_sub, lambda datas: datas[0] - datas[1],
                                lambda datas, i: (1.0, -1.0)[i], _SUB_CASES, _tell_sub)


def _sub_like_add(x, y, out):
    x.grad += out.grad
    y.grad += out.grad


def _sub_equals(x, y, out):
    x.grad = out.grad
    y.grad = -out.grad


def _sub_no_chain(x, y, out):
    x.grad += 1.0
    y.grad -= 1.0


def _sub_swapped(x, y, out):
    x.grad -= out.grad
    y.grad += out.grad


def _sub_only_x(x, y, out):
    x.grad += out.grad


def _sub_nudged(x, y, out, h=1e-6):   # a numerical estimate, not the local derivative
    x.grad += ((x.data + h - y.data) - (x.data - h - y.data)) / (2 * h) * out.grad
    y.grad += ((x.data - (y.data + h)) - (x.data - (y.data - h))) / (2 * h) * out.grad


def _sub_package(x, y, out):   # the package's nudging
    x.grad += micrograd.central_difference(lambda t: t - y.data, x.data) * out.grad
    y.grad += micrograd.central_difference(lambda t: x.data - t, y.data) * out.grad


def _sub_values(x, y, out):   # out where out.grad belongs
    x.grad += 1.0 * out
    y.grad += -1.0 * out


q4 = Exercise(
    "the backward step of a - node",
    _judge_sub,
    ("Nudge x up by a tiny h, y fixed: does x - y go up or down, and by how much? Then nudge "
     "y instead. Those two answers are the local derivatives.",
     "The local derivatives of x - y are +1 for x and -1 for y. Each input's grad grows by "
     "its local derivative times out.grad; use +=, so that a value used twice gets both "
     "shares."),
    wrong_examples=[(_sub_like_add,), (_sub_equals,), (_sub_no_chain,), (_sub_swapped,),
                    (_sub_only_x,), (_sub_nudged,), (_sub_package,), (_sub_values,)],
    answers=CODE,
    forbidden=_NUDGING,
)
