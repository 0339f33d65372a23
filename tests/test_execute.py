"""make execute: outputs come from a real run, and a failed run leaves the notebook untouched."""

import subprocess
import sys
from pathlib import Path

import nbformat

SCRIPT = Path(__file__).resolve().parent.parent / "tools" / "execute_notebooks.py"


def notebook(path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nb, path)
    return path


def execute(*paths):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, paths)],
                          capture_output=True, text=True)


def test_a_good_run_stores_outputs_and_a_failed_run_changes_nothing(tmp_path):
    good = notebook(tmp_path / "good.ipynb", "from micrograd import Value", "print(Value(2.0) * 3)")
    bad = notebook(tmp_path / "bad.ipynb", "x = 1", "raise RuntimeError('lesson broken')", "x")
    bad_before = bad.read_bytes()

    done = execute(good, bad)

    assert done.returncode == 1
    assert "FAILED" in done.stderr and "lesson broken" in done.stderr
    assert bad.read_bytes() == bad_before
    cells = nbformat.read(good, as_version=4).cells
    assert [c.execution_count for c in cells] == [1, 2]
    assert cells[1].outputs[0].text == "Value(data=6.0, grad=0.0)\n"
    assert not list(tmp_path.glob("*.tmp"))
