"""Notebook hygiene: what nbval needs to compare every lesson, and the house rules."""

import json
import re
from pathlib import Path

import pytest
from lesson_size import (
    FIRST_YOUR_TURN,
    MAX_MAIN_CELLS,
    MAX_MINUTES,
    YOUR_TURN,
    heading,
    measure,
)

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def test_the_series_is_there():
    names = [p.name for p in NOTEBOOKS]
    assert [n[:3] for n in names] == [f"{i:02d}_" for i in range(1, len(names) + 1)], names
    assert len(names) >= 11


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_run_in_order_in_a_fresh_kernel(path):
    counts = [c["execution_count"] for c in code_cells(path)]
    assert None not in counts, f"{path.name}: a code cell was never executed; run make execute"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts} are not 1..n; run make execute")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_errors_only_where_a_cell_is_tagged_raises_exception(path):
    for cell in code_cells(path):
        raised = any(o["output_type"] == "error" for o in cell["outputs"])
        expected = "raises-exception" in tags(cell)
        assert raised == expected, (
            f"{path.name}, cell {cell['execution_count']}: "
            + ("an error in a cell not tagged raises-exception" if raised
               else "tagged raises-exception but raised nothing"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_import_the_package_and_nothing_else_of_their_own(path):
    for cell in code_cells(path):
        source = "".join(cell["source"])
        assert "sys.path" not in source, f"{path.name}: edits sys.path"
        assert "import *" not in source, f"{path.name}: a wildcard import"
        assert "getsource" not in source, f"{path.name}: prints the package's source"
    code = "".join("".join(c["source"]) for c in code_cells(path))
    if "class Value" in code:  # a lesson's own Value is checked against the package's
        assert "check_same_values" in code, f"{path.name}: its Value is not checked"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_opens_with_the_lecture_it_follows(path):
    first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
    assert first.startswith(f"# {path.name[:2]} · "), first[:40]
    assert "https://www.youtube.com/watch?v=VMj-3S1tku0" in first, f"{path.name}: no lecture link"
    assert "https://github.com/karpathy/micrograd" in first, f"{path.name}: no micrograd link"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_checks_its_claims_and_ends_with_a_summary(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "".join("".join(c["source"]) for c in code_cells(path))
    headings = {line.strip() for c in cells if c["cell_type"] == "markdown"
                for line in "".join(c["source"]).splitlines() if line.startswith("#")}
    assert "check_" in code or "assert " in code, f"{path.name}: no check of a claim"
    assert "## Summary" in headings, f"{path.name}: no summary"
    assert headings & {"## Exercises", "## Things to try"}, f"{path.name}: nothing to try"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_optional_pytorch_cells_are_skipped_by_the_regression_run_and_store_a_real_run(path):
    for cell in code_cells(path):
        if "import torch" in "".join(cell["source"]):
            assert {"nbval-skip", "pytorch"} <= set(tags(cell)), (
                f"{path.name}: a PyTorch cell not tagged nbval-skip and pytorch")
            shown = json.dumps(cell["outputs"])
            assert cell["outputs"] and "not installed" not in shown, (
                f"{path.name}: a PyTorch cell without the output of a real run")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_has_no_control_characters(path):
    """A tab or backspace in prose is a LaTeX \\t or \\b that lost its backslash."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        source = "".join(cell["source"])
        bad = [repr(ch) for ch in source if ch in "\t\a\b\v\f\r"]
        assert not bad, f"{path.name}: {bad} in {source[:60]!r}..."


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_fits_a_class_period(path):
    size = measure(path)
    assert size["minutes"] <= MAX_MINUTES, (
        f"{path.name}: {size['minutes']:.1f} minutes (150 words a minute, a minute a code "
        f"cell); move depth into a Going deeper section at the end, or split the lesson")
    assert size["main_cells"] <= MAX_MAIN_CELLS, (
        f"{path.name}: {size['main_cells']} cells before the exercises")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_going_deeper_sections_come_last(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    headings = [heading(c) for c in cells if heading(c).startswith("## ")]
    optional = [h.lower().startswith("## going deeper") for h in headings]
    if any(optional):
        first = optional.index(True)
        assert all(optional[first:]), (
            f"{path.name}: {headings[first:]}: after a Going deeper section, only more of them")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_student_writes_code_within_the_first_cells(path):
    first = measure(path)["first_your_turn"]
    assert first is not None and first < FIRST_YOUR_TURN, (
        f"{path.name}: the first cell tagged {YOUR_TURN} is cell {first}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_blank_your_turn_goes_on_with_the_reference(path):
    """Run blank, as stored (and as make execute and nbval run it), each your-turn cell says
    it is not answered yet and that the lesson goes on with the package's reference."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if YOUR_TURN in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            shown = "".join("".join(o.get("text", "")) for o in cell["outputs"])
            assert ".use(" in source, f"{path.name}: a your-turn cell that checks nothing"
            assert "Not answered yet" in shown and "goes on with the reference" in shown, (
                path.name, shown)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_section_is_a_slide(path):
    """As slides (jupyterlab-rise), the title and each ## section start a slide, and a long
    section scrolls instead of being cut off."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    kinds = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in nb["cells"]]
    assert None not in kinds, f"{path.name}: a cell without slide metadata"
    for cell, kind in zip(nb["cells"], kinds):
        starts = heading(cell).startswith("## ") or cell is nb["cells"][0]
        assert (kind == "slide") == starts, (path.name, heading(cell) or cell["source"][:1])
    assert nb["metadata"]["rise"]["scroll"] is True
    assert (path.parent / "rise.css").is_file()


def test_the_readme_gives_each_lesson_and_its_minutes_as_measured():
    readme = (NOTEBOOKS[0].parent.parent / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `(\d\d_\w+)` \| (\d+) \|", readme, flags=re.M))
    assert list(listed) == [p.stem for p in NOTEBOOKS]
    for path in NOTEBOOKS:
        assert int(listed[path.stem]) == round(measure(path)["minutes"]), path.stem
