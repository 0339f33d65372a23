"""One side of the benchmark: the micrograd 0.1.0 demo's training loop, run in its own process.

    python bench/workload.py --engine ours|reference --reference DIR --setup FILE --steps N
                             [--collector on|off] [--no-zero-skip]

It trains MLP(2, [16, 16, 1]) on two moons with the SVM max-margin loss + 1e-4 L2 and
SGD, lr = 1.0 - 0.9 * k / 100, with the demo's own code, and prints one JSON line: the CPU
seconds of each step, the loss of each step, and the process's own peak memory. The
training code is the same for both engines; only the ``import micrograd`` differs.

* ``--collector off`` turns Python's cyclic garbage collector off during each step and
  runs it once between steps, outside the timing, so that 0.1.0's reference cycles are
  still freed: what is left is the cost of each engine's own design.
* ``--no-zero-skip`` (this package only) swaps in a ``backward()`` that walks and passes
  on every gradient, zeros included, to measure what skipping them saves.
"""

import argparse
import gc
import json
import sys
import time

try:
    import resource
except ImportError:  # Windows
    resource = None


def peak_memory_mb():
    """The most resident memory this process has used, in MB (None where unknown).

    On Linux, VmHWM counts this program only; ru_maxrss would also count what the parent
    process had used before it started this one.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


def train(Value, MLP, X, y, initial_weights, steps, collector=True):
    """The demo's loop, from the given initial weights; yields (CPU seconds, loss, accuracy)."""
    model = MLP(2, [16, 16, 1])
    for p, w in zip(model.parameters(), initial_weights, strict=True):
        p.data = w

    def loss():
        inputs = [list(map(Value, xrow)) for xrow in X]
        scores = list(map(model, inputs))
        losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        alpha = 1e-4
        reg_loss = alpha * sum(p * p for p in model.parameters())
        total_loss = data_loss + reg_loss
        accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(y, scores)]
        return total_loss, sum(accuracy) / len(accuracy)

    for k in range(steps):
        if not collector:
            gc.collect()  # free the last step's cycles now, outside the timing
            gc.disable()
        start = time.process_time()
        total_loss, acc = loss()
        model.zero_grad()
        total_loss.backward()
        learning_rate = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= learning_rate * p.grad
        loss_data = total_loss.data
        del total_loss  # the graph is freed inside the timing, as in the demo's loop
        seconds = time.process_time() - start
        gc.enable()
        yield seconds, loss_data, acc


def backward_without_zero_skip(root):
    """This package's backward() without its shortcut: every node is walked, every edge
    passes its gradient on, zeros included."""
    from micrograd.engine import topological_order

    order = topological_order(root)
    for node in order:
        if node._prev:  # interior nodes start from 0; leaves accumulate
            node.grad = 0.0
    root.grad = 1.0
    for node in reversed(order):
        for child, local_grad in zip(node._prev, node._local_grads):
            child.grad += local_grad * node.grad


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["ours", "reference"], required=True)
    parser.add_argument("--reference", help="folder with micrograd 0.1.0 installed")
    parser.add_argument("--setup", required=True, help="JSON file: X, y, initial_weights")
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--collector", choices=["on", "off"], default="on")
    parser.add_argument("--no-zero-skip", action="store_true")
    args = parser.parse_args()
    if args.engine == "reference":
        sys.path.insert(0, args.reference)

    from micrograd.engine import Value
    from micrograd.nn import MLP

    if args.no_zero_skip:
        if args.engine != "ours":
            parser.error("--no-zero-skip applies to this package only")
        Value.backward = backward_without_zero_skip

    with open(args.setup) as f:
        setup = json.load(f)
    results = list(train(Value, MLP, setup["X"], setup["y"], setup["initial_weights"],
                         args.steps, collector=args.collector == "on"))
    print(json.dumps({
        "module": sys.modules["micrograd"].__file__,
        "seconds": [r[0] for r in results],
        "losses": [r[1] for r in results],
        "accuracy": [r[2] for r in results],
        "peak_memory_mb": peak_memory_mb(),
    }))


if __name__ == "__main__":
    main()
