"""How long a lesson takes in class, measured from its notebook.

A lesson is every cell before its first "## Going deeper" heading: the optional sections sit
at the end. Its time is read at 150 words a minute (the words of every cell, prose and code)
plus a minute for each code cell, to read its output and try it. Its main path is the cells
before "## Exercises". Run this file to print the table:

    python tests/lesson_size.py
"""

import json
import sys
from pathlib import Path

WORDS_A_MINUTE = 150
MAX_MINUTES = 50        # a class period
MAX_MAIN_CELLS = 40
FIRST_YOUR_TURN = 12    # a student writes code within the first 12 cells
YOUR_TURN = "your-turn"  # the tag of a fill-in cell in the body of a lesson


def heading(cell):
    if cell["cell_type"] != "markdown":
        return ""
    return "".join(cell["source"]).lstrip().split("\n", 1)[0]


def lesson_cells(cells):
    """The cells of the lesson itself: everything before the first Going deeper section."""
    for i, cell in enumerate(cells):
        if heading(cell).lower().startswith("## going deeper"):
            return cells[:i]
    return cells


def main_path(cells):
    """The cells before the exercises."""
    for i, cell in enumerate(cells):
        if heading(cell) == "## Exercises":
            return cells[:i]
    return cells


def measure(path):
    """A dict: minutes, main-path cells, and the index of the first your-turn cell (or None)."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    lesson = lesson_cells(cells)
    words = sum(len("".join(c["source"]).split()) for c in lesson)
    code = sum(c["cell_type"] == "code" for c in lesson)
    turns = [i for i, c in enumerate(cells) if YOUR_TURN in c.get("metadata", {}).get("tags", [])]
    return {
        "minutes": words / WORDS_A_MINUTE + code,
        "main_cells": len(main_path(lesson)),
        "first_your_turn": turns[0] if turns else None,
        "your_turns": len(turns),
        "optional_cells": len(cells) - len(lesson),
    }


if __name__ == "__main__":
    paths = sys.argv[1:] or sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
    print(f"{'lesson':42} {'minutes':>7} {'main cells':>10} {'first your turn':>15} "
          f"{'your turns':>10} {'optional':>8}")
    for path in paths:
        m = measure(path)
        print(f"{Path(path).stem:42} {m['minutes']:7.1f} {m['main_cells']:10d} "
              f"{str(m['first_your_turn']):>15} {m['your_turns']:10d} {m['optional_cells']:8d}")
