"""Exercises for lesson 08, a neural net: the student's Neuron, Layer and MLP, the parameter
count, the gradients an input of 0 leaves at 0, backward twice.

The "your turn" cells of the lesson (``neuron``, ``layer``, ``mlp``) judge the student's
classes by giving them the package's weights (``micrograd.Neuron``, ``Layer`` and ``MLP``
with tanh, copied in through ``parameters()``) and comparing the outputs and, after
``backward()``, the gradient of every parameter. Until a class passes, the lesson goes on with
the reference in ``micrograd.teaching``. The end-of-lesson exercises are ``q1`` to ``q3``.
"""

import math
import random

import micrograd
from micrograd import teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close


def lecture_mlp(seed):
    """The lecture's network, MLP(3, [4, 4, 1]) with tanh everywhere, from ``seed``."""
    return micrograd.MLP(3, [4, 4, 1], activation="tanh", output_activation="tanh", rng=seed)


def _keeping_random_state(judge):
    """The judge, run without changing the lesson's random numbers (it seeds its own)."""
    def judged(*answer):
        state = random.getstate()
        try:
            return judge(*answer)
        finally:
            random.setstate(state)
    return judged


def _parameter_problem(model, expected, what):
    """What is wrong with ``model.parameters()`` (``expected`` of them), or None."""
    params = list(model.parameters())
    if any(isinstance(p, (list, tuple)) for p in params):
        parts = "layer in self.layers for p in layer" if what.startswith("MLP") else \
            "n in self.neurons for p in n"
        return (f"{what}'s parameters() gives a list of lists; flatten it into one list of "
                f"Values, as in [p for {parts}.parameters()].")
    if len(params) != expected:
        return (f"{what}.parameters() lists {len(params)} values, but it has {expected}: "
                "every weight and every bias, once each.")
    if len({id(p) for p in params}) != len(params):
        return (f"some of {what}'s parameters are the same object: [Neuron(nin)] * nout "
                "repeats one neuron; build a new one for each place, with a comprehension "
                "such as [Neuron(nin) for _ in range(nout)].")
    if not all(hasattr(p, "data") and hasattr(p, "grad") for p in params):
        return f"{what}.parameters() should list Values (each with data and grad)."
    return None


def _copy_in(numbers, model):
    for p, x in zip(model.parameters(), numbers):
        p.data, p.grad = x, 0.0


def _outputs_problem(ours, theirs, x, what):
    """Compare ``ours(x)`` with ``theirs(x)`` (the package's, same weights), then the grads."""
    out, expected = ours(x), theirs(x)
    outs = out if isinstance(out, list) else [out]
    expected_outs = expected if isinstance(expected, list) else [expected]
    if len(outs) != len(expected_outs):
        return f"{what} on {x} gives {len(outs)} outputs; it should give {len(expected_outs)}."
    for i, (o, e) in enumerate(zip(outs, expected_outs), start=1):
        if not hasattr(o, "data"):
            return f"output {i} of {what} is {o!r}: it should be a Value, so backward() can run."
        if not close(o.data, e.data, 1e-9):
            return (f"with the package's weights, output {i} of {what} on {x} is "
                    f"{o.data:.6f}, but it should be {e.data:.6f}.")
    total = outs[0] if len(outs) == 1 else sum(outs[1:], outs[0])
    total_expected = sum(expected_outs[1:], expected_outs[0])
    total.backward()
    total_expected.backward()
    for i, (p, q) in enumerate(zip(ours.parameters(), theirs.parameters())):
        if not close(p.grad, q.grad, 1e-9):
            return (f"the outputs are right, but after backward() parameter {i} of {what} has "
                    f"grad {p.grad:.6f} instead of {q.grad:.6f}: build every step from Values "
                    "(wi * xi, the sum, tanh), never from .data.")
    return None


# Your turn: the Neuron

NEURON_CASES = [  # nin, weights, bias, input
    (3, [0.5, -1.0, 0.25], 0.1, [2.0, 3.0, -1.0]),
    (2, [-0.3, 0.8], -0.5, [1.5, -2.0]),
]


@_keeping_random_state
def _judge_neuron(Neuron):
    random.seed(0)
    neuron = Neuron(3)
    problem = _parameter_problem(neuron, 4, "Neuron(3)")
    if problem:
        return problem
    random.seed(0)
    draws = [random.uniform(-1, 1) for _ in range(4)]
    start = [p.data for p in neuron.parameters()]
    if start[3] == 0 and start[:3] == draws[:3]:
        return ("the bias starts at 0; in the lecture it starts random too: "
                "Value(random.uniform(-1, 1)).")
    if start != draws:
        return ("each weight and then the bias should start as Value(random.uniform(-1, 1)), "
                "one call each, the weights first; parameters() lists them as self.w + [self.b].")
    for nin, w, b, x in NEURON_CASES:
        neuron = Neuron(nin)
        _copy_in(w + [b], neuron)
        out = neuron(x)
        z = sum(wi * xi for wi, xi in zip(w, x)) + b
        if not hasattr(out, "data"):
            return f"a neuron should return a Value; yours returned {out!r}."
        if close(out.data, z, 1e-9):
            return (f"your neuron returns w · x + b = {z:.4f}: the activation is missing, "
                    "return act.tanh().")
        if close(out.data, math.tanh(z - b), 1e-9):
            return "the bias is missing from the sum: start it from self.b, sum(..., self.b)."
        if not close(out.data, math.tanh(z), 1e-9):
            return (f"with weights {w}, bias {b} and input {x} your neuron gives "
                    f"{out.data:.6f}, but tanh(w · x + b) is {math.tanh(z):.6f}.")
        reference = micrograd.Neuron(nin, activation="tanh")
        _copy_in(w + [b], reference)
        problem = _outputs_problem(neuron, reference, x, f"Neuron({nin})")
        if problem:
            return problem
    return None


class _NeuronWithoutTanh(teaching.Neuron):
    def __call__(self, x):
        return sum((wi * xi for wi, xi in zip(self.w, x)), self.b)


class _NeuronWithoutBias(teaching.Neuron):
    def __call__(self, x):
        return sum(wi * xi for wi, xi in zip(self.w, x)).tanh()


class _NeuronBiasNotAParameter(teaching.Neuron):
    def parameters(self):
        return self.w


class _NeuronBiasAtZero(teaching.Neuron):
    def __init__(self, nin):
        self.w = [teaching.Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = teaching.Value(0.0)


neuron = Exercise(
    "the Neuron",
    _judge_neuron,
    "In __init__, self.w is a list of nin Values, each Value(random.uniform(-1, 1)), and "
    "self.b one more. __call__ adds up wi * xi over zip(self.w, x), starting from self.b, "
    "and returns .tanh() of that; parameters() returns self.w + [self.b].",
    wrong_examples=[(_NeuronWithoutTanh,), (_NeuronWithoutBias,), (_NeuronBiasNotAParameter,),
                    (_NeuronBiasAtZero,)],
    answers=CODE,
    reference=teaching.Neuron,
    reference_name="micrograd.teaching.Neuron",
)


# Your turn: the Layer

@_keeping_random_state
def _judge_layer(Layer):
    for nin, nout, x in [(3, 4, [2.0, 3.0, -1.0]), (2, 3, [0.5, -1.5])]:
        layer = Layer(nin, nout)
        problem = _parameter_problem(layer, nout * (nin + 1), f"Layer({nin}, {nout})")
        if problem:
            return problem
        reference = micrograd.Layer(nin, nout, activation="tanh", rng=nin)
        _copy_in([p.data for p in reference.parameters()], layer)
        if not isinstance(layer(x), list):
            return f"Layer({nin}, {nout}) should return a list of {nout} outputs, one a neuron."
        problem = _outputs_problem(layer, reference, x, f"Layer({nin}, {nout})")
        if problem:
            return problem
    single = Layer(4, 1)([1.0, -1.0, 0.5, 2.0])
    if isinstance(single, list):
        return ("Layer(4, 1) returns a list of one Value; with a single neuron, return its "
                "output itself (outs[0]), so that the network's prediction is one Value.")
    return None


class _LayerOneNeuronRepeated(teaching.Layer):
    def __init__(self, nin, nout):
        self.neurons = [teaching.Neuron(nin)] * nout


class _LayerNestedParameters(teaching.Layer):
    def parameters(self):
        return [n.parameters() for n in self.neurons]


class _LayerAlwaysAList(teaching.Layer):
    def __call__(self, x):
        return [n(x) for n in self.neurons]


layer = Exercise(
    "the Layer",
    _judge_layer,
    "self.neurons = [Neuron(nin) for _ in range(nout)]. Calling the layer calls every neuron "
    "on the same x; return outs[0] if there is one output, else the list. parameters() "
    "collects every neuron's parameters into one flat list.",
    wrong_examples=[(_LayerOneNeuronRepeated,), (_LayerNestedParameters,), (_LayerAlwaysAList,)],
    answers=CODE,
    reference=teaching.Layer,
    reference_name="micrograd.teaching.Layer",
)


# Your turn: the MLP

MLP_CASES = [  # nin, nouts, inputs
    (3, [4, 4, 1], [[2.0, 3.0, -1.0], [0.5, 1.0, 1.0]]),
    (2, [3, 1], [[1.5, -0.5]]),
]


@_keeping_random_state
def _judge_mlp(MLP):
    for nin, nouts, inputs in MLP_CASES:
        what = f"MLP({nin}, {nouts})"
        sizes = [nin] + nouts
        expected = sum(sizes[i + 1] * (sizes[i] + 1) for i in range(len(nouts)))
        for x in inputs:
            model = MLP(nin, list(nouts))
            problem = _parameter_problem(model, expected, what)
            if problem:
                return problem + (" Layer i takes sizes[i] inputs and has sizes[i + 1] "
                                  "neurons, with sizes = [nin] + nouts."
                                  if "lists" in problem and "of lists" not in problem else "")
            reference = micrograd.MLP(nin, nouts, activation="tanh", output_activation="tanh",
                                      rng=nin)
            _copy_in([p.data for p in reference.parameters()], model)
            problem = _outputs_problem(model, reference, x, what)
            if problem:
                return problem + (" Does each layer get the outputs of the one before, "
                                  "x = layer(x)?" if "output 1" in problem else "")
    return None


class _MLPNotChained(teaching.MLP):
    def __call__(self, x):
        for layer in self.layers:
            out = layer(x)
        return out


class _MLPEveryLayerSeesTheInputs(teaching.MLP):
    def __init__(self, nin, nouts):
        self.layers = [teaching.Layer(nin, nout) for nout in nouts]


class _MLPNestedParameters(teaching.MLP):
    def parameters(self):
        return [layer.parameters() for layer in self.layers]


mlp = Exercise(
    "the MLP",
    _judge_mlp,
    "sizes = [nin] + nouts; layer i is Layer(sizes[i], sizes[i + 1]). Calling the MLP "
    "passes x through the layers in turn, x = layer(x), and returns the last x. "
    "parameters() collects every layer's parameters into one flat list.",
    wrong_examples=[(_MLPNotChained,), (_MLPEveryLayerSeesTheInputs,), (_MLPNestedParameters,)],
    answers=CODE,
    reference=teaching.MLP,
    reference_name="micrograd.teaching.MLP",
)


# Exercise 1: the parameters of MLP(3, [8, 8, 1])

def _judge_count(n_params):
    expected = len(micrograd.MLP(3, [8, 8, 1]).parameters())
    if close(n_params, expected):
        return None
    if close(n_params, 8 * 3 + 8 * 8 + 1 * 8):
        return "that counts the weights only: every neuron also has a bias."
    if close(n_params, 8 + 8 + 1):
        return "that counts the neurons; count their weights and biases."
    if close(n_params, 8 * 4 + 8 * 8 + 1 * 8):
        return "some biases are missing: every neuron of every layer has one."
    return (f"{n_params} is too {'big' if n_params > expected else 'small'}. A neuron with "
            "n inputs has n weights and 1 bias; add that up over the three layers.")


q1 = Exercise(
    "the number of parameters of MLP(3, [8, 8, 1])",
    _judge_count,
    "The sizes are [3, 8, 8, 1]. Layer 1 has 8 neurons of 3 inputs, each with 3 weights and "
    "1 bias: 8·(3 + 1). Do the same for the other two layers and add up.",
    wrong_examples=[(96,), (17,), (41,)],
    answers=NUMBERS,
)


# Exercise 2: the gradients an input of 0 leaves at 0

ZERO_INPUT = [1.0, 0.0, -2.0]


def zero_grads(seed=1337):
    """How many of the 41 parameters have grad 0 after out.backward(), for ZERO_INPUT."""
    model = lecture_mlp(seed)
    model(ZERO_INPUT).backward()
    return sum(p.grad == 0 for p in model.parameters())


def _judge_zero_grads(count):
    expected = zero_grads()
    if close(count, expected):
        return None
    if close(count, 0):
        return ("look at a first-layer weight on x2: d(out)/dw = x2 · (the rest of the chain), "
                "and x2 = 0.")
    if close(count, 1):
        return "not only one neuron: each of the 4 neurons of the first layer has a weight on x2."
    if close(count, 4 + 4 + 1) or close(count, 12):
        return ("only the first layer sees x2. The second layer's inputs are the first layer's "
                "tanh outputs, which are not 0, so its weights get gradients.")
    return ("find the weights whose input is 0: d(w · x + b)/dw_i = x_i. Which layer takes x2 "
            "as an input, and how many weights does it give x2?")


q2 = Exercise(
    "how many gradients an input of 0 leaves at 0",
    _judge_zero_grads,
    "For a weight w_i of a neuron, d(w · x + b)/dw_i = x_i, so its gradient is x_i times the "
    "rest of the chain. Only the first layer's weights multiply the inputs x1, x2, x3.",
    wrong_examples=[(0,), (1,), (12,)],
    answers=NUMBERS,
)


# Exercise 3: backward() called twice

def grads_after_two_backward_calls():
    """a.grad and e.grad for L = a*b + a with a = 3, b = -2, after two backward() calls."""
    a, b = micrograd.Value(3.0), micrograd.Value(-2.0)
    e = a * b
    L = e + a
    L.backward()
    L.backward()
    return a.grad, e.grad


def _judge_twice(a_grad, e_grad):
    expected_a, expected_e = grads_after_two_backward_calls()
    if close(a_grad, expected_a) and close(e_grad, expected_e):
        return None
    if close(a_grad, expected_a / 2):
        return ("that is a.grad after one backward(). a is a leaf: the second call adds "
                "the same gradient again.")
    if close(a_grad, 2 * -2.0):
        return ("a reaches L along two paths, through e = a·b and directly: dL/da = b + 1, "
                "not b alone.")
    if not close(a_grad, expected_a):
        return (f"a.grad: {a_grad} is not right. Find dL/da for one call first (a is used "
                "twice), then think about what a second call does to a leaf.")
    if close(e_grad, 2 * expected_e):
        return ("e is an inner node (made by *): backward() sets it back to 0 before it "
                "starts, so it does not double.")
    return "a.grad is right; e.grad is dL/de, and L = e + a."


q3 = Exercise(
    "backward() called twice",
    _judge_twice,
    "For one call: dL/de = 1 (L = e + a), and a gets b·1 through e plus 1 directly. The "
    "package's backward() resets the inner nodes to 0 first; the leaves keep their grad and "
    "add to it.",
    wrong_examples=[(-1.0, 1.0), (-2.0, 2.0), (-4.0, 1.0)],
    answers=NUMBERS,
)
