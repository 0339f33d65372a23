"""Write the student edition (``make handout``): the lessons without their solutions.

    python tools/handout.py [--out build/student]

The edition holds every lesson with its stored outputs, its your-turn and exercise cells
blank as stored, and its solution cells removed (not hidden); the package (its exercises say
there that the solutions are with the teacher); the set-up (tools/tasks.py, Makefile, the
lock); and a README that tells a student how to start. A folder that is not an earlier
edition is never overwritten.
"""

import argparse
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
MARK = ".student-edition"  # the file that says a folder is an edition this script wrote
FILES = ["Makefile", "pyproject.toml", "requirements.txt", "requirements.in", ".gitattributes",
         "tools/tasks.py"]
SOLUTION_POINTERS = [  # the sentences of a lesson that say where its solutions are
    (re.compile(r";\s*(?:a solution is in|the last one says where the solution is: in)\s+"
                r"the\s+collapsed\s+cell[^.]*\."), "."),
    (re.compile(r"\s*A solution is in the\s+collapsed\s+cell[^.]*\."), ""),
]
EDITION_NOTE = "In this edition the solutions are not included: your teacher has them."

README = """# micrograd notebooks: the student edition

A numbered series of Jupyter notebooks in which you build a tiny automatic-differentiation
engine and a neural network library yourself, one idea at a time, following Andrej Karpathy's
lecture [*The spelled-out intro to neural networks and backpropagation: building
micrograd*](https://www.youtube.com/watch?v=VMj-3S1tku0).

## Start

You need Python 3.11 or newer (from [python.org](https://www.python.org/downloads/); no
admin rights are needed). In a terminal, in this folder:

```sh
python3 tools/tasks.py lab     # macOS, Linux (or: make lab)
py tools\\tasks.py lab          # Windows
```

The first time, this makes a virtual environment in `.venv` and installs what the lessons need
(about a minute); then JupyterLab opens on lesson 01. Work through the lessons in order:

{lessons}

## How a lesson works

- **Your turn** cells ask you to write a piece of the engine. The check under your code says at
  once whether it is right. Until it is, the lesson goes on with a reference version, so you
  can always run the rest of the lesson; once yours passes, the lesson goes on with yours.
- **Exercises** at the end of each lesson: fill in the cell and run it. `ex.q1.hint()` gives a
  hint, and another each time you call it.
- **Going deeper** sections at the end of some lessons are optional.
"""


def lesson_title(nb):
    first = nb.cells[0].source.splitlines()[0] if nb.cells else ""
    return first.lstrip("# ").strip()


def student_notebook(path):
    """The lesson at ``path`` without its solutions, and without the words that point to them."""
    nb = nbformat.read(path, as_version=4)
    nb.cells = [cell for cell in nb.cells if "solution" not in cell.metadata.get("tags", [])]
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## Exercises"):
            text = cell.source
            for pattern, replacement in SOLUTION_POINTERS:
                text = pattern.sub(replacement, text)
            cell.source = f"{text}\n\n{EDITION_NOTE}"
    return nb


def write_edition(out):
    out = Path(out)
    if out.exists():
        if not (out / MARK).exists():
            raise SystemExit(f"{out} exists and is not a student edition written by this script: "
                             f"choose another --out, or move it away first")
        shutil.rmtree(out)
    (out / "notebooks").mkdir(parents=True)
    shutil.copytree(ROOT / "micrograd", out / "micrograd",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    exercise = out / "micrograd" / "exercises" / "exercise.py"
    source = exercise.read_text(encoding="utf-8")
    exercise.write_text(source.replace("SOLUTIONS_IN_LESSONS = True",
                                       "SOLUTIONS_IN_LESSONS = False"), encoding="utf-8")
    for name in FILES:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, out / name)
    lessons = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = student_notebook(path)
        nbformat.write(nb, out / "notebooks" / path.name)
        lessons.append(f"- `{path.stem}`: {lesson_title(nb)}")
    shutil.copy2(ROOT / "notebooks" / "rise.css", out / "notebooks" / "rise.css")  # slides
    (out / "README.md").write_text(README.format(lessons="\n".join(lessons)), encoding="utf-8")
    (out / MARK).write_text("written by tools/handout.py\n", encoding="utf-8")
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "student",
                        help="where the edition goes (build/student)")
    args = parser.parse_args(argv)
    out = write_edition(args.out)
    print(f"wrote the student edition to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
