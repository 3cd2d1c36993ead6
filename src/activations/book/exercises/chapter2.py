"""Checkers of the exercises in chapter 2 (sections 2.1 and 2.2)."""

import warnings

import numpy as np

from ...functions import sigmoid
from ._common import CORRECT, NOT_ATTEMPTED, call, check_number, report


def check_tanh_slope(answer):
    """Exercise 2.1.1: tanh'(x) at a point where tanh(x) = 0.6, worked out by hand."""
    return check_number(
        "2.1.1",
        answer,
        0.64,
        {
            0.4: "tanh' = 1 - tanh^2: square 0.6 before subtracting it from 1",
            0.24: "t (1 - t) is the sigmoid's rule; tanh's is 1 - t^2",
        },
        "use tanh'(x) = 1 - tanh(x)^2 with tanh(x) = 0.6; you do not need x itself",
    )


def check_stable_sigmoid(my_sigmoid):
    """Exercise 2.1.2: a sigmoid that is accurate and warns for no input, however large."""
    exercise = "2.1.2"
    x = np.array([-1000.0, -745.0, -40.0, -1.0, 0.0, 1.0, 40.0, 745.0, 1000.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning becomes an exception we can report
        answer, hint = call(my_sigmoid, x.copy())
    if hint:
        overflow = "overflow" in hint
        return report(
            exercise,
            "your sigmoid overflows: exp(-x) is inf for x = -1000; compute exp of -|x| only"
            if overflow
            else hint,
        )
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    answer = np.asarray(answer, dtype=float)
    if answer.shape != x.shape:
        return report(exercise, f"return one value per input: shape {x.shape}, not {answer.shape}")
    expected = sigmoid(x)
    wrong = ~np.isclose(answer, expected, rtol=1e-12, atol=1e-300)
    if np.any(wrong):
        i = int(np.argmax(wrong))
        return report(
            exercise, f"at x = {x[i]:g} you return {answer[i]:.6g}, but sigmoid(x) = {expected[i]:.6g}"
        )
    return report(exercise, CORRECT)


def check_saturated_depth_bound(answer):
    """Exercise 2.2.1: the largest product of 10 sigmoid slopes when every |z| >= 2."""
    slope = float(sigmoid.grad(2.0))
    return check_number(
        "2.2.1",
        answer,
        slope**10,
        {
            0.25**10: "0.25^10 needs every z = 0; here |z| >= 2, and sigmoid' falls away from 0",
            10 * slope: "the ten slopes multiply along the chain rule; they do not add up",
        },
        "sigmoid' is largest where |z| is smallest: at |z| = 2, take it to the 10th power",
        rtol=1e-3,
    )


def check_learning_rate_limit(answer):
    """Exercise 2.2.2: the learning rate above which gradient descent on L(w) = 2 (w - 1)^2 diverges."""
    return check_number(
        "2.2.2",
        answer,
        0.5,
        {
            0.25: "with 0.25 one step lands exactly on the minimum; the limit is where |1 - 4 lr| = 1",
            1.0: "L''(w) = 4, not 2: L(w) = 2 (w - 1)^2 has derivative 4 (w - 1)",
        },
        "one step multiplies w - 1 by (1 - lr L''); it grows when that factor exceeds 1 in size",
    )
