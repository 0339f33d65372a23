"""Pictures of expression graphs and networks, drawn with Graphviz.

Four views, each returning something Jupyter shows inline:

* ``draw_dot(root)``: the graph that made ``root``. Each Value is a box with its label on
  top and its data and grad beneath; the operation that made it is a small oval in front.
* ``draw_backward(root)`` and ``draw_forward(root)``: the same graph as a sequence of
  frames, one per value, showing the order in which backpropagation fills in the
  gradients (or the forward pass computes the values). ``.slider()`` steps through them.
* ``draw_mlp(model, inputs)``: a network at the level of neurons, not of single numbers.
* ``draw_neuron(nin)``: a diagram of what one neuron computes.

Colour means something and a legend under each picture says what: the fill of a value's
name is its role (input, parameter, intermediate, output); the fill of its grad is the
sign and size of the gradient (blue below zero, red above, darker for larger).
``color=False`` draws in black and white, for printing.

Every picture is scaled to fit a notebook column of ``COLUMN_PX`` pixels, but never so
far that its smallest text is under ``MIN_TEXT_PX`` pixels: a graph that would need more
shrinking is shown wider than the column (draw it with ``rankdir="TB"``, or draw a part).

The DOT source is the same on every run for the same graph: values are numbered in the
order a breadth-first walk from the output meets them, never by ``id()`` or set order.

Graphviz itself is a separate program. The drawings look for one, in this order:

1. the executable named by the environment variable ``MICROGRAD_DOT``;
2. ``graphviz-pure``, the renderer that ``pip install -r requirements.txt`` installs
   (no admin rights needed, the same output on Linux, macOS and Windows);
3. a system Graphviz's ``dot`` on the PATH.
"""

import functools
import html
import itertools
import os
import re
import shutil
import sysconfig
import warnings
from collections import deque

import graphviz
import graphviz.backend.dot_command
from graphviz.jupyter_integration import SVG_ENCODING

from micrograd.engine import Value, topological_order

RENDERER_ENV_VAR = "MICROGRAD_DOT"
MAX_NODES = 500

COLUMN_PX = 840  # the width of a notebook's output column on a projector
MIN_TEXT_PX = 11  # no text smaller than this, after any scaling
PX_PER_PT = 4 / 3  # Graphviz measures in points; a browser shows 4/3 pixel per point

# Graphviz lays text out with the metrics of FONT. The browser draws it with the first
# font of FONT_STACK that it has. DejaVu Sans (most Linux machines) is one of the widest
# sans-serif fonts, and Verdana (Windows, macOS) has almost the same widths; Arial, or
# Liberation Sans standing in for it on Linux, is narrower. So whichever of the stack a
# browser finds, each label fits in the room Graphviz measured for it.
FONT = "DejaVu Sans"
FONT_STACK = "DejaVu Sans,Verdana,Geneva,Arial,sans-serif"
FONT_SIZE = 14  # points: 18.7 px unscaled
SMALL_FONT_SIZE = 13  # edge labels, captions and legends: 17.3 px unscaled

ROLE_COLOURS = {
    "input": "#c7e9c0",  # green: data we give the graph
    "parameter": "#fee391",  # yellow: what training adjusts
    "intermediate": "#e8e8e8",  # grey: computed along the way
    "output": "#dadaeb",  # lavender: the end of the graph
}
# Gradient colours, from a small to a large |grad| (relative to the largest in the picture).
NEGATIVE_COLOURS = ("#d1e5f0", "#92c5de", "#4393c3")
POSITIVE_COLOURS = ("#fddbc7", "#f4a582", "#d6604d")
ZERO_COLOUR = "#ffffff"
HIGHLIGHT = "#e66100"  # orange: the value whose step a frame shows
WEIGHT_COLOURS = {"+": "#e08214", "-": "#8073ac"}  # draw_mlp's edges: orange > 0, purple < 0

DIRECTIONS = ("LR", "TB", "RL", "BT")


class Drawing(graphviz.Digraph):
    """A graphviz.Digraph that Jupyter shows fitted to the column, in the series' fonts.

    Its text form says what it shows, instead of a memory address: Jupyter shows the
    picture, and the text form is what prints, and what a stored notebook keeps beside
    the picture, so it should be the same on every run.
    """

    summary = "a drawing"

    def __repr__(self):
        return f"<Digraph: {self.summary}>"

    def _repr_image_svg_xml(self):
        # quiet: Graphviz's font warnings (for a label with non-ASCII letters, say) would
        # otherwise land in the notebook under the picture
        svg = fit_svg(self.pipe(format="svg", encoding=SVG_ENCODING, quiet=True))
        width = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1)) * PX_PER_PT
        if width > COLUMN_PX + 0.5:
            warnings.warn(
                f"this drawing is {width:.0f} px wide even with its text as small as is "
                f"readable ({MIN_TEXT_PX} px), wider than a {COLUMN_PX} px column. Draw it "
                f"top to bottom (rankdir='TB'), or draw a smaller part of the graph.",
                DrawingTooWideWarning, stacklevel=2)
        return svg


class DrawingTooWideWarning(UserWarning):
    """A drawing does not fit the notebook column even at the smallest readable text."""


def fit_svg(svg, column_px=COLUMN_PX):
    """Graphviz's SVG, scaled down to ``column_px`` wide if need be, in ``FONT_STACK``.

    The scale never takes the smallest text under ``MIN_TEXT_PX``. The ``viewBox`` stays
    as Graphviz wrote it; only the width and height on the outer ``<svg>`` change.
    """
    svg = re.sub(r'font-family="[^"]*"', f'font-family="{FONT_STACK}"', svg)
    match = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    if match is None:
        return svg
    width, height = float(match.group(1)), float(match.group(2))
    fitted = min(1.0, column_px / (width * PX_PER_PT))
    scale = max(fitted, min(1.0, readable_scale(svg)))
    if scale == 1.0:
        return svg
    return (svg[:match.start()]
            + f'<svg width="{width * scale:.2f}pt" height="{height * scale:.2f}pt"'
            + svg[match.end():])


def readable_scale(svg):
    """The smallest scale at which every text in ``svg`` is still ``MIN_TEXT_PX`` tall."""
    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]
    return MIN_TEXT_PX / (min(sizes) * PX_PER_PT) if sizes else 0.0


class RendererNotFoundError(RuntimeError):
    """No Graphviz executable was found to turn a graph into a picture."""


# ----- draw_dot: the expression graph ---------------------------------------------------------


def draw_dot(root, *, rankdir="LR", precision=4, color=True, parameters=(),
             max_nodes=MAX_NODES):
    """Draw the graph that made ``root`` (shown inline in Jupyter).

    ``root`` may be the package's Value or a lesson's own: anything with ``data``, ``grad``,
    ``label``, ``_prev`` (the values it was made from, in order) and ``_op``.

    Each value is a box: its label on top (coloured by its role), then ``data``, then
    ``grad`` (coloured by the gradient's sign and size). The operation that made a value
    is the oval in front of it. A legend under the picture explains the colours.

    Args:
        root: the Value at the end of the expression.
        rankdir: "LR" for left to right (inputs on the left), "TB" for top to bottom
            ("RL" and "BT" too; small letters work as well).
        precision: significant digits for data and grad (4: ``-8.000``, ``0.7071``).
        color: False for black and white, for printing.
        parameters: the values that training adjusts (such as ``model.parameters()``),
            coloured as parameters; every other leaf is coloured as input data.
        max_nodes: refuse graphs with more Values than this: a picture of thousands of
            boxes cannot be read, and takes Graphviz minutes to lay out.

    Returns:
        A ``Drawing`` (a graphviz.Digraph); ``.source`` is its DOT text.
    """
    _check_root(root, "draw_dot")
    rankdir, precision = _check_options(rankdir, precision, color, max_nodes)
    nodes = _nodes_breadth_first(root, max_nodes)
    use_renderer(find_renderer())
    roles = _roles(nodes, root, parameters)
    largest = max(abs(node.grad) for node in nodes)
    boxes = {node: _value_box(node.label, _number(node.data, precision),
                              _number(node.grad, precision),
                              _role_colour(roles[node], color),
                              _grad_colour(node.grad, largest, color))
             for node in nodes}
    dot = _expression_graph(nodes, boxes, rankdir)
    operations = sum(1 for node in nodes if node._op)
    dot.summary = f"{_count(len(nodes), 'value')}, {_count(operations, 'operation')}"
    if color:
        dot.attr(label=_legend(roles.values(), grads=largest > 0))
    return dot


def _expression_graph(nodes, boxes, rankdir, edge_labels=None, highlight=None, caption=None):
    """The Drawing of ``nodes``: ``boxes[node]`` is each value's label, an HTML table.

    ``edge_labels`` maps (child, node) pairs to an HTML label for the edge from the child
    into node's operation; ``highlight`` is the value (and operation) drawn in orange.
    """
    number = {node: i for i, node in enumerate(nodes)}
    dot = _new_drawing(rankdir)
    if caption is not None:
        dot.attr(label=caption, labelloc="t", labeljust="l")
    for node, i in number.items():
        dot.node(f"v{i}", boxes[node])
        if node._op:
            marked = {"color": HIGHLIGHT, "penwidth": "3"} if node is highlight else {}
            dot.node(f"v{i}op", _escape_html(str(node._op)), shape="ellipse", margin="0.04,0.02",
                     width="0.3", height="0.3", **marked)
            dot.edge(f"v{i}op", f"v{i}", **marked)
            for child in node._prev:
                label = (edge_labels or {}).get((child, node))
                attributes = {"label": label} if label else {}
                if node is highlight:
                    attributes.update(color=HIGHLIGHT, penwidth="2.5")
                dot.edge(f"v{number[child]}", f"v{i}op", **attributes)
    return dot


def _new_drawing(rankdir):
    return Drawing(
        format="svg",
        graph_attr={"rankdir": rankdir, "nodesep": "0.12", "ranksep": "0.1", "margin": "0",
                    "fontname": FONT, "fontsize": str(SMALL_FONT_SIZE)},
        node_attr={"fontname": FONT, "fontsize": str(FONT_SIZE), "shape": "plain"},
        edge_attr={"fontname": FONT, "fontsize": str(SMALL_FONT_SIZE), "arrowsize": "0.7"},
    )


def _value_box(label, data, grad, label_colour=None, grad_colour=None, *, width=None,
               ring=None):
    """A value's box as an HTML-like label: its label, then data, then grad.

    ``data`` or ``grad`` None leaves out that row; "" leaves it blank. ``width`` (in
    points) fixes the width of the number rows, so that a box keeps its size in every
    frame of a sequence, whatever it shows. ``ring`` draws a thick frame of that colour
    around the box (white for none, so that every box of a sequence has the same size).
    """
    rows = []
    if label:
        rows.append(_cell(_escape_html(str(label)), label_colour))
    for name, text, fill in (("data", data, None), ("grad", grad, grad_colour)):
        if text is not None:
            rows.append(_cell(f"{name} {_escape_html(text)}" if text else " ", fill, width))
    table = ('<TABLE BORDER="1" COLOR="black" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
             + "<HR/>".join(rows) + "</TABLE>")
    if ring is not None:
        table = (f'<TABLE BORDER="2" COLOR="{ring}" CELLBORDER="0" CELLSPACING="0" '
                 f'CELLPADDING="0"><TR><TD>{table}</TD></TR></TABLE>')
    return f"<{table}>"


def _cell(text, fill=None, width=None):
    attributes = f' BGCOLOR="{fill}"' if fill else ""
    if width is not None:
        attributes += f' WIDTH="{width}" HEIGHT="{FONT_SIZE + 10}" FIXEDSIZE="TRUE"'
    return f"<TR><TD{attributes}>{text}</TD></TR>"


def _roles(nodes, root, parameters):
    """Each node's role: "output", "parameter", "input" (any other leaf) or "intermediate"."""
    parameters = set(parameters)
    roles = {}
    for node in nodes:
        if node is root:
            roles[node] = "output"
        elif node in parameters:
            roles[node] = "parameter"
        elif not node._prev:
            roles[node] = "input"
        else:
            roles[node] = "intermediate"
    return roles


def _role_colour(role, color):
    return ROLE_COLOURS[role] if color else None


def _grad_colour(grad, largest, color):
    """Blue below 0, red above, in three steps of |grad| / largest; white at 0."""
    if not color or grad == 0 or largest == 0 or grad != grad:  # grad != grad: NaN
        return ZERO_COLOUR if color else None
    colours = POSITIVE_COLOURS if grad > 0 else NEGATIVE_COLOURS
    step = min(2, int(3 * min(1.0, abs(grad) / largest) - 1e-9))
    return colours[step]


def _legend(roles, *, grads, extras=()):
    """The legend under a picture, an HTML table: the roles present, the grad colours."""
    order = ("input", "parameter", "intermediate", "output")
    present = [role for role in order if role in set(roles)]
    cells = "".join(f'<TD BGCOLOR="{ROLE_COLOURS[role]}">{role}</TD>' for role in present)
    rows = [f"<TR><TD>values:</TD>{cells}</TR>"]
    if grads:
        swatches = "".join(f'<TD BGCOLOR="{c}">  </TD>' for c in reversed(NEGATIVE_COLOURS))
        swatches += "<TD>&lt; 0</TD><TD>  </TD><TD>&gt; 0</TD>"
        swatches += "".join(f'<TD BGCOLOR="{c}">  </TD>' for c in POSITIVE_COLOURS)
        rows.append(f'<TR><TD>grad:</TD><TD COLSPAN="{max(1, len(present))}" BORDER="0">'
                    f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"><TR>{swatches}'
                    f"<TD>(darker: larger)</TD></TR></TABLE></TD></TR>")
    for extra in extras:
        rows.append(f'<TR><TD COLSPAN="{1 + max(1, len(present))}">{extra}</TD></TR>')
    table = ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
             + "".join(rows) + "</TABLE>")
    return f"<{table}>"


# ----- draw_backward and draw_forward: the passes, step by step -----------------------------


class Steps:
    """A sequence of drawings of one graph, one frame per step of a pass through it.

    In a notebook it shows every frame, one under another (or two side by side when they
    are narrow), as one SVG: that is what a stored notebook keeps. ``slider()`` shows one
    frame at a time with a slider, in a live notebook. ``frames[i]`` is one Drawing.
    """

    def __init__(self, frames, values, what, legend=None):
        self.frames = frames
        self.values = values  # the value highlighted in each frame
        self.what = what
        self.legend = legend

    def __len__(self):
        return len(self.frames)

    def __getitem__(self, index):
        return self.frames[index]

    def __repr__(self):
        return f"<{self.what}: {_count(len(self.frames), 'step')}>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"image/svg+xml": self.svg(), "text/plain": repr(self)}

    def svg(self, column_px=COLUMN_PX):
        """Every frame in one SVG: two to a row if they are still readable that way."""
        gap = 12.0  # points between frames
        pictures = [_parse_svg(frame._repr_image_svg_xml()) for frame in self.frames]
        if self.legend is not None:
            pictures.insert(0, _parse_svg(self.legend._repr_image_svg_xml()))
        widest = max(width for _, width, _, _ in pictures)
        smallest = min(readable_scale(svg) for svg, _, _, _ in pictures)
        half = (column_px / PX_PER_PT - gap) / 2
        columns = 2 if len(pictures) > 1 and half / widest >= min(1.0, smallest) else 1
        cell = min(widest, half) if columns == 2 else widest
        parts, y, row_height = [], 0.0, 0.0
        for i, (inner, width, height, view_box) in enumerate(pictures):
            scale = min(1.0, cell / width)
            x = (i % columns) * (cell + gap)
            parts.append(f'<svg x="{x:.2f}" y="{y:.2f}" width="{width * scale:.2f}" '
                         f'height="{height * scale:.2f}" viewBox="{view_box}">{inner}</svg>')
            row_height = max(row_height, height * scale)
            if i % columns == columns - 1 or i == len(pictures) - 1:
                y, row_height = y + row_height + gap, 0.0
        total_width = cell * columns + gap * (columns - 1)
        total_height = y - gap
        return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                f'<svg width="{total_width:.2f}pt" height="{total_height:.2f}pt" '
                f'viewBox="0 0 {total_width:.2f} {total_height:.2f}" '
                'xmlns="http://www.w3.org/2000/svg">\n' + "\n".join(parts) + "\n</svg>\n")

    def slider(self):
        """One frame at a time, with a slider to step through them (needs ipywidgets).

        The slider is linked to the frames in the browser (``jslink``), so it keeps
        working in a saved notebook that stored the widgets' state, without a kernel.
        """
        import ipywidgets
        from ipywidgets.widgets.widget_int import SliderStyle
        from ipywidgets.widgets.widget_link import Link

        ids = _widget_ids()
        frames = [_image(svg, ids) for svg in
                  (frame._repr_image_svg_xml() for frame in self.frames)]
        stack = _widget(ipywidgets.Stack, ids, children=frames, selected_index=0)
        step = _widget(ipywidgets.SelectionSlider, ids, description="step",
                       options=[str(i) for i in range(1, len(frames) + 1)],
                       style=SliderStyle(model_id=next(ids)))
        Link((step, "index"), (stack, "selected_index"), model_id=next(ids))  # a jslink
        shown = [step, stack]
        if self.legend is not None:
            shown.append(_image(self.legend._repr_image_svg_xml(), ids))
        return _stepper_class()(shown, what=repr(self), model_id=next(ids),
                                layout=ipywidgets.Layout(model_id=next(ids)))


_sliders_made = itertools.count(1)


def _widget_ids():
    """Widget ids that are the same in every fresh kernel, so that re-running a notebook
    stores the same output; different for each slider made in one kernel."""
    number = next(_sliders_made)
    return (f"micrograd-slider-{number}-{part}" for part in itertools.count(1))


def _widget(cls, ids, layout=None, **kwargs):
    """A widget of class ``cls`` (and its layout) with ids from ``ids``."""
    import ipywidgets

    if issubclass(cls, ipywidgets.DOMWidget):
        kwargs["layout"] = ipywidgets.Layout(model_id=next(ids), **(layout or {}))
    return cls(model_id=next(ids), **kwargs)


def _image(svg, ids):
    """An SVG as an image widget at its own size, or narrower if the column is."""
    import ipywidgets

    width = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1)) * PX_PER_PT
    return _widget(ipywidgets.Image, ids, value=svg.encode("utf-8"), format="svg+xml",
                   layout={"width": f"{width:.0f}px", "max_width": "100%", "height": "auto"})


@functools.cache
def _stepper_class():
    """ipywidgets' VBox, with a text form that says what it steps through (made on first
    use, so that drawing needs ipywidgets only for the slider)."""
    import ipywidgets

    class Stepper(ipywidgets.VBox):
        def __init__(self, children, what, **kwargs):
            super().__init__(children, **kwargs)
            self.what = what

        def __repr__(self):
            return f"{self.what[:-1]}, with a slider>"

    return Stepper


def _parse_svg(svg):
    """(the inside of the outer <svg> element, its width, its height, its viewBox)."""
    match = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"\s+viewBox="([^"]*)"[^>]*>',
                      svg)
    inner = svg[match.end():svg.rindex("</svg>")]
    return inner, float(match.group(1)), float(match.group(2)), match.group(3)


def draw_backward(root, *, rankdir="LR", precision=4, color=True, parameters=(),
                  max_nodes=60):
    """Backpropagation through the graph of ``root``, one frame per value.

    The frames follow the order of ``backward()``: reverse topological order, from
    ``root`` back to the leaves. In each frame one value is highlighted in orange: it
    passes its gradient on, and each edge into its operation shows what that child
    receives, (local derivative) × (the highlighted value's grad). A grad that no step
    has reached yet is blank. The Values themselves are not changed: the gradients are
    worked out on the side, the same way ``backward()`` does it.

    Returns:
        A ``Steps``: shown as every frame at once; ``.slider()`` steps through them.
    """
    # the edges show each stored local derivative, which only the package's Value keeps
    _check_root(root, "draw_backward", needs=(*VALUE_FIELDS, "_local_grads"))
    rankdir, precision = _check_options(rankdir, precision, color, max_nodes)
    nodes = _nodes_breadth_first(root, max_nodes)
    use_renderer(find_renderer())
    roles = _roles(nodes, root, parameters)
    order = list(reversed(topological_order(root)))

    grads, passed, states = {root: 1.0}, {}, []
    for node in order:  # the pass itself: each step, the state after it
        for child, local in zip(node._prev, node._local_grads):
            passed[(child, node)] = (local, grads[node], local * grads[node])
            grads[child] = grads.get(child, 0.0) + local * grads[node]
        states.append((node, dict(grads), dict(passed)))
    largest = max(abs(g) for g in grads.values())

    def number(x):
        return _number(x, precision)

    widths = {node: _text_width(["data " + number(node.data)]
                                + ["grad " + number(state[node]) for _, state, _ in states
                                   if node in state])
              for node in nodes}
    edge_texts = {pair: _edge_text(*carried, precision) for pair, carried in passed.items()}

    frames = []
    for step, (current, grads_now, passed_now) in enumerate(states, start=1):
        boxes = {}
        for node in nodes:
            grad = grads_now.get(node)
            boxes[node] = _value_box(
                node.label, number(node.data), "" if grad is None else number(grad),
                _role_colour(roles[node], color),
                None if grad is None else _grad_colour(grad, largest, color),
                width=widths[node], ring=_ring(node is current, color))
        labels = {pair: _edge_label(text, shown=pair in passed_now,
                                    now=pair[1] is current and color)
                  for pair, text in edge_texts.items()}
        caption = _backward_caption(step, len(states), current, grads_now[current], number)
        frame = _expression_graph(nodes, boxes, rankdir, labels, current, _caption(caption))
        frame.summary = f"backward step {step} of {len(states)}"
        frames.append(frame)
    legend = _legend_drawing(roles.values(), color, grads=True, extras=[
        "orange: the value passing its grad on; a blank grad: not reached yet"])
    return Steps(frames, order, "backward pass", legend)


def draw_forward(root, *, rankdir="LR", precision=4, color=True, parameters=(),
                 max_nodes=60):
    """The forward pass through the graph of ``root``, one frame per value.

    The frames follow a topological order, leaves first: each frame computes one more
    value (highlighted in orange) from values already known. A value not yet computed is
    blank.

    Returns:
        A ``Steps``: shown as every frame at once; ``.slider()`` steps through them.
    """
    _check_root(root, "draw_forward")
    rankdir, precision = _check_options(rankdir, precision, color, max_nodes)
    nodes = _nodes_breadth_first(root, max_nodes)
    use_renderer(find_renderer())
    roles = _roles(nodes, root, parameters)
    order = topological_order(root)
    widths = {node: _text_width(["data " + _number(node.data, precision)]) for node in nodes}

    frames = []
    for step, current in enumerate(order, start=1):
        known = set(order[:step])
        boxes = {node: _value_box(node.label,
                                  _number(node.data, precision) if node in known else "",
                                  None, _role_colour(roles[node], color), width=widths[node],
                                  ring=_ring(node is current, color))
                 for node in nodes}
        caption = _forward_caption(step, len(order), current, precision)
        frame = _expression_graph(nodes, boxes, rankdir, highlight=current,
                                  caption=_caption(caption))
        frame.summary = f"forward step {step} of {len(order)}"
        frames.append(frame)
    legend = _legend_drawing(roles.values(), color, grads=False, extras=[
        "orange: the value computed in this step; blank: not computed yet"])
    return Steps(frames, order, "forward pass", legend)


def _ring(current, color):
    """The frame around a value's box in a sequence: orange (black) for the current one."""
    if not current:
        return "white"
    return HIGHLIGHT if color else "black"


def _edge_text(local, upstream, received, precision):
    """What an edge carries, on three lines: the local derivative, × the upstream grad,
    = what the child receives."""
    def short(x):
        return f"{x + 0.0:.{precision}g}"
    return short(local), f"× {short(upstream)}", f"= {short(received)}"


def _edge_label(lines, *, shown, now):
    """An edge's label, its size fixed so that the layout is the same in every frame."""
    font = f'<FONT COLOR="{HIGHLIGHT}">' if now else "<FONT>"
    width = _text_width(lines, SMALL_FONT_SIZE, padding=2)
    height = len(lines) * (SMALL_FONT_SIZE + 2) + 4
    text = "<BR/>".join(_escape_html(line) for line in lines)
    content = f"{font}{text}</FONT>" if shown else " "
    return (f'<<TABLE BORDER="0" CELLPADDING="0"><TR><TD WIDTH="{width}" '
            f'HEIGHT="{height}" FIXEDSIZE="TRUE">{content}</TD></TR></TABLE>>')


def _backward_caption(step, steps, node, grad, number):
    name = node.label or "a value"
    start = f"step {step} of {steps}: "
    if step == 1:
        start += f"{name}.grad = 1, the base case"
    if not node._prev:
        return start + f"{name} is a leaf, its grad {number(grad)} is complete"
    children = ", ".join(child.label or number(child.data) for child in node._prev)
    return start + ("; " if step == 1 else "") + f"{name} passes its grad on to {children}"


def _forward_caption(step, steps, node, precision):
    value = _number(node.data, precision)
    if not node._prev:
        return f"step {step} of {steps}: {node.label or 'a number'} = {value} is given"
    children = ", ".join(child.label or _number(child.data, precision) for child in node._prev)
    name = node.label or "a new value"
    return f"step {step} of {steps}: {name} = {node._op}({children}) = {value}"


def _caption(text):
    return f'<<TABLE BORDER="0" CELLPADDING="2"><TR><TD>{_escape_html(text)}</TD></TR></TABLE>>'


def _legend_drawing(roles, color, *, grads, extras):
    """The legend of a sequence of frames, as a drawing of its own (None without colour)."""
    if not color:
        return None
    dot = _new_drawing("LR")
    dot.attr(label=_legend(roles, grads=grads, extras=extras))
    dot.summary = "a legend"
    return dot


# Advance widths of DejaVu Sans, in ems, for the characters that numbers use; other
# characters count as 1 em, more than any of them needs.
_EM_WIDTHS = {**dict.fromkeys("0123456789", 0.64), "-": 0.37, ".": 0.32, " ": 0.32,
              "×": 0.84, "=": 0.84, "+": 0.84, "e": 0.62, "a": 0.62, "d": 0.64, "t": 0.4,
              "g": 0.64, "r": 0.42, "i": 0.28, "n": 0.64, "f": 0.36}


def _text_width(texts, size=FONT_SIZE, padding=8):
    """Points that the widest of ``texts`` needs at ``size``, with some room to spare."""
    widest = max(sum(_EM_WIDTHS.get(ch, 1.0) for ch in text) for text in texts)
    return round(widest * size + padding)


# ----- draw_mlp: a network, one node per neuron ---------------------------------------------


def draw_mlp(model, inputs, *, precision=3, color=True, edges="weight"):
    """A multi-layer perceptron at the level of neurons, run on one input.

    One box per input, per neuron and per output, showing the number it sends on
    (``data``) and d(output)/d(that number) (``grad``). An edge goes from each input or
    neuron to every neuron of the next layer; its colour is the sign of the weight on it
    (orange above 0, purple below) and its thickness the size. With ``edges="grad"`` the
    edges show the weight's gradient instead.

    The model and its gradients are not changed: the forward pass builds a new graph, and
    the gradients are worked out on the side.

    Args:
        model: an ``MLP``.
        inputs: one input: a list of numbers (or Values), one per input of the model.
        precision: significant digits for data and grad.
        color: False for black and white.
        edges: "weight" or "grad": what the edges' colour and thickness show.
    """
    if not hasattr(model, "layers") or not hasattr(model, "nin"):
        raise TypeError(f"draw_mlp expects an MLP, got {type(model).__name__}")
    _, precision = _check_options("LR", precision, color, MAX_NODES)
    if edges not in ("weight", "grad"):
        raise ValueError(f"edges must be 'weight' or 'grad'; got {edges!r}")
    if isinstance(inputs, (Value, int, float)):
        inputs = [inputs]
    inputs = list(inputs)
    if len(inputs) != model.nin:
        raise ValueError(f"this MLP takes {model.nin} inputs; got {len(inputs)}")
    x = [xi if isinstance(xi, Value) else Value(xi) for xi in inputs]
    use_renderer(find_renderer())

    columns = [x]  # the Values each layer sends on, starting with the inputs
    for layer in model.layers:
        columns.append([neuron.forward(columns[-1]) for neuron in layer.neurons])
    grads = _gradients(columns[-1])
    largest_grad = max(abs(grads.get(v, 0.0)) for column in columns for v in column)

    def edge_value(neuron, k):
        weight = neuron.w[k]
        return weight.data if edges == "weight" else grads.get(weight, 0.0)

    largest_edge = max((abs(edge_value(n, k)) for layer in model.layers
                        for n in layer.neurons for k in range(len(n.w))), default=0.0) or 1.0

    dot = Drawing(format="svg",
                  graph_attr={"rankdir": "LR", "nodesep": "0.12", "ranksep": "0.9",
                              "margin": "0", "fontname": FONT,
                              "fontsize": str(SMALL_FONT_SIZE)},
                  node_attr={"fontname": FONT, "fontsize": str(FONT_SIZE), "shape": "plain"},
                  edge_attr={"arrowhead": "none"})
    last = len(columns) - 1
    for c, column in enumerate(columns):
        role = "input" if c == 0 else "output" if c == last else "intermediate"
        with dot.subgraph() as same_column:  # one column per layer, kept in order by
            same_column.attr(rank="same")     # invisible edges from each box to the next
            for j in range(2, len(column) + 1):
                same_column.edge(f"n{c}_{j - 1}", f"n{c}_{j}", style="invis")
        for j, value in enumerate(column, start=1):
            name = (value.label or f"x{j}") if c == 0 else f"n{c}.{j}"
            dot.node(f"n{c}_{j}", _value_box(
                name, _number(value.data, precision), _number(grads.get(value, 0.0), precision),
                _role_colour(role, color), _grad_colour(grads.get(value, 0.0), largest_grad,
                                                        color)))
    dense = max(len(column) for column in columns) > 8
    for c, layer in enumerate(model.layers, start=1):
        for j, neuron in enumerate(layer.neurons, start=1):
            for k in range(len(neuron.w)):
                amount = edge_value(neuron, k)
                width = 0.3 + (2.0 if dense else 3.0) * abs(amount) / largest_edge
                colour = "black"
                if color:
                    colour = WEIGHT_COLOURS["+" if amount >= 0 else "-"]
                if dense:
                    colour += "99"  # see-through, where many edges cross
                dot.edge(f"n{c - 1}_{k + 1}", f"n{c}_{j}", color=colour,
                         penwidth=f"{width:.2f}")
    sizes = [len(column) for column in columns]
    dot.summary = f"an MLP with layers {sizes[0]} -> {' -> '.join(map(str, sizes[1:]))}"
    if color:
        what = "weight" if edges == "weight" else "weight's grad"
        extra = (f'edges: <FONT COLOR="{WEIGHT_COLOURS["+"]}">{what} &gt; 0</FONT>, '
                 f'<FONT COLOR="{WEIGHT_COLOURS["-"]}">{what} &lt; 0</FONT>; '
                 "thicker: larger")
        roles = ["input", "intermediate", "output"]
        dot.attr(label=_legend(roles, grads=largest_grad > 0, extras=[extra]))
    return dot


def _gradients(outputs):
    """d(sum of outputs)/d(value) for every value behind ``outputs``, as backward() finds
    them, in a dict; the Values' own grads are left alone."""
    grads, order, seen = {}, [], set()
    for output in outputs:
        grads[output] = grads.get(output, 0.0) + 1.0
        for node in topological_order(output):  # each after its children
            if node not in seen:
                seen.add(node)
                order.append(node)
    for node in reversed(order):
        for child, local in zip(node._prev, node._local_grads):
            grads[child] = grads.get(child, 0.0) + local * grads.get(node, 0.0)
    return grads


# ----- draw_neuron: the neuron model ---------------------------------------------------------


def draw_neuron(nin=3, activation="f"):
    """A diagram of one neuron: inputs x_i, weighted by w_i, summed with a bias b into z,
    then passed through the activation to the output (a picture, not a Value graph)."""
    if isinstance(nin, bool) or not isinstance(nin, int) or not 1 <= nin <= 10:
        raise ValueError(f"draw_neuron draws 1 to 10 inputs; got {nin!r}")
    use_renderer(find_renderer())
    dot = Drawing(format="svg", graph_attr={"rankdir": "LR", "margin": "0"},
                  node_attr={"fontname": FONT, "fontsize": str(FONT_SIZE)},
                  edge_attr={"fontname": FONT, "fontsize": str(SMALL_FONT_SIZE)})
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


# ----- helpers -------------------------------------------------------------------------------


VALUE_FIELDS = ("data", "grad", "label", "_prev", "_op")


def _check_root(root, function, *, needs=VALUE_FIELDS):
    """``root`` must be a Value: the package's, or a lesson's own with the same fields."""
    missing = [field for field in needs if not hasattr(root, field)]
    if missing:
        raise TypeError(f"{function} expects a Value, got {type(root).__name__} {root!r} "
                        f"(it has no {', '.join(missing)})")


def _check_options(rankdir, precision, color, max_nodes):
    """The drawing options, checked: (rankdir in capitals, precision)."""
    if not isinstance(rankdir, str) or rankdir.upper() not in DIRECTIONS:
        raise ValueError(f"rankdir must be 'LR' (left to right) or 'TB' (top to bottom), "
                         f"or 'RL' or 'BT'; got {rankdir!r}")
    if isinstance(precision, bool) or not isinstance(precision, int) or not 1 <= precision <= 17:
        raise ValueError(f"precision must be a whole number of significant digits from 1 to "
                         f"17, such as 4; got {precision!r}")
    if not isinstance(color, bool):
        raise TypeError(f"color must be True or False; got {color!r}")
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a positive whole number, such as {MAX_NODES}; "
                         f"got {max_nodes!r}")
    return rankdir.upper(), precision


def _number(x, precision):
    """``x`` with ``precision`` significant digits, trailing zeros kept: 2.000, -0.5000."""
    text = f"{x + 0.0:#.{precision}g}"  # + 0.0 turns -0.0 into 0.0
    return text[:-1] if text.endswith(".") else text


def _escape_html(text):
    """Escape the characters that mean something inside a Graphviz HTML-like label."""
    return html.escape(text, quote=True)


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
                        f"a network with draw_mlp, or pass max_nodes=... to draw it anyway.")
    return list(seen)


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
