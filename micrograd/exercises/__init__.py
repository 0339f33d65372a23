"""Exercises for the lessons: one module a lesson, each exercise with a check and a hint.

In a lesson::

    from micrograd.exercises import lesson03 as ex

    # the exercise cell, which the student fills in
    dL_da = ...  # your answer
    ex.q1.check(dL_da)     # prints one verdict: not answered yet / correct / not yet, with a hint

    ex.q1.hint()           # a hint, when asked for

The reference solution is in the lesson, in a cell tagged ``solution`` that JupyterLab
shows collapsed. How each exercise is checked is in ``exercise.py``.
"""

from micrograd.exercises.exercise import Exercise, Verdict

__all__ = ["Exercise", "Verdict"]
