"""Checkers of the exercises in chapter 6 (sections 6.1 to 6.4)."""

import numpy as np
from scipy import special

from ... import nn
from .. import comparison
from ._common import CORRECT, NOT_ATTEMPTED, call, check_number, report


def check_chance_separations(answer):
    """Exercise 6.1.1: pairs the two-standard-error rule separates by chance among 9 equal activations."""
    pairs = 9 * 8 // 2
    two_sided = 2 * special.ndtr(-2.0)
    return check_number(
        "6.1.1",
        answer,
        pairs * two_sided,
        {
            pairs
            * two_sided
            / 2: "a difference can fall outside +-2 standard errors on either side: count both tails",
            pairs * 0.05: "P(|Z| > 2) is 0.0455 for a standard normal Z, not 0.05 (that is |Z| > 1.96)",
            81 * two_sided: "9 activations make 9 * 8 / 2 = 36 pairs, not 81",
        },
        "36 pairs, each separated with probability P(|Z| > 2) = 2 (1 - Phi(2)) when nothing differs",
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
        "select the five rows of each activation at depth 12 on the digits, then "
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
        },
        "E[f(z)^2] = (1 + alpha^2) Var(z) / 2 for symmetric z; "
        "choose Var(W) so that n_in Var(W) E[f(z)^2] = Var(z)",
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


def check_output_layer(answer):
    """Exercise 6.4.1: the output activation and loss for multi-label tagging."""
    exercise = "6.4.1"
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    if not isinstance(answer, tuple) or len(answer) != 2:
        return report(exercise, 'answer a pair of names, such as ("softmax", "cross_entropy")')
    activation, loss = (str(part).lower() for part in answer)
    if activation == "softmax":
        return report(
            exercise,
            "softmax makes the tags compete (their probabilities sum to 1), "
            "but a photo can carry several tags",
        )
    if activation != "sigmoid":
        return report(
            exercise, "each tag is a yes/no question of its own: which output answers one of those?"
        )
    if loss not in ("binary_cross_entropy", "binary_cross_entropy_with_logits"):
        return report(
            exercise, "the sigmoid's partner loss, computed from logits, is the binary cross-entropy"
        )
    return report(exercise, CORRECT)
