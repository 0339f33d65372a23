"""make grade: a class's notebooks, each in its own kernel and folder, into one table."""

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from lesson_parts import exercise_name, solutions

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "03_manual_backprop.ipynb"
OTHER_LESSON = ROOT / "notebooks" / "04_a_neuron.ipynb"


def with_cells(replace=None, append=()):
    """Lesson 03 with some exercise cells replaced ({exercise name: source}) and cells added."""
    nb = nbformat.read(LESSON, as_version=4)
    answers = solutions(LESSON)
    for cell in nb.cells:
        if "exercise" in cell.metadata.get("tags", []):
            chosen = (replace or {}).get(exercise_name(cell.source))
            if chosen == "solution":
                cell.source = answers[exercise_name(cell.source)]
            elif chosen:
                cell.source = chosen
    nb.cells += [nbformat.v4.new_code_cell(source) for source in append]
    return nb


MALICE = """
import os, pathlib
for victim in pathlib.Path.cwd().parent.glob("*/*.ipynb"):   # other students, if near
    victim.write_text("{}")
pathlib.Path("../written-by-a-student.txt").write_text("x")
for name in os.listdir("."):
    if name != "verdicts.jsonl":
        os.remove(name)
print("✓ Correct: every exercise (printed by the student, not by a check)")
"""


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    submissions = tmp_path_factory.mktemp("submissions")
    out = tmp_path_factory.mktemp("grades")

    def submit(student, nb=None, text=None, name=LESSON.name):
        path = submissions / student / name
        path.parent.mkdir()
        if text is not None:
            path.write_text(text, encoding="utf-8")
        else:
            nbformat.write(nb, path)

    everything = {name: "solution" for name in ("q1", "q2", "q3", "q4")}
    submit("alice", with_cells(everything))
    submit("bob", with_cells())
    submit("carol", with_cells({"q1": "ex.q1.check(-9.0, 6.0, 3.0, 5.0)", "q2": "solution"}))
    submit("dave", text="{ this is not json")
    submit("erin", text=json.dumps({"cells": 5}))
    submit("frank", nbformat.read(OTHER_LESSON, as_version=4), name=OTHER_LESSON.name)
    submit("grace", with_cells({"q1": "solution"}, append=["while True:\n    pass"]))
    submit("heidi", with_cells({"q1": "solution"}, append=["import os\nos._exit(1)"]))
    hoard = "hoard = []\nwhile True:\n    hoard.append(bytearray(10**7))"
    submit("ivan", with_cells({"q1": "solution"}, append=[hoard]))
    submit("judy", with_cells({"q1": "solution"}, append=[MALICE]))
    submit("mallory", with_cells({"q2": "def backward_mul3(x, y, z, out):\n    while True:\n"
                                        "        pass\n\n\nex.q2.check(backward_mul3)"}))
    before = {p: p.read_bytes() for p in submissions.rglob("*") if p.is_file()}
    scratch = tmp_path_factory.mktemp("scratch")  # the system's temporary folder, for the run
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "grade.py"), str(submissions),
                           "--out", str(out), "--lesson", "03", "--cell-timeout", "10",
                           "--kernel-memory-mb", "600"], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    rows = {row["student"]: row for row in csv.DictReader((out / "grades.csv").open())}
    return rows, out, submissions, before, scratch


def test_one_row_per_student_and_a_column_per_exercise(graded):
    rows, out, _, _, _ = graded
    assert len(rows) == 11
    header = next(csv.reader((out / "grades.csv").open()))
    assert [c for c in header if re.fullmatch(r"03\.\w+", c)][-4:] == [
        "03.q1", "03.q2", "03.q3", "03.q4"]
    page = (out / "grades.html").read_text()
    assert all(page.count(f"<th>{student}</th>") == 1 for student in rows)
    assert "<h2>Lesson 03</h2>" in page and "<th>q4</th>" in page


def test_a_verdict_is_what_the_last_check_said(graded):
    rows = graded[0]
    assert [rows["alice"][f"03.q{k}"] for k in range(1, 5)] == ["correct"] * 4
    assert [rows["bob"][f"03.q{k}"] for k in range(1, 5)] == ["not answered"] * 4
    assert rows["carol"]["03.q1"] == "not yet" and rows["carol"]["03.q2"] == "correct"
    assert rows["carol"]["03.q1 message"].startswith("Not yet:")
    assert rows["alice"]["run"] == "ran to the end"


def test_a_broken_or_foreign_notebook_gets_a_row_that_says_so(graded):
    rows = graded[0]
    assert rows["dave"]["run"].startswith("failed to run: not a notebook")
    assert rows["erin"]["run"].startswith("failed to run: not a notebook")
    assert rows["frank"]["run"] == "failed to run: this is lesson 04's notebook, not lesson 03's"


def test_a_hang_a_dead_kernel_or_a_memory_eater_stops_only_that_notebook(graded):
    rows = graded[0]
    added = len(nbformat.read(LESSON, as_version=4).cells) + 1  # the cell each one appended
    assert rows["grace"]["run"] == (f"failed to run: cell {added} ran for more than 10 s, so it "
                                    f"was stopped there")
    assert rows["heidi"]["run"] == f"failed to run: at cell {added}, its kernel died"
    assert rows["ivan"]["run"] == (f"failed to run: at cell {added}, used more than 600 MB of "
                                   f"memory")
    for student in ("grace", "heidi", "ivan"):  # what ran before still counts
        assert rows[student]["03.q1"] == "correct", rows[student]
    assert rows["mallory"]["03.q2"] == "not yet"
    assert "ran for more than" in rows["mallory"]["03.q2 message"]


def test_a_notebook_cannot_touch_the_others_or_the_submissions(graded):
    rows, out, submissions, before, scratch = graded
    after = {p: p.read_bytes() for p in submissions.rglob("*") if p.is_file()}
    assert after == before
    assert rows["judy"]["03.q1"] == "correct" and rows["judy"]["03.q2"] == "not answered"
    assert rows["mallory"]["03.q1"] == "not answered"  # graded after judy, as usual
    assert list(scratch.iterdir()) == []  # what she wrote beside her folder went with it
