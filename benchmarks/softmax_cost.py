"""How long the softmax takes next to the matrix product that feeds it (chapter 4.2).

    python -m benchmarks.softmax_cost

For a batch of N examples, a layer with n inputs and K outputs computes K logits per example with
n multiply-adds each; the softmax then does a fixed handful of operations per logit.
``textbook.cost.against_product`` times the two alternately, repeat after repeat, both on the same
number of BLAS threads; the table gives medians and their ratio.
"""

import numpy as np

import activations as act
from textbook import cost

SIZES = [(256, 128, 1000), (256, 512, 1000), (256, 2048, 1000), (64, 4096, 32000)]


def main(repeats=9, threads=1):
    rng = np.random.default_rng(0)
    print(f"{threads} BLAS thread(s), medians of {repeats} alternating runs")
    print(f"{'N':>5} {'n':>5} {'K':>6} | {'matmul ms':>10} {'softmax ms':>10} | softmax / matmul")
    for N, n, K in SIZES:
        A = rng.normal(size=(N, n))
        W = rng.normal(size=(K, n)) / np.sqrt(n)
        (matmul, _), (soft, _) = cost.against_product(act.softmax, A, W, repeats, threads)
        print(f"{N:>5} {n:>5} {K:>6} | {matmul * 1e3:10.2f} {soft * 1e3:10.2f} | {soft / matmul:.2f}")


if __name__ == "__main__":
    main()
