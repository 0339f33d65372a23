"""Run notebooks top to bottom in a fresh kernel and store their outputs (``make execute``).

Each notebook is executed in memory; only a run that finishes is written back, so a
notebook whose run fails (an error, a kernel that dies, a file that is not a notebook)
stays on disk exactly as it was, and the other notebooks still run. Ctrl-C stops the run.

Running it twice on an unchanged tree leaves every notebook byte-identical:

* the pieces of a cell's printed output are merged into one stream (the kernel sends
  them in pieces of varying size);
* the checkout's absolute path is removed from stored outputs and tracebacks (paths
  are stored relative to the checkout), and Python's library folder becomes <stdlib>;
* memory addresses (``<... at 0x7f...>``) are stored as ``0x...``.

Cells tagged ``pytorch`` (optional cells that compare with PyTorch) keep their stored outputs
when PyTorch is not installed here, so a run without it never replaces PyTorch's numbers
with a "not installed" message.

Cells tagged ``nbval-ignore-output`` print measurements (timings), which differ on every
run. Each still runs, but keeps the measurement it stored as long as its code is the code
that measured it (a digest of the code is stored beside it); ``--remeasure`` measures again.

    python tools/execute_notebooks.py                   # every notebook in notebooks/
    python tools/execute_notebooks.py notebooks/03_*.ipynb
    python tools/execute_notebooks.py --remeasure notebooks/11_*.ipynb
"""

import asyncio
import hashlib
import importlib.util
import os
import re
import signal
import sys
import sysconfig
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
STDLIB = Path(sysconfig.get_paths()["stdlib"])  # where Python's own modules are
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]{6,}")
MEASURED = "nbval-ignore-output"  # the tag of cells that print timings
MEASURED_FROM = "measured_code_sha256"  # cell metadata: the code its stored output came from


def execute(path, remeasure=False):
    """Execute the notebook at ``path``; write it back only if every cell ran."""
    nb = nbformat.read(path, as_version=4)
    pytorch = {i: cell.outputs for i, cell in enumerate(nb.cells) if _keeps_outputs(cell)}
    measured = {i: cell.outputs for i, cell in enumerate(nb.cells)
                if not remeasure and _keeps_measurement(cell)}
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,  # no timestamps in the stored notebook: clean diffs
        coalesce_streams=True,  # one stdout output per cell, however the kernel split it
        resources={"metadata": {"path": str(path.parent)}},
        on_notebook_start=_stop_on_ctrl_c,
    )
    client.execute()  # cells tagged raises-exception may raise; any other error stops here
    if _CtrlC.pressed:  # even if a cell tagged raises-exception took the KeyboardInterrupt
        raise KeyboardInterrupt
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            _clean(output)
    for i, outputs in {**measured, **pytorch}.items():
        nb.cells[i].outputs = outputs
    for cell in nb.cells:
        if MEASURED in _tags(cell):
            cell.metadata[MEASURED_FROM] = _digest(cell.source)
    if pytorch:
        print(f"        kept the stored output of {len(pytorch)} PyTorch cell(s): PyTorch is "
              f"not installed for {sys.executable}")
    nbformat.validate(nb)
    _write_atomically(nb, path)


def _keeps_outputs(cell):
    """A PyTorch cell keeps what it stored when this Python has no PyTorch to run it."""
    return ("pytorch" in _tags(cell) and bool(cell.get("outputs"))
            and importlib.util.find_spec("torch") is None)


def _keeps_measurement(cell):
    """A timing cell keeps its measurement while its code is the code that measured it."""
    return (MEASURED in _tags(cell) and bool(cell.get("outputs"))
            and cell.get("metadata", {}).get(MEASURED_FROM) == _digest(cell.source))


def _tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def _digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _clean(node):
    """Remove what would differ from run to run or machine to machine, in place."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, str):
            node[key] = clean_text(value)
        elif isinstance(value, (dict, list)):
            _clean(value)


def clean_text(text):
    """``text`` with the checkout's path made relative and memory addresses masked."""
    for folder, replacement in [(ROOT, ""), (STDLIB, "<stdlib>" + os.sep)]:
        text = text.replace(f"{folder}{os.sep}", replacement)
    return ADDRESS.sub("at 0x...", text)


def _write_atomically(nb, path):
    """Write to a temporary file, then rename it over the notebook: never half written."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        nbformat.write(nb, tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)  # after an error or Ctrl-C: leave nothing behind


class _CtrlC:
    """Remembers a Ctrl-C. The kernel receives it too, so a cell may report it as its own
    error: the flag, not the kind of exception, says that the user asked to stop."""

    pressed = False

    @classmethod
    def handler(cls, signum, frame):
        cls.pressed = True
        raise KeyboardInterrupt


def _stop_on_ctrl_c(notebook):
    """Once the kernel is up, Ctrl-C cancels the run. (The notebook client's own handler
    only shuts the kernel down, and the run then fails with an unrelated error.)"""
    run = asyncio.current_task()

    def on_ctrl_c():
        _CtrlC.pressed = True
        run.cancel()  # the client's clean-up still shuts the kernel down

    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, on_ctrl_c)
    except (NotImplementedError, RuntimeError):  # Windows: KeyboardInterrupt does it there
        pass


def main(args):
    remeasure = "--remeasure" in args
    paths = [Path(a) for a in args if a != "--remeasure"] or sorted(NOTEBOOKS.glob("*.ipynb"))
    failed = []
    for done, path in enumerate(paths):
        start = time.perf_counter()
        signal.signal(signal.SIGINT, _CtrlC.handler)  # the client resets it after each run
        try:
            execute(path, remeasure)
        except (Exception, KeyboardInterrupt, asyncio.CancelledError) as error:
            if _CtrlC.pressed or not isinstance(error, Exception):
                print(f"\nINTERRUPTED  {path}: left untouched; {len(paths) - done - 1} more "
                      f"notebook(s) not run", file=sys.stderr)
                return 130
            # a cell's error, a file that is not a notebook, a kernel that died, a timeout
            failed.append(path)
            detail = error if isinstance(error, CellExecutionError) else \
                f"{type(error).__name__}: {error}"
            print(f"FAILED  {path}: left untouched\n{detail}", file=sys.stderr)
            continue
        print(f"ok      {path} ({time.perf_counter() - start:.1f} s)", flush=True)
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(map(str, failed))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
