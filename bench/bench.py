"""``make bench``: this package against micrograd 0.1.0, measured so that the ratio holds.

Both engines train the micrograd 0.1.0 demo's model (MLP(2, [16, 16, 1]), two moons of
100 samples with noise 0.1, SVM max-margin loss + 1e-4 L2, SGD with lr = 1.0 - 0.9 * k / 100)
from the same data and the same initial weights.

How it measures, because the machine may be shared and its load changes by the minute:

* Each run is a fresh process, and the two engines' processes alternate: 0.1.0, ours,
  0.1.0, ours, ... Each pair runs close together in time, so it shares the load; the
  ratio of a pair is the only figure compared, and the spread over pairs is printed.
* A step is timed with the process's own CPU time (``time.process_time``), not the wall
  clock, so that time the machine spends on other work is not counted.
* A process's figure is the median of its steps; each process reports its own peak memory.

Three comparisons, so that a reader sees where the speed comes from:

1. as shipped: 0.1.0 against this package, the garbage collector on (Python's default);
2. the collector off during the steps in both: the design alone (0.1.0 makes reference
   cycles, which the collector must find; this package makes none);
3. this package with and without its zero-gradient skip.

    python bench/bench.py --reference bench/.reference [--pairs 3] [--steps 10]

The demo's full run is 100 steps; 0.1.0 takes about 2 s per step here, so each process
trains for the first ``--steps`` steps only (the ratio is per step). The losses of every
step are compared between the engines.
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

WORKLOAD = Path(__file__).resolve().parent / "workload.py"
TARGET_SPEEDUP = 60
TARGET_MEMORY_MB = 64
TARGET_LOSS_DIFFERENCE = 1e-9


def make_setup(seed=1337):
    """The data and the initial weights both engines start from."""
    from micrograd.datasets import make_moons

    X, y = make_moons(n_samples=100, noise=0.1, random_state=seed)
    rng = random.Random(seed)
    # parameters() order in both: each neuron's weights, then its bias (which starts at 0)
    initial_weights = []
    for nin, nout in [(2, 16), (16, 16), (16, 1)]:
        for _ in range(nout):
            initial_weights += [rng.uniform(-1, 1) for _ in range(nin)] + [0.0]
    return {"X": X.tolist(), "y": (y * 2 - 1).tolist(), "initial_weights": initial_weights}


def run(engine, args, setup_file, steps, *extra):
    """One fresh process of one engine; its per-step CPU seconds, losses and peak memory."""
    command = [sys.executable, str(WORKLOAD), "--engine", engine, "--reference", args.reference,
               "--setup", setup_file, "--steps", str(steps), *extra]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the {engine} run failed:\n{done.stderr}")
    result = json.loads(done.stdout)
    result["per_step"] = statistics.median(result["seconds"])
    return result


def pairs(first, second, count):
    """``count`` pairs of runs, alternating first(), second(); a line per pair."""
    results = []
    for i in range(1, count + 1):
        a, b = first(), second()
        ratio = a["per_step"] / b["per_step"]
        results.append((a, b, ratio))
        print(f"   pair {i}: {a['per_step'] * 1000:8.1f} ms/step against "
              f"{b['per_step'] * 1000:6.2f} ms/step = {ratio:5.1f}x    peak memory "
              f"{_mb(a)} MB and {_mb(b)} MB", flush=True)
    return results


def spread(results):
    ratios = sorted(ratio for _, _, ratio in results)
    return ratios[0], statistics.median(ratios), ratios[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", required=True, help="folder with micrograd 0.1.0")
    parser.add_argument("--pairs", type=int, default=3, help="pairs of processes per comparison")
    parser.add_argument("--steps", type=int, default=10, help="training steps in each process")
    args = parser.parse_args()
    if not (Path(args.reference) / "micrograd" / "engine.py").exists():
        sys.exit(f"no micrograd 0.1.0 in {args.reference}: "
                 f"pip install --target {args.reference} micrograd==0.1.0")
    if args.pairs < 1 or args.steps < 1:
        sys.exit("--pairs and --steps must be at least 1")

    with tempfile.TemporaryDirectory() as tmp:
        setup_file = str(Path(tmp) / "setup.json")
        Path(setup_file).write_text(json.dumps(make_setup()))

        def engine(name, *extra):
            return lambda: run(name, args, setup_file, args.steps, *extra)

        print(f"{args.pairs} pairs of fresh processes per comparison, {args.steps} steps each, "
              f"CPU time per step (median of a process's steps)\n")
        print("1. micrograd 0.1.0 against this package, the collector on (as shipped)")
        shipped = pairs(engine("reference"), engine("ours"), args.pairs)
        print("2. the same with the collector off during the steps, in both")
        no_gc = pairs(engine("reference", "--collector", "off"),
                      engine("ours", "--collector", "off"), args.pairs)
        print("3. this package without its zero-gradient skip against with it")
        skip = pairs(engine("ours", "--no-zero-skip"), engine("ours"), args.pairs)

    runs = [run_ for a, b, _ in shipped + no_gc for run_ in (a, b)]
    loss_difference = max(
        abs(p - q) for a, b, _ in shipped + no_gc for p, q in zip(a["losses"], b["losses"]))
    ours_peak = [b["peak_memory_mb"] for _, b, _ in shipped]
    ours_peak = None if None in ours_peak else max(ours_peak)
    last = shipped[-1][1]

    low, median, high = spread(shipped)
    print(f"\nspeed-up, collector on (as shipped):  median {median:5.1f}x  "
          f"(min {low:.1f}x, max {high:.1f}x)   target: median at least {TARGET_SPEEDUP}x")
    low, med, high = spread(no_gc)
    print(f"speed-up, collector off in both:      median {med:5.1f}x  "
          f"(min {low:.1f}x, max {high:.1f}x)   the design alone")
    low, med, high = spread(skip)
    print(f"zero-gradient skip:                   median {med:5.2f}x  "
          f"(min {low:.2f}x, max {high:.2f}x)   this package without it / with it")
    print(f"peak memory of each process (MB):     0.1.0 "
          f"{_range(a for a, _, _ in shipped)}, this package {_range(b for _, b, _ in shipped)}"
          f"   target: at most {TARGET_MEMORY_MB} MB")
    print(f"largest per-step loss difference:     {loss_difference:.1e} over "
          f"{len(runs) // 2} pairs of {args.steps} steps   "
          f"target: at most {TARGET_LOSS_DIFFERENCE:.0e}")
    print(f"after {args.steps} steps: loss {last['losses'][-1]:.9f}, "
          f"accuracy {last['accuracy'][-1]:.0%}")
    met = (median >= TARGET_SPEEDUP and loss_difference <= TARGET_LOSS_DIFFERENCE
           and (ours_peak is None or ours_peak <= TARGET_MEMORY_MB))
    print("targets met" if met else "TARGETS NOT MET")
    return 0 if met else 1


def _mb(result):
    memory = result["peak_memory_mb"]
    return "n/a" if memory is None else f"{memory:.1f}"


def _range(results):
    values = [r["peak_memory_mb"] for r in results]
    if None in values:
        return "n/a"
    return f"{min(values):.1f}" if min(values) == max(values) else \
        f"{min(values):.1f}-{max(values):.1f}"


if __name__ == "__main__":
    sys.exit(main())
