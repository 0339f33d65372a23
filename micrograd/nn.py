"""A small neural-network library on top of the engine, shaped like PyTorch's ``nn``.

A ``Neuron`` computes activation(w · x + b); a ``Layer`` is a list of neurons that all
see the same inputs; an ``MLP`` is a list of layers, each feeding the next.

The names, arguments and defaults of micrograd 0.1.0 still work: ``Neuron(nin,
nonlin=True)`` is a ReLU neuron, and ``MLP(nin, nouts)`` has ReLU hidden layers and a
linear output layer. The lecture's network is ``MLP(3, [4, 4, 1], activation="tanh",
output_activation="tanh")``.
"""

import random
from collections.abc import Iterable, Mapping, Set
from numbers import Integral, Real

from micrograd.engine import Value, _describe, dot, dot_relu

ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")


class Module:
    """Anything with parameters: it can list them and reset their gradients.

    Calling a module checks its input once, then runs ``forward``; inner modules call
    each other's ``forward`` directly, so the check is not repeated for every neuron.
    """

    def __call__(self, x):
        return self.forward(_check_inputs(x, self.nin, self))

    def zero_grad(self):
        """Set every parameter's grad to 0, before the next backward pass adds to it."""
        for p in self.parameters():
            p.grad = 0.0

    def parameters(self):
        """The Values that training adjusts, in a fixed order."""
        return []


class Neuron(Module):
    """out = activation(w · x + b), with one weight per input and one bias.

    Args:
        nin: how many inputs it takes.
        nonlin: micrograd 0.1.0's switch, a bool: True for ReLU, False for linear. Ignored
            when ``activation`` is given.
        activation: "relu", "tanh", "sigmoid" or "linear".
        rng: where the initial weights come from: a ``random.Random``, an int seed, or
            None for the ``random`` module itself (so ``random.seed(...)`` works as in 0.1.0).

    Weights start uniform in [-1, 1] and the bias at 0, as in micrograd 0.1.0.
    """

    def __init__(self, nin, nonlin=True, *, activation=None, rng=None):
        nin = _check_size(nin, "nin")
        if not isinstance(nonlin, bool):
            raise TypeError(f"nonlin must be True (ReLU) or False (linear); got {nonlin!r}"
                            + (f" (for that, use activation={nonlin!r})"
                               if nonlin in ACTIVATIONS else ""))
        if activation is None:
            activation = "relu" if nonlin else "linear"
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}; "
                             f"got {activation!r}")
        rng = _as_rng(rng)
        self.w = [Value(rng.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(0.0)
        self.activation = activation

    @property
    def nin(self):
        return len(self.w)

    def forward(self, x, x_data=None):
        """activation(w · x + b) for a list of Values ``x`` (``x_data``: their numbers)."""
        if self.activation == "relu":
            return dot_relu(self.w, x, self.b, x_data)  # the sum and the ReLU in one node
        z = dot(self.w, x, self.b, x_data)
        if self.activation == "linear":
            return z
        return getattr(z, self.activation)()

    def parameters(self):
        return self.w + [self.b]

    def __repr__(self):
        name = {"relu": "ReLU", "linear": "Linear"}.get(self.activation, self.activation.title())
        return f"{name}Neuron({len(self.w)})"


class Layer(Module):
    """``nout`` neurons, each seeing all ``nin`` inputs. Keyword arguments go to each Neuron.

    Calling it returns a list of ``nout`` Values, or a single Value when ``nout`` is 1.
    """

    def __init__(self, nin, nout, **kwargs):
        nout = _check_size(nout, "nout")
        kwargs["rng"] = _as_rng(kwargs.get("rng"))  # one generator shared by all neurons
        self.neurons = [Neuron(nin, **kwargs) for _ in range(nout)]

    @property
    def nin(self):
        return self.neurons[0].nin

    def forward(self, x):
        x_data = [xi.data for xi in x]  # read once, for all the layer's neurons
        out = [n.forward(x, x_data) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]

    def __repr__(self):
        return f"Layer of [{', '.join(str(n) for n in self.neurons)}]"


class MLP(Module):
    """A multi-layer perceptron: layers of sizes ``nouts``, each feeding the next.

    Args:
        nin: how many inputs the first layer takes.
        nouts: the size of each layer, the last one being the output.
        activation: for every layer but the last ("relu" by default, as in 0.1.0).
        output_activation: for the last layer ("linear" by default, as in 0.1.0).
            For either, None means no activation, the same as "linear".
        rng: a ``random.Random``, an int seed, or None for the ``random`` module.
    """

    def __init__(self, nin, nouts, *, activation="relu", output_activation="linear", rng=None):
        if (isinstance(nouts, (str, bytes, Set, Mapping)) or not isinstance(nouts, Iterable)
                or getattr(nouts, "shape", None) == ()):
            raise TypeError(f"nouts must be a list of layer sizes such as [16, 16, 1]; "
                            f"got {_describe(nouts)}")
        nouts = [_check_size(n, "each size in nouts") for n in nouts]  # once: may be an iterator
        if not nouts:
            raise ValueError("nouts must name at least one layer, such as [1]")
        activation = "linear" if activation is None else activation
        output_activation = "linear" if output_activation is None else output_activation
        rng = _as_rng(rng)
        sizes = [nin] + list(nouts)
        last = len(nouts) - 1
        self.layers = [
            Layer(sizes[i], sizes[i + 1], rng=rng,
                  activation=output_activation if i == last else activation)
            for i in range(len(nouts))
        ]

    @property
    def nin(self):
        return self.layers[0].nin

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x if isinstance(x, list) else [x])  # [x]: a one-neuron layer
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self):
        return f"MLP of [{', '.join(str(layer) for layer in self.layers)}]"


def _as_rng(rng):
    """A random.Random (or the random module) from None, an int seed or a Random."""
    if rng is None or rng is random:
        return random
    if isinstance(rng, random.Random):
        return rng
    if isinstance(rng, Integral) and not isinstance(rng, bool):
        return random.Random(int(rng))
    raise TypeError(f"rng must be None, an int seed or a random.Random; got {_describe(rng)}")


def _check_size(n, name):
    """``n`` as an int (numpy integers welcome), or a clear error."""
    if isinstance(n, bool) or not isinstance(n, Integral):
        raise TypeError(f"{name} must be a positive whole number; got {_describe(n)}")
    if n < 1:
        raise ValueError(f"{name} must be a positive whole number; got {n!r}")
    return int(n)


def _check_inputs(x, expected, module):
    """``x`` as a list of Values, checked to have the size ``module`` expects."""
    if isinstance(x, (Value, Real)):
        x = [x]  # a single number, such as the output of a one-neuron layer
    if (isinstance(x, (str, bytes, Mapping, Set)) or not isinstance(x, Iterable)
            or getattr(x, "shape", None) == ()):  # a set has no order; a 0-d array no items
        raise TypeError(f"{_short_name(module)} expects a list of {expected} numbers or Values; "
                        f"got {_describe(x)}")
    x = list(x)
    if len(x) != expected:
        raise ValueError(f"{_short_name(module)} expects {expected} inputs, got {len(x)}")
    for xi in x:
        if not isinstance(xi, (Value, Real)) or isinstance(xi, bool):
            raise TypeError(f"{_short_name(module)} expects numbers or Values as inputs; "
                            f"got {_describe(xi)}")
    return [xi if isinstance(xi, Value) else Value(xi) for xi in x]


def _short_name(module):
    if isinstance(module, MLP):
        return f"MLP({module.nin}, {[len(layer.neurons) for layer in module.layers]})"
    if isinstance(module, Layer):
        return f"Layer({module.nin}, {len(module.neurons)})"
    return repr(module)
