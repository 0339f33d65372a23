"""One side of the benchmark: the micrograd 0.1.0 demo's training loop, run in its own process.

    python bench/workload.py --engine ours|reference --reference DIR --setup FILE --steps N

It trains MLP(2, [16, 16, 1]) on two moons with the SVM max-margin loss + 1e-4 L2 and
SGD, lr = 1.0 - 0.9 * k / 100, with the demo's own code, and prints one JSON line: seconds
per step, the loss of each step, and the process's peak memory. The training code is the
same for both engines; only the ``import micrograd`` differs.
"""

import argparse
import json
import sys
import time

try:
    import resource
except ImportError:  # Windows
    resource = None


def peak_memory_mb():
    """The most resident memory this process has used, in MB (None where unknown)."""
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


def train(Value, MLP, X, y, initial_weights, steps):
    """The demo's loop, from the given initial weights; yields (seconds, loss, accuracy)."""
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
        start = time.perf_counter()
        total_loss, acc = loss()
        model.zero_grad()
        total_loss.backward()
        learning_rate = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= learning_rate * p.grad
        yield time.perf_counter() - start, total_loss.data, acc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["ours", "reference"], required=True)
    parser.add_argument("--reference", help="folder with micrograd 0.1.0 installed")
    parser.add_argument("--setup", required=True, help="JSON file: X, y, initial_weights")
    parser.add_argument("--steps", type=int, required=True)
    args = parser.parse_args()
    if args.engine == "reference":
        sys.path.insert(0, args.reference)

    from micrograd.engine import Value
    from micrograd.nn import MLP

    with open(args.setup) as f:
        setup = json.load(f)
    results = list(train(Value, MLP, setup["X"], setup["y"], setup["initial_weights"],
                         args.steps))
    print(json.dumps({
        "module": sys.modules["micrograd"].__file__,
        "seconds": [r[0] for r in results],
        "losses": [r[1] for r in results],
        "accuracy": [r[2] for r in results],
        "peak_memory_mb": peak_memory_mb(),
    }))


if __name__ == "__main__":
    main()
