"""Every exercise: blank runs, a wrong answer gets a specific hint, the solution is correct."""

import importlib
import json
import pkgutil
from pathlib import Path

import pytest

import micrograd.exercises
from micrograd.exercises import Exercise
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


@pytest.mark.parametrize("name, exercise", EXERCISES, ids=[n for n, _ in EXERCISES])
def test_every_wrong_example_gets_a_specific_hint_not_a_crash(name, exercise):
    assert exercise.wrong_examples, f"{name} has no wrong answer to test its check with"
    for answer in exercise.wrong_examples:
        found = exercise.verdict(*answer)
        assert found.status == WRONG, (name, answer, found)
        assert "raised" not in found.message, f"{name}: its check crashed on {answer!r}"
        assert len(found.message) > len("Not yet: ") + 20, found.message


@pytest.mark.parametrize("name, exercise", EXERCISES, ids=[n for n, _ in EXERCISES])
def test_an_answer_of_the_wrong_kind_is_told_so_plainly(name, exercise):
    # "6" in quotes, where a number or a function is asked for: a plain word, not a crash
    found = exercise.verdict(*["6"] * len(exercise.wrong_examples[0]))
    assert found.status == WRONG, (name, found)
    assert "raised" not in found.message and "'6'" in found.message, found.message


@pytest.mark.parametrize("name, exercise", EXERCISES, ids=[n for n, _ in EXERCISES])
def test_every_exercise_has_a_hint(name, exercise, capsys):
    exercise.hint()
    assert len(capsys.readouterr().out) > 30


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_has_three_exercises_each_with_a_hidden_solution(path):
    exercises, solutions = cells(path, "exercise"), cells(path, "solution")
    assert len(exercises) >= 3, f"{path.name}: {len(exercises)} exercise cells"
    assert len(solutions) == len(exercises), f"{path.name}: an exercise without a solution"
    for cell in exercises:  # as stored: blank, and it ran without error
        assert "Not answered yet" in printed(cell), (path.name, printed(cell))
        assert all(o["output_type"] != "error" for o in cell["outputs"])
    for cell in solutions:  # nbval re-runs these and compares this output
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, path.name
        assert printed(cell).startswith("✓ Correct"), (path.name, printed(cell))


def test_a_check_never_raises_whatever_the_answer_does():
    def judge(f):
        return None if f(2) == 4 else "f(2) should be 4"

    square = Exercise("squaring", judge, "multiply x by itself")
    assert square.verdict(lambda x: x * x).status == CORRECT
    assert square.verdict(lambda x: x + x + 1).message == "Not yet: f(2) should be 4"
    assert square.verdict(lambda x: 1 / 0).message == (
        "Not yet: running your code for squaring raised ZeroDivisionError: division by zero")

    def todo(x):
        raise NotImplementedError

    assert square.verdict(todo).status == BLANK


def test_an_exercise_says_which_kind_of_answer_it_wants():
    double = Exercise("doubling", lambda f: None if f(2) == 4 else "f(2) should be 4",
                      "add x to itself", answers=CODE)
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
    assert exercise.verdict(*answer).status == CORRECT, exercise.verdict(*answer)
    assert exercise.reference_name, f"{name}: the messages would not name the reference"


def test_use_hands_back_the_answer_when_it_passes_and_the_reference_when_not(capsys):
    square = Exercise("squaring", lambda f: None if f(3) == 9 else "f(3) should be 9",
                      "multiply x by itself", answers=CODE, reference=abs,
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
