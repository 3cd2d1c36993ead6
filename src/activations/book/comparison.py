"""The measured comparison of section 6.1: every hidden activation, three depths, two problems.

One rule for every activation, so that only the activation changes:

- the network: ``nn.deep_mlp`` with ``depth`` dense layers of ``WIDTH`` units,
  each activation with the initialisation it was designed for (``INIT``);
- the data: the 8 x 8 digits and two spirals, each split once into training
  (60 %), validation (20 %) and test (20 %) sets, standardised with the
  training set's statistics;
- the budget: ``EPOCHS[problem]`` epochs of Adam in mini-batches of ``BATCH``;
- the learning rate: for each activation, depth and problem, the one of
  ``LEARNING_RATES`` with the best validation accuracy at the end of the
  budget, for seed 0 (ties go to the smaller rate). The test set is never
  used to choose anything;
- the seeds: ``SEEDS`` set the initial weights and the order of the batches.

Every run is seeded, so a row of the table can be recomputed bit for bit on
the same machine. ``experiments/comparison.py`` runs the whole grid (a few
minutes) and writes ``experiments/results/comparison.csv`` and
``comparison_curves.csv``; section 6.1 loads them and re-runs a few rows.
"""

import csv
import functools
import itertools

import numpy as np

from .. import data, nn
from . import RESULTS

ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "swish", "mish", "gelu"]
INIT = {"sigmoid": "xavier", "tanh": "xavier", "selu": "lecun"}  # the others: "he"
DEPTHS = (2, 6, 12)
PROBLEMS = ("digits", "spirals")
WIDTH = 32
BATCH = 50
EPOCHS = {"digits": 20, "spirals": 100}
TARGET = {"digits": 0.9, "spirals": 0.9}  # validation accuracy that counts as "learned"
LEARNING_RATES = (1e-3, 3e-3, 1e-2)
SEEDS = (0, 1, 2, 3, 4)


@functools.cache
def split(problem):
    """(X_train, X_val, X_test, y_train, y_val, y_test) for "digits" or "spirals", standardised.

    Computed once per problem and shared, so the arrays are read-only.
    """
    if problem == "digits":
        X, y = data.digits()
    elif problem == "spirals":
        X, y = data.two_spirals(1000, noise=0.1, turns=1.5, seed=0)
    else:
        raise ValueError(f"comparison.split: unknown problem {problem!r}; use one of {PROBLEMS}")
    X_rest, X_test, y_rest, y_test = data.train_test_split(X, y, 0.2, seed=0)
    X_train, X_val, y_train, y_val = data.train_test_split(X_rest, y_rest, 0.25, seed=1)
    X_val, X_test = data.standardise(X_val, X_train), data.standardise(X_test, X_train)
    parts = (data.standardise(X_train), X_val, X_test, y_train, y_val, y_test)
    for part in parts:
        part.setflags(write=False)
    return parts


def train_one(problem, activation, depth, lr, seed, parts=None):
    """Train one network of the grid; return (model, history). ``parts``: a cached ``split``."""
    X_train, X_val, _, y_train, y_val, _ = parts or split(problem)
    model = nn.deep_mlp(
        X_train.shape[1],
        int(y_train.max()) + 1,
        depth,
        WIDTH,
        activation,
        INIT.get(activation, "he"),
        seed=seed,
    )
    history = nn.train(
        model,
        X_train,
        y_train,
        nn.Adam(lr=lr),
        epochs=EPOCHS[problem],
        batch_size=BATCH,
        seed=seed,
        validation=(X_val, y_val),
    )
    return model, history


def epochs_to(target, accuracy):
    """The first epoch whose accuracy reaches ``target``; nan if none does."""
    reached = np.flatnonzero(np.asarray(accuracy) >= target)
    return float(reached[0]) if reached.size else float("nan")


def choose_learning_rate(problem, activation, depth, parts=None):
    """The rate of ``LEARNING_RATES`` with the best final validation accuracy, seed 0."""
    parts = parts or split(problem)
    scores = []
    for lr in LEARNING_RATES:
        _, history = train_one(problem, activation, depth, lr, 0, parts)
        final = history.val_accuracy[history.epochs_run]
        scores.append(final if np.isfinite(final) and not history.diverged else -1.0)
    return LEARNING_RATES[int(np.argmax(scores))]  # argmax takes the first (smallest) of ties


def row(problem, activation, depth, lr, seed, parts=None):
    """One row of the table: the test accuracy and epochs to the target of one seeded run."""
    parts = parts or split(problem)
    model, history = train_one(problem, activation, depth, lr, seed, parts)
    X_test, y_test = parts[2], parts[5]
    test_accuracy = float("nan") if history.diverged else model.accuracy(X_test, y_test)
    return {
        "problem": problem,
        "activation": activation,
        "depth": depth,
        "lr": lr,
        "seed": seed,
        "test_accuracy": test_accuracy,
        "epochs_to_target": epochs_to(TARGET[problem], history.val_accuracy),
    }, history.val_accuracy


def run_grid(progress=print):
    """Every row of the comparison, and the validation curves at the largest depth."""
    rows, curves = [], []
    for problem in PROBLEMS:
        parts = split(problem)
        for activation, depth in itertools.product(ACTIVATIONS, DEPTHS):
            lr = choose_learning_rate(problem, activation, depth, parts)
            for seed in SEEDS:
                result, curve = row(problem, activation, depth, lr, seed, parts)
                rows.append(result)
                if depth == max(DEPTHS):
                    curves.extend(
                        {
                            "problem": problem,
                            "activation": activation,
                            "seed": seed,
                            "epoch": e,
                            "val_accuracy": a,
                        }
                        for e, a in enumerate(curve)
                    )
            progress(f"{problem} {activation} depth {depth}: lr {lr:g}")
    return rows, curves


def write(rows, name):
    """Write a list of dicts to experiments/results/<name>.csv."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    with (RESULTS / f"{name}.csv").open("w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def load(name):
    """A CSV of experiments/results as a dict of NumPy arrays, one per column."""
    path = RESULTS / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"comparison.load: {path} is missing; run experiments/comparison.py")
    with path.open() as file:
        rows = list(csv.DictReader(file))
    columns = {}
    for key in rows[0]:
        values = [r[key] for r in rows]
        try:
            columns[key] = np.array([float(v) for v in values])
        except ValueError:
            columns[key] = np.array(values)
    return columns


def runs(table, problem, depth, activation, column="test_accuracy"):
    """The values of ``column`` over the seeds for one cell of the stored table."""
    chosen = (table["problem"] == problem) & (table["depth"] == depth) & (table["activation"] == activation)
    return table[column][chosen]


def welch_t(a, b):
    """Welch's t: the difference of the means of a and b over its standard error (section 5.4).

    Two identical constant samples give 0; two different constant ones give +-inf.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    se = np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    difference = a.mean() - b.mean()
    if se == 0:
        return 0.0 if difference == 0 else float(np.copysign(np.inf, difference))
    return float(difference / se)


def separated(table, problem, depth):
    """Pairs "a > b" whose mean test accuracies differ by more than two standard errors (section 5.4)."""
    pairs = []
    for i, a in enumerate(ACTIVATIONS):
        for b in ACTIVATIONS[i + 1 :]:
            t = welch_t(runs(table, problem, depth, a), runs(table, problem, depth, b))
            if abs(t) > 2:
                pairs.append(f"{a} > {b}" if t > 0 else f"{b} > {a}")
    return pairs


def leaders(table, problem, depth):
    """The activations tied with the best: not separated from (at least one of) the best means.

    Means equal to 12 decimals count as equal, so that a rounding difference between
    two identical sums of accuracies cannot pick one "best" over the other.
    """
    means = {a: round(float(runs(table, problem, depth, a).mean()), 12) for a in ACTIVATIONS}
    tops = [a for a in ACTIVATIONS if means[a] == max(means.values())]
    behind = separated(table, problem, depth)
    return [a for a in ACTIVATIONS if any(f"{top} > {a}" not in behind for top in tops)]
