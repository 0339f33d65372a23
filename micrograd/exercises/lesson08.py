"""Exercises for lesson 08, a neural net: the student's Neuron, Layer and MLP, the parameter
count, the gradients an input of 0 leaves at 0, backward twice.

The "your turn" cells of the lesson (``neuron``, ``layer``, ``mlp``) judge the student's
classes by giving them the package's weights (``micrograd.Neuron``, ``Layer`` and ``MLP``
with tanh, copied in through ``parameters()``) and comparing the outputs and, after
``backward()``, the gradient of every parameter and of the inputs (one of them used twice).
They also check that a forward pass changes neither its inputs nor the parameters, and that
the class is the student's own: the package's classes, a class built on the lesson's
reference, or calls into the reference, are named as shortcuts. (The reference itself, handed
in, passes: it is what the lesson goes on with anyway.) Until a class passes, the lesson goes
on with the reference in ``micrograd.teaching``. The end-of-lesson exercises are ``q1`` to
``q3``.
"""

import math
import random
from numbers import Real

import micrograd
from micrograd import teaching
from micrograd.exercises.exercise import CODE, NUMBERS, Exercise, close
from micrograd.exercises.operations import as_text


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


def _number(x):
    return isinstance(x, Real) and not isinstance(x, bool)


def _builds_on(cls, reference, name):
    """A sentence when ``cls`` is a subclass of the lesson's reference (not the reference)."""
    if isinstance(cls, type) and cls is not reference and issubclass(cls, reference):
        return (f"your {name} is built on micrograd.teaching.{name}, the lesson's reference; "
                f"write the class yourself, without inheriting from it.")
    return None


def _methods_problem(model, what, names=("__call__", "parameters")):
    """A sentence when ``model`` lacks one of the methods a module needs, else None."""
    for name in names:
        if not callable(getattr(model, name, None)):
            shown = "calling it" if name == "__call__" else f"{name}()"
            return (f"{what} made an object without {shown}: does the class define "
                    f"{name}, indented inside it, and does __init__ only set attributes?")
    return None


def _parameter_problem(model, expected, what):
    """What is wrong with ``model.parameters()`` (``expected`` of them), or None."""
    params = model.parameters()
    if params is None:
        return f"{what}.parameters() gives back None: is a `return` missing?"
    if not isinstance(params, (list, tuple)):
        return (f"{what}.parameters() gives back {type(params).__name__} {as_text(params)}; "
                "it should be a list of Values.")
    params = list(params)
    if any(isinstance(p, (list, tuple)) for p in params):
        inner = "layer" if what.startswith("MLP") else "neuron"
        return (f"{what}.parameters() gives a list of lists, one for each {inner}; the "
                "training loop needs one flat list of Values. How can you go through each "
                f"{inner}'s list and keep the Values themselves?")
    if not all(hasattr(p, "data") and hasattr(p, "grad") for p in params):
        return (f"{what}.parameters() should list Values (each with data and grad); it "
                f"holds {as_text(params[:3])}.")
    if any(isinstance(p, micrograd.Value) for p in params):
        return (f"{what}'s parameters are the package's micrograd.Value; build them from your "
                "own Value, the class at the top of the lesson.")
    if len({id(p) for p in params}) != len(params):
        return (f"some of {what}'s parameters are the same object, listed twice: does a "
                "list built with * repeat one object instead of making a new one for each "
                "place?")
    if len(params) != expected:
        return (f"{what}.parameters() lists {len(params)} values, but it has {expected}: "
                "every weight and every bias, once each.")
    return None


def _copy_in(numbers, model):
    for p, x in zip(model.parameters(), numbers):
        p.data, p.grad = x, 0.0


def _described(x):
    return "[" + ", ".join(f"{v:g}" if _number(v) else "v" for v in x) + "]"


def _outputs_problem(ours, theirs, x, what, twice=False):
    """Compare ``ours(x)`` with ``theirs(x)`` (the package's, same weights), then, after
    backward() from the sum of the outputs, the grads of the parameters. With ``twice``, the
    first input is one Value used as the first two inputs, and its grad is compared too."""
    params = list(ours.parameters())
    V = type(params[0])
    datas = [p.data for p in params]
    if twice:
        mine, package = V(x[0]), micrograd.Value(x[0])
        x_ours, x_theirs = [mine, mine] + list(x[2:]), [package, package] + list(x[2:])
        shown = f"[v, v, {', '.join(f'{v:g}' for v in x[2:])}] (one Value v = {x[0]:g} used twice)"
    else:
        x_ours, x_theirs, shown = list(x), list(x), _described(x)
    given = list(x_ours)
    out, expected = ours(x_ours), theirs(x_theirs)
    if out is None:
        return f"{what} on {shown} gives back None: is a `return` missing in __call__?"
    if x_ours != given or any(a is not b for a, b in zip(x_ours, given)):
        return (f"{what} changed the list of inputs it was given, {shown}: a forward pass "
                "reads its inputs and leaves them as they were.")
    if [p.data for p in params] != datas:
        return (f"running {what} on {shown} changed the data of its parameters: a forward "
                "pass makes new Values and leaves the weights and biases as they were.")
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    expected_outs = expected if isinstance(expected, list) else [expected]
    if len(outs) != len(expected_outs):
        count = f"{len(outs)} output" + ("s" if len(outs) != 1 else "")
        return (f"{what} on {shown} gives {count}; it should give {len(expected_outs)}, "
                "one for each neuron at the end.")
    for i, (o, e) in enumerate(zip(outs, expected_outs), start=1):
        if not (hasattr(o, "data") and callable(getattr(o, "backward", None))):
            return (f"output {i} of {what} is {type(o).__name__} {as_text(o)}: it should be a "
                    "Value, so that backward() can run from it.")
        if not _number(o.data):
            return (f"output {i} of {what} is a Value whose data is {as_text(o.data)}, not a "
                    "number: is a Value wrapped inside another Value?")
        if not close(o.data, e.data, 1e-9):
            return (f"with the package's weights, output {i} of {what} on {shown} is "
                    f"{as_text(o.data)}, but it should be {e.data:.4f}.")
    total = outs[0] if len(outs) == 1 else sum(outs[1:], outs[0])
    total_expected = sum(expected_outs[1:], expected_outs[0])
    total.backward()
    total_expected.backward()
    for i, (p, q) in enumerate(zip(params, theirs.parameters())):
        if not close(p.grad, q.grad, 1e-9):
            return (f"the outputs are right, but after backward() parameter {i} of {what} has "
                    f"grad {as_text(p.grad)} instead of {q.grad:.4f}: is every step built "
                    "from Values, or does some step go through .data, a plain number that "
                    "backward() cannot follow?")
    if twice and not close(mine.grad, package.grad, 1e-9):
        return (f"the parameters' grads are right, but the input Value used twice has grad "
                f"{as_text(mine.grad)} instead of {package.grad:.4f}.")
    return None


PACKAGE_CLASSES = (micrograd.Neuron, micrograd.Layer, micrograd.MLP)


# Your turn: the Neuron

NEURON_CASES = [  # nin, weights, bias, input, the first input used twice
    (3, [0.5, -1.0, 0.25], 0.1, [2.0, 3.0, -1.0], False),
    (2, [-0.3, 0.8], -0.5, [1.5, -2.0], False),
    (3, [0.7, -0.2, 0.4], 0.3, [1.5, 1.5, -0.5], True),
    (1, [-0.6], 0.2, [0.9], False),
]


@_keeping_random_state
def _judge_neuron(Neuron):
    problem = _builds_on(Neuron, teaching.Neuron, "Neuron")
    if problem:
        return problem
    random.seed(0)
    neuron = Neuron(3)
    problem = _methods_problem(neuron, "Neuron(3)") or _parameter_problem(neuron, 4, "Neuron(3)")
    if problem:
        return problem
    random.seed(0)
    draws = [random.uniform(-1, 1) for _ in range(4)]
    start = [p.data for p in neuron.parameters()]
    if start[3] == 0 and start[:3] == draws[:3]:
        return "the bias starts at 0; in the lecture it starts random, like the weights."
    if start != draws:
        return ("the starting numbers are not the lecture's: each weight and then the bias "
                "should get one random number between -1 and 1, the weights first, in the "
                "order parameters() lists them.")
    for nin, w, b, x, twice in NEURON_CASES:
        neuron = Neuron(nin)
        problem = _parameter_problem(neuron, nin + 1, f"Neuron({nin})")
        if problem:
            return problem
        _copy_in(w + [b], neuron)
        z = sum(wi * xi for wi, xi in zip(w, x)) + b
        out = neuron(list(x))
        _copy_in(w + [b], neuron)
        if out is not None and _number(getattr(out, "data", None)):
            if close(out.data, z, 1e-9):
                return (f"your neuron gives w · x + b = {z:.4f} itself: the activation is "
                        "missing.")
            if close(out.data, math.tanh(z - b), 1e-9):
                return "the bias is missing: tanh is applied to w · x alone."
        reference = micrograd.Neuron(nin, activation="tanh")
        _copy_in(w + [b], reference)
        problem = _outputs_problem(neuron, reference, x, f"Neuron({nin})", twice)
        if problem:
            if "but it should be" in problem:
                problem += " The neuron is tanh(w · x + b)."
            return problem
    return None


class _NeuronWithoutTanh:
    def __init__(self, nin):
        self.w = [teaching.Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = teaching.Value(random.uniform(-1, 1))

    def __call__(self, x):
        return sum((wi * xi for wi, xi in zip(self.w, x)), self.b)

    def parameters(self):
        return self.w + [self.b]


class _NeuronWithoutBias(_NeuronWithoutTanh):
    def __call__(self, x):
        return sum(wi * xi for wi, xi in zip(self.w, x)).tanh()


class _NeuronBiasNotAParameter(_NeuronWithoutTanh):
    def __call__(self, x):
        return sum((wi * xi for wi, xi in zip(self.w, x)), self.b).tanh()

    def parameters(self):
        return self.w


class _NeuronBiasAtZero(_NeuronBiasNotAParameter):
    def __init__(self, nin):
        self.w = [teaching.Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = teaching.Value(0.0)

    def parameters(self):
        return self.w + [self.b]


class _NeuronThroughData(_NeuronBiasAtZero):  # the sum of plain numbers: no graph to follow
    def __init__(self, nin):
        _NeuronWithoutTanh.__init__(self, nin)

    def __call__(self, x):
        act = sum((wi.data * xi for wi, xi in zip(self.w, x)), self.b.data)
        return teaching.Value(math.tanh(act))


class _NeuronSumsIntoItsBias(_NeuronThroughData):  # adds up in place, into self.b's data
    def __call__(self, x):
        act = self.b
        for wi, xi in zip(self.w, x):
            act.data += (wi * xi).data
        return act.tanh()


class _NeuronOneWeightRepeated(_NeuronThroughData):
    def __init__(self, nin):
        self.w = [teaching.Value(random.uniform(-1, 1))] * nin
        self.b = teaching.Value(random.uniform(-1, 1))

    def __call__(self, x):
        return sum((wi * xi for wi, xi in zip(self.w, x)), self.b).tanh()


class _NeuronOnThePackagesValue(_NeuronOneWeightRepeated):
    def __init__(self, nin):
        self.w = [micrograd.Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = micrograd.Value(random.uniform(-1, 1))


class _NeuronWrappingTheReference:
    def __init__(self, nin):
        self.inner = teaching.Neuron(nin)

    def __call__(self, x):
        return self.inner(x)

    def parameters(self):
        return self.inner.parameters()


neuron = Exercise(
    "the Neuron",
    _judge_neuron,
    ("Look at the drawing of the neuron: which numbers does it own (those are the parameters), "
     "and what does it do with its inputs, in which order, to make its output?",
     "__init__ makes nin weights and one bias, each a Value holding random.uniform(-1, 1). "
     "__call__ multiplies each weight by its input, adds the products up starting from the "
     "bias, and returns the tanh of that sum, a Value. parameters() lists the weights, then "
     "the bias, in one list.",
     "Build everything from Values (never .data), so that backward() can follow the graph; "
     "sum(...) takes a start value as its second argument, and a list comprehension makes a "
     "new Value for each weight."),
    wrong_examples=[(_NeuronWithoutTanh,), (_NeuronWithoutBias,), (_NeuronBiasNotAParameter,),
                    (_NeuronBiasAtZero,), (_NeuronThroughData,), (_NeuronSumsIntoItsBias,),
                    (_NeuronOneWeightRepeated,), (_NeuronOnThePackagesValue,),
                    (_NeuronWrappingTheReference,),
                    (micrograd.Neuron,)],
    answers=CODE,
    reference=teaching.Neuron,
    reference_name="micrograd.teaching.Neuron",
    forbidden=PACKAGE_CLASSES + (teaching.Neuron,),
)


# Your turn: the Layer

LAYER_CASES = [  # nin, nout, input, the first input used twice
    (3, 4, [2.0, 3.0, -1.0], False),
    (2, 3, [0.5, -1.5], False),
    (3, 2, [1.0, 1.0, 0.5], True),
]


@_keeping_random_state
def _judge_layer(Layer):
    problem = _builds_on(Layer, teaching.Layer, "Layer")
    if problem:
        return problem
    for nin, nout, x, twice in LAYER_CASES:
        what = f"Layer({nin}, {nout})"
        layer = Layer(nin, nout)
        problem = _methods_problem(layer, what)
        if problem:
            return problem
        problem = _parameter_problem(layer, nout * (nin + 1), what)
        if problem:
            if "lists" in problem and "of lists" not in problem:
                problem += (f" A layer of {nout} neurons with {nin} inputs each has "
                            f"{nout} · ({nin} + 1).")
            return problem
        reference = micrograd.Layer(nin, nout, activation="tanh", rng=nin)
        _copy_in([p.data for p in reference.parameters()], layer)
        problem = _outputs_problem(layer, reference, x, what, twice)
        if problem:
            return problem
    layer = Layer(4, 1)
    single = layer([1.0, -1.0, 0.5, 2.0])
    if isinstance(single, (list, tuple)):
        return ("Layer(4, 1) returns a list of one Value; with a single neuron, return that "
                "output itself, so that the network's prediction is one Value.")
    if not hasattr(single, "data"):
        return f"Layer(4, 1) gives back {as_text(single)}; it should give one Value."
    return None


class _LayerOneNeuronRepeated:
    def __init__(self, nin, nout):
        self.neurons = [teaching.Neuron(nin)] * nout

    def __call__(self, x):
        outs = [n(x) for n in self.neurons]
        return outs[0] if len(outs) == 1 else outs

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class _LayerNestedParameters(_LayerOneNeuronRepeated):
    def __init__(self, nin, nout):
        self.neurons = [teaching.Neuron(nin) for _ in range(nout)]

    def parameters(self):
        return [n.parameters() for n in self.neurons]


class _LayerAlwaysAList(_LayerNestedParameters):
    def __call__(self, x):
        return [n(x) for n in self.neurons]

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class _LayerSizesSwapped(_LayerAlwaysAList):
    def __init__(self, nin, nout):
        self.neurons = [teaching.Neuron(nout) for _ in range(nin)]

    def __call__(self, x):
        outs = [n(x) for n in self.neurons]
        return outs[0] if len(outs) == 1 else outs


class _LayerFirstNeuronsParameters(_LayerAlwaysAList):
    def __call__(self, x):
        outs = [n(x) for n in self.neurons]
        return outs[0] if len(outs) == 1 else outs

    def parameters(self):
        return self.neurons[0].parameters()


class _LayerLastOutputOnly(_LayerFirstNeuronsParameters):  # = where the list should grow
    def __call__(self, x):
        for n in self.neurons:
            out = n(x)
        return out

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class _LayerWrappingTheReference:
    def __init__(self, nin, nout):
        self.inner = teaching.Layer(nin, nout)

    def __call__(self, x):
        return self.inner(x)

    def parameters(self):
        return self.inner.parameters()


layer = Exercise(
    "the Layer",
    _judge_layer,
    ("A layer is a list of neurons that all see the same inputs. What should __init__ keep, "
     "what does calling the layer give back, and what are the layer's parameters?",
     "__init__ keeps nout new neurons of nin inputs each: a new Neuron for each place. Calling "
     "the layer calls every neuron on the same x and gives back the list of their outputs, or "
     "the one output itself when there is a single neuron. parameters() puts every neuron's "
     "parameters, neuron after neuron, into one flat list.",
     "A comprehension with two for clauses flattens a list of lists: the outer one goes "
     "through the neurons, the inner one through each neuron's parameters."),
    wrong_examples=[(_LayerOneNeuronRepeated,), (_LayerNestedParameters,), (_LayerAlwaysAList,),
                    (_LayerSizesSwapped,), (_LayerFirstNeuronsParameters,),
                    (_LayerLastOutputOnly,), (_LayerWrappingTheReference,), (micrograd.Layer,)],
    answers=CODE,
    reference=teaching.Layer,
    reference_name="micrograd.teaching.Layer",
    forbidden=PACKAGE_CLASSES + (teaching.Layer,),
)


# Your turn: the MLP

MLP_CASES = [  # nin, nouts, input, the first input used twice
    (3, [4, 4, 1], [2.0, 3.0, -1.0], False),
    (3, [4, 4, 1], [0.5, 1.0, 1.0], False),
    (2, [3, 1], [1.5, -0.5], False),
    (3, [2, 3, 2], [1.0, 1.0, -2.0], True),
]


@_keeping_random_state
def _judge_mlp(MLP):
    problem = _builds_on(MLP, teaching.MLP, "MLP")
    if problem:
        return problem
    for nin, nouts, x, twice in MLP_CASES:
        what = f"MLP({nin}, {nouts})"
        sizes = [nin] + nouts
        expected = sum(sizes[i + 1] * (sizes[i] + 1) for i in range(len(nouts)))
        given = list(nouts)
        model = MLP(nin, given)
        if given != nouts:
            return (f"{what} changed the list of sizes it was given, to {given}: build "
                    "a new list from it and leave the caller's list as it was.")
        problem = _methods_problem(model, what)
        if problem:
            return problem
        problem = _parameter_problem(model, expected, what)
        if problem:
            if "lists" in problem and "of lists" not in problem:
                problem += (" How many inputs does each layer take, and how many neurons "
                            "does it have? Write the sizes of the chain out for "
                            f"{what}.")
            return problem
        reference = micrograd.MLP(nin, nouts, activation="tanh", output_activation="tanh",
                                  rng=nin)
        _copy_in([p.data for p in reference.parameters()], model)
        problem = _outputs_problem(model, reference, x, what, twice)
        if problem:
            if "but it should be" in problem or "at the end" in problem:
                problem += " Does each layer get the outputs of the layer before it?"
            return problem
    return None


class _MLPNotChained:
    def __init__(self, nin, nouts):
        sizes = [nin] + nouts
        self.layers = [teaching.Layer(sizes[i], sizes[i + 1]) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            out = layer(x)
        return out

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


class _MLPEveryLayerSeesTheInputs(_MLPNotChained):
    def __init__(self, nin, nouts):
        self.layers = [teaching.Layer(nin, nout) for nout in nouts]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class _MLPNestedParameters(_MLPEveryLayerSeesTheInputs):
    def __init__(self, nin, nouts):
        _MLPNotChained.__init__(self, nin, nouts)

    def parameters(self):
        return [layer.parameters() for layer in self.layers]


class _MLPChangesTheSizes(_MLPEveryLayerSeesTheInputs):  # inserts nin into the caller's list
    def __init__(self, nin, nouts):
        sizes = nouts
        sizes.insert(0, nin)
        self.layers = [teaching.Layer(sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)]


class _MLPWithoutTheInputSize(_MLPEveryLayerSeesTheInputs):
    def __init__(self, nin, nouts):
        self.layers = [teaching.Layer(nouts[i], nouts[i + 1]) for i in range(len(nouts) - 1)]


class _MLPLastLayerMissing(_MLPEveryLayerSeesTheInputs):
    def __init__(self, nin, nouts):
        sizes = [nin] + nouts
        self.layers = [teaching.Layer(sizes[i], sizes[i + 1]) for i in range(len(nouts) - 1)]


class _MLPWrappingTheReference:
    def __init__(self, nin, nouts):
        self.inner = teaching.MLP(nin, nouts)

    def __call__(self, x):
        return self.inner(x)

    def parameters(self):
        return self.inner.parameters()


mlp = Exercise(
    "the MLP",
    _judge_mlp,
    ("An MLP is layers in a chain. For MLP(3, [4, 4, 1]), write down how many inputs each "
     "layer takes and how many neurons it has: where does each layer's input come from?",
     "With sizes = [nin] + nouts, layer i takes sizes[i] inputs and has sizes[i + 1] "
     "neurons. Calling the MLP feeds x to the first layer, that layer's outputs to the next, "
     "and so on, and gives back what the last layer gives. parameters() is every layer's "
     "parameters in one flat list.",
     "In __call__, one name can carry the values through the loop: each layer's output "
     "becomes the next layer's input. Do not change the list nouts you are given: build a "
     "new list for the sizes."),
    wrong_examples=[(_MLPNotChained,), (_MLPEveryLayerSeesTheInputs,), (_MLPNestedParameters,),
                    (_MLPChangesTheSizes,), (_MLPWithoutTheInputSize,), (_MLPLastLayerMissing,),
                    (_MLPWrappingTheReference,), (micrograd.MLP,)],
    answers=CODE,
    reference=teaching.MLP,
    reference_name="micrograd.teaching.MLP",
    forbidden=PACKAGE_CLASSES + (teaching.MLP,),
)


# Exercise 1: the parameters of MLP(3, [8, 8, 1])

def _judge_count(n_params):
    expected = len(micrograd.MLP(3, [8, 8, 1]).parameters())
    if close(n_params, expected):
        return None
    if close(n_params, 8 * 3 + 8 * 8 + 1 * 8):
        return "that counts the weights only: every neuron also has a bias."
    if close(n_params, 8 + 8 + 1):
        return "that counts the neurons; count the numbers each neuron owns."
    if close(n_params, 41):
        return "41 is the lecture's MLP(3, [4, 4, 1]); this one has layers of 8 neurons."
    if close(n_params, expected - 1):
        return "one bias is missing: the output neuron has one too."
    if close(n_params, expected - 9):
        return "the output layer is missing: it has a neuron too, with weights and a bias."
    if close(n_params, 3 + 8 + 8 + 1):
        return "that adds up the sizes; count the weights and biases of every neuron."
    if not _number(n_params) or n_params != int(n_params):
        return "a count of parameters is a whole number."
    return (f"{n_params} is too {'big' if n_params > expected else 'small'}. Go layer by "
            "layer: how many neurons, and how many numbers does each one own?")


q1 = Exercise(
    "the number of parameters of MLP(3, [8, 8, 1])",
    _judge_count,
    ("Go layer by layer: how many neurons does each layer have, and how many numbers does "
     "each neuron own? The lesson did it for MLP(3, [4, 4, 1]).",
     "The sizes are [3, 8, 8, 1]. A neuron with n inputs owns n weights and 1 bias; the first "
     "layer has 8 neurons of 3 inputs, the second 8 neurons of 8 inputs, the last 1 neuron of "
     "8 inputs. Add up the three layers."),
    wrong_examples=[(96,), (17,), (41,), (112,), (104,), (20,), (100,)],
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
        return ("look at a first-layer weight on x2: its gradient is x2 times the rest of "
                "the chain, and x2 = 0.")
    if close(count, 1):
        return ("not only one neuron: how many neurons of the first layer have a weight on "
                "x2?")
    if close(count, 3):
        return ("3 is the number of inputs; count the weights that multiply x2, one in each "
                "neuron that sees it.")
    if close(count, 4 + 4 + 1) or close(count, 12) or close(count, 8):
        return ("only the first layer sees x2. The second layer's inputs are the first "
                "layer's tanh outputs, which are not 0, so its weights get gradients.")
    if close(count, 5) or close(count, 16):
        return ("a bias is not multiplied by any input: its gradient is the rest of the "
                "chain, which is not 0. Only weights on x2 stay at 0.")
    return ("which weights multiply the input 0? A weight's gradient is its input times the "
            "rest of the chain. Which layer takes x2, and how many weights does it give x2?")


q2 = Exercise(
    "how many gradients an input of 0 leaves at 0",
    _judge_zero_grads,
    ("A weight's gradient is its input times the rest of the chain. Which parameters are "
     "multiplied by x2, and does any later layer see x2 itself?",
     "For a neuron, d(w · x + b)/dw_i = x_i, so the weight on an input of 0 gets gradient 0. "
     "Only the first layer's weights multiply the inputs x1, x2, x3; the later layers see "
     "tanh outputs, and a bias is multiplied by nothing."),
    wrong_examples=[(0,), (1,), (3,), (12,), (9,), (5,), (16,)],
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


def _grads_after_one_backward_call():
    a, b = micrograd.Value(3.0), micrograd.Value(-2.0)
    e = a * b
    L = e + a
    L.backward()
    return a.grad, e.grad


def _grads_with_our_value():
    """The same two calls with the lessons' own Value, which resets nothing."""
    a, b = teaching.Value(3.0), teaching.Value(-2.0)
    e = a * b
    L = e + a
    L.backward()
    L.backward()
    return a.grad, e.grad


def _judge_twice(a_grad, e_grad):
    expected_a, expected_e = grads_after_two_backward_calls()
    once_a, once_e = _grads_after_one_backward_call()
    ours_a, ours_e = _grads_with_our_value()
    if close(a_grad, expected_a) and close(e_grad, expected_e):
        return None
    if close(a_grad, ours_a) and close(e_grad, ours_e) and not close(ours_a, expected_a):
        return ("those are the numbers our own Value would give, which resets nothing; the "
                "code uses the package's Value. Read again what the exercise says its "
                "backward() does to inner nodes and to leaves.")
    if close(a_grad, once_a) and not close(once_a, expected_a):
        return ("that a.grad is what one backward() call leaves. a is a leaf: what does the "
                "second call do to what it already holds?")
    if close(a_grad, 2 * once_a - 2) or close(a_grad, 2 * (once_a - 1)):
        return ("a reaches L along two paths, through e = a·b and directly; count both "
                "when you find dL/da for one call.")
    if close(a_grad, -expected_a):
        return "check the sign of a.grad: b is negative."
    if not close(a_grad, expected_a):
        return (f"a.grad: {as_text(a_grad)} is not right. Find dL/da for one call first "
                "(a is used twice), then think about what a second call does to a leaf.")
    if close(e_grad, 2 * once_e) and not close(2 * once_e, expected_e):
        return ("a.grad is right. e is an inner node (made by *), and the exercise says what "
                "the package's backward() does to inner nodes before it starts: does e.grad "
                "add up over the two calls?")
    if close(e_grad, -2.0) or close(e_grad, 3.0):
        return ("a.grad is right. e.grad is dL/de, the derivative of L with respect to e "
                "itself, not e's local derivative with respect to a or b.")
    return ("a.grad is right; e.grad is dL/de, with L = e + a, after the second call. What "
            "does the exercise say the package does to an inner node's grad?")


q3 = Exercise(
    "backward() called twice",
    _judge_twice,
    ("Do it in two parts. First one call: which paths lead from L back to a, and what is dL/de? "
     "Then the second call: the exercise says how the package's backward() treats a leaf "
     "such as a and an inner node such as e.",
     "For one call: dL/de = 1, since L = e + a; a gets b · dL/de through e, plus 1 directly. "
     "As the exercise says, the package's backward() sets the grad of every inner node back "
     "to 0 before it starts, while a leaf keeps its grad and adds the new one to it."),
    wrong_examples=[(-1.0, 1.0), (-2.0, 2.0), (-4.0, 1.0), (-4.0, 2.0), (2.0, 1.0),
                    (-2.0, -2.0), (-2.0, 0.0)],
    answers=NUMBERS,
)
