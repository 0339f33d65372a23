"""Prose that quotes a measurement agrees with the stored output it sits under.

Timing cells (tagged nbval-ignore-output) and PyTorch cells (tagged pytorch, skipped when
PyTorch is missing) are not compared by nbval, so a new measurement could leave the prose
behind. Each row below ties a phrase of the prose to the number it rests on, read from the
stored output, and to the range the phrase allows.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def numbers(pattern):
    """A reader: the floats that ``pattern``'s groups match, over all its matches."""
    def read(text):
        found = [float(x) for match in re.findall(pattern, text, re.M)
                 for x in (match if isinstance(match, tuple) else (match,))]
        assert found, f"no {pattern!r} in {text!r}"
        return found
    return read


def ratios(pattern, numerator, denominator):
    """A reader: groups[numerator] / groups[denominator] of each match of ``pattern``."""
    def read(text):
        found = [float(m[numerator]) / float(m[denominator]) for m in re.findall(pattern, text)]
        assert found, f"no {pattern!r} in {text!r}"
        return found
    return read


def each(read, index):
    return lambda text: [read(text)[index]]


STEP = r"per step: micrograd\s+([\d.]+) ms, numpy ([\d.]+) ms(?:, PyTorch ([\d.]+) ms)?"
BATCH = r"batch_size\s+(\d+):\s+([\d.]+) ms per epoch,\s+([\d.]+) ms per step"

QUOTED = [  # lesson, output cell, reader, prose cell, phrase, lowest, highest
    ("11", "88700489", numbers(r"the time of ([\d.]+) forward passes"), "f1557fae",
     "about as much as one or two forward passes", 1.0, 2.0),
    ("11", "88700489", numbers(r"backward is (\d+)x faster"), "f1557fae",
     "backward hundreds of times faster", 100, 999),
    ("11", "minibatch-timing", lambda t: [float(re.findall(BATCH, t)[1][2]) /
                                          float(re.findall(BATCH, t)[0][2])],
     "minibatch-discussion", "about a fifth of a step on all 100", 1 / 6, 1 / 4),
    ("11", "minibatch-timing", lambda t: [float(re.findall(BATCH, t)[1][1]) /
                                          float(re.findall(BATCH, t)[0][2])],
     "minibatch-discussion", "an epoch of ten small steps cost about two big steps", 1.5, 2.5),
    ("11", "numpy-timing", each(numbers(r"numpy is (\d+)x faster"), 0), "numpy-timing-after",
     "about 150 times faster", 125, 175),
    ("11", "numpy-timing", each(numbers(r"numpy is (\d+)x faster"), 1), "numpy-timing-after",
     "nearly 800 times for the wider one", 650, 800),
    ("11", "numpy-train-timing", numbers(r"in numpy: (\d+) ms"), "numpy-after",
     "A few hundredths of a second", 10, 99),
    ("11", "pytorch-timing", each(numbers(r"PyTorch is (\d+)x faster"), 0), "pytorch-after",
     "about 20 times faster", 15, 25),
    ("11", "pytorch-timing", each(numbers(r"PyTorch is (\d+)x faster"), 1), "pytorch-after",
     "about 300 times for the wider one", 250, 350),
    ("11", "pytorch-timing", ratios(STEP, 2, 1), "pytorch-after",
     "several\ntimes *slower* than our numpy step, at both sizes", 2, 10),
    ("11", "pytorch-timing", numbers(r"PyTorch ([\d.]+) ms"), "pytorch-after",
     "about a millisecond and a half per step", 1.2, 1.8),
    ("07", None, numbers(r"^o\s+([+-][\d.]+)\s+([+-][\d.]+)$"), None,
     "PyTorch gives the same $o = 0.7071$", 0.70705, 0.70715),
]


def cell(lesson, cell_id=None, tag=None):
    path = next(NOTEBOOKS.glob(f"{lesson}_*.ipynb"))
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for i, c in enumerate(cells):
        if c.get("id") == cell_id or (tag and tag in c.get("metadata", {}).get("tags", [])):
            return c, (cells[i + 1] if i + 1 < len(cells) else None)
    raise AssertionError(f"lesson {lesson} has no cell {cell_id or tag}")


def printed(c):
    return "".join("".join(o.get("text", "")) for o in c["outputs"])


@pytest.mark.parametrize("lesson, output, read, prose, phrase, low, high", QUOTED,
                         ids=[f"{q[0]}: {q[4][:40]}" for q in QUOTED])
def test_a_quoted_figure_covers_the_stored_output_under_it(lesson, output, read, prose,
                                                           phrase, low, high):
    measured, following = cell(lesson, output, tag=None if output else "pytorch")
    text = "".join((cell(lesson, prose)[0] if prose else following)["source"])
    assert phrase in text, f"lesson {lesson}: the prose no longer says {phrase!r}"
    for value in read(printed(measured)):
        assert low <= value <= high, (
            f"lesson {lesson}: {phrase!r} allows {low:.3g} to {high:.3g}; stored: {value}")


def test_pytorch_gives_the_gradients_the_lesson_says():
    measured, following = cell("07", tag="pytorch")
    rows = re.findall(r"^(\S+)\s+([+-][\d.]+)\s+([+-][\d.]+)$", printed(measured), re.M)
    assert [name for name, _, _ in rows] == ["o", "x1.grad", "w1.grad", "x2.grad", "w2.grad",
                                             "b.grad"]
    assert all(theirs == ours for _, theirs, ours in rows), rows
    assert "the same five gradients" in "".join(following["source"])
