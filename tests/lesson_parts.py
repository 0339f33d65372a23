"""The parts of a lesson the tests read: which exercise a cell checks, and the solution
under it (the code block of the collapsed markdown cell tagged ``solution``)."""

import json
import re


def exercise_name(source):
    """The exercise an exercise cell checks: "q1" for a cell calling ``ex.q1.check(...)``."""
    return re.search(r"ex\.(\w+)\.check\(", source).group(1)


def solution_code(source):
    """The code of a solution cell's python block."""
    return re.search(r"```python\n(.*?)```", source, re.S).group(1)


def solutions(path):
    """{exercise name: the code of its solution} for the lesson at ``path``."""
    found, name = {}, None
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        source = "".join(cell["source"])
        if "exercise" in tags:
            name = exercise_name(source)
        elif "solution" in tags and name:
            found[name] = solution_code(source)
            name = None
    return found
