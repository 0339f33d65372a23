"""Drawing an expression graph with Graphviz, left to right, as in the lecture.

Each Value is a record box ``label | data | grad``; the operation that made it is a
small node of its own in front of it. The DOT source is the same on every run for the
same graph: nodes are numbered in the order a breadth-first walk from the output meets
them, never by ``id()`` or set order.

Graphviz itself is a separate program. ``draw_dot`` looks for one, in this order:

1. the executable named by the environment variable ``MICROGRAD_DOT``;
2. ``graphviz-pure``, the renderer that ``pip install -r requirements.txt`` installs
   (no admin rights needed, the same output on Linux, macOS and Windows);
3. a system Graphviz's ``dot`` on the PATH.
"""

import os
import shutil
import sysconfig
from collections import deque

import graphviz
import graphviz.backend.dot_command
from graphviz.jupyter_integration import SVG_ENCODING

from micrograd.engine import Value

RENDERER_ENV_VAR = "MICROGRAD_DOT"
MAX_NODES = 500


class Drawing(graphviz.Digraph):
    """A graphviz.Digraph whose text form says what it shows, instead of a memory address.

    Jupyter shows the picture; the text form is what prints, and what a stored notebook
    keeps beside the picture, so it should be the same on every run.
    """

    summary = "a drawing"

    def __repr__(self):
        return f"<Digraph: {self.summary}>"

    def _repr_image_svg_xml(self):
        # quiet: Graphviz's font warnings (for a label with non-ASCII letters, say) would
        # otherwise land in the notebook under the picture
        return self.pipe(format="svg", encoding=SVG_ENCODING, quiet=True)


class RendererNotFoundError(RuntimeError):
    """No Graphviz executable was found to turn a graph into a picture."""


def draw_dot(root, *, rankdir="LR", precision=4, max_nodes=MAX_NODES):
    """Draw the graph that made ``root`` as a ``graphviz.Digraph`` (shown inline in Jupyter).

    Args:
        root: the Value at the end of the expression.
        rankdir: "LR" for left to right, "TB" for top to bottom.
        precision: digits after the decimal point for data and grad.
        max_nodes: refuse graphs with more Values than this: a picture of thousands of
            boxes cannot be read, and takes Graphviz minutes to lay out.

    Returns:
        A graphviz.Digraph; ``.source`` is its DOT text.
    """
    if not isinstance(root, Value):
        raise TypeError(f"draw_dot expects a Value, got {type(root).__name__} {root!r}")
    nodes = _nodes_breadth_first(root, max_nodes)
    use_renderer(find_renderer())

    number = {node: i for i, node in enumerate(nodes)}
    dot = Drawing(format="svg", graph_attr={"rankdir": rankdir})
    operations = sum(1 for node in nodes if node._op)
    dot.summary = f"{_count(len(nodes), 'value')}, {_count(operations, 'operation')}"
    for node, i in number.items():
        fields = [f"data {node.data:.{precision}f}", f"grad {node.grad:.{precision}f}"]
        if node.label:
            fields.insert(0, _escape_record(str(node.label)))
        dot.node(f"v{i}", "{ " + " | ".join(fields) + " }", shape="record")
        if node._op:
            dot.node(f"v{i}op", graphviz.nohtml(str(node._op).replace("\\", "\\\\")))
            dot.edge(f"v{i}op", f"v{i}")
            for child in node._prev:
                dot.edge(f"v{number[child]}", f"v{i}op")
    return dot


def draw_neuron(nin=3, activation="f"):
    """A diagram of one neuron: inputs x_i, weighted by w_i, summed with a bias b into z,
    then passed through the activation to the output (a picture, not a Value graph)."""
    if isinstance(nin, bool) or not isinstance(nin, int) or not 1 <= nin <= 10:
        raise ValueError(f"draw_neuron draws 1 to 10 inputs; got {nin!r}")
    use_renderer(find_renderer())
    dot = Drawing(format="svg", graph_attr={"rankdir": "LR"}, node_attr={"fontname": "Helvetica"})
    dot.summary = f"a neuron with {_count(nin, 'input')}"
    # ASCII only: Graphviz has font metrics for it everywhere
    terms = " + ".join(f"w{i}*x{i}" for i in range(nin))
    dot.node("sum", f"z = {terms} + b", shape="box", style="rounded")
    for i in range(nin):
        dot.node(f"x{i}", f"x{i}", shape="plaintext")
        dot.edge(f"x{i}", "sum", label=f"times w{i}")
    dot.node("b", "bias b", shape="plaintext")
    dot.edge("b", "sum", label="plus")
    dot.node("act", f"{activation}(z)", shape="box")
    dot.node("out", "output", shape="plaintext")
    dot.edge("sum", "act", label="activation")
    dot.edge("act", "out")
    return dot


def _count(n, noun):
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _nodes_breadth_first(root, max_nodes):
    """Every Value ``root`` depends on, nearest first; a ValueError past ``max_nodes``."""
    seen, queue = {root: None}, deque([root])
    while queue:
        for child in queue.popleft()._prev:
            if child not in seen:
                seen[child] = None
                queue.append(child)
                if len(seen) > max_nodes:
                    raise ValueError(
                        f"this graph has more than {max_nodes} values: too many to draw "
                        f"readably. Draw a smaller expression (one neuron, one example), "
                        f"or pass max_nodes=... to draw it anyway.")
    return list(seen)


def _escape_record(text):
    """Escape the characters that mean something inside a Graphviz record label."""
    text = text.replace("\\", "\\\\")
    for char in '{}|<>"':
        text = text.replace(char, "\\" + char)
    return text


def find_renderer():
    """The path of the Graphviz executable to use; RendererNotFoundError if there is none."""
    chosen = os.environ.get(RENDERER_ENV_VAR)
    if chosen:
        path = shutil.which(chosen)
        if path is None:
            raise RendererNotFoundError(
                f"{RENDERER_ENV_VAR} is set to {chosen!r}, which is not an executable. "
                f"Point it at Graphviz's dot (or graphviz-pure), or unset it.")
        return path
    # The scripts folder of this Python's environment is searched too: a Jupyter kernel
    # started from a virtual environment often does not have it on its PATH.
    search_path = os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", "")])
    for name in ("graphviz-pure", "dot"):
        path = shutil.which(name, path=search_path)
        if path is not None:
            return path
    raise RendererNotFoundError(
        "draw_dot needs a Graphviz renderer and found none. Any one of these works:\n"
        "  pip install graphviz-pure   (no admin rights needed; requirements.txt has it)\n"
        "  a system Graphviz, from https://graphviz.org/download/ (gives 'dot')\n"
        f"  or set {RENDERER_ENV_VAR} to the path of a dot executable.")


def use_renderer(path):
    """Make the ``graphviz`` package render with the executable at ``path``."""
    graphviz.backend.dot_command.DOT_BINARY = path
