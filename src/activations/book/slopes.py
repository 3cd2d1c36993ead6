"""What an activation does to inputs drawn at random.

Chapter 2 asks how much gradient survives an activation when its inputs are
spread out: if x ~ N(0, std^2), what is the average derivative E[f'(x)]? For
sigmoid and tanh it falls as std grows (saturation); that average is the
factor by which each layer scales the gradient passing back through it.

>>> round(float(mean_derivative("sigmoid", 0.0)), 6)  # f'(0)
0.25
>>> round(float(mean_derivative("relu", 3.0)), 6)  # half of the inputs are positive
0.5
"""

import numpy as np

from .._core import as_parameter
from ..functions import get

# Standard-normal points u in [-10, 10] (beyond, the density is below 1e-22) and the
# trapezoid weights of the density there: sum(_WEIGHTS * g(u)) = E[g(u)], u ~ N(0, 1).
# The fine grid resolves even a derivative as narrow as tanh' at std = 100, and an even
# number of points keeps 0, where piecewise derivatives jump, off the grid.
_U = np.linspace(-10.0, 10.0, 40_000)
_WEIGHTS = np.exp(-0.5 * _U**2) * (_U[1] - _U[0]) / np.sqrt(2 * np.pi)
_WEIGHTS[[0, -1]] /= 2


def mean_derivative(activation, std, **params):
    """E[f'(x)] for x ~ N(0, std^2), by the trapezoid rule on 40,000 points.

    Book: section 2.1.

    ``std = 0`` gives f'(0). Accurate to 1e-6 or better for every activation
    here, kinks included (tested against adaptive integration up to std = 25).
    """
    f = get(activation)
    std = as_parameter(std, "mean_derivative", "std", minimum=0.0)
    if std == 0:
        return f.grad(0.0, **params)
    return np.sum(_WEIGHTS * f.grad(std * _U, **params))
