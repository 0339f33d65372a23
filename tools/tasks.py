"""Every task of the project, on any operating system, with nothing but Python itself.

    python3 tools/tasks.py TASK [options]      (Windows: py tools\\tasks.py TASK)

The Makefile's targets call this script, so `make lab` and `python3 tools/tasks.py lab`
do the same. Each task first makes sure `.venv` is set up, then runs inside it.

It uses the standard library only: it runs before anything is installed.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
NOTEBOOKS = ROOT / "notebooks"
REQUIREMENTS = ROOT / "requirements.txt"
PYPROJECT = ROOT / "pyproject.toml"
REFERENCE = ROOT / "bench" / ".reference"  # micrograd 0.1.0, for the benchmark
READY = VENV / ".ready"  # what the environment was set up from (see setup_record)
TRUSTED = VENV / ".trusted"  # the notebooks as they were when last marked trusted
FIRST_LESSON = "01_derivatives.ipynb"
MIN_PYTHON = (3, 11)
WINDOWS = os.name == "nt"

# JupyterLab settings for this project's lab only (they live inside .venv): no pop-up
# asking to fetch Jupyter news over the lesson, and no update check.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def venv_python(venv=VENV):
    """The Python inside a virtual environment, on this operating system."""
    return venv / ("Scripts/python.exe" if WINDOWS else "bin/python")


def base_python():
    """The interpreter this script runs on, outside any virtual environment it runs in."""
    return Path(getattr(sys, "_base_executable", sys.executable) or sys.executable)


# ----- setup ----------------------------------------------------------------------------------


def setup_record(python_version, python_path):
    """What the environment is built from; when any of it changes, set-up runs again."""
    return {
        "python": f"{python_version} {python_path}",
        "requirements.txt": _digest(REQUIREMENTS),
        "pyproject.toml": _digest(PYPROJECT),
        "lab settings": _digest_text(json.dumps(LAB_SETTINGS, sort_keys=True)),
    }


def current_record():
    version = ".".join(map(str, sys.version_info[:3]))
    return setup_record(version, os.path.realpath(base_python()))


def venv_problem(venv=VENV, record=None):
    """Why the environment in ``venv`` cannot be used as it is (None if it can).

    Returns one of None, "missing", "broken: ...", "stale: ...".
    """
    if not venv.exists():
        return "missing"
    python = venv_python(venv)
    if not python.exists():  # a link to a Python that was uninstalled is not there either
        return (f"broken: its Python ({python}) is gone, perhaps because the Python it was "
                f"made from was removed or upgraded")
    ready = venv / READY.name
    try:
        stored = json.loads(ready.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "stale: set-up never finished"
    record = record or current_record()
    if stored.get("python") != record["python"]:
        return (f"stale: it was made with Python {stored.get('python', '?')}, and this is "
                f"Python {record['python']}")
    if stored != record:
        changed = ", ".join(key for key in record if stored.get(key) != record[key])
        return f"stale: {changed} changed"
    return None


def setup(quiet=False):
    """Create .venv and install the pinned packages into it; a moment when nothing changed."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"micrograd notebooks need Python {'.'.join(map(str, MIN_PYTHON))} or newer; "
                 f"this is {sys.version.split()[0]} ({sys.executable}). Run this script with "
                 f"a newer Python, or `make PYTHON=/path/to/python3.x ...`.")
    problem = venv_problem()
    if problem is None:
        if not quiet:
            print(f"Set up already: {VENV.name} is up to date.")
        return
    start = time.perf_counter()
    record = current_record()
    stored_python = _stored_python()
    if problem != "missing" and (problem.startswith("broken") or (
            stored_python is not None and stored_python != record["python"])):
        print(f"The environment in {VENV.name} cannot be used: {problem.split(': ', 1)[1]}.\n"
              f"Making it again from scratch (packages you added to it by hand go too).")
        _remove(VENV)
    print(f"Setting up {VENV.name} with Python {record['python']} ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="uv-") as scratch:
        _install(find_uv(Path(scratch)))
    write_lab_settings(VENV)
    renderer = subprocess.run(
        [str(venv_python()), "-c",
         "from micrograd.draw import find_renderer\n"
         "try:\n    print('Graphs render with', find_renderer())\n"
         "except Exception as error:\n    print(error)"],
        capture_output=True, text=True)
    print(renderer.stdout.strip() or renderer.stderr.strip())
    READY.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"Set up in {time.perf_counter() - start:.0f} s.")


def _install(uv):
    """Create .venv if needed, then install requirements.txt and this project into it."""
    if not VENV.exists():
        if uv:
            _run([uv, "venv", "--quiet", "--python", str(base_python()), str(VENV)])
        else:
            _run([str(base_python()), "-m", "venv", str(VENV)])
    packages = ["-r", str(REQUIREMENTS), "--editable", str(ROOT)]
    # Every package is pinned in requirements.txt, so nothing needs resolving: --no-deps.
    # Compiling to bytecode now (pip does it by default; uv does not) saves seconds at
    # every start of JupyterLab where Python cannot write its cache.
    if uv:
        _run([uv, "pip", "install", "--quiet", "--no-deps", "--compile-bytecode",
              "--python", str(venv_python()), *packages])
    else:
        _run([str(venv_python()), "-m", "pip", "install", "--quiet", "--no-deps",
              "--disable-pip-version-check", *packages])


def find_uv(scratch):
    """A uv executable to install with (much faster than pip), or None to use pip.

    The one in .venv (requirements.txt pins it), else one on the PATH, else it is fetched
    from PyPI with this Python's pip into the folder ``scratch``, for this set-up only.
    """
    name = "uv.exe" if WINDOWS else "uv"
    own = venv_python().parent / name
    if own.exists() and _stored_python() == current_record()["python"]:
        return str(own)
    on_path = shutil.which("uv")
    if on_path:
        return on_path
    version = _pinned_version("uv")
    fetched = subprocess.run(
        [str(base_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--target", str(scratch), f"uv=={version}" if version else "uv"],
        capture_output=True, text=True)
    found = [p for p in scratch.glob(f"*/{name}") if p.is_file()]
    if fetched.returncode != 0 or not found:
        print("(uv could not be fetched, so pip installs the packages: this takes a minute)")
        return None
    return str(found[0])


def _stored_python():
    try:
        return json.loads(READY.read_text(encoding="utf-8")).get("python")
    except (OSError, ValueError):
        return None


def _pinned_version(package):
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        name, _, version = line.split(";")[0].strip().partition("==")
        if name.lower() == package:
            return version.strip()
    return None


def write_lab_settings(prefix):
    """JupyterLab reads overrides.json from its application settings folder in the
    environment at ``prefix`` (.venv here; postBuild passes its own on Binder)."""
    folder = Path(prefix) / "share" / "jupyter" / "lab" / "settings"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "overrides.json").write_text(json.dumps(LAB_SETTINGS, indent=2) + "\n",
                                           encoding="utf-8")


# ----- the tasks ------------------------------------------------------------------------------


def lab(args):
    """Open the lessons in JupyterLab, starting on lesson 01."""
    setup(quiet=True)
    trust_changed_notebooks()
    command = [str(venv_python()), "-m", "jupyterlab",
               f"--ServerApp.root_dir={NOTEBOOKS}", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={args.port}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # JupyterLab refuses to run as root without it
    if args.no_browser:
        command.append("--no-browser")
    if (NOTEBOOKS / FIRST_LESSON).exists():
        command.append(str(NOTEBOOKS / FIRST_LESSON))
    return _run_foreground(command)


def trust_changed_notebooks():
    """Mark as trusted the lessons that changed since last time, so their stored graphs show.

    Jupyter shows stored SVG only in notebooks this user trusts. Trusting all of them takes
    seconds, so only the ones that changed since the last `lab` are trusted again.
    """
    try:
        trusted = json.loads(TRUSTED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        trusted = {}
    now = {p.name: _digest(p) for p in sorted(NOTEBOOKS.glob("*.ipynb"))}
    changed = [name for name, digest in now.items() if trusted.get(name) != digest]
    if changed:
        _run([str(venv_python()), "-m", "nbformat.sign",
              *[str(NOTEBOOKS / name) for name in changed]], quiet=True)
        TRUSTED.write_text(json.dumps(now, indent=2) + "\n", encoding="utf-8")


def test(args):
    """The unit tests and every notebook under nbval (pytest; extra arguments go to it)."""
    setup(quiet=True)
    status = _run([str(venv_python()), "-m", "pytest", *args.more], check=False)
    if status == 5:  # pytest: no tests were collected
        print("pytest collected no tests")
        return 0
    return status


def execute(args):
    """Re-run notebooks top to bottom and store their outputs (all, or the ones named)."""
    setup(quiet=True)
    return _run([str(venv_python()), str(ROOT / "tools" / "execute_notebooks.py"),
                 *(["--remeasure"] if args.remeasure else []), *args.notebooks], check=False)


def handout(args):
    """Write the student edition: every lesson without its solutions, the package, a README."""
    setup(quiet=True)
    return _run([str(venv_python()), str(ROOT / "tools" / "handout.py"), *args.more],
                check=False)


def grade(args):
    """Run a class's submitted notebooks and write one table of every exercise's verdict."""
    setup(quiet=True)
    return _run([str(venv_python()), str(ROOT / "tools" / "grade.py"), *args.more],
                check=False)


def bench(args):
    """This package against micrograd 0.1.0 on the same workload (extra arguments go to it)."""
    setup(quiet=True)
    if not (REFERENCE / "micrograd" / "engine.py").exists():
        print(f"Installing micrograd 0.1.0 into {REFERENCE.relative_to(ROOT)} ...", flush=True)
        uv = venv_python().parent / ("uv.exe" if WINDOWS else "uv")
        if uv.exists():
            _run([str(uv), "pip", "install", "--quiet", "--no-deps", "--python",
                  str(venv_python()), "--target", str(REFERENCE), "micrograd==0.1.0"])
        else:
            _run([str(venv_python()), "-m", "pip", "install", "--quiet", "--no-deps",
                  "--disable-pip-version-check", "--target", str(REFERENCE),
                  "micrograd==0.1.0"])
    return _run([str(venv_python()), str(ROOT / "bench" / "bench.py"),
                 "--reference", str(REFERENCE), *args.more], check=False)


def lint(args):
    """ruff over the package, tests, tools, benchmark and notebooks."""
    setup(quiet=True)
    return _run([str(venv_python()), "-m", "ruff", "check", str(ROOT)], check=False)


GENERATED = [".venv", "bench/.reference", ".pytest_cache", ".ruff_cache", ".hypothesis"]


def clean(args, root=None):
    """Remove .venv, the benchmark's reference copy and caches (nothing else)."""
    root = Path(root or ROOT)
    doomed = [root / name for name in GENERATED] + list(root.glob("*.egg-info"))
    for folder, subfolders, _ in os.walk(root):
        if "__pycache__" in subfolders:
            doomed.append(Path(folder) / "__pycache__")
        subfolders[:] = [name for name in subfolders
                         if name not in (".venv", ".git", "__pycache__")]
    for path in doomed:
        if path.exists():
            _remove(path)
            print(f"removed {path.relative_to(root)}")
    return 0


# ----- running things -------------------------------------------------------------------------


def _run(command, check=True, quiet=False):
    """Run a command from the project folder; stop with its message if it fails."""
    done = subprocess.run(command, cwd=ROOT, capture_output=quiet, text=True)
    if check and done.returncode != 0:
        if quiet:
            print(done.stdout, done.stderr, sep="", file=sys.stderr)
        sys.exit(f"failed (exit code {done.returncode}): {' '.join(map(str, command))}")
    return done.returncode


def _run_foreground(command):
    """Run a long-lived command (the lab) in place of this script, so that Ctrl-C and
    signals reach it directly."""
    if not WINDOWS:
        os.chdir(ROOT)
        os.execv(command[0], command)  # does not return
    process = subprocess.Popen(command, cwd=ROOT)
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:
            continue  # the lab got the Ctrl-C too, and asks before it stops


def _remove(path):
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, onerror=_make_writable_and_retry)
    else:
        path.unlink()


def _make_writable_and_retry(function, path, _):
    os.chmod(path, 0o700)  # Windows refuses to delete read-only files (git objects, say)
    function(path)


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if Path(path).exists() else None


def _digest_text(text):
    return hashlib.sha256(text.encode()).hexdigest()


# ----- the command line -----------------------------------------------------------------------


def parser():
    main = argparse.ArgumentParser(
        prog="tasks.py", description="Tasks of micrograd notebooks (the same as `make TASK`).",
        epilog="Windows: py tools\\tasks.py TASK.  Anywhere: python3 tools/tasks.py TASK.")
    tasks = main.add_subparsers(dest="task", metavar="TASK")
    tasks.add_parser("setup", help="create .venv and install the pinned packages "
                     "(the other tasks do it when needed)")
    lab_task = tasks.add_parser("lab", help="open the lessons in JupyterLab")
    lab_task.add_argument("--port", type=int, default=8888, help="port to serve on (8888)")
    lab_task.add_argument("--no-browser", action="store_true", help="do not open a browser")
    # test and bench pass every further argument on (--help included), to pytest and
    # to bench/bench.py
    tasks.add_parser("test", add_help=False, help="unit tests and every notebook under nbval "
                     "(more arguments go to pytest)")
    execute_task = tasks.add_parser("execute", help="re-run notebooks and store their outputs")
    execute_task.add_argument("notebooks", nargs="*", help="the notebooks (default: all)")
    execute_task.add_argument("--remeasure", action="store_true",
                              help="measure the timing cells again (they keep their stored "
                                   "measurement while their code is unchanged)")
    tasks.add_parser("bench", add_help=False, help="this package against micrograd 0.1.0 "
                     "(more arguments go to bench/bench.py)")
    tasks.add_parser("handout", add_help=False, help="write the student edition to "
                     "build/student (more arguments go to tools/handout.py)")
    tasks.add_parser("grade", add_help=False, help="grade a folder of submitted notebooks "
                     "(SUBMISSIONS [--lesson NN]; more in tools/grade.py --help)")
    tasks.add_parser("lint", help="ruff over everything")
    tasks.add_parser("clean", help="remove .venv, the benchmark's reference copy and caches")
    return main


def main(argv=None):
    args, more = parser().parse_known_args(argv)
    if more and args.task not in ("test", "bench", "handout", "grade"):
        parser().error(f"unrecognized arguments: {' '.join(more)}")
    args.more = more
    if args.task is None:
        parser().print_help()
        return 0
    if args.task == "setup":
        setup()
        return 0
    task = {"lab": lab, "test": test, "execute": execute, "bench": bench, "lint": lint,
            "clean": clean, "handout": handout, "grade": grade}[args.task]
    return task(args)


if __name__ == "__main__":
    sys.exit(main())
