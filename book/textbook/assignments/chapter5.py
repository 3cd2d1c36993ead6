"""Chapter 5's graded exercises (smooth activations and a fair comparison), in two variants each."""

import numpy as np
from scipy import optimize, special, stats

import activations as act

from . import Graded


def _steepest_swish(beta):
    """Where on x > 0 the slope of swish with this beta is largest."""
    result = optimize.minimize_scalar(
        lambda x: -act.swish.grad(x, beta=beta),
        bounds=(0, 12 / beta),
        method="bounded",
        options={"xatol": 1e-12},
    )
    return float(result.x)


def _approximation_minus_gelu(k):
    """The minimum of x sigmoid(k x), Swish with beta = k, minus GELU's minimum."""
    where = optimize.brentq(act.gelu.grad, -2, 0, xtol=1e-14)
    return float(-special.lambertw(np.exp(-1)).real / k - act.gelu(where))


def _welch_t(a, b, n):
    a, b = np.array(a), np.array(b)
    return float((a.mean() - b.mean()) / np.sqrt(a.var(ddof=1) / n + b.var(ddof=1) / n))


GRADED = (
    Graded(
        "5.1.1",
        2,
        "steepest_x",
        "The slope of $\\operatorname{{swish}}_\\beta(x) = x\\,\\sigma(\\beta x)$ rises above 1 on $x > 0$ "
        "before it settles back to 1. For $\\beta = {beta}$, at which $x$ is the slope largest? Find it "
        "numerically (`act.swish.grad(x, beta=...)` gives the slope), to 3 significant digits.",
        "x = np.linspace(0, 12 / {beta}, 1_200_001)\n"
        "steepest_x = float(x[np.argmax(act.swish.grad(x, beta={beta}))])",
        lambda beta: _steepest_swish(beta),
        ({"beta": 2.0}, {"beta": 0.5}),
    ),
    Graded(
        "5.1.2",
        1,
        "softplus_gap",
        "What is the largest gap "
        "$\\max_x\\,(\\operatorname{{softplus}}_\\beta(x) - \\operatorname{{relu}}(x))$ between "
        "$\\operatorname{{softplus}}_\\beta(x) = \\ln(1 + e^{{\\beta x}}) / \\beta$ and ReLU for "
        "$\\beta = {beta}$?",
        "softplus_gap = np.log(2) / {beta}",
        lambda beta: float(np.log(2) / beta),
        ({"beta": 4.0}, {"beta": 0.5}),
    ),
    Graded(
        "5.2.1",
        3,
        "dip_difference",
        "The approximation $x\\,\\sigma({k}\\,x)$ of GELU is Swish with $\\beta = {k}$, so its minimum "
        "follows from SiLU's by the scaling of section 5.1. Find GELU's minimum by solving "
        "$\\operatorname{{gelu}}'(x) = 0$ numerically for $x < 0$ and evaluating GELU there. Give the "
        "approximation's minimum value minus GELU's minimum value.",
        "from scipy import optimize, special\n"
        "\n"
        "x_min = optimize.brentq(act.gelu.grad, -2, 0)\n"
        "dip_difference = -special.lambertw(np.exp(-1)).real / {k} - float(act.gelu(x_min))",
        lambda k: _approximation_minus_gelu(k),
        ({"k": 1.6}, {"k": 1.65}),
    ),
    Graded(
        "5.3.1",
        2,
        "gated_width",
        "A Transformer with $d = {d}$ uses an ungated feed-forward block with hidden width $h = {h}$ "
        "and biases on both layers (a vector of $h$ on the hidden layer, of $d$ on the output). Its "
        "SwiGLU replacement has biases on both projections $W$ and $V$ and on the output. Which hidden "
        "width $h'$ gives the SwiGLU block exactly as many parameters, weights and biases? Give the "
        "solution of that equation, which need not be a whole number.",
        "gated_width = (2 * {d} * {h} + {h}) / (3 * {d} + 2)",
        lambda d, h: (2 * d * h + h) / (3 * d + 2),
        ({"d": 32, "h": 128}, {"d": 24, "h": 96}),
    ),
    Graded(
        "5.4.1",
        2,
        "t_statistic",
        "Two activations give these test accuracies over {n} seeds: A: {a} and B: {b}. Compute the "
        "difference of the means divided by its standard error, "
        "$(\\bar a - \\bar b) / \\sqrt{{s_a^2/{n} + s_b^2/{n}}}$, with sample variances (`ddof=1`).",
        "a = np.array({a})\n"
        "b = np.array({b})\n"
        "t_statistic = (a.mean() - b.mean()) / np.sqrt(a.var(ddof=1) / {n} + b.var(ddof=1) / {n})",
        lambda a, b, n: _welch_t(a, b, n),
        (
            {
                "a": [0.912, 0.905, 0.918, 0.909, 0.914],
                "b": [0.903, 0.908, 0.899, 0.906, 0.901],
                "n": 5,
            },
            {"a": [0.861, 0.866, 0.858, 0.870], "b": [0.872, 0.869, 0.877, 0.874], "n": 4},
        ),
    ),
    Graded(
        "5.4.2",
        3,
        "chance_threshold",
        "A comparison of {m} activations tests every pair of them, with {seeds} seeds per activation, "
        "and separates a pair when their means differ by more than $c$ standard errors of the "
        "difference. Which threshold $c$ makes the expected number of pairs separated by chance alone "
        "{expected}? Take Student's $t$ with Welch's degrees of freedom when the two spreads agree, "
        "$2(n - 1)$ for $n$ seeds each.",
        "from scipy import stats\n"
        "\n"
        "pairs = {m} * ({m} - 1) // 2\n"
        "chance_threshold = stats.t.isf({expected} / (2 * pairs), 2 * ({seeds} - 1))",
        lambda m, seeds, expected: float(stats.t.isf(expected / (m * (m - 1)), 2 * (seeds - 1))),
        ({"m": 6, "seeds": 4, "expected": 0.05}, {"m": 8, "seeds": 5, "expected": 0.1}),
    ),
)
