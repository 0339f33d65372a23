"""draw_dot: deterministic DOT source, escaping, big graphs, and finding a renderer."""

import os
import subprocess
import sys
import time

import graphviz
import pytest

from micrograd import MLP, Value, draw_dot, draw_neuron
from micrograd.draw import RENDERER_ENV_VAR, RendererNotFoundError, find_renderer

LECTURE_GRAPH = """
from micrograd import Value, draw_dot
a = Value(2.0, label='a'); b = Value(-3.0, label='b'); c = Value(10.0, label='c')
e = a * b; e.label = 'e'
d = e + c; d.label = 'd'
f = Value(-2.0, label='f')
L = d * f; L.label = 'L'
L.backward()
print(draw_dot(L).source)
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


def test_draw_dot_returns_a_digraph_that_jupyter_shows_as_svg():
    dot = draw_dot(lecture_graph())
    assert isinstance(dot, graphviz.Digraph)
    svg = dot._repr_mimebundle_()["image/svg+xml"]
    assert svg.lstrip().startswith("<?xml") and "data &#45;8.0000" in svg


def test_records_show_label_data_and_grad_with_op_nodes_between():
    L = lecture_graph()
    L.backward()
    source = draw_dot(L).source
    assert '"{ L | data -8.0000 | grad 1.0000 }"' in source
    assert '"{ a | data 2.0000 | grad 6.0000 }"' in source
    assert source.count("shape=record") == 7
    assert source.count('[label="*"]') == 2 and source.count('[label="+"]') == 1
    assert "rankdir=LR" in source


def test_the_same_graph_gives_the_same_source_in_every_process():
    """Node names come from the walk, not from id() or set order (hash seeds differ)."""
    outputs = set()
    for seed in ["0", "1", "12345"]:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", LECTURE_GRAPH], env=env, check=True,
                              capture_output=True, text=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    L = lecture_graph()
    L.backward()
    assert outputs == {draw_dot(L).source + "\n"}


def test_labels_with_record_characters_are_escaped():
    tricky = Value(1.0, label='{a|b} <c> "d" \\e')
    svg = draw_dot(tricky * 2).pipe(format="svg", encoding="utf-8")
    assert "{a|b} &lt;c&gt; &quot;d&quot; \\e" in svg


def test_an_unlabelled_value_has_two_fields():
    assert '"{ data 1.0000 | grad 0.0000 }"' in draw_dot(Value(1.0)).source


def test_precision_and_direction_can_be_chosen():
    source = draw_dot(Value(1.0 / 3), precision=2, rankdir="TB").source
    assert "data 0.33 " in source and "rankdir=TB" in source


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


def test_the_text_form_says_what_is_drawn_not_where_it_is_in_memory():
    L = lecture_graph()
    assert repr(draw_dot(L)) == "<Digraph: 7 values, 3 operations>"
    assert repr(draw_neuron(2)) == "<Digraph: a neuron with 2 inputs>"
    assert draw_dot(L).copy().source == draw_dot(L).source
    assert repr(draw_dot(Value(1.0))) == "<Digraph: 1 value, 0 operations>"


def test_graphviz_warnings_do_not_reach_the_notebook(capfd):
    svg = draw_dot(Value(1.0, label="ŷ") * 2)._repr_mimebundle_()["image/svg+xml"]
    assert "ŷ" in svg
    assert capfd.readouterr().err == ""
