"""Checkers of the exercises in chapter 2 (sections 2.1 and 2.2)."""

import warnings

import numpy as np

from activations.functions import sigmoid

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


def check_tanh_sigmoid_factor(answer):
    """Exercise 2.1.3: the constant c in tanh'(x) = c sigmoid'(2x), from tanh(x) = 2 sigmoid(2x) - 1."""
    return check_number(
        "2.1.3",
        answer,
        4.0,
        {
            2.0: "the chain rule gives a second factor 2: the derivative of 2x",
            1.0: "differentiate 2 sigmoid(2x): both the outer 2 and the inner 2x contribute a factor",
            0.25: "that is sigmoid'(0); the question asks for the factor c in front of sigmoid'(2x)",
        },
        "differentiate tanh(x) = 2 sigmoid(2x) - 1 with the chain rule; check at x = 0, where tanh' = 1",
    )


def check_log_sigmoid(log_sigmoid):
    """Exercise 2.1.2: ln sigmoid(x), accurate for every input and without a warning."""
    exercise = "2.1.2"
    x = np.array([-1000.0, -745.0, -740.0, -40.0, -1.0, 0.0, 1.0, 40.0, 745.0, 1000.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # overflow or log(0) becomes an exception we can report
        answer, hint = call(log_sigmoid, x.copy())
    if hint:
        if "overflow" in hint:
            hint = "exp(-x) overflows for x = -1000: compute exp of -|x| only"
        elif "divide by zero" in hint:
            hint = "log(0): sigmoid(x) underflows to 0 below about -745; take min(x, 0) out of the log"
        return report(exercise, hint)
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return report(exercise, "return an array of numbers, one per input")
    if answer.shape != x.shape:
        return report(exercise, f"return one value per input: shape {x.shape}, not {answer.shape}")
    expected = -np.logaddexp(0.0, -x)  # ln sigmoid(x) = -ln(1 + e^-x), exactly
    # relative accuracy everywhere, down to ln sigmoid(40) = -4.2e-18
    wrong = ~np.isclose(answer, expected, rtol=1e-12, atol=0.0)
    if np.any(wrong):
        i = int(np.argmax(wrong))
        message = f"at x = {x[i]:g} you return {answer[i]:.6g}, but ln sigmoid(x) = {expected[i]:.6g}"
        if x[i] > 0 and answer[i] == 0:
            message += "; ln(1 + u) of a tiny u needs np.log1p(u), not np.log(1 + u)"
        return report(exercise, message)
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
    )


def check_sigmoid_gradient_scale(answer):
    """Exercise 2.2.2: the std s of N(0, s^2) weights giving a 32-unit sigmoid layer a gradient factor 1."""
    n = 32
    return check_number(
        "2.2.2",
        answer,
        4 / np.sqrt(n),
        {
            16 / n: "that is Var(W), from n Var(W) (1/4)^2 = 1; s is its square root",
            1 / np.sqrt(n): "1/sqrt(32) is Xavier's here: it leaves the slope's factor 1/4 uncorrected, "
            "the 0.24 per layer of the text",
            2 / np.sqrt(n): "E[f'(z)^2] is the square of the slope: (1/4)^2 = 1/16, not 1/4",
            4.0: "the weights' share is n Var(W): divide by n = 32",
        },
        "set n Var(W) E[f'(z)^2] = 1 with f'(z) = sigmoid'(0) = 1/4 and n = 32, then take the square root",
    )
