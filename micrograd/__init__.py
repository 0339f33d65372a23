"""micrograd: a tiny autograd engine and a neural-network library on top of it.

    from micrograd import Value, MLP, draw_dot
"""

from micrograd.datasets import make_moons, tiny_dataset
from micrograd.draw import draw_backward, draw_dot, draw_forward, draw_mlp, draw_neuron
from micrograd.engine import Value
from micrograd.nn import MLP, Layer, Module, Neuron
from micrograd.numeric import central_difference, check_grads, forward_difference

__all__ = [
    "MLP", "Layer", "Module", "Neuron", "Value",
    "central_difference", "check_grads", "draw_backward", "draw_dot", "draw_forward", "draw_mlp",
    "draw_neuron", "forward_difference",
    "make_moons", "tiny_dataset",
]
