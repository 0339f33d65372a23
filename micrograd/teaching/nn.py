"""The lessons' neural net, as the lecture writes it: ``Neuron``, ``Layer`` and ``MLP`` on
top of the lessons' own ``Value`` (``micrograd.teaching.Value``), with ``tanh`` everywhere.

A neuron computes tanh(w · x + b); a layer is a list of neurons that all see the same
inputs; an MLP is a list of layers, each feeding the next. Each has ``parameters()``,
listing its weights and biases in a fixed order (a neuron's weights, then its bias; neuron
after neuron; layer after layer), the same order as the package's ``micrograd.MLP``. So a
lesson compares the two by copying the package's numbers into this network with
``copy_parameters`` (the two start from different random numbers: the package starts every
bias at 0). ``micrograd.nn`` is the package's robust version.
"""

import random

from micrograd.teaching.value import Value


class Neuron:
    """out = tanh(w · x + b): one weight per input and a bias, random in [-1, 1]."""

    def __init__(self, nin):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]  # the weights first,
        self.b = Value(random.uniform(-1, 1))                        # then the bias

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)   # b + w1*x1 + w2*x2 + ...
        return act.tanh()

    def parameters(self):
        return self.w + [self.b]


class Layer:
    """``nout`` neurons, each seeing all ``nin`` inputs; a single output when ``nout`` is 1."""

    def __init__(self, nin, nout):
        self.neurons = [Neuron(nin) for _ in range(nout)]

    def __call__(self, x):
        outs = [n(x) for n in self.neurons]
        return outs[0] if len(outs) == 1 else outs

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    """Layers of sizes ``nouts``, each feeding the next: MLP(3, [4, 4, 1]) has 41 parameters."""

    def __init__(self, nin, nouts):
        sizes = [nin] + list(nouts)
        self.layers = [Layer(sizes[i], sizes[i + 1]) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def zero_grad(self):
        """Set every parameter's grad to 0, before the next backward() adds to it."""
        for p in self.parameters():
            p.grad = 0.0


def copy_parameters(source, target):
    """Give ``target``'s parameters the numbers of ``source``'s, one by one, grads at 0.

    Both are networks of the same shape whose ``parameters()`` list the weights and biases
    in the same order, such as the package's ``micrograd.MLP(3, [4, 4, 1],
    activation="tanh", output_activation="tanh")`` and this ``MLP(3, [4, 4, 1])``.
    """
    theirs, ours = source.parameters(), target.parameters()
    if len(theirs) != len(ours):
        raise ValueError(f"the two networks have {len(theirs)} and {len(ours)} parameters")
    for p_source, p_target in zip(theirs, ours):
        p_target.data = p_source.data
        p_target.grad = 0.0
    return target
