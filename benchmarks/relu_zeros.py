"""Does a matrix product get cheaper when half of its inputs are ReLU's zeros? (section 3.1)

    python -m benchmarks.relu_zeros [repeats]

A batch of inputs times a weight matrix, three ways, timed alternately in one process on the same
BLAS threads (``race``): dense inputs; the same inputs after ReLU, about half of them exactly 0;
and the dense product with half of the inputs left out, the best that skipping the zeros could
do. The table gives medians (minimum in brackets) and each median as a multiple of the dense one.
"""

import sys

import numpy as np

import activations as act
from textbook.cost import race

SIZES = [(256, 512, 512), (256, 1024, 1024), (1024, 1024, 1024)]


def main(repeats=9):
    rng = np.random.default_rng(0)
    print(f"{'batch':>6} {'n_in':>5} {'n_out':>6} | {'product':>26} | {'ms':>16} | x dense")
    for batch, n_in, n_out in SIZES:
        W = rng.normal(size=(n_in, n_out))
        dense = rng.normal(size=(batch, n_in))
        half_zero = act.relu(dense)  # about half exactly 0
        products = {
            "dense inputs": lambda _, d=dense, W=W: d @ W,
            f"half the inputs 0 ({np.mean(half_zero == 0):.0%})": lambda _, h=half_zero, W=W: h @ W,
            "half the inputs left out": lambda _, d=dense, W=W, k=n_in // 2: d[:, :k] @ W[:k],
        }
        timings = race(list(products.values()), None, repeats)
        for name, (median, minimum) in zip(products, timings, strict=True):
            print(
                f"{batch:>6} {n_in:>5} {n_out:>6} | {name:>26} | "
                f"{median * 1e3:7.2f} ({minimum * 1e3:6.2f}) | {median / timings[0][0]:.2f}"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
