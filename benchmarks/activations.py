"""Time every activation, its derivative and the softmax losses against np.copy and PyTorch.

    python benchmarks/activations.py [n]      # or: make benchmark / make benchmark-torch

For each function, on n = 10^7 values drawn uniformly from [-10, 10], in float64 and float32:
our time, PyTorch's (when it is installed: `make benchmark-torch` uses a separate environment
with the CPU build) and np.copy's, timed alternately in one process; the table gives medians
(minimum in brackets for ours) as multiples of the copy (reading and writing every value once,
the memory floor) and ours / torch. For a derivative, torch's time is its backward pass alone
(autograd.grad on a graph built once). Both use the same number of threads.
"""

import sys
import time
from pathlib import Path

import numpy as np

# This file is itself called activations.py: keep its folder off the import path
# so that `import activations` finds the package, not this script.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
import activations as act  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # the benchmark runs without it, with fewer columns
    torch = None

PARAMS = {"prelu": {"alpha": 0.25}}


def torch_forward(name):
    """PyTorch's version of an activation, or None."""
    if torch is None:
        return None
    return {
        "identity": lambda t: t.clone(),
        "step": lambda t: (t > 0).to(t.dtype),
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": F.relu,
        "leaky_relu": lambda t: F.leaky_relu(t, 0.01),
        "prelu": lambda t: F.prelu(t, torch.tensor([0.25], dtype=t.dtype)),
        "elu": F.elu,
        "selu": F.selu,
        "relu6": F.relu6,
        "softplus": F.softplus,
        "swish": F.silu,
        "silu": F.silu,
        "mish": F.mish,
        "gelu": F.gelu,
        "hard_sigmoid": F.hardsigmoid,
        "hard_swish": F.hardswish,
    }.get(name)


def torch_backward(forward, x):
    """A function that runs only the backward pass of ``forward`` at x."""
    t = torch.from_numpy(x).requires_grad_(True)
    y = forward(t)
    g = torch.ones_like(y)
    return lambda _: torch.autograd.grad(y, t, g, retain_graph=True)


def timed(func, x):
    start = time.perf_counter()
    func(x)
    return time.perf_counter() - start


def race(contenders, x, repeats):
    """Median and minimum time of each contender, run alternately."""
    for func in contenders:
        func(x)  # warm up
    times = [[] for _ in contenders]
    for _ in range(repeats):
        for k, func in enumerate(contenders):
            times[k].append(timed(func, x))
    return [(float(np.median(t)), float(np.min(t))) for t in times]


def rows(n, repeats):
    for dtype in (np.float64, np.float32):
        x = np.random.default_rng(0).uniform(-10, 10, n).astype(dtype)
        for f in act.ALL:
            params = PARAMS.get(f.name, {})
            forward = torch_forward(f.name)
            for kind in ("f", "grad"):
                ours = (
                    (lambda v, f=f, p=params: f(v, **p))
                    if kind == "f"
                    else (lambda v, f=f, p=params: f.grad(v, **p))
                )
                contenders = [ours, np.copy]
                # torch's step function has no derivative to compare with
                if forward is not None and not (kind == "grad" and f.name == "step"):
                    theirs = (
                        (lambda v, fw=forward: fw(torch.from_numpy(v)))
                        if kind == "f"
                        else torch_backward(forward, x)
                    )
                    contenders.append(theirs)
                results = race(contenders, x, repeats)
                label = f.name if kind == "f" else f"{f.name}.grad"
                yield np.dtype(dtype).name, label, results


def main(n=10**7, repeats=7):
    if torch is None:
        print("PyTorch is not installed: its columns are skipped (make benchmark-torch installs it)\n")
    else:
        torch.set_num_threads(2)
        print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads\n")
    print(f"{n:,} values; medians of {repeats} alternating runs\n")
    print(
        f"{'dtype':<8} {'function':<18} {'ours/copy':>10} {'(min)':>7} {'torch/copy':>11} {'ours/torch':>11}"
    )
    print("-" * 70)
    for dtype, label, results in rows(n, repeats):
        (ours, ours_min), (copy, _) = results[0], results[1]
        line = f"{dtype:<8} {label:<18} {ours / copy:10.2f} {ours_min / copy:7.2f}"
        if len(results) == 3:
            theirs = results[2][0]
            line += f" {theirs / copy:11.2f} {ours / theirs:11.2f}"
        print(line, flush=True)


if __name__ == "__main__":
    main(int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**7)
