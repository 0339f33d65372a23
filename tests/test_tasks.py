"""tools/tasks.py, the task runner behind the Makefile: every task run through the script."""

import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "tasks.py"
TASKS = ["setup", "lab", "test", "execute", "bench", "handout", "grade", "lint", "clean"]


def load_tasks():
    spec = importlib.util.spec_from_file_location("tasks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tasks = load_tasks()


def run(*args, script=SCRIPT, timeout=300):
    return subprocess.run([sys.executable, str(script), *args], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT)


def test_help_lists_every_task():
    for args in (["--help"], []):
        done = run(*args)
        assert done.returncode == 0, done.stderr
        listed = re.findall(r"^    (\w+) ", done.stdout, flags=re.MULTILINE)
        assert listed == TASKS, done.stdout


def test_an_unknown_task_is_refused_with_the_list():
    done = run("serve")
    assert done.returncode == 2
    assert "invalid choice: 'serve'" in done.stderr and "lab" in done.stderr


def test_the_script_needs_only_the_standard_library():
    imported = re.findall(r"^(?:import|from) (\w+)", SCRIPT.read_text(), flags=re.MULTILINE)
    assert set(imported) <= set(sys.stdlib_module_names), imported


def test_setup_when_nothing_changed_takes_a_moment():
    start = time.perf_counter()
    done = run("setup")
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout
    assert time.perf_counter() - start < 10  # generous: it reads two files and a stamp


class TestWhenToSetUpAgain:
    """venv_problem() decides whether .venv can be used, is stale, or is broken."""

    def make_venv(self, tmp_path, record):
        venv = tmp_path / ".venv"
        python = tasks.venv_python(venv)
        python.parent.mkdir(parents=True)
        python.write_text("")
        (venv / ".ready").write_text(json.dumps(record))
        return venv

    def test_missing(self, tmp_path):
        assert tasks.venv_problem(tmp_path / ".venv") == "missing"

    def test_up_to_date(self, tmp_path):
        record = tasks.setup_record("3.11.7", "/usr/bin/python3.11")
        assert tasks.venv_problem(self.make_venv(tmp_path, record), record) is None

    def test_another_python_means_set_up_again(self, tmp_path):
        venv = self.make_venv(tmp_path, tasks.setup_record("3.12.1", "/usr/bin/python3.12"))
        problem = tasks.venv_problem(venv, tasks.setup_record("3.13.0", "/usr/bin/python3.13"))
        assert problem.startswith("stale") and "3.12.1" in problem and "3.13.0" in problem

    def test_changed_pins_mean_set_up_again(self, tmp_path):
        record = tasks.setup_record("3.11.7", "/usr/bin/python3.11")
        old = dict(record, **{"requirements.txt": "an older digest"})
        problem = tasks.venv_problem(self.make_venv(tmp_path, old), record)
        assert problem == "stale: requirements.txt changed"

    def test_a_venv_whose_python_is_gone_is_broken(self, tmp_path):
        record = tasks.setup_record("3.11.7", "/usr/bin/python3.11")
        venv = self.make_venv(tmp_path, record)
        python = tasks.venv_python(venv)
        python.unlink()
        if not tasks.WINDOWS:
            python.symlink_to(tmp_path / "uninstalled-python")  # a dangling link
        problem = tasks.venv_problem(venv, record)
        assert problem.startswith("broken") and "is gone" in problem

    def test_an_unfinished_set_up_is_stale(self, tmp_path):
        record = tasks.setup_record("3.11.7", "/usr/bin/python3.11")
        venv = self.make_venv(tmp_path, record)
        (venv / ".ready").unlink()
        assert tasks.venv_problem(venv, record) == "stale: set-up never finished"


def test_clean_removes_what_set_up_and_tests_make_and_nothing_else(tmp_path):
    (tmp_path / "tools").mkdir()
    script = shutil.copy(SCRIPT, tmp_path / "tools" / "tasks.py")
    made = [".venv/bin/python", "bench/.reference/micrograd/engine.py",
            ".pytest_cache/v/x", ".ruff_cache/x", ".hypothesis/examples/x",
            "micrograd_notebooks.egg-info/PKG-INFO", "micrograd/__pycache__/engine.pyc",
            "tests/__pycache__/x.pyc"]
    kept = ["notebooks/01_derivatives.ipynb", "micrograd/engine.py", "my_notes.txt",
            "bench/bench.py", ".git/config", ".venv_backup/keep.txt"]
    for name in made + kept:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    done = subprocess.run([sys.executable, str(script), "clean"], capture_output=True,
                          text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [name for name in made if (tmp_path / name).exists()] == []
    assert not (tmp_path / ".venv").exists() and not (tmp_path / "bench/.reference").exists()
    assert [name for name in kept if not (tmp_path / name).exists()] == []


def test_lint_runs_ruff_and_passes():
    done = run("lint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All checks passed" in done.stdout


def test_test_passes_its_arguments_to_pytest():
    done = run("test", "tests/test_datasets.py", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"\d+ passed", done.stdout)
    assert "notebooks" not in done.stdout  # only the file named ran


def test_execute_runs_the_notebooks_it_is_given(tmp_path):
    path = tmp_path / "lesson.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("print(6 * 7)")]
    nbformat.write(nb, path)
    done = run("execute", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert nbformat.read(path, as_version=4).cells[0].outputs[0].text == "42\n"


@pytest.mark.skipif(not (ROOT / "bench" / ".reference" / "micrograd").exists(),
                    reason="micrograd 0.1.0 is not in bench/.reference (make bench puts it there)")
def test_bench_reaches_the_benchmark():
    done = run("bench", "--help")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "micrograd 0.1.0" in done.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lab_serves_the_lessons_without_the_news_prompt_and_opens_lesson_01(tmp_path):
    port = free_port()
    log = tmp_path / "lab.log"
    with open(log, "w") as out:
        lab = subprocess.Popen([sys.executable, str(SCRIPT), "lab", "--port", str(port),
                                "--no-browser"], stdout=out, stderr=subprocess.STDOUT,
                               cwd=ROOT, env=dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path)))
    try:
        token = None
        deadline = time.monotonic() + 90
        while token is None and time.monotonic() < deadline and lab.poll() is None:
            found = re.search(rf"127\.0\.0\.1:{port}/lab\?token=(\w+)", log.read_text())
            token = found and found.group(1)
            time.sleep(0.2)
        assert token, log.read_text()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/lab/api/settings/"
            "@jupyterlab/apputils-extension:notification",
            headers={"Authorization": f"token {token}"})
        settings = json.load(urllib.request.urlopen(request, timeout=30))
        assert settings["schema"]["properties"]["fetchNews"]["default"] == "false"
        assert settings["schema"]["properties"]["checkForUpdates"]["default"] is False
        # the page a browser is sent to opens lesson 01
        opener = "".join(p.read_text() for p in tmp_path.glob("jpserver-*-open.html"))
        assert "01_derivatives.ipynb" in opener, opener
        # a lesson as slides (jupyterlab-rise), with the slides' style sheet beside it
        for path in ("rise/01_derivatives.ipynb", "files/rise.css"):
            slides = urllib.request.Request(f"http://127.0.0.1:{port}/{path}",
                                            headers={"Authorization": f"token {token}"})
            assert urllib.request.urlopen(slides, timeout=30).status == 200, path
    finally:
        lab.terminate()
        try:
            lab.wait(30)
        except subprocess.TimeoutExpired:
            lab.kill()
            raise
