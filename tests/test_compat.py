"""Code written for micrograd 0.1.0 (its demo, its graph tracer) runs unchanged."""

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from micrograd.engine import Value
from micrograd.nn import MLP


def test_the_demo_training_loop_runs_unchanged():
    random.seed(1337)
    X = [[0.5, 0.2], [-1.0, 0.3], [1.5, -0.4], [0.0, 1.0]]
    y = [1, -1, 1, -1]
    model = MLP(2, [16, 16, 1])  # 2-layer neural network

    def loss(batch_size=None):
        Xb, yb = X, y
        inputs = [list(map(Value, xrow)) for xrow in Xb]
        scores = list(map(model, inputs))
        losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(yb, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        alpha = 1e-4
        reg_loss = alpha * sum(p * p for p in model.parameters())
        total_loss = data_loss + reg_loss
        accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(yb, scores)]
        return total_loss, sum(accuracy) / len(accuracy)

    losses = []
    for k in range(20):
        total_loss, acc = loss()
        model.zero_grad()
        total_loss.backward()
        learning_rate = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= learning_rate * p.grad
        losses.append(total_loss.data)
    assert losses[-1] < losses[0]


def test_the_graph_tracer_of_0_1_0_runs_unchanged():
    def trace(root):
        nodes, edges = set(), set()

        def build(v):
            if v not in nodes:
                nodes.add(v)
                for child in v._prev:
                    edges.add((child, v))
                    build(child)
        build(root)
        return nodes, edges

    x = Value(1.0)
    y = (x * 2 + 1).relu()
    y.backward()
    nodes, edges = trace(y)
    assert len(nodes) == 6 and len(edges) == 5  # x, 2, x*2, 1, +1, relu
    assert {n._op for n in nodes} == {"", "*", "+", "ReLU"}
    assert x.grad == 2.0


def test_lecture_style_manual_backward_calls():
    """The lecture calls each node's _backward() by hand, from the output down."""
    x1, w1, b = Value(2.0), Value(-3.0), Value(6.8813735870195432)
    n = x1 * w1 + b
    o = n.tanh()
    o.grad = 1.0
    o._backward()
    n._backward()
    n._prev[0]._backward()
    assert round(n.grad, 4) == 0.5 and round(x1.grad, 4) == -1.5 and round(w1.grad, 4) == 1.0


REFERENCE = Path(__file__).resolve().parent.parent / "bench" / ".reference"


@pytest.mark.skipif(not (REFERENCE / "micrograd" / "engine.py").exists(),
                    reason="micrograd 0.1.0 is not installed in bench/.reference (make bench)")
def test_training_gives_the_losses_of_micrograd_0_1_0(tmp_path):
    """The demo's first steps with both engines, from the same weights: the same losses."""
    bench = Path(__file__).resolve().parent.parent / "bench"
    spec = importlib.util.spec_from_file_location("bench", bench / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    setup = tmp_path / "setup.json"
    setup.write_text(json.dumps(module.make_setup()))

    def losses(engine):
        done = subprocess.run(
            [sys.executable, str(bench / "workload.py"), "--engine", engine, "--reference",
             str(REFERENCE), "--setup", str(setup), "--steps", "2"],
            capture_output=True, text=True, check=True)
        return json.loads(done.stdout)["losses"]

    ours, reference = losses("ours"), losses("reference")
    assert len(ours) == len(reference) == 2
    assert ours == pytest.approx(reference, rel=0, abs=1e-9)
