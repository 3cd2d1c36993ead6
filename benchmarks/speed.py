"""Time every activation, its derivative, the softmax losses and training against np.copy and PyTorch.

    python -m benchmarks.speed [n] [--only NAME,NAME]   # from the repository; or: make benchmark(-torch)

NAME is an activation's name, "softmax" or "training".

For each function, on n = 10^7 values drawn uniformly from [-10, 10], in float64 and float32:
our time, PyTorch's (when it is installed: `make benchmark-torch` uses a separate environment
with the CPU build) and np.copy's, timed alternately in one process; the table gives medians
(minimum in brackets for ours) as multiples of the copy (reading and writing every value once,
the memory floor) and ours / torch. For a derivative, torch's time is its backward pass alone
(autograd.grad on a graph built once).

Both contenders get the same threads (THREADS, 1): PyTorch through torch.set_num_threads and
NumPy's BLAS (the matrix products of the training rows) through threadpoolctl; NumPy's ufuncs
run on one thread anyway. The ratio compares the kernels, not the core counts. (With
OpenBLAS's default of a thread per core beside PyTorch's thread, the two contend for the
cores and the full-batch training rows run many times slower.)

"peak" is the most memory ours holds at once during the call, in arrays of the input's size
(the result included), measured with tracemalloc.

Then softmax, log-softmax and cross-entropy with its gradient, at the batch shapes of a
classifier, and one epoch of training the book's networks, against the same network written
plainly in PyTorch (float64, the same mini-batches).
"""

import sys

import numpy as np
from tests.measure import peak_arrays
from threadpoolctl import threadpool_info, threadpool_limits

import activations as act
from textbook.cost import race

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # the benchmark runs without it, with fewer columns
    torch = None

THREADS = 1  # for PyTorch and for NumPy's BLAS alike

# The settings each activation is timed with; GELU also with its tanh approximation.
SETTINGS = {"prelu": [{"alpha": 0.25}], "gelu": [{}, {"approximate": "tanh"}]}


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
        "gelu(tanh)": lambda t: F.gelu(t, approximate="tanh"),
        "hard_sigmoid": F.hardsigmoid,
        "hard_swish": F.hardswish,
    }.get(name)


def torch_backward(forward, x):
    """A function that runs only the backward pass of ``forward`` at x."""
    t = torch.from_numpy(x).requires_grad_(True)
    y = forward(t)
    g = torch.ones_like(y)
    return lambda _: torch.autograd.grad(y, t, g, retain_graph=True)


def building_blocks(x, repeats):
    """The library functions the activations are built from, alone: what a formula cannot beat."""
    from scipy import special

    blocks = [
        ("[np.exp]", np.exp, "exp"),
        ("[np.tanh]", np.tanh, "tanh"),
        ("[special.ndtr]", special.ndtr, "ndtr"),
    ]
    for label, ours, name in blocks:
        contenders = [ours, np.copy]
        if torch is not None:
            theirs = {"exp": torch.exp, "tanh": torch.tanh, "ndtr": torch.special.ndtr}[name]
            contenders.append(lambda v, fn=theirs: fn(torch.from_numpy(v)))
        yield x.dtype.name, label, race(contenders, x, repeats), None


def activation_rows(n, repeats, only):
    for dtype in (np.float64, np.float32):
        x = np.random.default_rng(0).uniform(-10, 10, n).astype(dtype)
        yield from building_blocks(x, repeats)
        for f in act.ALL:
            if only and f.name not in only:
                continue
            for params in SETTINGS.get(f.name, [{}]):
                yield from function_rows(f, params, x, repeats)


def function_rows(f, params, x, repeats):
    """The rows of f and f.grad at one setting: times against np.copy (and PyTorch), and peak."""
    name = f.name + "".join(f"({v})" for v in params.values() if isinstance(v, str))
    forward = torch_forward(name)
    for kind in ("f", "grad"):
        ours = (
            (lambda v, f=f, p=params: f(v, **p)) if kind == "f" else (lambda v, f=f, p=params: f.grad(v, **p))
        )
        contenders = [ours, np.copy]
        # torch's step function has no derivative to compare with
        if forward is not None and not (kind == "grad" and f.name == "step"):
            theirs = (
                (lambda v, fw=forward: fw(torch.from_numpy(v))) if kind == "f" else torch_backward(forward, x)
            )
            contenders.append(theirs)
        results = race(contenders, x, repeats)
        label = name if kind == "f" else f"{name}.grad"
        peak = peak_arrays(ours, x[: x.size // 10])
        yield x.dtype.name, label, results, peak


def print_activations(n, repeats, only):
    print(f"{n:,} values; medians of {repeats} alternating runs\n")
    print(
        f"{'dtype':<8} {'function':<18} {'ours/copy':>10} {'(min)':>7} {'peak':>6} "
        f"{'torch/copy':>11} {'ours/torch':>11}"
    )
    print("-" * 77)
    for dtype, label, results, peak in activation_rows(n, repeats, only):
        (ours, ours_min), (copy, _) = results[0], results[1]
        peak = "" if peak is None else f"{peak:.1f}"
        line = f"{dtype:<8} {label:<18} {ours / copy:10.2f} {ours_min / copy:7.2f} {peak:>6}"
        if len(results) == 3:
            theirs = results[2][0]
            line += f" {theirs / copy:11.2f} {ours / theirs:11.2f}"
        print(line, flush=True)


# --- softmax and cross-entropy -----------------------------------------------------------------


def torch_loss_and_grad(z, y):
    t = torch.from_numpy(z).requires_grad_(True)
    loss = F.cross_entropy(t, torch.from_numpy(y))
    loss.backward()
    return loss, t.grad


def print_softmax(repeats):
    print("\nsoftmax and cross-entropy (float64): microseconds per call, medians")
    print(f"{'shape':<12} {'function':<24} {'ours':>9} {'torch':>9} {'ours/torch':>11}")
    print("-" * 69)
    rng = np.random.default_rng(0)
    for shape in [(4096, 10), (256, 1000)]:
        z = rng.normal(scale=3.0, size=shape)
        y = rng.integers(0, shape[1], shape[0])
        cases = [
            ("softmax", lambda v: act.softmax(v), lambda v: F.softmax(torch.from_numpy(v), dim=-1)),
            (
                "log_softmax",
                lambda v: act.log_softmax(v),
                lambda v: F.log_softmax(torch.from_numpy(v), dim=-1),
            ),
            (
                "cross_entropy + grad",
                lambda v, y=y: act.cross_entropy_and_grad(v, y),
                lambda v, y=y: torch_loss_and_grad(v, y),
            ),
        ]
        for name, ours, theirs in cases:
            contenders = [ours] if torch is None else [ours, theirs]
            results = race(contenders, z, repeats * 20)
            line = f"{shape!s:<12} {name:<24} {results[0][0] * 1e6:9.0f}"
            if torch is not None:
                line += f" {results[1][0] * 1e6:9.0f} {results[0][0] / results[1][0]:11.2f}"
            print(line, flush=True)


# --- one epoch of training -----------------------------------------------------------------------


def torch_network(model):
    """The same network in plain PyTorch: Linear layers with the same weights and activation."""
    modules = []
    for layer in model.layers:
        if isinstance(layer, act.nn.Dense):
            linear = torch.nn.Linear(*reversed(layer.W.shape)).double()
            with torch.no_grad():
                linear.weight.copy_(torch.from_numpy(layer.W))
                linear.bias.copy_(torch.from_numpy(layer.b))
            modules.append(linear)
        else:
            modules.append({"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}[layer.f.name]())
    return torch.nn.Sequential(*modules)


def ours_epoch(model, X, y, batch):
    optimizer = act.nn.SGD(lr=0.01)
    for start in range(0, len(X), batch):
        logits = model.forward(X[start : start + batch])
        model.backward(model.loss_grad(logits, y[start : start + batch]))
        optimizer.step(model.parameters(), model.gradients())


def torch_epoch(net, X, y, batch):
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    for start in range(0, len(X), batch):
        optimizer.zero_grad()
        F.cross_entropy(net(X[start : start + batch]), y[start : start + batch]).backward()
        optimizer.step()


def print_training(repeats):
    X, y = act.data.digits()
    print(
        f"\none epoch of SGD on the digits ({len(X)} examples, float64, NumPy's BLAS and PyTorch on "
        f"{THREADS} thread each): milliseconds, medians"
    )
    print(f"{'network':<28} {'batch':>6} {'ours':>9} {'torch':>9} {'ours/torch':>11}")
    print("-" * 67)
    networks = [
        ("MLP [64, 64, 64, 10] relu", lambda: act.nn.MLP([64, 64, 64, 10], "relu")),
        ("20 layers of 32, tanh", lambda: act.nn.deep_mlp(64, 10, 20, 32, "tanh", "xavier")),
    ]
    Xt, yt = (torch.from_numpy(X), torch.from_numpy(y)) if torch is not None else (None, None)
    for name, build in networks:
        for batch in (50, len(X)):
            model = build()
            contenders = [lambda _, m=model, b=batch: ours_epoch(m, X, y, b)]
            if torch is not None:
                net = torch_network(model)
                contenders.append(lambda _, m=net, b=batch: torch_epoch(m, Xt, yt, b))
            results = race(contenders, None, repeats)
            line = f"{name:<28} {batch:>6} {results[0][0] * 1e3:9.1f}"
            if torch is not None:
                line += f" {results[1][0] * 1e3:9.1f} {results[0][0] / results[1][0]:11.2f}"
            print(line, flush=True)


def main(argv):
    only = set()
    if "--only" in argv:
        k = argv.index("--only")
        only = set(argv[k + 1].split(","))
        argv = argv[:k] + argv[k + 2 :]
    n = int(float(argv[0])) if argv else 10**7
    with threadpool_limits(limits=THREADS, user_api="blas"):
        print(threads_line())
        if not only or only - {"softmax", "training"}:
            print_activations(n, 7, only)
        if not only or "softmax" in only:
            print_softmax(7)
        if not only or "training" in only:
            print_training(7)


def threads_line():
    """The threads each contender runs on, as set (and read back) for this run."""
    blas = ", ".join(f"{pool['internal_api']} {pool['num_threads']}" for pool in blas_pools())
    line = f"threads: NumPy's ufuncs 1, NumPy's BLAS ({blas})"
    if torch is None:
        return line + "; PyTorch is not installed: its columns are skipped (make benchmark-torch)\n"
    torch.set_num_threads(THREADS)
    return line + f", PyTorch {torch.__version__} {torch.get_num_threads()}\n"


def blas_pools():
    """NumPy's BLAS thread pools (threadpoolctl also lists the ones PyTorch brings along)."""
    pools = [p for p in threadpool_info() if p["user_api"] == "blas"]
    return [p for p in pools if "numpy" in p["filepath"]] or pools


if __name__ == "__main__":
    main(sys.argv[1:])
