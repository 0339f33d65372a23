"""Grade a class's lesson notebooks (``make grade SUBMISSIONS=folder``).

Every ``*.ipynb`` under the folder is one submission: ``alice/03_manual_backprop.ipynb``
(a folder per student) or ``alice_03.ipynb`` (one folder for all). Each runs top to bottom in
a fresh kernel, in a temporary folder of its own (also its home folder), with the same limits
as the exercise checks inside it, a time limit per cell, and a memory limit for its kernel.
Every check the lesson's exercises make is recorded as it runs; the last verdict of each
counts. The result is one row per student and one column per exercise, written as a CSV file
and an HTML page:

    correct        the last check said so
    not yet        the last check found a mistake (the message says which)
    not answered   the exercise was left blank, or its check never ran
    failed to run  the notebook stopped before the exercise's check (why is in the row)

A broken notebook, one that is not a notebook, one from another lesson, one that hangs or
kills its kernel, each gets a row that says so, and the others are graded as usual. Nothing
a notebook does changes another's result: each has its own folder, kernel and record.

    python tools/grade.py SUBMISSIONS [--out build/grades] [--lesson 03]
"""

import argparse
import csv
import html
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

try:
    import psutil
except ImportError:  # pragma: no cover
    psutil = None

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 60                # seconds one cell may run
KERNEL_MEMORY = 2 * 1024 ** 3    # bytes a kernel may use before it is stopped
CORRECT, NOT_YET, BLANK, FAILED = "correct", "not yet", "not answered", "failed to run"
STATUS = {"correct": CORRECT, "wrong": NOT_YET, "not answered": BLANK}
LESSON_IMPORT = re.compile(r"from micrograd\.exercises import lesson(\d\d) as ex")


def exercises_of(lesson):
    """The names of a lesson's exercises (your-turns and end-of-lesson), in lesson order."""
    from micrograd.exercises import Exercise

    module = importlib.import_module(f"micrograd.exercises.lesson{lesson}")
    return [name for name, value in vars(module).items() if isinstance(value, Exercise)]


def lesson_of(path, nb):
    """The lesson a notebook belongs to, from the exercises it imports (else None)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            found = LESSON_IMPORT.search(cell.source)
            if found:
                return found.group(1)
    return None


def student_of(path, submissions):
    parts = path.relative_to(submissions).parts
    return parts[0] if len(parts) > 1 else path.stem


def grade_one(path, submissions, scratch, expected_lesson=None, cell_timeout=CELL_TIMEOUT,
              kernel_memory=KERNEL_MEMORY, notebook_timeout=None):
    """One row: who, which lesson, how the run went, and {exercise: (status, message)}."""
    row = {"student": student_of(path, submissions), "file": str(path.relative_to(submissions)),
           "lesson": "", "run": "", "seconds": 0.0, "verdicts": {}}
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:  # not JSON, not a notebook, unreadable
        row["run"] = f"{FAILED}: not a notebook that can be read ({type(error).__name__})"
        return row
    lesson = lesson_of(path, nb)
    if lesson is None:
        row["run"] = f"{FAILED}: this notebook is not one of the lessons (no exercises in it)"
        return row
    row["lesson"] = lesson
    if expected_lesson and lesson != expected_lesson:
        row["run"] = f"{FAILED}: this is lesson {lesson}'s notebook, not lesson {expected_lesson}'s"
        return row
    notebook_timeout = notebook_timeout or max(600, 4 * cell_timeout)
    with tempfile.TemporaryDirectory(prefix="notebook-", dir=scratch) as folder:
        folder = Path(folder)
        nbformat.write(nb, folder / "submission.ipynb")
        env = {**os.environ, "MICROGRAD_VERDICTS": str(folder / RECORD),
               "PYTHONDONTWRITEBYTECODE": "1",
               **{name: str(folder) for name in ("HOME", "USERPROFILE", "TMPDIR", "TEMP", "TMP",
                                                 "JUPYTER_RUNTIME_DIR")}}
        start = time.monotonic()
        row["run"] = _run_watched(folder, env, cell_timeout, kernel_memory, notebook_timeout)
        row["seconds"] = round(time.monotonic() - start, 1)
        row["verdicts"] = read_record(folder / RECORD, lesson)
    return row


RECORD, PROGRESS, KERNEL, RESULT = "verdicts.jsonl", "progress", "kernel.pid", "result"


def _run_watched(folder, env, cell_timeout, kernel_memory, notebook_timeout):
    """Run the notebook in ``folder`` in a process of its own, and watch it from here: the
    whole run's time, the memory of the process and its kernel, and whether the kernel
    still lives. Returns how the run went, as the row says it."""
    command = [sys.executable, str(Path(__file__).resolve()), "--run-one", str(folder),
               "--cell-timeout", str(cell_timeout)]
    separate = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if os.name == "nt"
                else {"start_new_session": True})
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, **separate)
    start, why, kernel_gone_since, finished_since = time.monotonic(), None, None, None
    while process.poll() is None:
        time.sleep(0.2)
        cell = _cell_reached(folder)
        if (folder / RESULT).exists():  # it has said how it went: it may take no longer
            finished_since = finished_since or time.monotonic()
            if time.monotonic() - finished_since > 3:
                _kill_tree(process)
                break
        elif time.monotonic() - start > notebook_timeout:
            why = f"at cell {cell}, the notebook ran for more than {notebook_timeout:g} s"
        elif _memory_of(process) > kernel_memory:
            why = f"at cell {cell}, used more than {kernel_memory // 2 ** 20} MB of memory"
        elif not _kernel_alive(folder):
            kernel_gone_since = kernel_gone_since or time.monotonic()
            if time.monotonic() - kernel_gone_since > 3:  # the runner did not notice
                why = f"at cell {cell}, its kernel died"
        if why:
            _kill_tree(process)
            return f"{FAILED}: {why}"
    try:
        return (folder / RESULT).read_text(encoding="utf-8").strip()
    except OSError:
        return f"{FAILED}: at cell {_cell_reached(folder)}, the run stopped"


def _cell_reached(folder):
    try:
        return int((folder / PROGRESS).read_text() or 0)
    except (OSError, ValueError):
        return 0


def _tree(process):
    if psutil is None:
        return []
    try:
        parent = psutil.Process(process.pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return []


def _memory_of(process):
    total = 0
    for p in _tree(process):
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _kernel_alive(folder):
    try:
        pid = int((folder / KERNEL).read_text())
    except (OSError, ValueError):
        return True  # not started yet
    if psutil is None:
        return True
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:  # gone between two looks
        return False


def _kill_tree(process):
    for p in reversed(_tree(process)):
        try:
            p.kill()
        except psutil.Error:
            pass
    process.kill()
    process.wait()


def run_one(folder, cell_timeout):
    """In the process _run_watched starts: run submission.ipynb in a fresh kernel, cell by
    cell, noting which cell runs and how the run ends."""
    folder = Path(folder)
    nb = nbformat.read(folder / "submission.ipynb", as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=cell_timeout, allow_errors=True,
                            resources={"metadata": {"path": str(folder)}})
    index, result = 0, None
    try:
        with client.setup_kernel(cwd=str(folder)):
            (folder / KERNEL).write_text(str(client.km.provisioner.pid))
            try:
                for index, cell in enumerate(nb.cells):
                    (folder / PROGRESS).write_text(str(index + 1))
                    client.execute_cell(cell, index)
                result = "ran to the end"
            except CellTimeoutError:
                result = (f"{FAILED}: cell {index + 1} ran for more than {cell_timeout:g} s, "
                          f"so it was stopped there")
            except DeadKernelError:
                result = f"{FAILED}: at cell {index + 1}, its kernel died"
            (folder / RESULT).write_text(result, encoding="utf-8")  # the watcher stops us soon
    except Exception as error:
        if result is None:
            (folder / RESULT).write_text(f"{FAILED}: at cell {index + 1}, "
                                         f"{type(error).__name__}: {error}", encoding="utf-8")


def read_record(record, lesson):
    """{exercise: (status, message)} from the record the checks wrote: the last of each."""
    verdicts = {}
    try:
        lines = record.read_text(encoding="utf-8").splitlines()
    except OSError:
        return verdicts
    for line in lines:
        try:
            entry = json.loads(line)
            prefix, name = entry["exercise"].rsplit(".", 1)
            if prefix == f"lesson{lesson}" and entry["status"] in STATUS:
                verdicts[name] = (STATUS[entry["status"]], str(entry["message"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # a line the checks did not write
    return verdicts


def table(rows):
    """The columns (lesson.exercise, in lesson order) and each row's cells for them."""
    lessons = sorted({row["lesson"] for row in rows if row["lesson"]})
    columns = [(lesson, name) for lesson in lessons for name in exercises_of(lesson)]
    for row in rows:
        failed = row["run"].startswith(FAILED)
        row["cells"] = {}
        for lesson, name in columns:
            if row["lesson"] != lesson:
                continue
            default = (FAILED, row["run"]) if failed else (BLANK, "its check never ran")
            row["cells"][f"{lesson}.{name}"] = row["verdicts"].get(name, default)
    return [f"{lesson}.{name}" for lesson, name in columns]


def write_csv(rows, columns, path):
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["student", "file", "lesson", "run", "seconds"]
                        + [part for c in columns for part in (c, f"{c} message")])
        for row in rows:
            cells = [row["cells"].get(c, ("", "")) for c in columns]
            writer.writerow([row["student"], row["file"], row["lesson"], row["run"],
                             row["seconds"]] + [part for cell in cells for part in cell])


COLOURS = {CORRECT: "#d7f5dd", NOT_YET: "#fde2c8", BLANK: "#eeeeee", FAILED: "#f8c9c9"}


def write_html(rows, columns, path):
    """One table per lesson (a row per student, a column per exercise), and one for the
    notebooks that are no lesson's; a check's message shows under a "not yet" or a "failed"."""
    sections = []
    for lesson in sorted({row["lesson"] for row in rows}, key=lambda x: (x == "", x)):
        mine = [row for row in rows if row["lesson"] == lesson]
        names = [c for c in columns if c.startswith(f"{lesson}.")] if lesson else []
        head = "".join(f"<th>{html.escape(c.split('.', 1)[1])}</th>" for c in names)
        body = []
        for row in mine:
            cells = []
            for column in names:
                status, message = row["cells"].get(column, ("", ""))
                why = (f'<div class="why">{html.escape(message)}</div>'
                       if status in (NOT_YET, FAILED) else "")
                cells.append(f'<td style="background:{COLOURS.get(status, "#fff")}" '
                             f'title="{html.escape(message)}">{html.escape(status)}{why}</td>')
            body.append(f"<tr><th>{html.escape(row['student'])}</th>"
                        f"<td>{html.escape(row['file'])}</td><td>{html.escape(row['run'])}</td>"
                        f"<td>{row['seconds']}</td>{''.join(cells)}</tr>")
        counts = "".join(
            f"<td>{sum(r['cells'].get(c, ('',))[0] == CORRECT for r in mine)} correct</td>"
            for c in names)
        title = f"Lesson {lesson}" if lesson else "Notebooks that are no lesson's"
        sections.append(f"<h2>{title}</h2>\n<table><tr><th>student</th><th>file</th><th>run</th>"
                        f"<th>seconds</th>{head}</tr>\n" + "\n".join(body)
                        + (f"\n<tr><th>of {len(mine)}</th><td></td><td></td><td></td>{counts}"
                           f"</tr>" if names else "") + "\n</table>")
    path.write_text(f"""<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Grades</title>
<style>
body {{ font-family: sans-serif; font-size: 14px; }}
table {{ border-collapse: collapse; margin-bottom: 2em; }}
th, td {{ border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; }}
.why {{ font-size: 11px; color: #444; max-width: 18em; }}
</style>
<h1>Grades</h1>
<p>{len(rows)} notebooks. Each exercise: its last verdict; under a "not yet" or a "failed
to run", the check's message (every message shows when the pointer rests on a cell).</p>
{chr(10).join(sections)}
</html>
""", encoding="utf-8")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run-one"]:  # the process that runs one notebook (see _run_watched)
        run_one(argv[1], float(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path, help="the folder of submitted notebooks")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "grades",
                        help="where grades.csv and grades.html go (build/grades)")
    parser.add_argument("--lesson", help="the lesson they should all be, such as 03")
    parser.add_argument("--cell-timeout", type=float, default=CELL_TIMEOUT,
                        help=f"seconds one cell may run ({CELL_TIMEOUT})")
    parser.add_argument("--kernel-memory-mb", type=int, default=KERNEL_MEMORY // 2 ** 20,
                        help=f"MB a kernel may use ({KERNEL_MEMORY // 2 ** 20})")
    parser.add_argument("--notebook-timeout", type=float, default=None,
                        help="seconds a whole notebook may run (600, or 4 cell timeouts)")
    args = parser.parse_args(argv)
    submissions = args.submissions.resolve()
    if not submissions.is_dir():
        parser.error(f"{args.submissions} is not a folder of notebooks")
    out = args.out.resolve()
    if out == submissions or submissions in out.parents:
        parser.error("--out must not be inside the submissions folder")
    paths = sorted(p for p in submissions.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if not paths:
        parser.error(f"no .ipynb files under {args.submissions}")
    rows = []
    # every notebook runs in a folder of its own inside this one, removed at the end with
    # whatever a notebook left beside its own folder
    with tempfile.TemporaryDirectory(prefix="micrograd-grading-") as scratch:
        for path in paths:
            row = grade_one(path, submissions, scratch, args.lesson, args.cell_timeout,
                            args.kernel_memory_mb * 2 ** 20, args.notebook_timeout)
            rows.append(row)
            print(f"{row['student']:>16}  {row['file']:<36} {row['seconds']:6.1f} s  "
                  f"{row['run']}", flush=True)
    columns = table(rows)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(rows, columns, out / "grades.csv")
    write_html(rows, columns, out / "grades.html")
    print(f"wrote {out / 'grades.csv'} and {out / 'grades.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
