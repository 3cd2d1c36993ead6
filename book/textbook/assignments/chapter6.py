"""Chapter 6's graded exercises (comparisons, initialisation, batch norm, cost), two variants each."""

import numpy as np
from scipy import stats

import activations as act

from . import Graded


def _chance(k, n, expected):
    """Expected chance separations of k (k - 1) / 2 pairs at |t| > 2; the threshold giving `expected`."""
    pairs, df = k * (k - 1) // 2, 2 * (n - 1)
    return [float(pairs * 2 * stats.t.sf(2, df)), float(stats.t.isf(expected / pairs / 2, df))]


def _welch(a, b):
    """Welch's t of a against b, its degrees of freedom and the chance P(|T| > 2) with them."""
    a, b = np.array(a), np.array(b)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    return [float((a.mean() - b.mean()) / np.sqrt(va + vb)), float(df), float(2 * stats.t.sf(2, df))]


def _folded_bias(b, gamma, beta, mean, var, eps):
    scale = np.array(gamma) / np.sqrt(np.array(var) + eps)
    return scale * (np.array(b) - np.array(mean)) + np.array(beta)


def _tag_loss(z, tags, k):
    targets = np.zeros(k)
    targets[tags] = 1.0
    return float(act.losses.binary_cross_entropy_with_logits(np.array(z), targets))


GRADED = (
    Graded(
        "6.1.1",
        2,
        "chance",
        "A cell of a comparison holds {k} activations, each trained with {n} seeds, and the rule "
        "compares every pair of them. Suppose no activation differs from another and the two spreads "
        "of every pair agree, so that each pair's Welch's $t$ follows Student's $t$ distribution with "
        "Welch's degrees of freedom. Give two numbers, as a list: the expected number of chance "
        "separations among all the pairs of the cell under the rule's threshold $|t| > 2$, and the "
        "threshold $c$ on $|t|$ that, in place of 2, makes that expected number exactly {expected}.",
        "from scipy import stats\n\n"
        "pairs = {k} * ({k} - 1) // 2\n"
        "df = 2 * ({n} - 1)  # Welch's degrees of freedom when the two spreads agree\n"
        "# a pair is separated in either direction: both tails\n"
        "chance = [pairs * 2 * stats.t.sf(2, df), stats.t.isf({expected} / pairs / 2, df)]",
        _chance,
        ({"k": 8, "n": 5, "expected": 1}, {"k": 9, "n": 10, "expected": 0.5}),
    ),
    Graded(
        "6.1.2",
        3,
        "welch",
        "Two set-ups give these accuracies over {n} seeds each: {label_a} `{a}`, {label_b} `{b}`. "
        "With $v_i = s_i^2 / n_i$ for each, the spreads $s_i$ being sample standard deviations as in "
        "the book's tables, Welch's $t$ of {label_a} against {label_b} is the difference of the means "
        "(the mean of {label_a} minus that of {label_b}) over $\\sqrt{{v_1 + v_2}}$, and Welch's "
        "degrees of freedom are "
        "$\\nu = (v_1 + v_2)^2 / \\bigl(v_1^2 / (n_1 - 1) + v_2^2 / (n_2 - 1)\\bigr)$. "
        "Give three numbers, as a list: Welch's $t$, $\\nu$, and the probability that the rule "
        "($|t| > 2$) would separate two such set-ups by chance alone if their true means did not differ "
        "(Student's $t$ with $\\nu$ degrees of freedom).",
        "from scipy import stats\n\n"
        "a, b = np.array({a}), np.array({b})\n"
        "va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)\n"
        "df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))\n"
        "welch = [(a.mean() - b.mean()) / np.sqrt(va + vb), df, 2 * stats.t.sf(2, df)]",
        lambda a, b, n, label_a, label_b: _welch(a, b),
        (
            {
                "n": 5,
                "label_a": "ELU",
                "label_b": "Leaky ReLU",
                "a": [0.957, 0.953, 0.962, 0.951, 0.955],
                "b": [0.944, 0.961, 0.922, 0.938, 0.957],
            },
            {
                "n": 3,
                "label_a": "BN before",
                "label_b": "BN after",
                "a": [0.907, 0.921, 0.926],
                "b": [0.938, 0.935, 0.941],
            },
        ),
    ),
    Graded(
        "6.2.1",
        2,
        "leaky_std",
        "Leaky ReLU with $\\alpha = {alpha}$ passes the negative half of its input scaled by $\\alpha$. "
        "For a layer with $n_\\text{{in}} = {n_in}$ inputs, a symmetric input distribution and weights "
        "drawn from a normal distribution of mean 0, which *standard deviation* of the weights keeps "
        "the variance of the pre-activations constant from layer to layer (the Leaky ReLU version of "
        "He's rule)?",
        "leaky_std = np.sqrt(2 / ((1 + {alpha} ** 2) * {n_in}))",
        lambda alpha, n_in: float(np.sqrt(2 / ((1 + alpha**2) * n_in))),
        ({"alpha": 0.2, "n_in": 64}, {"alpha": 0.3, "n_in": 50}),
    ),
    Graded(
        "6.2.2",
        3,
        "folded_bias",
        "A dense layer with biases `b = {b}` is followed by a batch-normalisation layer in inference "
        "mode with `gamma = {gamma}`, `beta = {beta}`, running mean `mean = {mean}`, running variance "
        "`var = {var}` and `eps = {eps}`. Folded into the dense layer, the two become one dense layer "
        "$W' x + b'$ that gives, for every input $x$, what the batch normalisation gives applied to "
        "$W x + b$. What is the folded bias $b'$ (an array of {units} numbers)?",
        "scale = np.array({gamma}) / np.sqrt(np.array({var}) + {eps})\n"
        "folded_bias = scale * (np.array({b}) - np.array({mean})) + np.array({beta})",
        lambda b, gamma, beta, mean, var, eps, units: _folded_bias(b, gamma, beta, mean, var, eps),
        (
            {
                "b": [0.5, -0.2, 1.0],
                "gamma": [1.5, 0.8, 2.0],
                "beta": [0.1, 0.3, 0.2],
                "mean": [0.4, -1.1, 2.5],
                "var": [0.25, 4.0, 1.44],
                "eps": 1e-05,
                "units": 3,
            },
            {
                "b": [-0.3, 0.7],
                "gamma": [0.5, 1.2],
                "beta": [0.4, -0.1],
                "mean": [0.9, 0.2],
                "var": [0.09, 2.25],
                "eps": 0.001,
                "units": 2,
            },
        ),
    ),
    Graded(
        "6.3.2",
        2,
        "unfused_bytes",
        "NumPy computes `{expression}` on {n_text} {dtype} values as {k} operations: {operations}. "
        "NumPy cannot fuse them: each operation reads every array it takes as input (a scalar such as "
        "1 costs nothing) and writes a new array of the same size. How many bytes move between the "
        "processor and memory in total?",
        "arrays_read = {reads}  # per operation\n"
        "arrays_written = [1] * len(arrays_read)\n"
        "unfused_bytes = (sum(arrays_read) + sum(arrays_written)) * {n} * np.dtype(np.{dtype}).itemsize",
        lambda reads, n, dtype, **_: float((sum(reads) + len(reads)) * n * np.dtype(dtype).itemsize),
        (
            {
                "expression": "1 / (1 + np.exp(-x))",
                "n_text": "$3 \\times 10^6$",
                "n": 3 * 10**6,
                "dtype": "float64",
                "k": "four",
                "operations": "negate, exp, add 1, reciprocal",
                "reads": [1, 1, 1, 1],
            },
            {
                "expression": "x / (1 + np.exp(-x))",
                "n_text": "$10^7$",
                "n": 10**7,
                "dtype": "float32",
                "k": "four",
                "operations": "negate, exp, add 1, divide `x` by the result",
                "reads": [1, 1, 1, 2],
            },
        ),
    ),
    Graded(
        "6.4.1",
        2,
        "photo_loss",
        "A network tags photos with any number of {k} tags: one photo may carry several tags or none. "
        "For one photo, which carries tags {tags_text} (counting from 0), the last layer gives the logits "
        "`{z}`. Choose the output activation and the loss this task calls for, and compute the loss "
        "of this photo from the logits with the package's function for it (`act.losses`), as that "
        "function returns it.",
        "targets = np.zeros({k})\n"
        "targets[{tags}] = 1.0\n"
        "photo_loss = act.losses.binary_cross_entropy_with_logits(np.array({z}), targets)",
        lambda z, tags, k, tags_text: _tag_loss(z, tags, k),
        (
            {"k": 6, "tags": [1, 4], "tags_text": "1 and 4", "z": [-1.2, 2.3, 0.4, -2.8, 1.1, 0.7]},
            {
                "k": 8,
                "tags": [0, 2, 5],
                "tags_text": "0, 2 and 5",
                "z": [0.9, -0.6, 3.1, -1.7, 0.2, -0.4, 2.2, -3.3],
            },
        ),
    ),
)
