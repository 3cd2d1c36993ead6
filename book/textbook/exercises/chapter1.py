"""Checkers of the exercises in chapter 1 (sections 1.1 and 1.2)."""

import numpy as np

from activations.functions import relu

from ._common import CORRECT, NOT_ATTEMPTED, call, check_number, report


def check_augment(augment):
    """Exercise 1.1.1: augment(W, b) returns A with A @ (x, 1) = (W x + b, 1) for every x."""
    exercise = "1.1.1"
    rng = np.random.default_rng(11)
    W, b = rng.normal(size=(2, 3)), rng.normal(size=2)
    answer, hint = call(augment, W.copy(), b.copy())
    if hint:
        return report(exercise, hint)
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    try:
        A = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return report(exercise, "return a matrix of numbers (a NumPy array)")
    if A.shape != (3, 4):
        return report(
            exercise,
            f"for W of shape 2 x 3, A needs one more row and one more column: 3 x 4, not {A.shape}",
        )
    if not np.allclose(A[:2, :3], W):
        return report(exercise, "the top-left block of A must be W itself")
    if not np.allclose(A[:2, 3], b):
        if np.allclose(A[2, :2], b):
            return report(exercise, "b is added to every output: it fills the last column, not the last row")
        return report(exercise, "the last column, above the corner, must hold b: it meets the appended 1")
    if not np.allclose(A[2], [0.0, 0.0, 0.0, 1.0]):
        return report(exercise, "the last row must reproduce the appended 1: zeros, then a 1 in the corner")
    # A stack then collapses by a plain matrix product: check it on a random 3 -> 4 -> 2 stack.
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    stack, hint = call(lambda: np.asarray(augment(W2, b2), float) @ np.asarray(augment(W1, b1), float))
    if hint:
        return report(exercise, f"for a 3 -> 4 -> 2 stack, {hint}")
    if stack.shape != (3, 4) or not np.allclose(stack[:2], np.column_stack([W2 @ W1, W2 @ b1 + b2])):
        return report(exercise, "right for a 2 x 3 W, but not for other shapes: build A from W.shape")
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
    try:
        F = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return report(exercise, "return an array of numbers, one row per example")
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


def check_smallest_width(answer):
    """Exercise 1.2.3: the fewest tanh hidden units with which a network can classify XOR."""
    one_line = (
        "one tanh unit passes on a single number, tanh(w . x + b), and the output unit is increasing "
        "or decreasing in it: the decision boundary is still a line, so 75 % at most"
    )
    return check_number(
        "1.2.3",
        answer,
        2,
        {1: one_line, 3: "fewer will do: exercise 1.2.1 needs only two units", 4: "fewer will do"},
        "train widths 1, 2 and 3 with a few seeds and compare their best accuracies",
    )
