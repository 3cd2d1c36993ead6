"""What a function costs on a CPU, measured against a plain copy of its input (chapter 6).

A copy reads and writes every value once: no elementwise function can be
cheaper, so "3 copies" says how far a function is from that floor, on any
machine. Contenders are timed alternately, repeat after repeat, so that
all of them see the same machine state; medians are compared.
``benchmarks/speed.py`` uses the same functions for its tables.
"""

import time

import numpy as np
from threadpoolctl import threadpool_limits

import activations as act


def timed(func, x):
    """Seconds one call func(x) takes."""
    start = time.perf_counter()
    func(x)
    return time.perf_counter() - start


def race(contenders, x, repeats):
    """(median, minimum) seconds of each contender on x, timed alternately after one warm-up."""
    for func in contenders:
        func(x)
    times = [[] for _ in contenders]
    for _ in range(repeats):
        for k, func in enumerate(contenders):
            times[k].append(timed(func, x))
    return [(float(np.median(t)), float(np.min(t))) for t in times]


def copies(funcs, x, repeats=5):
    """The median time of each function on x, in copies of x (np.copy, timed in the same run)."""
    results = race([np.copy, *funcs], x, repeats)
    copy = results[0][0]
    return [median / copy for median, _ in results[1:]]


def cost_table(n=10**6, repeats=5, seed=0, dtype=np.float64):
    """{name: (cost of f, cost of f.grad)} in copies, for every activation of ``act.ALL``.

    Inputs are n values uniform in [-10, 10]; PReLU uses alpha = 0.25.
    """
    x = np.random.default_rng(seed).uniform(-10, 10, n).astype(dtype)
    table = {}
    for f in act.ALL:
        settings = {"alpha": 0.25} if f.name == "prelu" else {}
        forward, backward = copies(
            [lambda v, f=f, s=settings: f(v, **s), lambda v, f=f, s=settings: f.grad(v, **s)], x, repeats
        )
        table[f.name] = (forward, backward)
    return table


def against_product(activation, A, W, repeats, threads=1):
    """Time a layer's product Z = A @ W.T and ``activation`` on Z, alternately (4.2, 6.3).

    Both run on ``threads`` BLAS threads (threadpoolctl): NumPy's elementwise
    functions use one thread, so ``threads=1`` gives both contenders the same
    machine. Returns ((median, minimum) seconds of the product, (median,
    minimum) of the activation), over ``repeats`` runs after one warm-up.
    """
    Z = A @ W.T
    with threadpool_limits(limits=threads, user_api="blas"):
        return tuple(race([lambda _: A @ W.T, lambda _: activation(Z)], None, repeats))
