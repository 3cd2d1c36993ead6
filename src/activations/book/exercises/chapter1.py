"""Checkers of the exercises in chapter 1 (sections 1.1 and 1.2)."""

import numpy as np

from ...functions import relu
from ._common import CORRECT, NOT_ATTEMPTED, call, check_number, report


def check_collapse_two(collapse_two):
    """Exercise 1.1.1: collapse_two(W1, b1, W2, b2) returns (W, b) of the single equivalent layer."""
    exercise = "1.1.1"
    rng = np.random.default_rng(11)
    # Square layers first, where the usual mistakes give wrong numbers rather than errors;
    # then a 3 -> 4 -> 2 stack, where the shapes must come out right too.
    for n_in, n_hidden, n_out in ((3, 3, 3), (3, 4, 2)):
        W1, b1 = rng.normal(size=(n_hidden, n_in)), rng.normal(size=n_hidden)
        W2, b2 = rng.normal(size=(n_out, n_hidden)), rng.normal(size=n_out)
        answer, hint = call(collapse_two, W1.copy(), b1.copy(), W2.copy(), b2.copy())
        if hint:
            return report(exercise, hint)
        if answer is None:
            return report(exercise, NOT_ATTEMPTED)
        if not (isinstance(answer, tuple) and len(answer) == 2):
            return report(exercise, "return two things, the matrix and the bias: return W, b")
        W, b = (np.asarray(a, dtype=float) for a in answer)
        if W.shape != (n_out, n_in) or b.shape != (n_out,):
            return report(
                exercise,
                f"for a {n_in} -> {n_hidden} -> {n_out} stack, W must be {n_out} x {n_in} and b must have "
                f"{n_out} entries; you returned shapes {W.shape} and {b.shape}",
            )
        square = n_in == n_hidden == n_out
        if square and np.allclose(W, W1 @ W2):
            return report(
                exercise, "the order is reversed: the layer applied first goes on the right, W2 @ W1"
            )
        if not np.allclose(W, W2 @ W1):
            return report(exercise, "W is not W2 @ W1: apply W1 first, then W2")
        if square and np.allclose(b, b1 + b2):
            return report(exercise, "b1 also passes through the second layer: it gets multiplied by W2")
        if not np.allclose(b, W2 @ b1 + b2):
            return report(exercise, "W is right; check b against W2 (W1 x + b1) + b2 at x = 0")
    return report(exercise, CORRECT)


def check_rank_bound(answer):
    """Exercise 1.1.2: the largest possible rank of W' for widths 8 -> 5 -> 3 -> 7 -> 8 -> 6."""
    too_big = "every x passes the narrowest layer; how many numbers are left there?"
    return check_number(
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
        return report(exercise, NOT_ATTEMPTED)
    try:
        W1, b1, w2 = (np.asarray(a, dtype=float) for a in (W1, b1, w2))
        b2 = float(b2)
        if W1.shape != (2, 2) or b1.shape != (2,) or w2.shape != (2,):
            return report(exercise, "W1 must be 2 x 2, b1 and w2 must have 2 entries, b2 is one number")
    except (TypeError, ValueError) as error:
        return report(exercise, f"the weights must be numbers ({error})")
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    outputs = np.array([w2 @ relu(W1 @ x + b1) + b2 for x in corners])
    if np.allclose(outputs, [0, 1, 1, 0], atol=1e-9):
        return report(exercise, CORRECT)
    shown = ", ".join(f"{v:.3g}" for v in outputs)
    return report(
        exercise,
        f"your network outputs [{shown}] at (0,0), (0,1), (1,0), (1,1); XOR needs [0, 1, 1, 0]. "
        "Hint: let one unit count the ones (x1 + x2) and another fire only when both are on",
    )


def check_xor_features(xor_features):
    """Exercise 1.2.2: xor_features(X) adds columns to X so that XOR becomes affine in them."""
    exercise = "1.2.2"
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    answer, hint = call(xor_features, corners.copy())
    if hint:
        return report(exercise, hint)
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    F = np.asarray(answer, dtype=float)
    if F.ndim != 2 or F.shape[0] != 4:
        return report(exercise, f"return one row of features per example: shape (4, k), not {F.shape}")
    if F.shape[1] <= 2 or not np.allclose(F[:, :2], corners):
        return report(exercise, "keep x1 and x2 as the first two columns and add at least one new one")
    # XOR is affine in the features when least squares (with a constant) reproduces the labels exactly.
    design = np.column_stack([F, np.ones(4)])
    weights, *_ = np.linalg.lstsq(design, np.array([0.0, 1.0, 1.0, 0.0]), rcond=None)
    if np.allclose(design @ weights, [0, 1, 1, 0], atol=1e-8):
        return report(exercise, CORRECT)
    return report(
        exercise,
        "with these features XOR is still not affine: a feature built linearly from x1 and x2 "
        "(like x1 + x2) adds nothing new. Try a non-linear one, such as the product x1 * x2",
    )
