"""The code the lessons have the student write, as reference versions.

Each "your turn" cell of a lesson checks the student's code with the exercise framework and
hands back either that code, when it passes, or the reference from here, so that the lesson
always goes on with something that works. Open these files to compare with your own:

* ``value.py``: the ``Value`` of lessons 02–07, as the lecture writes it (a ``_backward``
  closure per operation), with ``build_topo``.

The package's own engine (``micrograd.engine``) is the fast, robust version of the same idea;
tests check that the two agree.
"""

from micrograd.teaching.value import Value, build_topo

__all__ = ["Value", "build_topo"]
