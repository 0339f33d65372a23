"""The repository starts on Binder or a JupyterHub as repo2docker builds it: the lock, the
Python version, postBuild and start."""

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def git_mode(name):
    listed = subprocess.run(["git", "ls-files", "-s", name], cwd=ROOT, capture_output=True,
                            text=True).stdout.split()
    return listed[0] if listed else None


def test_runtime_asks_for_the_python_the_project_needs():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    assert 'requires-python = ">=3.11"' in (ROOT / "pyproject.toml").read_text()


def test_postbuild_and_start_are_executable_scripts_with_unix_line_ends():
    for name in ("postBuild", "start"):
        script = (ROOT / name).read_bytes()
        assert script.startswith(b"#!/usr/bin/env bash\n") and b"\r\n" not in script, name
        assert git_mode(name) in (None, "100755"), f"{name} is not executable in git"
        assert os.stat(ROOT / name).st_mode & stat.S_IXUSR, name
    assert b'exec "$@"' in (ROOT / "start").read_bytes()  # start must hand over to the server


def test_postbuild_installs_the_package_trusts_the_lessons_and_sets_the_lab(tmp_path):
    script = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps --editable ." in script
    assert "jupyter trust notebooks/*.ipynb" in script
    # its last step, run for an environment at tmp_path, writes the lab's settings there
    line = next(line for line in script.splitlines() if "write_lab_settings" in line)
    command = line.split("python -c ", 1)[1].strip("'")
    subprocess.run([sys.executable, "-c", command.replace("sys.prefix", repr(str(tmp_path)))],
                   cwd=ROOT, check=True)
    written = (tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json").read_text()
    assert '"fetchNews": "false"' in written
