"""How long the softmax takes next to the matrix product that feeds it (chapter 4.2).

    python -m benchmarks.softmax_cost

For a batch of N examples, a layer with n inputs and K outputs computes K logits per example with
n multiply-adds each; the softmax then does a fixed handful of operations per logit. The two are
timed alternately, repeat after repeat, so that both see the same machine state; the table gives
medians and their ratio.
"""

import time

import numpy as np

import activations as act

SIZES = [(256, 128, 1000), (256, 512, 1000), (256, 2048, 1000), (64, 4096, 32000)]


def timed(f):
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def main(repeats=9):
    rng = np.random.default_rng(0)
    print(f"{'N':>5} {'n':>5} {'K':>6} | {'matmul ms':>10} {'softmax ms':>10} | softmax / matmul")
    for N, n, K in SIZES:
        A = rng.normal(size=(N, n))
        W = rng.normal(size=(K, n)) / np.sqrt(n)
        Z = A @ W.T
        matmul, soft = [], []
        for _ in range(repeats):
            matmul.append(timed(lambda A=A, W=W: A @ W.T))
            soft.append(timed(lambda Z=Z: act.softmax(Z)))
        m, s = np.median(matmul) * 1e3, np.median(soft) * 1e3
        print(f"{N:>5} {n:>5} {K:>6} | {m:10.2f} {s:10.2f} | {s / m:.2f}")


if __name__ == "__main__":
    main()
