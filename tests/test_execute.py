"""make execute: real outputs, stored the same way every time; a failure touches nothing."""

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "execute_notebooks.py"


def notebook(path, *sources, tags=None):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    for i, cell_tags in (tags or {}).items():
        nb.cells[i].metadata["tags"] = cell_tags
    nbformat.write(nb, path)
    return path


def execute(*paths, **kwargs):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, paths)],
                          capture_output=True, text=True, **kwargs)


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


def test_a_file_that_is_not_a_notebook_and_a_dead_kernel_fail_alone(tmp_path):
    broken = tmp_path / "a_broken.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    dying = notebook(tmp_path / "b_dying.ipynb", "import os\nos._exit(1)")
    good = notebook(tmp_path / "c_good.ipynb", "print('still runs')")
    before = {p: p.read_bytes() for p in (broken, dying)}

    done = execute(broken, dying, good)

    assert done.returncode == 1
    assert f"FAILED  {broken}: left untouched" in done.stderr
    assert f"FAILED  {dying}: left untouched" in done.stderr
    assert "2 notebook(s) failed" in done.stderr
    assert all(p.read_bytes() == content for p, content in before.items())
    assert nbformat.read(good, as_version=4).cells[0].outputs[0].text == "still runs\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [broken.name, dying.name, good.name]


def test_running_twice_stores_the_same_bytes(tmp_path):
    path = notebook(
        tmp_path / "lesson.ipynb",
        "import time\nfor i in range(5):\n    print(i, flush=True)\n    time.sleep(0.05)",
        "class NoRepr:\n    pass\n\nNoRepr()",
        "from micrograd import Value\nValue(0.0) ** -1",
        tags={2: ["raises-exception"]},
    )

    assert execute(path).returncode == 0
    first = path.read_bytes()
    assert execute(path).returncode == 0
    assert path.read_bytes() == first

    cells = nbformat.read(path, as_version=4).cells
    assert [o.output_type for o in cells[0].outputs] == ["stream"]  # the pieces, merged
    assert cells[0].outputs[0].text == "0\n1\n2\n3\n4\n"
    assert cells[1].outputs[0].data["text/plain"] == "<__main__.NoRepr at 0x...>"
    traceback = "\n".join(cells[2].outputs[0].traceback)
    assert "micrograd" in traceback and "engine.py" in traceback
    text = first.decode("utf-8")
    assert str(ROOT) not in text and "0x7f" not in text


def load_executor():
    spec = importlib.util.spec_from_file_location("execute_notebooks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_clean_text_makes_paths_relative_and_masks_addresses():
    executor = load_executor()
    text = f"File {ROOT / 'micrograd' / 'engine.py'}:84, <Foo object at 0x7f336c4574d0>"
    assert executor.clean_text(text) == (
        f"File {Path('micrograd') / 'engine.py'}:84, <Foo object at 0x...>")
    assert executor.clean_text("0x10 and 0xff") == "0x10 and 0xff"  # hex numbers stay


def test_an_interrupted_write_leaves_the_notebook_and_no_temporary_file(tmp_path, monkeypatch):
    executor = load_executor()
    path = notebook(tmp_path / "lesson.ipynb", "1 + 1")
    before = path.read_bytes()

    def write_half_then_stop(nb, fp):
        Path(fp).write_text('{"cells": [', encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(executor.nbformat, "write", write_half_then_stop)
    with pytest.raises(KeyboardInterrupt):
        executor._write_atomically(nbformat.read(path, as_version=4), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.ipynb"]


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is a POSIX signal here")
def test_ctrl_c_stops_the_run_and_touches_nothing(tmp_path):
    started = tmp_path / "started"
    slow = notebook(tmp_path / "a_slow.ipynb",
                    f"open({str(started)!r}, 'w').close()\nimport time\ntime.sleep(60)")
    later = notebook(tmp_path / "b_later.ipynb", "1 + 1")
    before = {p: p.read_bytes() for p in (slow, later)}
    run = subprocess.Popen([sys.executable, str(SCRIPT), str(slow), str(later)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert started.exists(), "the kernel never started the slow cell"
    os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole process group
    _, stderr = run.communicate(timeout=60)

    assert run.returncode == 130
    assert f"INTERRUPTED  {slow}: left untouched; 1 more notebook(s) not run" in stderr
    assert all(p.read_bytes() == content for p, content in before.items())
    assert sorted(p.name for p in tmp_path.iterdir()) == [slow.name, later.name, "started"]


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None,
                    reason="PyTorch is installed here, so its cells really run")
def test_a_run_without_pytorch_keeps_the_stored_pytorch_output(tmp_path):
    source = ("try:\n    import torch\nexcept ImportError:\n"
              "    print('PyTorch is not installed')\nelse:\n    print(torch.__version__)")
    path = notebook(tmp_path / "ops.ipynb", "print(6 * 7)", source, "print('after')",
                    tags={1: ["nbval-skip", "pytorch"]})
    nb = nbformat.read(path, as_version=4)
    real_run = nbformat.v4.new_output("stream", name="stdout", text="2.13.0+cpu\n")
    nb.cells[1].outputs = [real_run]
    nbformat.write(nb, path)

    done = execute(path)

    assert done.returncode == 0, done.stderr
    assert "kept the stored output of 1 PyTorch cell(s)" in done.stdout
    cells = nbformat.read(path, as_version=4).cells
    assert [c.outputs[0].text for c in cells] == ["42\n", "2.13.0+cpu\n", "after\n"]
    assert [c.execution_count for c in cells] == [1, 2, 3]


def test_a_timing_cell_keeps_its_measurement_until_its_code_changes(tmp_path):
    def measured(path):
        return nbformat.read(path, as_version=4).cells[0].outputs[0].text

    path = notebook(tmp_path / "timing.ipynb", "import time\nprint(time.perf_counter_ns())",
                    "print('after')", tags={0: ["nbval-ignore-output"]})
    assert execute(path).returncode == 0
    first = path.read_bytes()
    assert execute(path).returncode == 0
    assert path.read_bytes() == first  # the same measurement, byte for byte

    assert execute("--remeasure", path).returncode == 0
    remeasured = measured(path)
    assert remeasured != nbformat.reads(first.decode(), as_version=4).cells[0].outputs[0].text

    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source += "  # changed"
    nbformat.write(nb, path)
    assert execute(path).returncode == 0
    assert measured(path) != remeasured  # new code, new measurement
