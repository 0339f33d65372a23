"""An exercise: a task's check, which prints one verdict, and a hint on request.

A check never raises: whatever the student's answer does (even raise an error), the cell
prints a verdict, so that a blank or half-done exercise never stops a lesson running.
"""

from dataclasses import dataclass

BLANK, CORRECT, WRONG = "not answered", "correct", "wrong"


@dataclass(frozen=True)
class Verdict:
    """What a check found: ``status`` is BLANK, CORRECT or WRONG; ``message`` says it."""

    status: str
    message: str


class Exercise:
    """One exercise of a lesson.

    Args:
        title: a few words naming the task, used in every message.
        judge: a function of the student's answer(s) that returns None when the answer is
            right, or a string saying what is wrong and what to look at. It may raise: an
            error in the student's code becomes a "not yet" with the error named.
        hint: the hint ``hint()`` prints.
        wrong_examples: answers a student might plausibly give that are wrong, as tuples of
            arguments to ``check``; the tests feed them in and expect a specific message.
    """

    def __init__(self, title, judge, hint, wrong_examples=()):
        self.title = title
        self.judge = judge
        self._hint = hint
        self.wrong_examples = list(wrong_examples)

    def verdict(self, *answer):
        """The verdict on ``answer``, without printing it."""
        if any(part is Ellipsis for part in answer):
            return Verdict(BLANK, f"Not answered yet: replace each ... in the cell for "
                                  f"{self.title}, then run it again.")
        try:
            problem = self.judge(*answer)
        except NotImplementedError:
            return Verdict(BLANK, f"Not answered yet: write the code for {self.title} "
                                  f"(it still raises NotImplementedError).")
        except Exception as error:  # the student's code failed: say how, and carry on
            return Verdict(WRONG, f"Not yet: running your code for {self.title} raised "
                                  f"{type(error).__name__}: {error}")
        if problem is None:
            return Verdict(CORRECT, f"Correct: {self.title}.")
        return Verdict(WRONG, f"Not yet: {problem}")

    def check(self, *answer):
        """Print the verdict on ``answer``: not answered yet, correct, or not yet and why."""
        found = self.verdict(*answer)
        mark = {CORRECT: "✓", WRONG: "✗", BLANK: "…"}[found.status]
        print(f"{mark} {found.message}")

    def hint(self):
        """Print a hint for this exercise."""
        print(f"Hint for {self.title}: {self._hint}")

    def __repr__(self):
        return f"<exercise: {self.title}>"


def close(actual, expected, tol=1e-6):
    """True when the number ``actual`` is ``expected`` to within ``tol`` (never for NaN)."""
    return isinstance(actual, (int, float)) and not isinstance(actual, bool) and \
        abs(actual - expected) <= tol
