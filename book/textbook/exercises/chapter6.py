"""Checkers of the exercises in chapter 6 (sections 6.1 to 6.4)."""

import numpy as np
from scipy import special, stats

from activations import losses, nn
from textbook import checklist, comparison

from ._common import CORRECT, NOT_ATTEMPTED, call, check_number, report


def check_one_chance_separation(answer):
    """Exercise 6.1.1: the threshold on |t| that gives one chance separation per cell of 36 pairs.

    Five seeds each and equal spreads: Welch's degrees of freedom are 2 (5 - 1) = 8.
    """
    pairs, df = 9 * 8 // 2, 2 * (5 - 1)
    return check_number(
        "6.1.1",
        answer,
        stats.t.isf(1 / pairs / 2, df),
        {
            float(special.ndtri(1 - 1 / pairs / 2)): "that is the normal distribution's threshold; with five "
            "seeds the standardised difference follows Student's t, whose tails are heavier",
            float(stats.t.isf(1 / pairs, df)): "a pair can be separated in either direction: "
            "count both tails",
            float(stats.t.isf(1 / pairs / 2, 5 - 1)): "Welch's degrees of freedom for two samples "
            "of five with equal spreads are 2 (5 - 1), not 5 - 1",
        },
        "find c with 36 P(|T| > c) = 1 for T ~ Student's t with 2 (5 - 1) degrees of freedom",
    )


def welch_t(problem, depth, a, b):
    """Welch's t of activation a against b: test accuracies over seeds in the stored comparison."""
    table = comparison.load("comparison")
    return comparison.welch_t(
        comparison.runs(table, problem, depth, a), comparison.runs(table, problem, depth, b)
    )


def check_welch_from_table(answer):
    """Exercise 6.1.2: Welch's t of tanh against sigmoid at depth 12 on the digits, from the table."""
    t = welch_t("digits", 12, "tanh", "sigmoid")
    return check_number(
        "6.1.2",
        answer,
        t,
        {-t: "subtract sigmoid's mean from tanh's, not the other way round"},
        "comparison.runs gives each activation's five test accuracies at its chosen rate, then "
        "(mean_a - mean_b) / sqrt(var_a / 5 + var_b / 5) with sample variances",
    )


def check_leaky_he_variance(answer):
    """Exercise 6.2.1: the weight variance that keeps Leaky ReLU (alpha 0.1) layers of 32 inputs stable."""
    alpha, n_in = 0.1, 32
    return check_number(
        "6.2.1",
        answer,
        2 / ((1 + alpha**2) * n_in),
        {
            2 / n_in: "that is He's variance for ReLU; now the negative half passes alpha^2 of its variance",
            1 / n_in: "that is LeCun's variance, for a unit that passes all of its input's variance",
            2
            / (
                (1 + alpha) * n_in
            ): "the negative half contributes alpha^2 E[z^2 | z<0] / 2, not alpha times it",
            1 / ((1 + alpha**2) * n_in): "only half of the inputs are positive and half negative: "
            "each half's share carries a factor 1/2",
            1
            / (
                n_in * ((1 + alpha**2) / 2 - (1 - alpha) ** 2 / (2 * np.pi))
            ): "that uses the variance of f(z) for Gaussian z; with zero-mean weights the next layer "
            "receives the mean of f(z)^2, which includes the square of f's nonzero mean",
        },
        "work out the mean of f(z)^2 from the positive and the negative half of the inputs, then "
        "choose Var(W) so that n_in Var(W) times it gives back Var(z)",
    )


def check_fold_batch_norm(fold):
    """Exercise 6.2.2: fold an inference-mode batch-normalisation layer into the dense layer before it."""
    exercise = "6.2.2"
    rng = np.random.default_rng(62)
    dense = nn.Dense(5, 4, nn.he_normal, rng)
    dense.b[:] = rng.normal(size=4)
    bn = nn.BatchNorm(4)
    bn.gamma[:], bn.beta[:] = rng.uniform(0.5, 2, 4), rng.normal(size=4)
    bn.running_mean[:], bn.running_var[:] = rng.normal(size=4), rng.uniform(0.5, 3, 4)
    bn.training = False
    X = rng.normal(size=(7, 5))
    expected = bn.forward(dense.forward(X))
    result, hint = call(fold, dense.W, dense.b, bn.gamma, bn.beta, bn.running_mean, bn.running_var, bn.eps)
    if hint:
        return report(exercise, hint)
    if result is None:
        return report(exercise, NOT_ATTEMPTED)
    try:
        W, b = (np.asarray(part, dtype=float) for part in result)
    except (TypeError, ValueError):
        return report(exercise, "return the pair (W_folded, b_folded)")
    if W.shape != dense.W.shape or b.shape != dense.b.shape:
        return report(exercise, f"W_folded must have shape {dense.W.shape} and b_folded {dense.b.shape}")
    got = X @ W.T + b
    if np.allclose(got, expected, rtol=1e-10, atol=1e-12):
        return report(exercise, CORRECT)
    scale = bn.gamma / np.sqrt(bn.running_var + bn.eps)
    if np.allclose(X @ (W / scale[:, None]).T, X @ dense.W.T, rtol=1e-10):
        return report(exercise, "W is right; the bias must absorb the mean: b' = scale (b - mean) + beta")
    return report(
        exercise,
        "scale each row i of W by gamma_i / sqrt(var_i + eps); the bias too, after subtracting the mean",
    )


def check_flops_per_value(answer):
    """Exercise 6.3.1: the flops per value below which a float32 activation is memory-bound on a GPU."""
    bandwidth, flops = 2e12, 60e12
    bytes_per_value = 8  # read 4 bytes, write 4 bytes
    return check_number(
        "6.3.1",
        answer,
        flops / (bandwidth / bytes_per_value),
        {
            flops / (bandwidth / 4): "each value is read (4 bytes) and written (4 bytes): 8 bytes per value",
            flops
            / bandwidth: "divide the flop rate by the number of values per second, not bytes per second",
        },
        "values per second = bandwidth / 8 bytes; flops per value = flop rate / values per second",
    )


def check_fused_bytes(answer):
    """Exercise 6.3.2: bytes moved by the unfused NumPy sigmoid 1 / (1 + exp(-x)) over 10^7 float32 values."""
    passes, n, bytes_per_value = 4, 10**7, 4
    return check_number(
        "6.3.2",
        answer,
        passes * 2 * n * bytes_per_value,
        {
            2
            * n
            * bytes_per_value: "that is the fused kernel: one read and one write; NumPy makes four passes",
            passes * n * bytes_per_value: "every pass reads one array and writes another: count both",
            passes * 2 * n * 8: "float32 values are 4 bytes",
        },
        "negate, exp, add 1, reciprocal: four passes, each reading and writing 10^7 values of 4 bytes",
    )


def tagging_example():
    """Exercise 6.4.1: the 20 logits of one photo and its targets (1 for each of its 3 tags)."""
    rng = np.random.default_rng(641)
    logits = np.round(rng.normal(0.0, 2.0, size=20), 2)
    targets = np.zeros(20)
    targets[[0, 3, 11]] = 1.0
    return logits, targets


def check_multilabel_loss(answer):
    """Exercise 6.4.1: the loss of one photo of a multi-label tagger, as the package computes it."""
    logits, targets = tagging_example()
    compete = (
        "a softmax makes the tags compete for one unit of probability, but a photo can carry several tags"
    )
    probabilities = special.expit(logits)
    per_tag = losses.binary_cross_entropy_with_logits(logits, targets)
    return check_number(
        "6.4.1",
        answer,
        per_tag,
        {
            float(losses.cross_entropy(logits, targets / targets.sum())): compete,
            float(-np.sum(targets * losses.log_softmax(logits))): compete,
            float(per_tag * logits.size): "the package's losses are means over every entry, "
            "here the 20 outputs, not sums",
            float(losses.mse(probabilities, targets)): "squared error after a squashing output "
            "learns slowly where the output saturates (section 4.2): which loss goes with it?",
            float(losses.binary_cross_entropy_with_logits(logits, 1 - targets)): "the target of a "
            "tag the photo carries is 1, of the others 0",
        },
        "does a photo's set of tags make one choice among 20, or 20 separate choices? "
        "Choose the output and the loss that fit, then compute the loss from the logits",
    )


def check_checklist_finding(answer, model, X, y, history):
    """Exercise 6.4.2: the measurement behind the one checklist item the swapped sigmoid network fails.

    ``model``, ``X``, ``y`` and ``history`` are the network the reader diagnoses, as the notebook
    built and trained it, with its training data and its history: the checker measures that network
    and holds no settings of its own. The item is the gradient ratio across the layers: the first
    dense layer's gradient norm over the last one's, on the training data, after training.
    """
    if answer is None:
        return report("6.4.2", NOT_ATTEMPTED)
    numbers = checklist.measure(model, X, y, history)
    after = model.gradient_norms(X, y)
    X_val, y_val = comparison.split("digits")[1], comparison.split("digits")[4]
    validation = model.gradient_norms(X_val, y_val)
    other = "which measurement crosses its item's threshold?"
    return check_number(
        "6.4.2",
        answer,
        numbers["gradient_ratio"],
        {
            float(after[-1] / after[0]): "that is the last layer's gradient norm over the first's; "
            "the checklist divides the first dense layer's by the last one's",
            float(after[0] / after[-2]): "the last dense layer is the output layer, "
            "dense_layers[-1], not the last hidden one",
            float(after[1] / after[-1]): "the first dense layer, the one that receives the images, "
            "is dense_layers[0]: Python counts from 0",
            float(after[0]): "that is the first layer's gradient norm alone; the item compares it "
            "with the last layer's",
            float(validation[0] / validation[-1]): "that is measured on the validation "
            "digits; the checklist measures on the training data, X and y",
            float(np.log10(numbers["gradient_ratio"])): "give the ratio itself, not its logarithm",
            numbers["logit_spread"]: "that is the spread of the logits, inside its band "
            f"(10^-3 to 10^3): {other}",
            float(np.nanmax(numbers["flat"])): "that is the largest flat fraction, far below its "
            f"threshold of one half: {other}",
            0.0: f"no unit is dead, and the item needs more than a quarter of a layer: {other}",
            numbers["loss"]: "that is the loss, which shows that the network does not train, not why: "
            "which item does checklist.verdicts report?",
        },
        "run checklist.measure on the trained network and checklist.verdicts on its result; the item "
        "it reports names the measurement to give, as measure returns it",
    )
