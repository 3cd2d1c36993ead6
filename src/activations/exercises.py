"""Checkers for the exercises at the end of every notebook.

Each ``check_...`` function takes what the reader wrote (a function or a
value) and prints one line: "not attempted yet", "correct", or a hint aimed
at the usual mistake. It returns nothing, so a notebook cell shows only that
line. A checker never raises because of the reader's answer: an exception in
the reader's code is reported as a hint.
"""

import warnings

import numpy as np

from .functions import relu, sigmoid

NOT_ATTEMPTED = "not attempted yet"
CORRECT = "correct"


def _report(exercise, verdict):
    print(f"Exercise {exercise}: {verdict}")


def _call(func, *args):
    """Call the reader's function; return (result, None) or (None, hint)."""
    try:
        return func(*args), None
    except Exception as error:  # the reader's code: report, never crash the checker
        return None, f"your function raised {type(error).__name__}: {error}"


def _check_number(exercise, answer, expected, wrong_answers, otherwise, rtol=1e-6):
    """Report on a numeric answer: correct, the hint for a known wrong answer, or a general hint."""
    if answer is None:
        return _report(exercise, NOT_ATTEMPTED)
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return _report(exercise, f"give a single number, not {answer!r}")
    if np.isclose(value, expected, rtol=rtol):
        return _report(exercise, CORRECT)
    for wrong, hint in wrong_answers.items():
        if np.isclose(value, wrong, rtol=rtol):
            return _report(exercise, hint)
    return _report(exercise, otherwise)


# --- chapter 1 ----------------------------------------------------------------------------------


def check_collapse_two(collapse_two):
    """Exercise 1.1.1: collapse_two(W1, b1, W2, b2) returns (W, b) of the single equivalent layer."""
    exercise = "1.1.1"
    rng = np.random.default_rng(11)
    # Square layers first, where the usual mistakes give wrong numbers rather than errors;
    # then a 3 -> 4 -> 2 stack, where the shapes must come out right too.
    for n_in, n_hidden, n_out in ((3, 3, 3), (3, 4, 2)):
        W1, b1 = rng.normal(size=(n_hidden, n_in)), rng.normal(size=n_hidden)
        W2, b2 = rng.normal(size=(n_out, n_hidden)), rng.normal(size=n_out)
        answer, hint = _call(collapse_two, W1.copy(), b1.copy(), W2.copy(), b2.copy())
        if hint:
            return _report(exercise, hint)
        if answer is None:
            return _report(exercise, NOT_ATTEMPTED)
        if not (isinstance(answer, tuple) and len(answer) == 2):
            return _report(exercise, "return two things, the matrix and the bias: return W, b")
        W, b = (np.asarray(a, dtype=float) for a in answer)
        if W.shape != (n_out, n_in) or b.shape != (n_out,):
            return _report(
                exercise,
                f"for a {n_in} -> {n_hidden} -> {n_out} stack, W must be {n_out} x {n_in} and b must have "
                f"{n_out} entries; you returned shapes {W.shape} and {b.shape}",
            )
        square = n_in == n_hidden == n_out
        if square and np.allclose(W, W1 @ W2):
            return _report(
                exercise, "the order is reversed: the layer applied first goes on the right, W2 @ W1"
            )
        if not np.allclose(W, W2 @ W1):
            return _report(exercise, "W is not W2 @ W1: apply W1 first, then W2")
        if square and np.allclose(b, b1 + b2):
            return _report(exercise, "b1 also passes through the second layer: it gets multiplied by W2")
        if not np.allclose(b, W2 @ b1 + b2):
            return _report(exercise, "W is right; check b against W2 (W1 x + b1) + b2 at x = 0")
    return _report(exercise, CORRECT)


def check_rank_bound(answer):
    """Exercise 1.1.2: the largest possible rank of W' for widths 8 -> 5 -> 3 -> 7 -> 8 -> 6."""
    too_big = "every x passes the narrowest layer; how many numbers are left there?"
    return _check_number(
        "1.1.2",
        answer,
        3,
        dict.fromkeys((5, 6, 7, 8), too_big),
        "the rank of a product is at most the smallest rank of its factors",
    )


def check_xor_weights(W1, b1, w2, b2):
    """Exercise 1.2.1: weights of a 2-2-1 ReLU network y = w2 . relu(W1 x + b1) + b2 that computes XOR."""
    exercise = "1.2.1"
    if W1 is None:
        return _report(exercise, NOT_ATTEMPTED)
    try:
        W1, b1, w2 = (np.asarray(a, dtype=float) for a in (W1, b1, w2))
        b2 = float(b2)
        if W1.shape != (2, 2) or b1.shape != (2,) or w2.shape != (2,):
            return _report(exercise, "W1 must be 2 x 2, b1 and w2 must have 2 entries, b2 is one number")
    except (TypeError, ValueError) as error:
        return _report(exercise, f"the weights must be numbers ({error})")
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    outputs = np.array([w2 @ relu(W1 @ x + b1) + b2 for x in corners])
    if np.allclose(outputs, [0, 1, 1, 0], atol=1e-9):
        return _report(exercise, CORRECT)
    shown = ", ".join(f"{v:.3g}" for v in outputs)
    return _report(
        exercise,
        f"your network outputs [{shown}] at (0,0), (0,1), (1,0), (1,1); XOR needs [0, 1, 1, 0]. "
        "Hint: let one unit count the ones (x1 + x2) and another fire only when both are on",
    )


def check_xor_features(xor_features):
    """Exercise 1.2.2: xor_features(X) adds columns to X so that XOR becomes affine in them."""
    exercise = "1.2.2"
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    answer, hint = _call(xor_features, corners.copy())
    if hint:
        return _report(exercise, hint)
    if answer is None:
        return _report(exercise, NOT_ATTEMPTED)
    F = np.asarray(answer, dtype=float)
    if F.ndim != 2 or F.shape[0] != 4:
        return _report(exercise, f"return one row of features per example: shape (4, k), not {F.shape}")
    if F.shape[1] <= 2 or not np.allclose(F[:, :2], corners):
        return _report(exercise, "keep x1 and x2 as the first two columns and add at least one new one")
    # XOR is affine in the features when least squares (with a constant) reproduces the labels exactly.
    design = np.column_stack([F, np.ones(4)])
    weights, *_ = np.linalg.lstsq(design, np.array([0.0, 1.0, 1.0, 0.0]), rcond=None)
    if np.allclose(design @ weights, [0, 1, 1, 0], atol=1e-8):
        return _report(exercise, CORRECT)
    return _report(
        exercise,
        "with these features XOR is still not affine: a feature built linearly from x1 and x2 "
        "(like x1 + x2) adds nothing new. Try a non-linear one, such as the product x1 * x2",
    )


# --- chapter 2 ----------------------------------------------------------------------------------


def check_tanh_slope(answer):
    """Exercise 2.1.1: tanh'(x) at a point where tanh(x) = 0.6, worked out by hand."""
    return _check_number(
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
        answer, hint = _call(my_sigmoid, x.copy())
    if hint:
        overflow = "overflow" in hint
        return _report(
            exercise,
            "your sigmoid overflows: exp(-x) is inf for x = -1000; compute exp of -|x| only"
            if overflow
            else hint,
        )
    if answer is None:
        return _report(exercise, NOT_ATTEMPTED)
    answer = np.asarray(answer, dtype=float)
    if answer.shape != x.shape:
        return _report(exercise, f"return one value per input: shape {x.shape}, not {answer.shape}")
    expected = sigmoid(x)
    wrong = ~np.isclose(answer, expected, rtol=1e-12, atol=1e-300)
    if np.any(wrong):
        i = int(np.argmax(wrong))
        return _report(
            exercise, f"at x = {x[i]:g} you return {answer[i]:.6g}, but sigmoid(x) = {expected[i]:.6g}"
        )
    return _report(exercise, CORRECT)


def check_saturated_depth_bound(answer):
    """Exercise 2.2.1: the largest product of 10 sigmoid slopes when every |z| >= 2."""
    slope = float(sigmoid.grad(2.0))
    return _check_number(
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
    return _check_number(
        "2.2.2",
        answer,
        0.5,
        {
            0.25: "with 0.25 one step lands exactly on the minimum; the limit is where |1 - 4 lr| = 1",
            1.0: "L''(w) = 4, not 2: L(w) = 2 (w - 1)^2 has derivative 4 (w - 1)",
        },
        "one step multiplies w - 1 by (1 - lr L''); it grows when that factor exceeds 1 in size",
    )
