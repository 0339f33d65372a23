"""``make bench``: this package against micrograd 0.1.0, side by side, in one run.

Both engines train the micrograd 0.1.0 demo's model (MLP(2, [16, 16, 1]), two moons of
100 samples with noise 0.1, SVM max-margin loss + 1e-4 L2, SGD with lr = 1.0 - 0.9 * k / 100)
from the same data and the same initial weights, each in a fresh process so that each
peak-memory figure is its own. Python's garbage collector is left as it is in both.

    python bench/bench.py --reference bench/.reference [--steps 100]

The full demo run is 100 steps, which takes micrograd 0.1.0 about three minutes here;
--steps 20 gives a rougher figure in under a minute.
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from micrograd.datasets import make_moons

WORKLOAD = Path(__file__).resolve().parent / "workload.py"
TARGET_SPEEDUP = 50
TARGET_MEMORY_MB = 64
TARGET_LOSS_DIFFERENCE = 1e-9


def make_setup(seed=1337):
    """The data and the initial weights both engines start from."""
    X, y = make_moons(n_samples=100, noise=0.1, random_state=seed)
    rng = random.Random(seed)
    # parameters() order in both: each neuron's weights, then its bias (which starts at 0)
    initial_weights = []
    for nin, nout in [(2, 16), (16, 16), (16, 1)]:
        for _ in range(nout):
            initial_weights += [rng.uniform(-1, 1) for _ in range(nin)] + [0.0]
    return {"X": X.tolist(), "y": (y * 2 - 1).tolist(), "initial_weights": initial_weights}


def run(engine, reference, setup_file, steps):
    command = [sys.executable, str(WORKLOAD), "--engine", engine, "--reference", reference,
               "--setup", setup_file, "--steps", str(steps)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", required=True, help="folder with micrograd 0.1.0")
    parser.add_argument("--steps", type=int, default=100,
                        help="training steps for each engine (the demo's full run is 100)")
    args = parser.parse_args()
    if not (Path(args.reference) / "micrograd" / "engine.py").exists():
        sys.exit(f"no micrograd 0.1.0 in {args.reference}: "
                 f"pip install --target {args.reference} micrograd==0.1.0")

    with tempfile.TemporaryDirectory() as tmp:
        setup_file = str(Path(tmp) / "setup.json")
        Path(setup_file).write_text(json.dumps(make_setup()))
        print(f"Training for {args.steps} steps on each engine...", flush=True)
        ours = run("ours", args.reference, setup_file, args.steps)
        reference = run("reference", args.reference, setup_file, args.steps)

    per_step = {name: statistics.median(r["seconds"]) for name, r in
                [("ours", ours), ("reference", reference)]}
    speedup = per_step["reference"] / per_step["ours"]
    loss_difference = max(abs(a - b) for a, b in zip(ours["losses"], reference["losses"]))

    print(f"\n{'':24}{'micrograd 0.1.0':>18}{'this package':>16}")
    print(f"{'engine':24}{'reference':>18}{'ours':>16}")
    print(f"{'seconds per step':24}{per_step['reference']:>18.4f}{per_step['ours']:>16.4f}")
    print(f"{'peak memory (MB)':24}{_mb(reference):>18}{_mb(ours):>16}")
    print(f"{'final loss':24}{reference['losses'][-1]:>18.9f}{ours['losses'][-1]:>16.9f}")
    print(f"{'final accuracy':24}{reference['accuracy'][-1]:>18.0%}{ours['accuracy'][-1]:>16.0%}")
    print()
    print(f"speed-up: {speedup:.1f}x faster per step (median of {args.steps} steps; "
          f"target at least {TARGET_SPEEDUP}x)")
    print(f"largest per-step loss difference: {loss_difference:.2e} "
          f"(target at most {TARGET_LOSS_DIFFERENCE:.0e})")
    memory = ours["peak_memory_mb"]
    if memory is not None:
        print(f"peak memory of this package's process: {memory:.1f} MB "
              f"(target at most {TARGET_MEMORY_MB} MB)")
    met = (speedup >= TARGET_SPEEDUP and loss_difference <= TARGET_LOSS_DIFFERENCE
           and (memory is None or memory <= TARGET_MEMORY_MB))
    print("targets met" if met else "TARGETS NOT MET")
    return 0 if met else 1


def _mb(result):
    memory = result["peak_memory_mb"]
    return "n/a" if memory is None else f"{memory:.1f}"


if __name__ == "__main__":
    sys.exit(main())
