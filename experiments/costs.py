"""Measure what every activation and its derivative cost, in copies of the input, and store it.

    python experiments/costs.py        # writes experiments/results/costs.csv

10^7 float64 values uniform in [-10, 10], medians of 7 alternating runs (textbook.cost).
The activation atlas (back/atlas.ipynb) reads the CSV; re-run this script on the machine whose
numbers the book should show, and commit the CSV with the notebooks re-executed. Its numbers are
timings, which differ from run to run; it calls no BLAS routine (NumPy's elementwise functions
run on one thread), so unlike comparison.py this script needs no thread or kernel pin.
"""

import csv

from textbook import RESULTS, cost

OUT = RESULTS / "costs.csv"


def main():
    table = cost.cost_table(n=10**7, repeats=7)
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["activation", "f_copies", "grad_copies"])
        for name, (forward, backward) in table.items():
            writer.writerow([name, f"{forward:.2f}", f"{backward:.2f}"])
    print(f"wrote {OUT}")
    for name, (forward, backward) in table.items():
        print(f"{name:<14} f {forward:6.2f}   grad {backward:6.2f}")


if __name__ == "__main__":
    main()
