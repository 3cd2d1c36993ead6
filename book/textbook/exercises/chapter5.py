"""Checkers of the exercises in chapter 5 (sections 5.1 to 5.4)."""

import numpy as np
from scipy import optimize, special, stats

from ._common import check_number


def _silu_steepest():
    """(largest value of silu', where it lies), for x > 0."""
    result = optimize.minimize_scalar(
        lambda x: -special.expit(x) * (1 + x * special.expit(-x)),
        bounds=(0, 6),
        method="bounded",
        options={"xatol": 1e-10},
    )
    return -result.fun, result.x


def check_silu_max_slope(answer):
    """Exercise 5.1.1: by how much SiLU's largest slope exceeds 1, max silu' - 1 (about 0.0998).

    The overshoot, not the slope itself: 1.1, read off a figure, would pass as the slope 1.0998.
    """
    steepest, where = _silu_steepest()
    return check_number(
        "5.1.1",
        answer,
        steepest - 1,
        {
            0.0: "silu' does exceed 1: look for its maximum on x > 0, past x = 2",
            1.0: "silu' tends to 1 for large x, but on the way it rises above 1: give max silu' - 1",
            steepest: "that is the largest slope itself; the question asks by how much it exceeds 1",
            1 - steepest: "the largest slope is above 1, so max silu' - 1 is positive",
            where: "that is where the largest slope lies; the question asks by how much it exceeds 1",
            -0.5: "that is silu'(0) - 1; the largest slope lies further right",
            0.5: "that is the slope at 0; the largest lies further right, and exceeds 1",
        },
        "maximise silu'(x) = sigmoid(x) (1 + x sigmoid(-x)) numerically (a fine grid, or "
        "scipy.optimize.minimize_scalar on -silu'), then subtract 1",
    )


def check_softplus_gap(answer):
    """Exercise 5.1.2: the largest gap between softplus with beta = 10 and ReLU."""
    return check_number(
        "5.1.2",
        answer,
        np.log(2) / 10,
        {np.log(2): "that is the gap for beta = 1; softplus_beta(x) = softplus(beta x) / beta"},
        "the gap softplus(x) - relu(x) = log(1 + e^(-beta |x|)) / beta is largest at x = 0",
    )


def _gelu_minimum(approximate="none"):
    """(GELU's lowest value, where it lies); GELU with the tanh approximation if asked."""
    if approximate == "tanh":

        def gelu(x):
            return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))

        result = optimize.minimize_scalar(gelu, bounds=(-2, 0), method="bounded", options={"xatol": 1e-10})
        return result.fun, result.x
    where = optimize.brentq(lambda x: special.ndtr(x) + x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi), -2, 0)
    return where * special.ndtr(where), where


def check_gelu_minimum(answer):
    """Exercise 5.2.1: how much shallower the dip of x sigmoid(1.702 x) is than GELU's (about 0.00636).

    The approximation is Swish with beta = 1.702, whose minimum is -W(1/e) / 1.702 (section 5.1);
    GELU's minimum comes from solving gelu'(x) = 0 numerically.
    """
    lowest, where = _gelu_minimum()
    c = special.lambertw(np.exp(-1)).real  # SiLU's dip, W(1/e)
    approximation, approximation_where = -c / 1.702, (-1 - c) / 1.702
    return check_number(
        "5.2.1",
        answer,
        approximation - lowest,
        {
            lowest - approximation: "the approximation's dip is the shallower one: its minimum minus "
            "GELU's is positive",
            approximation + 0.17: "GELU's minimum to two digits, -0.17, is too coarse for this "
            "difference: solve gelu'(x) = 0 and evaluate GELU there to full precision",
            approximation - _gelu_minimum("tanh")[0]: "that takes GELU's minimum from the tanh "
            "approximation; use the exact x Phi(x)",
            -c - lowest: "x sigmoid(1.702 x) is Swish with beta = 1.702: its minimum is SiLU's, "
            "-W(1/e), divided by 1.702",
            -c * 1.702 - lowest: "x sigmoid(1.702 x) is Swish with beta = 1.702: its minimum is "
            "SiLU's, -W(1/e), divided by 1.702, not multiplied",
            approximation_where - where: "that compares where the two minima lie; the question asks "
            "for the difference of their values",
            lowest: "that is GELU's minimum; subtract it from the approximation's",
            approximation: "that is the approximation's minimum; subtract GELU's from it",
            where: "that is where GELU's minimum lies; the question asks about the values",
        },
        "solve gelu'(x) = Phi(x) + x phi(x) = 0 numerically (scipy.optimize.brentq), evaluate GELU there, "
        "and subtract that from -W(1/e) / 1.702",
    )


def check_slope_matching_constant(answer):
    """Exercise 5.2.2: the k for which sigmoid(k x) has the slope of Phi(x) at 0."""
    return check_number(
        "5.2.2",
        answer,
        4 / np.sqrt(2 * np.pi),
        {
            1.702: "1.702 keeps sigmoid(k x) closest to Phi(x) overall; matching slopes at 0 gives another k",
            1 / np.sqrt(2 * np.pi): "that is Phi'(0); sigmoid(k x) has slope k/4 at 0, so k = 4 Phi'(0)",
        },
        "the slope of sigmoid(k x) at 0 is k sigmoid'(0) = k/4; set it equal to phi(0) = 1/sqrt(2 pi)",
    )


def check_gated_width(answer):
    """Exercise 5.3.1: the SwiGLU width with as many parameters as an ungated block, biases included.

    d = 16, h = 64; ungated: 2 d h weights, biases h and d; gated: 3 d h' weights, biases 2 h' and d,
    so h' = (2 d h + h) / (3 d + 2) = 42.24. Every slip below lands at least 0.3 away, so 3 digits
    tell each apart from the answer and from the others.
    """
    d, h = 16, 64
    return check_number(
        "5.3.1",
        answer,
        (2 * d * h + h) / (3 * d + 2),
        {
            2 / 3 * h: "that counts the weights only; add the biases of both blocks",
            (2 * d * h + h) / (3 * d + 1): "the gated block has two bias vectors of length h', one for W "
            "and one for V",
            (2 * d * h + h) / (3 * d): "the gated block has biases too: two vectors of length h' (and the "
            "output's, of length d)",
            (2 * d * h + h + d) / (3 * d + 3): "the output bias has length d, not h': the gated block has "
            "two bias vectors of length h' and one of length d",
            (2 * d * h + h + d) / (3 * d + 2): "the output bias (length d) is in the gated block as well: "
            "it cancels",
            (2 * d * h + h - d) / (3 * d + 2): "the output bias (length d) is in the ungated block as well: "
            "it cancels",
            2 * d * h / (3 * d + 2): "the ungated block's hidden layer has a bias vector too, of length h",
            h: "the gated block has three matrices, not two: it needs a smaller hidden width",
            h / 2: "the gated block has three d x h' matrices against two: not half the width",
        },
        "count both blocks' parameters, weights and biases, set them equal and solve for h'",
    )


def check_hard_swish_slope(answer):
    """Exercise 5.3.2: hard_swish'(1), derived by hand."""
    return check_number(
        "5.3.2",
        answer,
        5 / 6,
        {
            4 / 6: "differentiate x (x + 3) / 6 with the product rule: (x + 3)/6 + x/6",
            1 / 6: "that is the hard sigmoid's slope; hard_swish has an extra factor x",
        },
        "on (-3, 3), hard_swish(x) = x (x + 3) / 6: differentiate and put x = 1",
    )


def check_welch_t(answer):
    """Exercise 5.4.1: Welch's t statistic for two lists of per-seed accuracies."""
    a = np.array([0.976, 0.972, 0.978, 0.974, 0.975])
    b = np.array([0.971, 0.975, 0.969, 0.973, 0.970])
    t = (a.mean() - b.mean()) / np.sqrt(a.var(ddof=1) / 5 + b.var(ddof=1) / 5)
    population = (a.mean() - b.mean()) / np.sqrt(a.var() / 5 + b.var() / 5)
    return check_number(
        "5.4.1",
        answer,
        t,
        {population: "use the sample variance, with n - 1 (ddof=1)", -t: "subtract b's mean from a's"},
        "t = (mean(a) - mean(b)) / sqrt(var(a) / 5 + var(b) / 5), with sample variances",
    )


def check_chance_threshold(answer):
    """Exercise 5.4.2: the threshold c (in standard errors) at which 21 pairs give 0.05 chance separations.

    Student's t with 8 degrees of freedom (5 seeds each, equal spreads): 21 P(|t| > c) = 0.05.
    """
    pairs, expected_count, df = 21, 0.05, 8
    per_tail = expected_count / pairs / 2
    normal = stats.norm.isf(per_tail)
    one_tail = stats.t.isf(2 * per_tail, df)
    four_df = stats.t.isf(per_tail, 4)
    one_pair = stats.t.isf(0.025, df)
    return check_number(
        "5.4.2",
        answer,
        stats.t.isf(per_tail, df),
        {
            normal: "that is the normal distribution's threshold; with 5 seeds, t's heavier tails need more",
            one_tail: "|t| > c happens in either tail: each tail gets half the probability",
            four_df: "that uses 4 degrees of freedom; equal spreads with 5 seeds each give 8",
            one_pair: "that keeps the chance at 0.05 for one pair; the 21 pairs together are to give 0.05",
            2.0: "that is the rule's threshold, which lets through about 1.7 chance separations here",
        },
        "solve 21 P(|t| > c) = 0.05 for c, with t from Student's t distribution, 8 degrees of freedom "
        "(scipy.stats.t.isf gives the point beyond which a tail holds a given probability)",
    )
