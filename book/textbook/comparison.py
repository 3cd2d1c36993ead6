"""The measured comparison of section 6.1: every hidden activation, three depths, two problems.

One rule for every activation, so that only the activation changes:

- the network: ``nn.deep_mlp`` with ``depth`` dense layers of ``WIDTH`` units,
  each activation with its usual default initialisation (``INIT``: Glorot's
  uniform form, "Xavier (uniform form)", for the sigmoid and tanh, LeCun for
  SELU, He for the others; each an :class:`Init`, a printed name and its function);
- the data: the 8 x 8 digits and two spirals, each split once into training
  (60 %), validation (20 %) and test (20 %) sets, standardised with the
  training set's statistics;
- the budget: ``EPOCHS[problem]`` epochs of ``OPTIMISER`` (Adam) in mini-batches of ``BATCH``;
- the learning rate: for each activation, depth and problem, every rate of
  ``LEARNING_RATES`` is trained with every seed, and the rate with the best
  *mean* validation accuracy over the seeds (at the end of the budget) is
  chosen; means that agree to 12 decimals go to the smaller rate, and a run
  that diverged counts as 0. The test accuracy reported is that rate's, for
  every seed. The test set is never used to choose anything;
- the seeds: ``SEEDS`` set the initial weights and the order of the batches.

The table keeps every run: its validation accuracy (so that the choice can be
re-derived from it, :func:`chosen_rates`), the epochs until its validation
accuracy first reached ``TARGET`` (for every rate, so that speeds can be
compared at a common rate, :func:`speed_verdicts`), whether its rate was
chosen, and, for the chosen rate only, its test accuracy (nan for the other
rates, which are never tested). Every run is seeded, so a row can be recomputed bit for
bit on the same machine. One run is :func:`train_one`, with the settings
below; ``experiments/comparison.py`` runs the whole grid through it
(:func:`run_grid`) and writes ``experiments/results/comparison.csv`` and
``comparison_curves.csv``; section 6.1 prints the same settings and
:func:`train_one`'s source, loads the tables and re-runs a few rows with it.

The rule that separates two results is defined once, :func:`separated`
(means more than two standard errors apart, Welch's t), and section 5.4 uses
it too. The leading group of a cell (:func:`leaders`) is defined once: the
activation with the best mean test accuracy and every activation that
:func:`separated` does not separate from it. Means that agree to 12
decimals all count as the best mean; then an activation leads only if the
rule separates it from none of them.
"""

import csv
import functools
import itertools
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from scipy import stats

from activations import data, nn

from . import RESULTS

ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "swish", "mish", "gelu"]


class Init(NamedTuple):
    """An initialisation of the grid: the name this section prints, and the function that draws."""

    name: str
    function: Callable


# Each activation's initialisation. The sigmoid and tanh get Glorot's uniform form: the variance
# 2 / (fan_in + fan_out) of "Xavier" (nn.INITIALISERS' normal form) drawn from an interval, with
# which the stored grid was computed. SELU gets LeCun's, the others He's (both normal).
XAVIER_UNIFORM = Init("Xavier (uniform form)", nn.xavier_uniform)
HE = Init("He", nn.INITIALISERS["He"])
LECUN = Init("LeCun", nn.INITIALISERS["LeCun"])
INIT = {name: HE for name in ACTIVATIONS} | {"sigmoid": XAVIER_UNIFORM, "tanh": XAVIER_UNIFORM, "selu": LECUN}
DEPTHS = (2, 6, 12)
PROBLEMS = ("digits", "spirals")
WIDTH = 32
OPTIMISER = nn.Adam
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
    """Train one run of the grid with the settings above; return (model, history).

    ``depth`` dense layers of ``WIDTH`` units drawn by ``INIT[activation].function``, ``EPOCHS[problem]``
    epochs of ``OPTIMISER`` at rate ``lr`` in mini-batches of ``BATCH``; ``seed`` sets the
    weights and the order of the batches. ``parts``: a cached :func:`split`.
    """
    X_train, X_val, _, y_train, y_val, _ = parts or split(problem)
    model = nn.deep_mlp(
        X_train.shape[1],
        int(y_train.max()) + 1,
        depth,
        WIDTH,
        activation,
        INIT[activation].function,
        seed=seed,
    )
    history = nn.train(
        model,
        X_train,
        y_train,
        OPTIMISER(lr=lr),
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


def choose_learning_rate(scores):
    """The rate of ``LEARNING_RATES`` whose validation accuracies have the best mean.

    ``scores`` maps each rate to its final validation accuracies over the seeds
    (nan for a diverged run, which counts as 0). Means that agree to 12
    decimals go to the smaller rate.
    """
    means = {
        lr: round(float(np.nan_to_num(np.asarray(scores[lr]), nan=0.0).mean()), 12) for lr in LEARNING_RATES
    }
    best = max(means.values())
    return min(lr for lr in LEARNING_RATES if means[lr] == best)


def row(problem, activation, depth, lr, seed, parts=None):
    """One run of the grid: (its row, its validation accuracy after every epoch).

    The row holds the final validation accuracy, the test accuracy and the
    epochs to the target (nan accuracies for a run that diverged).
    """
    parts = parts or split(problem)
    model, history = train_one(problem, activation, depth, lr, seed, parts)
    X_test, y_test = parts[2], parts[5]
    failed = history.diverged
    return {
        "problem": problem,
        "activation": activation,
        "depth": depth,
        "lr": lr,
        "seed": seed,
        "val_accuracy": float("nan") if failed else float(history.val_accuracy[history.epochs_run]),
        "test_accuracy": float("nan") if failed else model.accuracy(X_test, y_test),
        "epochs_to_target": epochs_to(TARGET[problem], history.val_accuracy),
    }, history.val_accuracy


def run_cell(problem, activation, depth, parts=None):
    """Every rate and seed of one cell: (rows, the chosen rate's curves by seed, the chosen rate).

    Each row is marked ``chosen`` (1 for the chosen rate's runs). The test
    accuracy of a rate that was not chosen is replaced by nan before anything
    is returned: only the chosen rate is ever tested.
    """
    parts = parts or split(problem)
    rows, curves = [], {}
    for lr in LEARNING_RATES:
        for seed in SEEDS:
            result, curves[lr, seed] = row(problem, activation, depth, lr, seed, parts)
            rows.append(result)
    chosen = choose_learning_rate(
        {lr: [r["val_accuracy"] for r in rows if r["lr"] == lr] for lr in LEARNING_RATES}
    )
    for r in rows:
        r["chosen"] = int(r["lr"] == chosen)
        if not r["chosen"]:
            r["test_accuracy"] = float("nan")
    return rows, {seed: curves[chosen, seed] for seed in SEEDS}, chosen


def run_grid(progress=print):
    """Every run of the comparison, and the chosen rate's validation curves at the largest depth."""
    rows, curves = [], []
    for problem in PROBLEMS:
        parts = split(problem)
        for activation, depth in itertools.product(ACTIVATIONS, DEPTHS):
            cell, cell_curves, lr = run_cell(problem, activation, depth, parts)
            rows.extend(cell)
            if depth == max(DEPTHS):
                curves.extend(
                    {
                        "problem": problem,
                        "activation": activation,
                        "lr": lr,
                        "seed": seed,
                        "epoch": e,
                        "val_accuracy": a,
                    }
                    for seed, curve in cell_curves.items()
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


def runs(table, problem, depth, activation, column="test_accuracy", lr=None):
    """The values of ``column`` over the seeds for one cell of the stored table.

    ``lr=None`` gives the runs of the rate the cell chose; a rate of
    ``LEARNING_RATES`` gives that rate's runs (their test accuracy is nan
    unless it is the chosen rate).
    """
    cell = (table["problem"] == problem) & (table["depth"] == depth) & (table["activation"] == activation)
    rate = table["chosen"] == 1 if lr is None else np.isclose(table["lr"], lr)
    return table[column][cell & rate]


def chosen_rates(table, problem, depth, activation):
    """The rate :func:`choose_learning_rate` picks from the validation accuracies in ``table``."""
    scores = {lr: runs(table, problem, depth, activation, "val_accuracy", lr) for lr in LEARNING_RATES}
    return choose_learning_rate(scores)


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


def welch_df(a, b):
    """Welch's degrees of freedom of a and b (Welch-Satterthwaite); nan if both have no spread."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    if va + vb == 0:
        return float("nan")
    return float((va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1)))


def chance_separation_probability(a, b, threshold=2.0):
    """P(|T| > threshold) for Student's T with Welch's degrees of freedom of a and b.

    The probability that the rule separates a and b by chance alone, if their
    true means did not differ; 0 when neither sample has any spread.
    """
    df = welch_df(a, b)
    return 0.0 if np.isnan(df) else float(2 * stats.t.sf(threshold, df))


def chance_separations(table, problem, depth):
    """The number of pairs of a cell the rule would separate by chance alone, on average.

    The sum over the pairs of :func:`chance_separation_probability`, with each
    pair's degrees of freedom from the spreads of its test accuracies.
    """
    cells = {a: runs(table, problem, depth, a) for a in ACTIVATIONS}
    return sum(
        chance_separation_probability(cells[a], cells[b])
        for i, a in enumerate(ACTIVATIONS)
        for b in ACTIVATIONS[i + 1 :]
    )


def separated(a, b):
    """The book's rule: the means of a and b are more than two standard errors apart (section 5.4).

    The standard error of the difference is Welch's, sqrt(s_a^2 / n_a + s_b^2 / n_b),
    with sample variances, so the rule is |:func:`welch_t`| > 2. When neither
    sample has any spread the standard error is 0 and the means alone decide:
    two identical constant samples are not separated, two different constant
    samples are (their t is infinite).

    >>> separated([0.90, 0.91, 0.92], [0.80, 0.81, 0.82]), separated([0.9, 0.9], [0.9, 0.9])
    (True, False)
    """
    return abs(welch_t(a, b)) > 2


def separated_pairs(table, problem, depth):
    """The pairs "a > b" of a cell whose mean test accuracies :func:`separated` separates."""
    pairs = []
    for i, a in enumerate(ACTIVATIONS):
        for b in ACTIVATIONS[i + 1 :]:
            runs_a, runs_b = runs(table, problem, depth, a), runs(table, problem, depth, b)
            if separated(runs_a, runs_b):
                pairs.append(f"{a} > {b}" if welch_t(runs_a, runs_b) > 0 else f"{b} > {a}")
    return pairs


def leaders(table, problem, depth):
    """The leading group of a cell: the best mean test accuracy and all not separated from it.

    The activation with the best mean leads, and so does every activation that
    :func:`separated` does not separate from it. Means that agree
    to 12 decimals (a rounding difference between two sums of the same
    accuracies must not pick one over the other) count as the same best mean,
    and then an activation leads only if it is separated from none of them.
    """
    means = {a: round(float(runs(table, problem, depth, a).mean()), 12) for a in ACTIVATIONS}
    tops = [a for a in ACTIVATIONS if means[a] == max(means.values())]
    behind = separated_pairs(table, problem, depth)
    return [a for a in ACTIVATIONS if all(f"{top} > {a}" not in behind for top in tops)]


def speed_verdicts(table, problem, depth, lr=None, reference="relu", reference_lr=None):
    """Each activation's epochs to the target against ``reference``'s, under :func:`separated`.

    ``lr`` is the rate of the activations' runs (``None``: the rate each cell
    chose) and ``reference_lr`` the rate of the reference's runs (``None``:
    the same as ``lr``). Returns a dict from every other activation to
    "fewer" or "more" (epochs than the reference, separated), "not
    separated", or "not compared" when a seed of either did not reach the
    target (its epochs are nan).
    """
    base_lr = lr if reference_lr is None else reference_lr
    base = runs(table, problem, depth, reference, "epochs_to_target", base_lr)
    verdicts = {}
    for name in ACTIVATIONS:
        if name == reference:
            continue
        epochs = runs(table, problem, depth, name, "epochs_to_target", lr)
        if not np.isfinite(np.r_[base, epochs]).all():
            verdicts[name] = "not compared"
            continue
        if not separated(base, epochs):
            verdicts[name] = "not separated"
        else:
            verdicts[name] = "fewer" if welch_t(base, epochs) > 0 else "more"
    return verdicts


def verdicts(table):
    """Every verdict section 6.1 draws from a table, by name, to compare two tables.

    ``("rate", problem, depth, a)``: the rate the cell chose (54); ``("pair", problem, depth, a, b)``:
    "a > b", "b > a" or "not separated" under :func:`separated` (216); ``("leaders", problem, depth)``:
    the leading group (6); ``("speed", problem, depth, lr, a)``: :func:`speed_verdicts` against
    ReLU at the common rate ``lr`` (144).
    """
    found = {}
    for problem in PROBLEMS:
        for depth in DEPTHS:
            pairs = separated_pairs(table, problem, depth)
            for i, a in enumerate(ACTIVATIONS):
                found["rate", problem, depth, a] = chosen_rates(table, problem, depth, a)
                for b in ACTIVATIONS[i + 1 :]:
                    verdict = [p for p in (f"{a} > {b}", f"{b} > {a}") if p in pairs]
                    found["pair", problem, depth, a, b] = verdict[0] if verdict else "not separated"
            found["leaders", problem, depth] = tuple(leaders(table, problem, depth))
            for lr in LEARNING_RATES:
                for a, verdict in speed_verdicts(table, problem, depth, lr).items():
                    found["speed", problem, depth, lr, a] = verdict
    return found


def _fewer_at_every_rate(table, problem, depth):
    each = [speed_verdicts(table, problem, depth, lr) for lr in LEARNING_RATES]
    return {a for a in each[0] if all(v[a] == "fewer" for v in each)}


def guide_claims(table):
    """The measured claims of section 6.4's guide, each True or False on a table.

    The guide rests only on claims that hold on the stored table and on the grid re-run with other
    BLAS kernels (``comparison_skylakex``); section 6.1 counts them.
    """
    deep = (6, 12)
    quick = ("elu", "selu", "gelu", "swish", "mish")
    speed = {
        (p, d, lr): speed_verdicts(table, p, d, lr) for p in PROBLEMS for d in deep for lr in LEARNING_RATES
    }
    every = {(p, d): _fewer_at_every_rate(table, p, d) for p in PROBLEMS for d in deep}
    tanh_spirals = [speed["spirals", d, lr]["tanh"] for d in deep for lr in LEARNING_RATES]
    return {
        # not at 12 layers on the digits: there a rounding difference decides (section 6.1)
        "ReLU leads in the five cells but 12 layers on the digits": all(
            "relu" in leaders(table, p, d) for p in PROBLEMS for d in DEPTHS if (p, d) != ("digits", 12)
        ),
        "at 6 and 12 layers no quick activation ends separated below ReLU": not any(
            f"relu > {a}" in separated_pairs(table, p, d) for p in PROBLEMS for d in deep for a in quick
        ),
        "spirals, 6 layers: Swish below Leaky ReLU, SELU and GELU only, and not leading": (
            sorted(p for p in separated_pairs(table, "spirals", 6) if p.endswith("> swish"))
            == ["gelu > swish", "leaky_relu > swish", "selu > swish"]
            and "swish" not in leaders(table, "spirals", 6)
        ),
        "tanh leads at 6 and 12 layers": all("tanh" in leaders(table, p, d) for p in PROBLEMS for d in deep),
        "spirals, 6 layers: fewer epochs at every rate for ELU, Swish, Mish, GELU": (
            every["spirals", 6] == {"elu", "swish", "mish", "gelu"}
        ),
        "spirals, 12 layers: fewer epochs at every rate for Swish, Mish, GELU": (
            every["spirals", 12] == {"swish", "mish", "gelu"}
        ),
        "digits, 6 layers: fewer epochs at every rate for ELU, SELU, Mish": (
            every["digits", 6] == {"elu", "selu", "mish"}
        ),
        "digits, 12 layers: fewer epochs at every rate for none": every["digits", 12] == set(),
        "at 6 and 12 layers no activation takes more epochs than ReLU at every rate": not any(
            all(speed[p, d, lr][a] == "more" for lr in LEARNING_RATES)
            for p in PROBLEMS
            for d in deep
            for a in speed[p, d, LEARNING_RATES[0]]
        ),
        "digits: GELU never separated from ReLU in epochs": all(
            speed["digits", d, lr]["gelu"] in ("not separated", "not compared")
            for d in deep
            for lr in LEARNING_RATES
        ),
        "spirals: tanh takes more epochs than ReLU wherever compared": (
            set(tanh_spirals) <= {"more", "not compared"} and "more" in tanh_spirals
        ),
    }
