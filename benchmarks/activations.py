"""Time every activation and derivative against the memory-bandwidth floor.

For each function, on 10^7 float64 values drawn uniformly from [-10, 10],
prints the best of several runs, that time divided by the time of np.copy of
the same array (reading and writing every value once: no elementwise function
can be much faster), and, where SciPy or NumPy has the same function, our
time divided by theirs. Run with `make benchmark` or
`python benchmarks/activations.py [n]`.

Targets of the package: relu within 1.5x of the copy and relu.grad within 2x;
sigmoid within 1.2x of scipy.special.expit.
"""

import sys
import time
from pathlib import Path

import numpy as np
from scipy import special

# This file is itself called activations.py: keep its folder off the import path
# so that `import activations` finds the package, not this script.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
import activations as act  # noqa: E402


def best_time(func, x, repeats):
    func(x)  # warm up: page in the output buffer, load code
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func(x)
        times.append(time.perf_counter() - start)
    return min(times)


def best_ratio(func, baseline, x, repeats):
    """Our time over the baseline's, timing the two alternately so that both see the same machine."""
    ours, theirs = [], []
    for _ in range(repeats):
        ours.append(best_time(func, x, 1))
        theirs.append(best_time(baseline, x, 1))
    return min(ours) / min(theirs)


# Functions SciPy or NumPy already provide, to compare with: (label, callable)
BASELINES = {
    "sigmoid": ("scipy.special.expit", special.expit),
    "tanh": ("numpy.tanh", np.tanh),
    "relu": ("numpy.maximum(x, 0)", lambda x: np.maximum(x, 0.0)),
    "softplus": ("scipy.special.softplus", special.softplus),
    "gelu": ("x * scipy.special.ndtr(x)", lambda x: x * special.ndtr(x)),
}
PARAMS = {"prelu": {"alpha": 0.25}}


def main(n=10**7, repeats=9):
    x = np.random.default_rng(0).uniform(-10, 10, n)
    copy = best_time(np.copy, x, repeats)
    print(f"{n:,} float64 values; np.copy takes {copy * 1e3:.1f} ms (best of {repeats})\n")
    print(f"{'function':<16} {'ms':>7} {'x copy':>7}   {'x baseline':>10}  baseline")
    print("-" * 72)
    for f in act.ALL:
        params = PARAMS.get(f.name, {})
        for label, func in ((f.name, f), (f"{f.name}.grad", f.grad)):
            t = best_time(lambda v, func=func, params=params: func(v, **params), x, repeats)
            row = f"{label:<16} {t * 1e3:7.1f} {t / copy:7.2f}"
            if label in BASELINES:
                name, baseline = BASELINES[label]
                ratio = best_ratio(
                    lambda v, func=func, params=params: func(v, **params), baseline, x, repeats
                )
                row += f"   {ratio:10.2f}  {name}"
            print(row)


if __name__ == "__main__":
    main(int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**7)
