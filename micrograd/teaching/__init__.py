"""The code the lessons have the student write, as reference versions.

Each "your turn" cell of a lesson checks the student's code with the exercise framework and
hands back either that code, when it passes, or the reference from here, so that the lesson
always goes on with something that works. Open these files to compare with your own:

* ``value.py``: the ``Value`` of lessons 02–07, as the lecture writes it (a ``_backward``
  closure per operation), with ``build_topo``.
* ``nn.py``: the ``Neuron``, ``Layer`` and ``MLP`` of lesson 08 (tanh everywhere, with
  ``parameters()`` and ``zero_grad()``), on that ``Value``, and ``copy_parameters`` to give
  one network another's numbers.
* ``training.py``: lesson 09's ``squared_error`` loss and ``train_step`` (forward →
  zero_grad → backward → update).
* ``moons.py``: lesson 10's ``loss_and_accuracy`` (the max-margin loss with L2) and its
  ``train_step`` with the falling learning rate (import them from ``micrograd.teaching.moons``).
* ``efficiency.py``: lesson 11's ``nudged_gradients`` and ``make_batches`` (import them from
  ``micrograd.teaching.efficiency``).

The package's own engine (``micrograd.engine``) is the fast, robust version of the same idea;
tests check that the two agree.
"""

from micrograd.teaching.nn import MLP, Layer, Neuron, copy_parameters
from micrograd.teaching.training import squared_error, train_step
from micrograd.teaching.value import Value, build_topo

__all__ = ["MLP", "Layer", "Neuron", "Value", "build_topo", "copy_parameters", "squared_error",
           "train_step"]
