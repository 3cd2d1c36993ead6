"""Checkers of the exercises in chapter 3 (sections 3.1 to 3.3)."""

import numpy as np
from scipy import special

from ._common import CORRECT, NOT_ATTEMPTED, call, check_number, report


def check_relu_zero_fraction(answer):
    """Exercise 3.1.1: the fraction of ReLU outputs that are 0 when z ~ N(-0.5, 1)."""
    return check_number(
        "3.1.1",
        answer,
        special.ndtr(0.5),
        {
            0.5: "the mean -0.5 shifts the inputs to the left: more than half of them are negative",
            special.ndtr(-0.5): "that is the fraction that passes (z > 0); the question asks for the zeros",
        },
        "relu(z) = 0 exactly when z <= 0: find P(z <= 0) for z ~ N(-0.5, 1) with the normal CDF",
    )


def check_relu_mean(answer):
    """Exercise 3.1.2: E[relu(z)] for z ~ N(0, 1), derived by hand."""
    return check_number(
        "3.1.2",
        answer,
        1 / np.sqrt(2 * np.pi),
        {
            0.5: "0.5 is the fraction of positive inputs, not the mean output",
            np.sqrt(2 / np.pi): "that is E|z|; ReLU keeps only the positive half of it",
            0.0: "ReLU's outputs are never negative, so their mean cannot be 0",
        },
        "integrate z times the normal density over z > 0; the antiderivative of z e^(-z^2/2) is -e^(-z^2/2)",
    )


def check_alpha_gradient_per_unit(alpha_gradient):
    """Exercise 3.2.1: alpha_gradient(Z, G) = dL/d alpha_j for one alpha per unit j."""
    exercise = "3.2.1"
    rng = np.random.default_rng(31)
    Z, G = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    answer, hint = call(alpha_gradient, Z.copy(), G.copy())
    if hint:
        return report(exercise, hint)
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return report(exercise, "return an array of numbers, one per unit")
    expected = np.sum(G * np.minimum(Z, 0.0), axis=0)
    if answer.shape == (1, 4):  # keepdims=True is fine
        answer = answer[0]
    if answer.shape == ():
        return report(
            exercise, "one alpha per unit means one number per unit: sum over the batch (axis 0) only"
        )
    if answer.shape == (6,):
        return report(exercise, "you summed over the units; each unit's alpha collects its own column")
    if answer.shape != (4,):
        return report(exercise, f"return one value per unit, shape (4,), not {answer.shape}")
    if np.allclose(answer, np.sum(G * Z, axis=0)):
        return report(exercise, "only the negative inputs are multiplied by alpha: use min(z, 0), not z")
    if np.allclose(answer, np.sum(np.minimum(Z, 0.0), axis=0)):
        return report(exercise, "the chain rule multiplies by the gradient G arriving from above")
    if not np.allclose(answer, expected):
        return report(exercise, "dL/d alpha_j sums G[n, j] * min(Z[n, j], 0) over the examples n")
    return report(exercise, CORRECT)


def check_dead_unit_revival(first_layer, deeper_layer):
    """Exercise 3.2.2: can a ReLU unit dead on the whole training set come back to life (plain SGD)?"""
    exercise = "3.2.2"
    if first_layer is None or deeper_layer is None:
        return report(exercise, NOT_ATTEMPTED)
    if not isinstance(first_layer, (bool, np.bool_)) or not isinstance(deeper_layer, (bool, np.bool_)):
        return report(exercise, "answer each part with True or False")
    if first_layer:
        return report(
            exercise,
            "in the first layer the unit's inputs are the data, which never change, and its own "
            "weights and bias get zero gradient: nothing can move its pre-activation",
        )
    if not deeper_layer:
        return report(
            exercise,
            "a deeper unit's inputs are the outputs of the layers below, which keep learning: "
            "they can change until the unit's pre-activation turns positive again",
        )
    return report(exercise, CORRECT)


def check_elu_mean(answer):
    """Exercise 3.3.1: E[elu(z)] for z ~ N(0, 1) and alpha = 1, in closed form."""
    expected = 1 / np.sqrt(2 * np.pi) + np.exp(0.5) * special.ndtr(-1.0) - 0.5
    return check_number(
        "3.3.1",
        answer,
        expected,
        {
            1 / np.sqrt(2 * np.pi): "that is ReLU's mean; ELU adds e^z - 1 for the negative inputs",
            1 / np.sqrt(2 * np.pi) - 0.5: "E[e^z - 1; z < 0] needs E[e^z; z < 0] = e^(1/2) Phi(-1), not 0",
        },
        "split at 0: E[z; z > 0] + E[e^z; z < 0] - P(z < 0), and complete the square in e^z e^(-z^2/2)",
    )


def check_selu_he_variance(answer):
    """Exercise 3.3.2: what the variance of SELU layers does with weights of variance 2 / n."""
    exercise = "3.3.2"
    choices = ("grows", "shrinks", "settles")
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    answer = answer.strip().lower() if isinstance(answer, str) else answer
    if answer not in choices:
        return report(exercise, f"answer with one of {', '.join(repr(c) for c in choices)}")
    if answer == "grows":
        return report(exercise, CORRECT)
    return report(
        exercise,
        "for large inputs SELU is about lambda z, and with n Var(W) = 2 each layer multiplies a large "
        "variance by about 2 * lambda^2 / 2 = 1.10: compute E[selu(z)^2] for growing Var(z)",
    )
