"""What an activation does to inputs drawn at random.

Section 2.1 asks how much gradient survives an activation when its inputs
are spread out: if x ~ N(0, std^2), what are the average derivative E[f'(x)]
and the root-mean-square derivative sqrt(E[f'(x)^2])? For sigmoid and tanh
both fall as std grows (saturation).

The RMS slope is the one that sizes gradients: a layer with n inputs per unit,
weights of variance Var(W) and this activation multiplies the size (root mean
square) of the gradient passing back through it by about
sqrt(n Var(W) E[f'^2]) (section 2.2). The mean slope alone ignores the weights.

>>> round(float(mean_derivative("sigmoid", 0.0)), 6)  # f'(0)
0.25
>>> round(float(mean_derivative("relu", 3.0)), 6)  # half of the inputs are positive
0.5
"""

import numpy as np

from activations._core import as_parameter
from activations.functions import get

# Standard-normal points u in [-10, 10] (beyond, the density is below 1e-22) and the
# trapezoid weights of the density there: sum(_WEIGHTS * g(u)) = E[g(u)], u ~ N(0, 1).
# The fine grid resolves even a derivative as narrow as tanh' at std = 100, and an even
# number of points keeps 0, where piecewise derivatives jump, off the grid.
_U = np.linspace(-10.0, 10.0, 40_000)
_WEIGHTS = np.exp(-0.5 * _U**2) * (_U[1] - _U[0]) / np.sqrt(2 * np.pi)
_WEIGHTS[[0, -1]] /= 2


def expectation(g, std=1.0):
    """E[g(x)] for x ~ N(0, std^2), by the trapezoid rule on 40,000 points.

    ``g`` maps an array of points to an array of values. Book: sections 2.1,
    2.2 (through the slopes below) and 3.3 (the SELU fixed point).

    >>> round(float(expectation(lambda x: x**2, 3.0)), 6)  # the variance
    9.0
    """
    std = as_parameter(std, "expectation", "std", minimum=0.0, strict=True)
    return float(np.sum(_WEIGHTS * np.asarray(g(std * _U), dtype=float)))


def mean_derivative(activation, std, **params):
    """E[f'(x)] for x ~ N(0, std^2) (see :func:`expectation`).

    Book: section 2.1.

    ``std = 0`` gives f'(0). Accurate to 1e-6 or better for smooth activations
    and kinks at 0 (tested against adaptive integration up to std = 25); a kink
    elsewhere (relu6 at 6, hard_sigmoid at +-3) costs up to about 1e-4.
    """
    f = get(activation)
    std = as_parameter(std, "mean_derivative", "std", minimum=0.0)
    if std == 0:
        return float(f.grad(0.0, **params))
    return expectation(lambda x: f.grad(x, **params), std)


def rms_derivative(activation, std, **params):
    """sqrt(E[f'(x)^2]) for x ~ N(0, std^2), on the same grid as :func:`mean_derivative`.

    Never smaller than the mean slope (by Jensen's inequality), and equal to
    it where f' is constant. Book: sections 2.1 and 2.2.

    >>> round(float(rms_derivative("relu", 2.0)), 6)  # sqrt(1/2): f' is 1 on half the inputs
    0.707107
    """
    f = get(activation)
    std = as_parameter(std, "rms_derivative", "std", minimum=0.0)
    if std == 0:
        return float(abs(f.grad(0.0, **params)))
    return float(np.sqrt(expectation(lambda x: f.grad(x, **params) ** 2, std)))
