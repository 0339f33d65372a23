"""Every link into the lecture points at the start of one of its chapters, and a link that
shows a time shows the time it points at."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LECTURE = "https://www.youtube.com/watch?v=VMj-3S1tku0"

CHAPTERS = {  # the lecture's chapters, from its description: start -> title
    "0:00:00": "intro",
    "0:00:25": "micrograd overview",
    "0:08:08": "derivative of a simple function with one input",
    "0:14:12": "derivative of a function with multiple inputs",
    "0:19:09": "starting the core Value object of micrograd and its visualization",
    "0:32:10": "manual backpropagation example #1: simple expression",
    "0:51:10": "preview of a single optimization step",
    "0:52:52": "manual backpropagation example #2: a neuron",
    "1:09:02": "implementing the backward function for each operation",
    "1:17:32": "implementing the backward function for a whole expression graph",
    "1:22:28": "fixing a backprop bug when one node is used multiple times",
    "1:27:05": "breaking up a tanh, exercising with more operations",
    "1:39:31": "doing the same thing but in PyTorch: comparison",
    "1:43:55": "building out a neural net library (multi-layer perceptron) in micrograd",
    "1:51:04": "creating a tiny dataset, writing the loss function",
    "1:57:56": "collecting all of the parameters of the neural net",
    "2:01:12": "doing gradient descent optimization manually, training the network",
    "2:14:03": "summary of what we learned, how to go towards modern neural nets",
    "2:16:46": "walkthrough of the full code of micrograd on github",
    "2:21:10": "real stuff: diving into PyTorch, finding their backward pass for tanh",
    "2:24:39": "conclusion",
    "2:25:20": "outtakes :)",
}


def seconds(clock):
    h, m, s = (int(part) for part in clock.split(":"))
    return 3600 * h + 60 * m + s


STARTS = {seconds(clock): clock for clock in CHAPTERS}
LINK = re.compile(r"\[([^\]]*)\]\(" + re.escape(LECTURE) + r"&t=(\d+)s\)")


def texts():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            yield path.name, "".join(cell["source"])
    yield "README.md", (ROOT / "README.md").read_text(encoding="utf-8")


LINKS = [(name, shown, int(t)) for name, text in texts() for shown, t in LINK.findall(text)]


def test_the_lessons_link_the_lecture():
    assert len(LINKS) >= 20


@pytest.mark.parametrize("where, shown, t", LINKS, ids=[f"{w}: {s[:30]}" for w, s, _ in LINKS])
def test_a_lecture_link_starts_a_chapter_and_shows_its_time(where, shown, t):
    assert t in STARTS, f"{where}: {shown!r} links {t} s, which starts no chapter"
    clock = re.match(r"0?(\d:\d\d:\d\d)\b", shown)
    if clock:
        assert seconds(clock.group(1)) == t, f"{where}: {shown!r} points at {STARTS[t]}"


def test_no_link_into_the_lecture_is_written_another_way():
    for where, text in texts():
        odd = [m for m in re.findall(r"VMj-3S1tku0[^)\s]*", text)
               if m != "VMj-3S1tku0" and not re.fullmatch(r"VMj-3S1tku0&t=\d+s", m)]
        assert not odd, f"{where}: {odd}"
