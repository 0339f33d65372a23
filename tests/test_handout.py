"""make handout: the student edition holds no solution, and every lesson in it runs."""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from lesson_parts import solution_code
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("handout") / "student"
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "handout.py"), "--out", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def solution_lines():
    """Every line of every solution that is the solution's own: not blank, a comment, a def or
    a check, and not written in the lessons' other cells or the package proper (given code and
    the references the lessons run on, which a solution may repeat)."""
    solutions, elsewhere = [], ""
    for path in LESSONS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if "solution" in cell.get("metadata", {}).get("tags", []):
                solutions += solution_code(source).splitlines()
            else:
                elsewhere += source + "\n"
    for path in (ROOT / "micrograd").rglob("*.py"):  # the package proper, not its exercises
        if "exercises" not in path.parts:
            elsewhere += path.read_text(encoding="utf-8")
    own = {line.strip() for line in solutions
           if len(line.strip()) >= 12 and not line.strip().startswith(("#", "def ", "ex."))}
    return sorted(line for line in own if line not in elsewhere)


def test_the_edition_has_every_lesson_the_package_the_set_up_and_a_readme(edition):
    assert sorted(p.name for p in (edition / "notebooks").glob("*.ipynb")) == [
        p.name for p in LESSONS]
    for name in ("micrograd/engine.py", "micrograd/exercises/lesson03.py", "tools/tasks.py",
                 "requirements.txt", "pyproject.toml", "Makefile"):
        assert (edition / name).is_file(), name
    readme = (edition / "README.md").read_text(encoding="utf-8")
    assert "python3 tools/tasks.py lab" in readme and "01_derivatives" in readme


def test_no_solution_appears_in_the_edition_outside_the_checks(edition):
    """The checks (micrograd/exercises) must know right from wrong, and some hold a right
    version to compare with or to make wrong answers from: they are left out of this scan."""
    lines = solution_lines()
    assert len(lines) > 30  # the test looks for something
    for path in edition.rglob("*"):
        if path.is_file() and "exercises" not in path.relative_to(edition).parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            leaked = [line for line in lines if line in text]
            assert not leaked, f"{path.relative_to(edition)}: {leaked[:3]}"
    for path in (edition / "notebooks").glob("*.ipynb"):
        cells = nbformat.read(path, as_version=4).cells
        assert not [c for c in cells if "solution" in c.metadata.get("tags", [])], path.name
        assert "collapsed" not in path.read_text(encoding="utf-8"), path.name


def test_an_earlier_folder_that_is_not_an_edition_is_never_overwritten(tmp_path):
    mine = tmp_path / "student"
    mine.mkdir()
    (mine / "my_notes.txt").write_text("keep me")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "handout.py"), "--out", str(mine)],
                          capture_output=True, text=True)
    assert done.returncode != 0 and "is not a student edition" in done.stderr
    assert (mine / "my_notes.txt").read_text() == "keep me"


@pytest.mark.parametrize("lesson", [p.name for p in LESSONS])
def test_every_lesson_of_the_edition_runs_with_every_exercise_not_answered(edition, lesson):
    path = edition / "notebooks" / lesson
    nb = nbformat.read(path, as_version=4)
    env = {**os.environ, "PYTHONPATH": str(edition)}  # the edition's own package
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    probe = nbformat.v4.new_code_cell("import micrograd; print(micrograd.__file__)")
    with client.setup_kernel(env=env):
        client.execute_cell(probe, 0)
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    assert str(edition) in probe.outputs[0]["text"]
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        assert not errors or "raises-exception" in tags, (lesson, cell.source[:60])
        if {"exercise", "your-turn"} & set(tags):
            shown = "".join(o.get("text", "") for o in cell.outputs)
            assert "Not answered yet" in shown, (lesson, shown)
