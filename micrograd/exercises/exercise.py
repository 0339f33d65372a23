"""An exercise: a task's check, which prints one verdict, and hints on request.

A check never raises: whatever the student's answer does (raise an error, loop for ever, eat
memory), the cell prints a verdict, so that a blank or half-done exercise never stops a lesson
running. The student's code runs under a time and a memory limit (``guard.py``), and a call
to what the exercise asks them to write themselves is named as such.
"""

import json
import os
import sys
from dataclasses import dataclass
from numbers import Real

from micrograd.exercises import guard

BLANK, CORRECT, WRONG = "not answered", "correct", "wrong"
SOLUTIONS_IN_LESSONS = True  # False in the student edition (make handout), which has none
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
            right, or a string saying what is wrong and what to look at (not the finished
            answer). It may raise: an error in the student's code becomes a "not yet" that
            names the error and the line of theirs it came from.
        hints: what ``hint()`` prints, one more at each call: a nudge first, then more. After
            the last, it says where the solution is.
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
        forbidden: functions and classes of the package (or the lesson) that the exercise
            asks the student to write instead of calling; handing one in, or calling one
            from their code, is named as a shortcut.
    """

    def __init__(self, title, judge, hints, wrong_examples=(), answers=None, reference=None,
                 reference_name=None, forbidden=()):
        self.title = title
        self.judge = judge
        self.hints = (hints,) if isinstance(hints, str) else tuple(hints)
        self.hints_given = 0
        self.wrong_examples = list(wrong_examples)
        self.answers = answers
        self.reference = reference
        self.reference_name = reference_name
        self.forbidden = tuple(forbidden)
        self._module = sys._getframe(1).f_globals.get("__name__", "")  # where it is defined

    def verdict(self, *answer):
        """The verdict on ``answer``, without printing it."""
        if any(part is Ellipsis for part in answer):
            return Verdict(BLANK, f"Not answered yet: replace each ... in the cell for "
                                  f"{self.title}, then run it again.")
        problem = self._wrong_kind(answer) or self._handed_in_a_shortcut(answer)
        if problem:
            return Verdict(WRONG, f"Not yet: {problem}")
        try:
            problem, shortcuts = guard.run_checked(self.judge, answer, forbidden=self.forbidden)
        except NotImplementedError:
            return Verdict(BLANK, f"Not answered yet: write the code for {self.title} "
                                  f"(it still raises NotImplementedError).")
        except guard.TimeLimit:
            return Verdict(WRONG, f"Not yet: your code for {self.title} ran for more than "
                                  f"{guard.TIME_LIMIT:g} s, so the check stopped it: is there "
                                  f"a loop that never ends?")
        except guard.MemoryLimit:
            return Verdict(WRONG, f"Not yet: your code for {self.title} used more than "
                                  f"{guard.MEMORY_LIMIT // 2 ** 20} MB of memory, so the check "
                                  f"stopped it: is there a list that keeps growing?")
        except Exception as error:
            return Verdict(WRONG, f"Not yet: {self._explain(error, answer)}")
        if shortcuts:
            named = " and ".join(shortcuts[:2]) + (
                f" (and {len(shortcuts) - 2} more)" if len(shortcuts) > 2 else "")
            return Verdict(WRONG, f"Not yet: your code calls {named}, which this exercise asks "
                                  f"you to do without: write that part yourself.")
        if problem is None:
            return Verdict(CORRECT, f"Correct: {self.title}.")
        return Verdict(WRONG, f"Not yet: {problem}")

    def _explain(self, error, answer):
        """What went wrong when the check raised: in the student's code, or only in the
        check's own code while it looked at what the student's code gave back."""
        named = f"{type(error).__name__}: {error}"
        theirs, line = guard.whose_error(error, *answer)
        if theirs:
            return f"running your code for {self.title} raised {named} (at {line})."
        called = [part.__name__ for part in answer if callable(part)
                  and f"{getattr(part, '__name__', '?')}()" in str(error)]
        if isinstance(error, TypeError) and called:
            return (f"the check could not call your {called[0]} the way the task describes it "
                    f"({named}): look at the arguments it takes.")
        if "NoneType" in str(error):
            return (f"your code gave back None where the check expected something ({named}): "
                    f"is a `return` missing?")
        if self.answers == NUMBERS:
            return f"the check could not compare your answers ({named})."
        return (f"the check could not use what your code gave back ({named}). Look at what "
                f"it returns: the kind of thing, and how many.")

    def _wrong_kind(self, answer):
        """A sentence when an answer is not the kind the exercise asks for, else None."""
        for part in answer:
            if self.answers == NUMBERS and not_a_number(part):
                return f"each answer {not_a_number(part)}."
            if self.answers == CODE and not callable(part):
                return (f"give the function (or class) you wrote, by its name: no quotes, no "
                        f"brackets; got {type(part).__name__} {part!r}.")
        return None

    def _handed_in_a_shortcut(self, answer):
        """A sentence when an answer is a forbidden function or class itself, or the
        reference the lesson falls back on, else None."""
        for part in answer:
            if callable(part) and part is self.reference:
                return (f"that is {self.reference_name} itself, the reference the lesson goes "
                        f"on with anyway; write your own and hand in that.")
            for item in self.forbidden:
                if part is item or (isinstance(part, type) and isinstance(item, type)
                                    and issubclass(part, item)):
                    return (f"that is {item.__module__}.{item.__qualname__}, the one the "
                            f"package has; this exercise asks for one you write yourself.")
        return None

    def check(self, *answer):
        """Print the verdict on ``answer``: not answered yet, correct, or not yet and why."""
        self._report(self.verdict(*answer))

    def _report(self, found):
        """Print the verdict; when a grading run asks for it (``make grade`` sets
        MICROGRAD_VERDICTS to a file), also add it to that file, as one line of JSON."""
        _print_verdict(found)
        record = os.environ.get("MICROGRAD_VERDICTS")
        if record:
            with open(record, "a", encoding="utf-8") as out:
                out.write(json.dumps({"exercise": self.name, "status": found.status,
                                      "message": found.message}) + "\n")

    @property
    def name(self):
        """Where it is defined, as "lesson03.q1"."""
        module = sys.modules.get(self._module)
        names = [key for key, value in vars(module).items() if value is self] if module else []
        return f"{self._module.rsplit('.', 1)[-1]}.{names[0] if names else self.title}"

    def use(self, *answer):
        """Check ``answer`` and hand back what the lesson goes on with.

        For a "your turn" cell: prints the verdict, then returns the student's answer when it
        is correct, and the reference otherwise, saying so::

            Value = ex.add_and_mul.use(Value)
        """
        found = self.verdict(*answer)
        self._report(found)
        if found.status == CORRECT:
            print("  The lesson goes on with yours.")
            return answer[0] if len(answer) == 1 else answer
        print(f"  Until yours passes, the lesson goes on with the reference, "
              f"{self.reference_name}.")
        return self.reference

    def hint(self):
        """Print the next hint for this exercise: a nudge first, then more."""
        if self.hints_given < len(self.hints):
            self.hints_given += 1
            number = f" ({self.hints_given} of {len(self.hints)})" if len(self.hints) > 1 else ""
            print(f"Hint{number} for {self.title}: {self.hints[self.hints_given - 1]}")
        elif self.reference_name:
            print(f"No more hints for {self.title}. The lesson's reference is "
                  f"{self.reference_name}: compare yours with it.")
        elif SOLUTIONS_IN_LESSONS:
            print(f"No more hints for {self.title}. A solution is in the collapsed cell under "
                  f"the exercise: click it to open it.")
        else:
            print(f"No more hints for {self.title}. Your teacher has the solutions.")

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
