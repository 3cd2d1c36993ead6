"""Checkers of the exercises in chapter 4 (sections 4.1 to 4.3)."""

import numpy as np

from activations.losses import logsumexp, softmax

from ._common import (
    CORRECT,
    NOT_ATTEMPTED,
    agrees,
    call,
    check_number,
    check_parts,
    report,
    significant_digits,
)


def check_underflow_gap(answer):
    """Exercise 4.1.1: the logit gap d beyond which softmax([0, d])[0] is exactly 0 in float64."""
    return check_number(
        "4.1.1",
        answer,
        1075 * np.log(2),
        {
            1074 * np.log(2): "2^-1074 is the smallest subnormal; exp(-d) is 0 at half of it or less",
            np.log(np.finfo(float).max): "709.78 is where exp overflows; here exp(-d) underflows",
            -np.log(np.finfo(float).tiny): "2.2e-308 is the smallest normal float; subnormals go lower",
        },
        "softmax([0, d])[0] = exp(-d) / (1 + exp(-d)) after subtracting the max: when is exp(-d) == 0?",
    )


def check_temperature_for(answer):
    """Exercise 4.1.2: the T for which softmax([0, 1] / T) gives 0.9 to the second class."""
    return check_number(
        "4.1.2",
        answer,
        1 / np.log(9),
        {np.log(9): "you found 1/T; T is its reciprocal", 0.9: "T is not the probability: solve for it"},
        "with two classes, p_2 = sigmoid(1/T); solve sigmoid(u) = 0.9 for u",
    )


def _entries_agree(values, expected, at_least=3):
    """The book's rule for numbers, entry by entry: each entry right to the digits it gives.

    With ``at_least=3`` this is the rule of ``check_number`` (3 to 4 digits judged); with
    ``at_least=1`` an entry written to fewer digits is judged to those digits only.
    """
    return all(
        agrees(v, e, min(max(significant_digits(v), at_least), 4))
        for v, e in zip(values, expected, strict=True)
    )


def check_soft_target_gradient(answer):
    """Exercise 4.2.1: dL/dz of the cross-entropy for z = (2, 0, -1) and soft target t = (0.8, 0.1, 0.1).

    Each entry is judged by the rule of ``check_number``: right to 3 or more significant digits.
    """
    exercise = "4.2.1"
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    try:
        g = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return report(exercise, f"give three numbers, not {answer!r}")
    if g.shape != (3,):
        return report(exercise, f"the gradient has one entry per logit: shape (3,), not {g.shape}")
    if not np.all(np.isfinite(g)):
        return report(exercise, "give finite numbers")
    z, t = np.array([2.0, 0.0, -1.0]), np.array([0.8, 0.1, 0.1])
    p = softmax(z)
    if _entries_agree(g, p - t):
        return report(exercise, CORRECT)
    if _entries_agree(g, p - t, at_least=1):  # right, but some entry has fewer than 3 digits
        return report(exercise, "right as far as it goes; give every entry to at least 3 significant digits")
    if _entries_agree(g, t - p):
        return report(exercise, "the sign is flipped: it is p - t, prediction minus target")
    if _entries_agree(g, p - np.array([1.0, 0.0, 0.0])):
        return report(exercise, "that is the gradient for a one-hot target; use the soft target t")
    return report(
        exercise, "compute p = softmax(z) first; the derivation gives dL/dz = p - t for any t summing to 1"
    )


def check_confident_gradient_limit(answer):
    """Exercise 4.2.2: the limit of |dL/dz| (cross-entropy, ten classes, true class 0) as the logits
    of two wrong classes, 1 and 2, both grow to +infinity."""
    return check_number(
        "4.2.2",
        answer,
        np.sqrt(1.5),
        {
            np.sqrt(2): "that is the limit with one wrong class; here two wrong classes grow together",
            np.sqrt(3): "the two wrong classes share the probability: their p cannot both approach 1",
            np.sqrt(1.25): "both wrong classes count in the norm, not only one of them",
            1.5: "that is the squared norm; the question asks for the norm",
            1.0: "the true class's entry is -1, but the wrong classes' entries do not vanish",
        },
        "find the limit of p as s grows (it sums to 1), then take the Euclidean norm of p - t",
    )


def check_three_class_logit(sigmoid_argument):
    """Exercise 4.3.1: sigmoid_argument(a, b, c) = u with softmax([a, b, c])[0] = sigmoid(u)."""
    exercise = "4.3.1"
    rng = np.random.default_rng(43)
    # five moderate cases, then one whose naive exponentials overflow
    cases = np.vstack([rng.normal(0, 3, size=(5, 3)), [[0.0, 1000.0, 999.0], [0.0, 0.0, 1000.0]]])
    answers = []
    for a, b, c in cases:
        with np.errstate(all="ignore"):
            answer, hint = call(sigmoid_argument, float(a), float(b), float(c))
        if hint:
            return report(exercise, hint)
        if answer is None:
            return report(exercise, NOT_ATTEMPTED)
        try:
            answers.append(float(answer))
        except (TypeError, ValueError):
            return report(exercise, f"return one number, not {answer!r}")
    answers = np.array(answers)
    expected = cases[:, 0] - logsumexp(cases[:, 1:], axis=1)
    if np.allclose(answers, expected, atol=1e-9):
        return report(exercise, CORRECT)
    moderate, a, b, c = slice(0, 5), cases[:5, 0], cases[:5, 1], cases[:5, 2]
    if np.allclose(answers[moderate], expected[moderate], atol=1e-9):
        return report(
            exercise, "right for moderate logits, but not for (0, 1000, 999) or (0, 0, 1000): use logsumexp"
        )
    if np.allclose(answers[moderate], -expected[moderate], atol=1e-9):
        return report(exercise, "the sign is flipped: u = a - log(e^b + e^c), so a larger a gives a larger u")
    if np.allclose(answers[moderate], a - np.maximum(b, c), atol=1e-9):
        return report(exercise, "max(b, c) is only an approximation of log(e^b + e^c)")
    if np.allclose(answers[moderate], a - b - c, atol=1e-9):
        return report(exercise, "the other classes enter through e^b + e^c, not b + c")
    return report(exercise, "write p_0 = 1 / (1 + e^(b - a) + e^(c - a)) and compare with 1 / (1 + e^(-u))")


def check_score_variance(variance, divisor=None):
    """Exercise 4.3.2: (a) Var(q . k) for independent zero-mean entries, Var(q_i) = 3, Var(k_i) = 0.5,
    d = 64; (b) the number the score must be divided by to have variance 1.

    Part (b) is reported once it is answered; until then the verdict on (a) is printed alone. Both
    parts right print one line, "Exercise 4.3.2: correct". A value within sampling error of the exact
    one (10 % for the variance: 1,000 sampled scores are often 5 % off; 5 % for its square root) but
    not right to 3 digits is told that it looks sampled.
    """
    if divisor is None:  # part (b) not answered yet: part (a)'s verdict alone
        return _check_score_variance_a(variance)
    return check_parts(
        "4.3.2", lambda: _check_score_variance_a(variance), lambda: _check_score_variance_b(divisor)
    )


def _check_score_variance_a(variance):
    return check_number(
        "4.3.2 (a)",
        variance,
        96,
        {
            64: "64 = d assumes unit variances; the variances 3 and 0.5 enter every product q_i k_i",
            np.sqrt(96): "that is the standard deviation; the variance is its square",
            1.5: "each product q_i k_i has variance 3 x 0.5 = 1.5, but the score adds 64 of them",
            224: "the variances of q_i and k_i multiply in a product, they do not add",
        },
        "for independent zero-mean factors Var(q_i k_i) = E[q_i^2] E[k_i^2]; independent terms add variances",
        # 1,000 sampled scores are often 5 % off
        sampled=(
            0.10 * 96,
            "this looks like a sampled estimate, which is off by its sampling error; the exercise asks "
            "for the exact variance: derive it from Var(q_i k_i) and the 64 terms (sampling only checks it)",
        ),
    )


def _check_score_variance_b(divisor):
    return check_number(
        "4.3.2 (b)",
        divisor,
        np.sqrt(96),
        {
            8: "8 = sqrt(d) assumes Var(q_i) Var(k_i) = 1, which is not the case here",
            96: "dividing by the variance leaves a variance of 1/96: divide by the standard deviation",
            np.sqrt(64 * 3.5): "the variances of q_i and k_i multiply in a product, they do not add",
        },
        "dividing a random variable by c divides its variance by c^2",
        sampled=(
            0.05 * np.sqrt(96),
            "this looks like the square root of a sampled variance; the exercise asks for the exact "
            "number: take it from the exact variance of part (a)",
        ),
    )
