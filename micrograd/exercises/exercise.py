"""An exercise: a task's check, which prints one verdict, and a hint on request.

A check never raises: whatever the student's answer does (even raise an error), the cell
prints a verdict, so that a blank or half-done exercise never stops a lesson running.
"""

from dataclasses import dataclass
from numbers import Real

BLANK, CORRECT, WRONG = "not answered", "correct", "wrong"
NUMBERS, CODE = "numbers", "code"  # what an exercise's answers are


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
        answers: NUMBERS when every answer is a number, CODE when it is a function or class
            the student wrote (None: the judge looks for itself). Anything else given is
            answered plainly, before the judge sees it: "6" in quotes is not the number 6.
        reference: for a "your turn" cell in the body of a lesson, what the lesson goes on
            with until the student's answer passes (``use`` hands it back): a class or
            function from ``micrograd.teaching``, or the numbers, as a tuple when there are
            several answers.
        reference_name: how the messages name the reference, such as
            "micrograd.teaching.Value".
    """

    def __init__(self, title, judge, hint, wrong_examples=(), answers=None, reference=None,
                 reference_name=None):
        self.title = title
        self.judge = judge
        self._hint = hint
        self.wrong_examples = list(wrong_examples)
        self.answers = answers
        self.reference = reference
        self.reference_name = reference_name

    def verdict(self, *answer):
        """The verdict on ``answer``, without printing it."""
        if any(part is Ellipsis for part in answer):
            return Verdict(BLANK, f"Not answered yet: replace each ... in the cell for "
                                  f"{self.title}, then run it again.")
        wrong_kind = self._wrong_kind(answer)
        if wrong_kind:
            return Verdict(WRONG, f"Not yet: {wrong_kind}")
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

    def _wrong_kind(self, answer):
        """A sentence when an answer is not the kind the exercise asks for, else None."""
        for part in answer:
            if self.answers == NUMBERS and not_a_number(part):
                return f"each answer {not_a_number(part)}."
            if self.answers == CODE and not callable(part):
                return (f"give the function (or class) you wrote, by its name: no quotes, no "
                        f"brackets; got {type(part).__name__} {part!r}.")
        return None

    def check(self, *answer):
        """Print the verdict on ``answer``: not answered yet, correct, or not yet and why."""
        _print_verdict(self.verdict(*answer))

    def use(self, *answer):
        """Check ``answer`` and hand back what the lesson goes on with.

        For a "your turn" cell: prints the verdict, then returns the student's answer when it
        is correct, and the reference otherwise, saying so::

            Value = ex.add_and_mul.use(Value)
        """
        found = self.verdict(*answer)
        _print_verdict(found)
        if found.status == CORRECT:
            print("  The lesson goes on with yours.")
            return answer[0] if len(answer) == 1 else answer
        print(f"  Until yours passes, the lesson goes on with the reference, "
              f"{self.reference_name}.")
        return self.reference

    def hint(self):
        """Print a hint for this exercise."""
        print(f"Hint for {self.title}: {self._hint}")

    def __repr__(self):
        return f"<exercise: {self.title}>"


def _print_verdict(found):
    mark = {CORRECT: "✓", WRONG: "✗", BLANK: "…"}[found.status]
    print(f"{mark} {found.message}")


def not_a_number(x):
    """What is wrong when ``x`` is not a number (True and False are not), else None."""
    if isinstance(x, bool) or not isinstance(x, Real):
        return (f"should be a number, such as 1.5 (without quotes); got "
                f"{type(x).__name__} {x!r}")
    return None


def close(actual, expected, tol=1e-6):
    """True when the number ``actual`` is ``expected`` to within ``tol`` (never for NaN)."""
    return isinstance(actual, (int, float)) and not isinstance(actual, bool) and \
        abs(actual - expected) <= tol
