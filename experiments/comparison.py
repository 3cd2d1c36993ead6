"""Run section 6.1's comparison grid and write its tables.

    python experiments/comparison.py

Writes experiments/results/comparison.csv (one row per problem, activation, depth, learning rate
and seed: every run's final validation accuracy, whether its rate was the one chosen by the mean
validation accuracy over the seeds, and the chosen rate's test accuracy) and comparison_curves.csv
(the chosen rate's validation accuracy per epoch at the largest depth). Every run is
textbook.comparison.train_one with the settings of textbook.comparison (ACTIVATIONS, DEPTHS,
WIDTH, INIT, OPTIMISER, BATCH, EPOCHS, LEARNING_RATES, SEEDS, TARGET), the function and the
settings that section 6.1 prints; change them there. Takes about ten minutes on two cores; the
notebook of section 6.1 loads the tables, re-derives every chosen rate from them and re-runs a
seeded sample of rows with the same function to check them.
"""

import time

from textbook import comparison


def main():
    start = time.perf_counter()
    rows, curves = comparison.run_grid(progress=lambda line: print(line, flush=True))
    comparison.write(rows, "comparison")
    comparison.write(curves, "comparison_curves")
    print(f"{len(rows)} rows in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
