"""Checkers of the exercises in chapter 3 (sections 3.1 to 3.3)."""

import copy
import functools

import numpy as np
from scipy import special

from activations import data, nn
from activations.functions import SELU_ALPHA, SELU_LAMBDA, elu, selu
from textbook.slopes import expectation

from ._common import (
    CORRECT,
    NOT_ATTEMPTED,
    call,
    check_number,
    check_parts,
    report,
)

SAMPLED_DRAWS = 10**5  # the smallest sample whose estimate the sampling hint recognises


def _sampling_hint(exact):
    """The reply to an answer within sampling error of the exact value; ``exact`` says how to get it."""
    return (
        "that looks like a sampled estimate: it is within sampling error of the exact value, but 10^5 or "
        "10^6 draws fix only 2 or 3 digits, and yours are not all right. Sampling checks an answer; the "
        f"exercise asks for the exact value: {exact}"
    )


def _check_exact(exercise, answer, expected, spread, wrong_answers, otherwise, exact):
    """``check_number`` for an exercise that invites sampling: an answer within 3 standard errors of a
    mean of 10^5 draws (single draws of standard deviation ``spread``) is told it looks sampled."""
    tolerance = 3 * spread / np.sqrt(SAMPLED_DRAWS)
    sampled = (tolerance, _sampling_hint(exact))
    return check_number(exercise, answer, expected, wrong_answers, otherwise, sampled=sampled)


def check_relu_zero_fraction(answer):
    """Exercise 3.1.1: the fraction of ReLU outputs that are 0 when z ~ N(-0.5, 1)."""
    p = special.ndtr(0.5)
    return _check_exact(
        "3.1.1",
        answer,
        p,
        np.sqrt(p * (1 - p)),  # one draw is 1 (zero output) or 0
        {
            0.5: "the mean -0.5 shifts the inputs to the left: more than half of them are negative",
            special.ndtr(-0.5): "that is the fraction that passes (z > 0); the question asks for the zeros",
        },
        "relu(z) = 0 exactly when z <= 0: find P(z <= 0) for z ~ N(-0.5, 1) with the normal CDF",
        "P(z <= 0) for z ~ N(-0.5, 1), from the normal distribution function Phi (scipy.special.ndtr)",
    )


def check_relu_mean(answer):
    """Exercise 3.1.2: E[relu(z)] for z ~ N(0, 1), derived by hand."""
    mean = 1 / np.sqrt(2 * np.pi)
    return _check_exact(
        "3.1.2",
        answer,
        mean,
        np.sqrt(0.5 - mean**2),  # the standard deviation of relu(z): E[relu(z)^2] = 1/2
        {
            0.5: "0.5 is the fraction of positive inputs, not the mean output",
            np.sqrt(2 / np.pi): "that is E|z|; ReLU keeps only the positive half of it",
            0.0: "ReLU's outputs are never negative, so their mean cannot be 0",
        },
        "integrate z times the normal density over z > 0; the antiderivative of z e^(-z^2/2) is -e^(-z^2/2)",
        "the integral of z times the normal density over z > 0, in closed form",
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


REVIVAL_BIAS = -3.0  # exercise 3.2.2: the bias that kills unit 0 of each hidden layer


def _revival_train(model, X_train, t_train, lr=0.1, epochs=15, batch_size=32):
    """Exercise 3.2.2's training: plain SGD, mini-batches shuffled with seed 0."""
    nn.train(model, X_train, t_train, nn.SGD(lr=lr), epochs=epochs, batch_size=batch_size, seed=0)
    return model


def _revival_model(bias=REVIVAL_BIAS):
    """Exercise 3.2.2's network (section 3.2's, seed 0) with unit 0 of both hidden layers killed."""
    model = nn.MLP([64, 64, 64, 10], "relu", init="he", seed=0)
    model.dense_layers[0].b[0] = bias
    model.dense_layers[1].b[0] = bias
    return model


def _largest(model, X):
    """The largest pre-activation over the rows of X of unit 0 in hidden layers 1 and 2 (and the smallest)."""
    first, second = (Z[:, 0] for Z in model.pre_activations(X)[:2])
    return {"max": (first.max(), second.max()), "min": (first.min(), second.min())}


@functools.cache
def revival_values():
    """The answers of exercise 3.2.2 and the values of its known slips, as {slip: (layer 1, layer 2)}."""
    X, t = data.digits()
    X_train, X_test, t_train, _ = data.train_test_split(X, t, 0.25, seed=0)
    before = _largest(_revival_model(), X_train)["max"]
    trained = _revival_train(_revival_model(), X_train, t_train)
    on_train, on_test = _largest(trained, X_train), _largest(trained, X_test)
    twice = _revival_train(copy.deepcopy(trained), X_train, t_train)  # a training cell run again
    return {
        "right": on_train["max"],
        "smallest": on_train["min"],
        "test images": on_test["max"],
        "before training": before,
        "not killed": _largest(_revival_model(bias=0.0), X_train)["max"],
        "whole batch": _largest(_revival_train(_revival_model(), X_train, t_train, batch_size=None), X_train)[
            "max"
        ],
        "rate 1.0": _largest(_revival_train(_revival_model(), X_train, t_train, lr=1.0), X_train)["max"],
        "trained twice": _largest(twice, X_train)["max"],
    }


_REVIVAL_SLIPS = {  # (hint, hidden layers it applies to), keyed like revival_values()
    "smallest": (
        "that is the smallest pre-activation; a unit is alive as soon as one image makes it positive, "
        "so give the largest",
        (0, 1),
    ),
    "test images": ("that is over the test images; the units were killed on the training images", (0, 1)),
    "not killed": (
        "that is the unit with its initial bias 0: set the bias to -3 first, as the cell does",
        (0,),
    ),
    "before training": (
        "that is its largest pre-activation before training; give it after the 15 epochs",
        (1,),
    ),
    "whole batch": (
        "that is with the whole training set as one batch (nn.train's default); train on mini-batches of 32",
        (1,),
    ),
    "rate 1.0": ("that is at learning rate 1.0; the exercise trains at 0.1", (1,)),
    "trained twice": (
        "that is after training the same network twice (a training cell run again): "
        "build and kill the network afresh before you train it",
        (1,),
    ),
}


def check_dead_unit_revival(first_layer, deeper_layer):
    """Exercise 3.2.2: the largest pre-activation of a killed unit in hidden layers 1 and 2 after training."""
    return check_parts(
        "3.2.2",
        lambda: _check_revival_part(0, first_layer),
        lambda: _check_revival_part(1, deeper_layer),
    )


def _check_revival_part(layer, answer):
    exercise = f"3.2.2 ({'ab'[layer]})"
    if answer is None:  # before the experiment runs: no need to train the reference network
        return report(exercise, NOT_ATTEMPTED)
    values = revival_values()
    wrong = {
        0.0: "0 is what relu(z) gives for a negative z; give the pre-activation z itself",
        REVIVAL_BIAS: "that is the bias alone; give the largest z = w.a + b over the training images",
    }
    for slip, (hint, layers) in _REVIVAL_SLIPS.items():
        if layer in layers:
            wrong.setdefault(float(values[slip][layer]), hint)
    return check_number(
        exercise,
        answer,
        values["right"][layer],
        wrong,
        "train with nn.SGD(lr=0.1), epochs=15, batch_size=32, seed=0 on (X_train, t_train), then give "
        f"the largest of hidden layer {layer + 1}'s pre-activations z[:, 0] over X_train",
    )


ELU_MEAN_ALPHAS = (0.25, 0.5, 1.0, 2.0, 3.0)  # exercise 3.3.1: where elu_mean(alpha) is checked


def elu_mean_closed_form(alpha):
    """E[elu(z)] for z ~ N(0, 1): 1/sqrt(2 pi) + alpha (e^(1/2) Phi(-1) - 1/2) (exercise 3.3.1)."""
    return 1 / np.sqrt(2 * np.pi) + alpha * (np.exp(0.5) * special.ndtr(-1.0) - 0.5)


def _elu_spread(alpha):
    """The standard deviation of elu(z) for z ~ N(0, 1): one draw's spread, for the sampling hint."""
    return np.sqrt(expectation(lambda z: elu(z, alpha=alpha) ** 2) - elu_mean_closed_form(alpha) ** 2)


_ELU_MEAN_SLIPS = {  # a wrong formula, as a function of alpha -> its hint
    "relu": (
        lambda a: 1 / np.sqrt(2 * np.pi) + 0 * a,
        "that is ReLU's mean for every alpha; ELU adds alpha (e^z - 1) for the negative inputs",
    ),
    "no e^z": (
        lambda a: 1 / np.sqrt(2 * np.pi) - a / 2,
        "E[e^z - 1; z < 0] needs E[e^z; z < 0] = e^(1/2) Phi(-1), not 0",
    ),
    "no -1": (
        lambda a: 1 / np.sqrt(2 * np.pi) + a * np.exp(0.5) * special.ndtr(-1.0),
        "the -1 in alpha (e^z - 1) adds -alpha P(z < 0) = -alpha / 2",
    ),
    "Phi(1)": (
        lambda a: 1 / np.sqrt(2 * np.pi) + a * (np.exp(0.5) * special.ndtr(1.0) - 0.5),
        "completing the square gives the density of N(1, 1), "
        "which puts probability Phi(-1) below 0, not Phi(1)",
    ),
    "no e^(1/2)": (
        lambda a: 1 / np.sqrt(2 * np.pi) + a * (special.ndtr(-1.0) - 0.5),
        "completing the square, e^z e^(-z^2/2) = e^(1/2) e^(-(z - 1)^2/2): keep the factor e^(1/2)",
    ),
    "alpha everywhere": (
        lambda a: a * elu_mean_closed_form(1.0),
        "alpha scales only the negative side; the positive side is z itself",
    ),
    "alpha = 1": (
        lambda a: elu_mean_closed_form(1.0) + 0 * a,
        "your function gives the same value for every alpha: alpha multiplies the negative piece",
    ),
}


def check_elu_mean(elu_mean):
    """Exercise 3.3.1: elu_mean(alpha) = E[elu(z)] for z ~ N(0, 1), in closed form, at several alpha."""
    exercise = "3.3.1"
    if elu_mean is None:
        return report(exercise, NOT_ATTEMPTED)
    if not callable(elu_mean):
        return report(exercise, "write a function elu_mean(alpha) that returns one number")
    values = []
    for alpha in ELU_MEAN_ALPHAS:
        value, hint = call(elu_mean, alpha)
        if hint:
            return report(exercise, hint)
        if value is None:
            return report(exercise, NOT_ATTEMPTED)
        try:
            values.append(float(np.asarray(value, dtype=float)))
        except (TypeError, ValueError):
            return report(exercise, f"elu_mean({alpha}) should return one number, not {value!r}")
    values = np.array(values)
    alphas = np.array(ELU_MEAN_ALPHAS)
    error = np.abs(values - elu_mean_closed_form(alphas))
    if np.all(error <= 1e-12):
        return report(exercise, CORRECT)
    for wrong, hint in _ELU_MEAN_SLIPS.values():
        if np.allclose(values, wrong(alphas), rtol=1e-9, atol=1e-12):
            return report(exercise, hint)
    if np.all(error < 1e-6):
        return report(
            exercise,
            f"your values agree with the exact mean to about {error.max():.0e}, as a numerical integral does "
            "(slopes.expectation, for one); the exercise asks for the closed form with Phi "
            "(scipy.special.ndtr), exact to rounding",
        )
    spreads = np.array([_elu_spread(alpha) for alpha in ELU_MEAN_ALPHAS])
    if np.all(error <= 3 * spreads / np.sqrt(SAMPLED_DRAWS)):
        return report(
            exercise,
            _sampling_hint("the closed form of E[elu(z)], with Phi (scipy.special.ndtr), for every alpha"),
        )
    wrong_at = ", ".join(f"{a:g}" for a, e in zip(ELU_MEAN_ALPHAS, error, strict=True) if e > 1e-12)
    return report(
        exercise,
        f"not right at alpha = {wrong_at}: split at 0, E[z; z > 0] + alpha (E[e^z; z < 0] - P(z < 0)), "
        "and complete the square in e^z e^(-z^2/2)",
    )


def _selu_growth(q, gain=2.0):
    """q' / q for pre-activations N(0, q) through SELU into weights with n Var(W) = gain."""
    return gain * expectation(lambda z: selu(z) ** 2, np.sqrt(q)) / q


def check_selu_he_variance(answer):
    """Exercise 3.3.2: the growth factor q'/q of SELU layers with He's weights at q = 2."""
    q = 2.0
    second_moment = expectation(lambda z: selu(z) ** 2, np.sqrt(q))
    mean = expectation(selu, np.sqrt(q))
    fourth_moment = expectation(lambda z: selu(z) ** 4, np.sqrt(q))
    return _check_exact(
        "3.3.2",
        answer,
        _selu_growth(q),
        2 * np.sqrt(fourth_moment - second_moment**2) / q,  # one draw of 2 selu(z)^2 / q
        {
            _selu_growth(q, gain=1.0): "that is the factor with LeCun's weights, n Var(W) = 1; He's give 2",
            SELU_LAMBDA**2: "that is the limit for very large q; at q = 2 the negative half still adds a lot",
            (SELU_LAMBDA**2 * q + SELU_LAMBDA**2 * SELU_ALPHA**2) / q: (
                "that replaces the negative half by its limit -lambda alpha; "
                "at q = 2 compute E[selu(z)^2] itself"
            ),
            2 * (second_moment - mean**2) / q: (
                "the next pre-activation's variance is n Var(W) times the mean square E[a^2], "
                "not the variance of a"
            ),
            _selu_growth(q**2) * q: "q is a variance: z ~ N(0, q) has standard deviation sqrt(q), not q",
            2 * second_moment: "divide q' by q = 2 to get the growth factor",
        },
        "q' = 2 E[selu(z)^2] for z ~ N(0, q): compute the expectation at standard deviation sqrt(q), "
        "then divide by q",
        "E[selu(z)^2] from slopes.expectation (an integral), not from a sample",
    )
