"""Run section 6.1's comparison grid and write its tables.

    python experiments/comparison.py
    python experiments/comparison.py --suffix _rerun   # write comparison_rerun.csv etc. instead

Writes experiments/results/comparison.csv (one row per problem, activation, depth, learning rate
and seed: every run's final validation accuracy, whether its rate was the one chosen by the mean
validation accuracy over the seeds, and the chosen rate's test accuracy) and comparison_curves.csv
(the chosen rate's validation accuracy per epoch at the largest depth). Every run is
textbook.comparison.train_one with the settings of textbook.comparison (ACTIVATIONS, DEPTHS,
WIDTH, INIT, OPTIMISER, BATCH, EPOCHS, LEARNING_RATES, SEEDS, TARGET), the function and the
settings that section 6.1 prints; change them there. Takes about 13 minutes on one core; the
notebook of section 6.1 loads the tables, re-derives every chosen rate from them and re-runs a
seeded sample of rows with the same function to check them.

Some runs are chaotic, so the last bit of a matrix product can change a stored accuracy by
points. This script pins the two things besides the lock's versions (requirements.txt) that
the last bit depends on: the BLAS thread count (BLAS_THREADS, set with threadpoolctl around
every run, whatever OPENBLAS_NUM_THREADS says) and, on x86-64, OpenBLAS's kernels (Haswell's,
set in OPENBLAS_CORETYPE before NumPy loads OpenBLAS; a different OPENBLAS_CORETYPE already in
the environment is kept, with a warning that the tables may not reproduce). `make
experiments-check` re-runs a seeded sample of rows so and requires them equal to the stored ones.
"""

import argparse
import os
import platform
import sys
import time

CORETYPE = "Haswell"
if platform.machine() in ("x86_64", "AMD64"):
    if os.environ.setdefault("OPENBLAS_CORETYPE", CORETYPE) != CORETYPE:
        print(
            f"warning: OPENBLAS_CORETYPE={os.environ['OPENBLAS_CORETYPE']} in the environment, not "
            f"{CORETYPE}: the stored tables were computed with {CORETYPE}'s kernels and may not reproduce",
            file=sys.stderr,
        )

from threadpoolctl import threadpool_limits  # noqa: E402  (after OPENBLAS_CORETYPE)

from textbook import comparison  # noqa: E402

BLAS_THREADS = 1


def pinned():
    """The BLAS thread count the stored tables were computed with, as a context manager."""
    return threadpool_limits(limits=BLAS_THREADS, user_api="blas")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suffix", default="", help="append to the tables' names, to keep the stored ones")
    suffix = parser.parse_args().suffix
    start = time.perf_counter()
    with pinned():
        rows, curves = comparison.run_grid(progress=lambda line: print(line, flush=True))
    comparison.write(rows, "comparison" + suffix)
    comparison.write(curves, "comparison_curves" + suffix)
    print(f"{len(rows)} rows in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
