"""Every exercise: blank runs, a wrong answer gets a specific hint, the solution is correct."""

import importlib
import json
import pkgutil
import time
from pathlib import Path

import nbformat
import pytest
from lesson_parts import exercise_name, solutions
from nbclient import NotebookClient

import micrograd
import micrograd.exercises
from micrograd.exercises import Exercise, guard
from micrograd.exercises.exercise import BLANK, CODE, CORRECT, NUMBERS, WRONG

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def all_exercises():
    found = []
    for module in pkgutil.iter_modules(micrograd.exercises.__path__):
        if module.name.startswith("lesson"):
            lesson = importlib.import_module(f"micrograd.exercises.{module.name}")
            found += [(f"{module.name}.{name}", exercise)
                      for name, exercise in vars(lesson).items() if isinstance(exercise, Exercise)]
    return found


EXERCISES = all_exercises()


def cells(path, tag):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if tag in c.get("metadata", {}).get("tags", [])]


def printed(cell):
    return "".join("".join(o.get("text", "")) for o in cell["outputs"])


def test_there_are_exercises():
    assert len(EXERCISES) >= 3 * len(NOTEBOOKS)


@pytest.mark.parametrize("name, exercise", EXERCISES, ids=[n for n, _ in EXERCISES])
def test_a_blank_answer_is_not_answered_yet(name, exercise):
    assert exercise.verdict(...).status == BLANK


CRASHES = ("raised", "could not use", "could not compare")  # a check's words for a crash
MIN_WRONG_EXAMPLES = 5


@pytest.mark.parametrize("name, exercise", EXERCISES, ids=[n for n, _ in EXERCISES])
def test_every_wrong_example_gets_a_specific_hint_not_a_crash(name, exercise):
    assert len(exercise.wrong_examples) >= MIN_WRONG_EXAMPLES, (
        f"{name}: {len(exercise.wrong_examples)} wrong answers to test its check with")
    for answer in exercise.wrong_examples:
        found = exercise.verdict(*answer)
        assert found.status == WRONG, (name, answer, found)
        assert not any(word in found.message for word in CRASHES), (
            f"{name}: its check crashed on {answer!r}: {found.message}")
        assert len(found.message) > len("Not yet: ") + 20, found.message


def same_shape(example, body):
    """A function or a class (like ``example``) whose every call runs ``body``."""
    if isinstance(example, type):
        return type("Answer", (), {"__init__": lambda self, *args, **kwargs: body()})
    return lambda *args, **kwargs: body()


def forever():
    while True:
        pass


CODE_EXERCISES = [(n, e) for n, e in EXERCISES if e.answers == CODE]


@pytest.mark.parametrize("name, exercise", CODE_EXERCISES, ids=[n for n, _ in CODE_EXERCISES])
def test_code_that_never_ends_is_stopped_with_a_verdict(name, exercise, monkeypatch):
    monkeypatch.setattr(guard, "TIME_LIMIT", 0.3)
    example = exercise.wrong_examples[0]
    answer = (same_shape(example[0], forever),) + tuple(example[1:])
    start = time.monotonic()
    found = exercise.verdict(*answer)
    assert found.status == WRONG and "ran for more than 0.3 s" in found.message, found
    assert time.monotonic() - start < 3


@pytest.mark.parametrize("name, exercise", CODE_EXERCISES, ids=[n for n, _ in CODE_EXERCISES])
def test_code_that_returns_nothing_is_not_accepted(name, exercise):
    example = exercise.wrong_examples[0]
    answer = (same_shape(example[0], lambda: None),) + tuple(example[1:])
    found = exercise.verdict(*answer)
    assert found.status == WRONG and "running your code" not in found.message, found


@pytest.mark.parametrize("name, exercise", EXERCISES, ids=[n for n, _ in EXERCISES])
def test_an_answer_of_the_wrong_kind_is_told_so_plainly(name, exercise):
    # "6" in quotes, where a number or a function is asked for: a plain word, not a crash
    found = exercise.verdict(*["6"] * len(exercise.wrong_examples[0]))
    assert found.status == WRONG, (name, found)
    assert "raised" not in found.message and "'6'" in found.message, found.message


@pytest.mark.parametrize("name, exercise", EXERCISES, ids=[n for n, _ in EXERCISES])
def test_hints_come_one_at_a_time_and_end_with_where_the_answer_is(name, exercise, capsys):
    assert len(exercise.hints) >= 2, f"{name}: a nudge, then more: at least two hints"
    given = exercise.hints_given
    for hint in exercise.hints:
        exercise.hint()
        shown = capsys.readouterr().out
        assert hint in shown and len(hint) > 30, shown
    exercise.hint()
    assert "No more hints" in capsys.readouterr().out
    exercise.hints_given = given


def solution_lines(code):
    """The lines of a solution that give it away: not a def, a comment, a check or short."""
    return [line.strip() for line in code.splitlines()
            if len(line.strip()) >= 15 and not line.strip().startswith(("#", "def ", "ex."))]


def lesson_solutions():
    found = []
    for path in NOTEBOOKS:
        module = importlib.import_module(f"micrograd.exercises.lesson{path.name[:2]}")
        for name, code in solutions(path).items():
            found.append((f"{path.name[:2]}.{name}", getattr(module, name), code))
    return found


SOLUTIONS = lesson_solutions()


@pytest.mark.parametrize("name, exercise, code", SOLUTIONS, ids=[n for n, _, _ in SOLUTIONS])
def test_neither_the_first_hint_nor_a_rejection_hands_over_the_solution(name, exercise, code):
    for line in solution_lines(code):
        assert line not in exercise.hints[0], f"{name}: the first hint holds {line!r}"
        for answer in exercise.wrong_examples:
            message = exercise.verdict(*answer).message
            assert line not in message, f"{name}: a rejection holds {line!r}: {message}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_has_three_exercises_each_with_a_solution_that_does_not_run(path):
    exercises = cells(path, "exercise")
    assert len(exercises) >= 3, f"{path.name}: {len(exercises)} exercise cells"
    for cell in exercises:  # as stored: blank, and it ran without error
        assert "Not answered yet" in printed(cell), (path.name, printed(cell))
        assert all(o["output_type"] != "error" for o in cell["outputs"])
    assert len(solutions(path)) == len(exercises), f"{path.name}: an exercise without a solution"
    for cell in cells(path, "solution"):  # Run All never runs a solution, nor replaces code
        assert cell["cell_type"] == "markdown", f"{path.name}: a solution cell that runs"
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, path.name


def test_a_check_never_raises_whatever_the_answer_does():
    def judge(f):
        return None if f(2) == 4 else "f(2) should be 4"

    square = Exercise("squaring", judge, ("multiply", "x by itself"))
    assert square.verdict(lambda x: x * x).status == CORRECT
    assert square.verdict(lambda x: x + x + 1).message == "Not yet: f(2) should be 4"

    def divide(x):
        return 1 / 0

    assert square.verdict(divide).message == (
        "Not yet: running your code for squaring raised ZeroDivisionError: division by zero "
        "(at line 2 of divide()).")

    def todo(x):
        raise NotImplementedError

    assert square.verdict(todo).status == BLANK


def test_an_error_in_the_check_itself_is_not_blamed_on_the_students_code():
    def judge(f):
        return f"f(2) is {f(2):.4f}, not 4"  # trips over anything but a number

    square = Exercise("squaring", judge, ("multiply", "x by itself"), answers=CODE)
    found = square.verdict(lambda x: [x])
    assert "running your code" not in found.message
    assert found.message.startswith("Not yet: the check could not use what your code gave back")
    assert "is a `return` missing?" in square.verdict(lambda x: None).message


def test_a_hang_ends_within_ten_seconds_with_the_default_limit():
    square = Exercise("squaring", lambda f: None if f(2) == 4 else "f(2) should be 4",
                      ("multiply", "x by itself"), answers=CODE)
    start = time.monotonic()
    found = square.verdict(lambda x: forever())
    assert time.monotonic() - start <= 10
    assert found.message == (f"Not yet: your code for squaring ran for more than "
                             f"{guard.TIME_LIMIT:g} s, so the check stopped it: is there a loop "
                             f"that never ends?")
    assert square.verdict(lambda x: x * x).status == CORRECT  # and the next check runs as usual


def test_code_that_eats_memory_is_stopped_with_a_verdict(monkeypatch):
    monkeypatch.setattr(guard, "MEMORY_LIMIT", 200 * 2 ** 20)

    def hoard(x):
        kept = []
        while True:
            kept.append(bytearray(2 ** 20))

    found = Exercise("squaring", lambda f: f(2), ("a", "b"), answers=CODE).verdict(hoard)
    assert "used more than 200 MB of memory" in found.message, found


def test_calling_or_handing_in_what_the_exercise_asks_for_is_a_shortcut():
    def judge(f):
        return None if f(lambda x: x * x, 3.0) == pytest.approx(6.0) else "not the slope"

    slope = Exercise("the slope", judge, ("nudge", "more"), answers=CODE,
                     forbidden=[micrograd.central_difference])

    def mine(f, x, h=1e-6):
        return (f(x + h) - f(x - h)) / (2 * h)

    def shortcut(f, x):
        return micrograd.central_difference(f, x)

    assert slope.verdict(mine).status == CORRECT
    assert slope.verdict(shortcut).message == (
        "Not yet: your code calls micrograd.numeric.central_difference, which this exercise "
        "asks you to do without: write that part yourself.")
    assert "the one the package has" in slope.verdict(micrograd.central_difference).message


def test_a_kernel_survives_a_hang_and_goes_on(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in (
        "from micrograd.exercises import Exercise, guard\nguard.TIME_LIMIT = 0.5\n"
        "ex = Exercise('x', lambda f: f(), ('a', 'b'))",
        "def mine():\n    while True:\n        pass\nex.check(mine)",
        "print('the kernel goes on')")]
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    shown = ["".join(o.get("text", "")) for c in nb.cells for o in c.outputs]
    assert shown == ["✗ Not yet: your code for x ran for more than 0.5 s, so the check stopped "
                     "it: is there a loop that never ends?\n", "the kernel goes on\n"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_solution_passes_its_check_in_its_lesson(path):
    """Run the lesson with each exercise cell replaced by its solution: each says correct,
    and the lesson still runs to the end."""
    nb = nbformat.read(path, as_version=4)
    answers = solutions(path)
    for cell in nb.cells:
        if "exercise" in cell.metadata.get("tags", []):
            cell.source = answers[exercise_name(cell.source)]
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        assert not errors or "raises-exception" in tags, (path.name, cell.source[:80], errors)
        if "exercise" in tags:
            shown = "".join(o.get("text", "") for o in cell.outputs)
            assert shown.startswith("✓ Correct"), (path.name, cell.source[:80], shown)


def test_an_exercise_says_which_kind_of_answer_it_wants():
    double = Exercise("doubling", lambda f: None if f(2) == 4 else "f(2) should be 4",
                      ("add x", "to itself"), answers=CODE)
    assert double.verdict("x + x").message == (
        "Not yet: give the function (or class) you wrote, by its name: no quotes, no "
        "brackets; got str 'x + x'.")
    slope = Exercise("the slope", lambda s: None if s == 14 else "not 14", "6x - 4",
                     answers=NUMBERS)
    assert slope.verdict(True).message == (
        "Not yet: each answer should be a number, such as 1.5 (without quotes); got bool True.")
    assert slope.verdict(14).status == CORRECT


YOUR_TURNS = [(name, e) for name, e in EXERCISES if e.reference is not None]


@pytest.mark.parametrize("name, exercise", YOUR_TURNS, ids=[n for n, _ in YOUR_TURNS])
def test_the_reference_a_your_turn_falls_back_on_passes_its_check(name, exercise):
    answer = exercise.reference if isinstance(exercise.reference, tuple) else (
        exercise.reference,)
    problem, shortcuts = guard.run_checked(exercise.judge, answer)
    assert problem is None and not shortcuts, (name, problem, shortcuts)
    assert exercise.reference_name, f"{name}: the messages would not name the reference"
    if callable(exercise.reference):  # handed in as the student's own, it does not count
        assert "the reference the lesson goes on with" in exercise.verdict(*answer).message


def test_use_hands_back_the_answer_when_it_passes_and_the_reference_when_not(capsys):
    square = Exercise("squaring", lambda f: None if f(3) == 9 else "f(3) should be 9",
                      ("multiply", "x by itself"), answers=CODE, reference=abs,
                      reference_name="the reference")

    def mine(x):
        return x * x

    def todo(x):
        raise NotImplementedError

    assert square.use(mine) is mine
    assert "goes on with yours" in capsys.readouterr().out
    for answer in (todo, lambda x: x + x):
        assert square.use(answer) is abs
        assert "goes on with the reference, the reference" in capsys.readouterr().out
