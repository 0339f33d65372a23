"""The drawings: what each view shows, deterministic DOT source, escaping, fitting the
column, argument checks, and finding a renderer."""

import os
import re
import subprocess
import sys
import time

import graphviz
import pytest
from svg_measure import measure

from micrograd import MLP, Value, draw_backward, draw_dot, draw_forward, draw_mlp, draw_neuron
from micrograd.draw import (
    COLUMN_PX,
    FONT,
    FONT_STACK,
    HIGHLIGHT,
    MIN_TEXT_PX,
    RENDERER_ENV_VAR,
    DrawingTooWideWarning,
    RendererNotFoundError,
    find_renderer,
    fit_svg,
)

EVERY_VIEW = """
from micrograd import MLP, Value, draw_backward, draw_dot, draw_forward, draw_mlp, draw_neuron
a = Value(2.0, label='a'); b = Value(-3.0, label='b'); c = Value(10.0, label='c')
e = a * b; e.label = 'e'
d = e + c; d.label = 'd'
f = Value(-2.0, label='f')
L = d * f; L.label = 'L'
L.backward()
print(draw_dot(L).source)
for steps in (draw_backward(L), draw_forward(L)):
    for frame in steps.frames:
        print(frame.source)
print(draw_mlp(MLP(3, [4, 4, 1], rng=0), [2.0, 3.0, -1.0]).source)
print(draw_neuron(3).source)
"""


def lecture_graph():
    a, b, c, f = (Value(x, label=n) for x, n in [(2.0, "a"), (-3.0, "b"), (10.0, "c"),
                                                 (-2.0, "f")])
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    L = d * f
    L.label = "L"
    return L


def svg_text(svg):
    """The text of an SVG in order, tags dropped, as the notebook comparison sees it."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", svg)).replace("&#45;", "-")


# ----- draw_dot -------------------------------------------------------------------------------


def test_draw_dot_returns_a_digraph_that_jupyter_shows_as_svg():
    dot = draw_dot(lecture_graph())
    assert isinstance(dot, graphviz.Digraph)
    svg = dot._repr_mimebundle_()["image/svg+xml"]
    assert svg.lstrip().startswith("<?xml") and "data &#45;8.000" in svg


def test_each_box_shows_label_then_data_then_grad_with_op_nodes_between():
    L = lecture_graph()
    L.backward()
    dot = draw_dot(L)
    text = svg_text(dot._repr_image_svg_xml())
    assert "L data -8.000 grad 1.000" in text
    assert "a data 2.000 grad 6.000" in text
    assert "b data -3.000 grad -4.000" in text
    assert dot.source.count("<TABLE BORDER=\"1\"") == 7
    assert dot.source.count("shape=ellipse") == 3
    assert "rankdir=LR" in dot.source


def test_every_view_gives_the_same_source_in_every_process():
    """Node names come from the walk, not from id() or set order (hash seeds differ)."""
    outputs = set()
    for seed in ["0", "1", "12345"]:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", EVERY_VIEW], env=env, check=True,
                              capture_output=True, text=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    L = lecture_graph()
    L.backward()
    assert outputs.pop().startswith(draw_dot(L).source)


def test_labels_with_special_characters_are_escaped():
    tricky = Value(1.0, label='{a|b} <c> "d" \\e & f')
    dot = draw_dot(tricky * 2)
    svg = dot.pipe(format="svg", encoding="utf-8")
    assert "{a|b} &lt;c&gt; &quot;d&quot; \\e &amp; f" in svg
    steps = draw_backward(tricky * 2)
    assert "{a|b} &lt;c&gt;" in steps.svg()


def test_an_unlabelled_value_has_only_data_and_grad():
    source = draw_dot(Value(1.0)).source
    assert "data 1.000" in source and "grad 0.000" in source
    assert source.count("<TR>") == 2 + source.count("<TR><TD>values:")  # and the legend's


def test_precision_is_significant_digits():
    assert "data 0.33 " not in draw_dot(Value(1.0 / 3), precision=2).source
    assert "data 0.33<" in draw_dot(Value(1.0 / 3), precision=2).source
    assert "data 0.3333<" in draw_dot(Value(1.0 / 3)).source
    assert "data 6.881<" in draw_dot(Value(6.8813735870195432)).source
    assert "data 1235.<" not in draw_dot(Value(1234.5)).source  # no dangling point
    assert "grad 0.000<" in draw_dot(Value(-0.0)).source  # no minus zero


def test_direction_can_be_chosen_and_is_checked():
    assert "rankdir=TB" in draw_dot(Value(1.0), rankdir="TB").source
    assert "rankdir=LR" in draw_dot(Value(1.0), rankdir="lr").source  # any case works
    with pytest.raises(ValueError, match=r"rankdir must be 'LR' .* got 'sideways'"):
        draw_dot(Value(1.0), rankdir="sideways")
    with pytest.raises(ValueError, match="rankdir must be .* got None"):
        draw_backward(Value(1.0), rankdir=None)


@pytest.mark.parametrize("bad", [None, 0, 2.5, True, "4"])
def test_a_bad_precision_says_what_was_expected(bad):
    with pytest.raises(ValueError, match=f"precision must be a whole number .* got {bad!r}"):
        draw_dot(Value(1.0), precision=bad)


@pytest.mark.parametrize("bad", [None, 0, -5, 10.0])
def test_a_bad_max_nodes_says_what_was_expected(bad):
    with pytest.raises(ValueError, match=f"max_nodes must be a positive whole number.*{bad!r}"):
        draw_dot(Value(1.0), max_nodes=bad)


def test_colour_is_on_by_default_with_a_legend_and_can_be_turned_off():
    L = lecture_graph()
    L.backward()
    coloured = draw_dot(L).source
    assert "BGCOLOR" in coloured and "values:" in coloured and "darker: larger" in coloured
    plain = draw_dot(L, color=False).source
    assert "BGCOLOR" not in plain and "values:" not in plain
    with pytest.raises(TypeError, match="color must be True or False"):
        draw_dot(L, color="yes")


def test_roles_and_gradient_signs_have_their_colours():
    w, x = Value(0.5, label="w"), Value(2.0, label="x")
    y = w * x
    y.backward()
    source = draw_dot(y, parameters=[w]).source
    assert '<TD BGCOLOR="#fee391">w</TD>' in source  # a parameter
    assert '<TD BGCOLOR="#c7e9c0">x</TD>' in source  # input data
    assert "parameter</TD>" in source and "input</TD>" in source  # in the legend
    z = w * -4.0
    z.backward()
    assert 'BGCOLOR="#4393c3"' in draw_dot(z).source  # the largest negative grad


def test_a_graph_too_big_to_read_is_refused_quickly():
    x = Value(1.0)
    y = x
    for _ in range(200_000):
        y = y.relu()
    start = time.perf_counter()
    with pytest.raises(ValueError, match="more than 500 values: too many to draw"):
        draw_dot(y)
    assert time.perf_counter() - start < 1.0  # stops walking at the limit
    model = MLP(2, [16, 16, 1], rng=0)
    assert draw_dot(model([1.0, 2.0]), max_nodes=1000)  # the limit can be raised


# ----- fitting the column, and the fonts ------------------------------------------------------


def test_a_wide_graph_is_scaled_to_the_column_but_never_below_readable_text():
    chain = Value(1.0, label="x")
    for i in range(6):
        chain = chain * 1.5
        chain.label = f"x{i}"
    natural = draw_dot(chain).pipe(format="svg", encoding="utf-8")
    assert measure(natural)[0] > COLUMN_PX
    width, smallest = measure(fit_svg(natural))
    assert width <= COLUMN_PX and smallest >= MIN_TEXT_PX
    for _ in range(20):
        chain = chain * 1.5
    with pytest.warns(DrawingTooWideWarning, match="rankdir='TB'"):
        svg = draw_dot(chain)._repr_image_svg_xml()
    width, smallest = measure(svg)
    assert width > COLUMN_PX and abs(smallest - MIN_TEXT_PX) < 0.05  # too long: readable


def test_every_drawing_names_the_series_font_stack():
    L = lecture_graph()
    drawings = [draw_dot(L), draw_neuron(2), draw_mlp(MLP(2, [2, 1], rng=0), [1.0, 2.0])]
    for drawing in drawings:
        assert f'fontname="{FONT}"' in drawing.source
        svg = drawing._repr_image_svg_xml()
        assert set(re.findall(r'font-family="([^"]*)"', svg)) == {FONT_STACK}
    assert set(re.findall(r'font-family="([^"]*)"', draw_backward(L).svg())) == {FONT_STACK}


# ----- draw_backward and draw_forward ---------------------------------------------------------


def frame_edges(frame):
    """{(child label, parent label): what the edge into the parent's op shows}."""
    names = dict(re.findall(r"^\s*(v\d+) \[label=<<TABLE.*?<TD[^>]*>([^<]*)</TD>",
                            frame.source, re.M))
    edges = {}
    for child, parent, label in re.findall(
            r"^\s*(v\d+) -> (v\d+)op \[.*?<TD [^>]*FIXEDSIZE=\"TRUE\">(.*?)</TD>", frame.source,
            re.M):
        shown = re.sub(r"<[^>]*>", "", label.replace("<BR/>", " ")).strip()
        edges[(names[child], names[parent])] = shown
    return edges


def test_backward_has_one_frame_per_value_in_reverse_topological_order():
    L = lecture_graph()
    steps = draw_backward(L)
    assert len(steps) == 7
    assert [v.label for v in steps.values] == ["L", "f", "d", "c", "e", "b", "a"]
    for frame, value in zip(steps.frames, steps.values):
        highlighted = re.findall(rf'(v\d+) \[label=<<TABLE BORDER="2" COLOR="{HIGHLIGHT}"',
                                 frame.source)
        assert len(highlighted) == 1
        assert "<TD BGCOLOR=\"#" in frame.source
        assert re.search(rf'{highlighted[0]} \[label=<<TABLE[^\n]*?<TD[^>]*>{value.label}</TD>',
                         frame.source)
    assert repr(steps) == "<backward pass: 7 steps>"
    assert all(v.grad == 0.0 for v in [L, *L._prev])  # the Values are left alone


def test_backward_edges_carry_local_derivative_times_upstream_grad():
    steps = draw_backward(lecture_graph())
    first, third, fifth = steps.frames[0], steps.frames[2], steps.frames[4]
    assert frame_edges(first) == {("d", "L"): "-2 × 1 = -2", ("f", "L"): "4 × 1 = 4",
                                  ("e", "d"): "", ("c", "d"): "", ("a", "e"): "",
                                  ("b", "e"): ""}
    assert frame_edges(third)[("e", "d")] == "1 × -2 = -2"
    assert frame_edges(third)[("c", "d")] == "1 × -2 = -2"
    assert frame_edges(fifth)[("a", "e")] == "-3 × -2 = 6"
    assert frame_edges(fifth)[("b", "e")] == "2 × -2 = -4"
    assert frame_edges(steps.frames[-1])[("d", "L")] == "-2 × 1 = -2"  # earlier steps stay


def test_backward_leaves_grads_not_yet_reached_blank():
    steps = draw_backward(lecture_graph())
    text = svg_text(steps.frames[0]._repr_image_svg_xml())
    assert "L data -8.000 grad 1.000" in text
    assert "d data 4.000 grad -2.000" in text and "f data -2.000 grad 4.000" in text
    assert "a data 2.000 b" in text or "a data 2.000 " in text
    assert "grad 6.000" not in text and "grad -4.000" not in text
    last = svg_text(steps.frames[-1]._repr_image_svg_xml())
    assert "a data 2.000 grad 6.000" in last and "b data -3.000 grad -4.000" in last


def test_every_frame_has_the_same_size_so_the_picture_does_not_jump():
    steps = draw_backward(lecture_graph())
    sizes = {re.search(r'viewBox="([^"]*)"', frame._repr_image_svg_xml()).group(1)
             for frame in steps.frames}
    assert len(sizes) == 1


def test_forward_computes_one_value_per_frame_leaves_first():
    steps = draw_forward(lecture_graph())
    assert [v.label for v in steps.values] == ["a", "b", "e", "c", "d", "f", "L"]
    first = svg_text(steps.frames[0]._repr_image_svg_xml())
    assert "a data 2.000" in first and "data -8.000" not in first
    assert "step 3 of 7: e = *(a, b) = -6.000" in svg_text(steps.frames[2]._repr_image_svg_xml())
    assert "data -8.000" in svg_text(steps.frames[-1]._repr_image_svg_xml())


def test_a_sequence_shows_every_frame_in_one_svg_that_fits_the_column():
    steps = draw_backward(lecture_graph())
    bundle = steps._repr_mimebundle_()
    assert bundle["text/plain"] == "<backward pass: 7 steps>"
    svg = bundle["image/svg+xml"]
    width, smallest = measure(svg)
    assert width <= COLUMN_PX and smallest >= MIN_TEXT_PX
    text = svg_text(svg)
    assert [int(n) for n in re.findall(r"step (\d) of 7", text)] == list(range(1, 8))
    assert "values:" in text  # one legend, above the frames


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Widget.widgets: the registry
def test_the_slider_steps_through_the_frames_in_the_browser():
    from ipywidgets.widgets.widget_link import Link

    steps = draw_backward(lecture_graph())
    stepper = steps.slider()
    slider, stack, legend = stepper.children
    assert slider.options == tuple("1234567") and slider.index == 0
    assert [b"step %d of 7" % i in bytes(image.value)
            for i, image in enumerate(stack.children, start=1)] == [True] * 7
    assert b"values:" in bytes(legend.value)
    links = [w for w in Link.widgets.values() if isinstance(w, Link) and w.source[0] is slider]
    assert links and links[0].target == (stack, "selected_index")
    assert repr(stepper) == "<backward pass: 7 steps, with a slider>"


def test_a_slider_has_the_same_widget_ids_in_every_fresh_kernel():
    script = ("from micrograd import Value, draw_backward\n"
              "s = draw_backward(Value(1.0) * 2).slider()\n"
              "print(s.model_id, [c.model_id for c in s.children])")
    runs = {subprocess.run([sys.executable, "-W", "ignore", "-c", script], check=True,
                           capture_output=True, text=True).stdout for _ in range(2)}
    assert len(runs) == 1 and "micrograd-slider-1-" in runs.pop()
    first, second = (draw_backward(Value(1.0)).slider() for _ in range(2))
    assert first.model_id != second.model_id  # two sliders in one kernel


# ----- draw_mlp and draw_neuron ---------------------------------------------------------------


def test_draw_mlp_draws_one_box_per_input_and_neuron_and_an_edge_per_weight():
    model = MLP(3, [4, 4, 1], rng=0)
    grads_before = [p.grad for p in model.parameters()]
    dot = draw_mlp(model, [2.0, 3.0, -1.0])
    source = dot.source
    assert source.count("<TABLE BORDER=\"1\"") == 3 + 4 + 4 + 1
    visible_edges = [line for line in source.splitlines()
                     if " -> " in line and "invis" not in line]
    assert len(visible_edges) == 3 * 4 + 4 * 4 + 4 * 1
    assert repr(dot) == "<Digraph: an MLP with layers 3 -> 4 -> 4 -> 1>"
    output = model([2.0, 3.0, -1.0])
    text = svg_text(dot._repr_image_svg_xml())
    assert f"n3.1 data {output.data:#.3g} grad 1.00" in text
    assert [p.grad for p in model.parameters()] == grads_before  # the model is left alone
    width, smallest = measure(dot._repr_image_svg_xml())
    assert width <= COLUMN_PX and smallest >= MIN_TEXT_PX


def test_draw_mlp_edges_show_weights_or_their_gradients():
    model = MLP(2, [2, 1], rng=0)
    by_weight = draw_mlp(model, [1.0, -1.0]).source
    by_grad = draw_mlp(model, [1.0, -1.0], edges="grad").source
    assert by_weight != by_grad and "weight's grad &gt; 0" in by_grad
    with pytest.raises(ValueError, match="edges must be 'weight' or 'grad'; got 'size'"):
        draw_mlp(model, [1.0, -1.0], edges="size")
    with pytest.raises(ValueError, match="this MLP takes 2 inputs; got 3"):
        draw_mlp(model, [1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match="draw_mlp expects an MLP, got Value"):
        draw_mlp(Value(1.0), [1.0])


def test_the_big_network_fits_the_column():
    model = MLP(2, [16, 16, 1], rng=1337)
    width, smallest = measure(draw_mlp(model, [1.3, -0.3])._repr_image_svg_xml())
    assert width <= COLUMN_PX and smallest >= MIN_TEXT_PX


def test_the_text_form_says_what_is_drawn_not_where_it_is_in_memory():
    L = lecture_graph()
    assert repr(draw_dot(L)) == "<Digraph: 7 values, 3 operations>"
    assert repr(draw_neuron(2)) == "<Digraph: a neuron with 2 inputs>"
    assert draw_dot(L).copy().source == draw_dot(L).source
    assert repr(draw_dot(Value(1.0))) == "<Digraph: 1 value, 0 operations>"
    assert repr(draw_forward(L)) == "<forward pass: 7 steps>"


def test_graphviz_warnings_do_not_reach_the_notebook(capfd):
    svg = draw_dot(Value(1.0, label="ŷ") * 2)._repr_mimebundle_()["image/svg+xml"]
    assert "ŷ" in svg
    draw_backward(Value(1.0, label="ŷ") * 2).svg()
    assert capfd.readouterr().err == ""


# ----- finding a renderer ---------------------------------------------------------------------


def test_the_environment_variable_chooses_the_renderer(monkeypatch):
    monkeypatch.setenv(RENDERER_ENV_VAR, sys.executable)
    assert find_renderer() == sys.executable


def test_a_missing_chosen_renderer_is_named(monkeypatch):
    monkeypatch.setenv(RENDERER_ENV_VAR, "/nowhere/dot")
    with pytest.raises(RendererNotFoundError, match="'/nowhere/dot', which is not an executable"):
        draw_dot(Value(1.0))


def test_no_renderer_at_all_says_how_to_get_one(monkeypatch, tmp_path):
    monkeypatch.delenv(RENDERER_ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("sysconfig.get_path", lambda name: str(tmp_path))
    with pytest.raises(RendererNotFoundError, match="pip install graphviz-pure"):
        draw_dot(Value(1.0))


def test_the_default_renderer_is_graphviz_pure_from_the_environment(monkeypatch):
    monkeypatch.delenv(RENDERER_ENV_VAR, raising=False)
    assert os.path.basename(find_renderer()).startswith("graphviz-pure")


def test_draw_dot_draws_a_lessons_own_value():
    class LessonValue:  # the fields a lesson's own Value has, and nothing of the package's
        def __init__(self, data, _children=(), _op="", label=""):
            self.data, self.grad, self.label = data, 0.0, label
            self._prev, self._op = tuple(_children), _op

    a, b = LessonValue(2.0, label="a"), LessonValue(-3.0, label="b")
    e = LessonValue(a.data * b.data, (a, b), "*", label="e")
    ours = draw_dot(e).source
    package = Value(2.0, label="a") * Value(-3.0, label="b")
    package.label = "e"
    assert ours == draw_dot(package).source
    with pytest.raises(TypeError, match="has no _local_grads"):
        draw_backward(e)
