"""Run notebooks top to bottom in a fresh kernel and store their outputs (``make execute``).

Each notebook is executed in memory; only a run that finishes is written back, so a
notebook whose run fails stays on disk exactly as it was.

    python tools/execute_notebooks.py                   # every notebook in notebooks/
    python tools/execute_notebooks.py notebooks/03_*.ipynb
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(path):
    """Execute the notebook at ``path``; write it back only if every cell ran."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,  # no timestamps in the stored notebook: clean diffs
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # cells tagged raises-exception may raise; any other error stops here
    nbformat.validate(nb)
    tmp = path.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(path)  # atomic: the old notebook is never half overwritten


def main(args):
    paths = [Path(a) for a in args] or sorted(NOTEBOOKS.glob("*.ipynb"))
    failed = []
    for path in paths:
        start = time.perf_counter()
        try:
            execute(path)
        except CellExecutionError as error:
            failed.append(path)
            print(f"FAILED  {path}: left untouched\n{error}", file=sys.stderr)
            continue
        print(f"ok      {path} ({time.perf_counter() - start:.1f} s)")
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(map(str, failed))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
