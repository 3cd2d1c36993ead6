"""The classic activations: identity, step, sigmoid and tanh (chapters 1 and 2).

Each class is one activation, its formula and derivative side by side; the
object below it (``sigmoid = Sigmoid()``) is what you call:
``sigmoid(x)`` and ``sigmoid.grad(x)``. The checks of x, and the stable
``expit`` they build on, are in ``_core.py``.
"""

import numpy as np

from ._core import Activation, expit, keep_nan, positive


class Identity(Activation):
    """Identity, the output activation of a regression.

        f(x) = x,    f'(x) = 1

    Book: section 1.2 (a hidden layer without activation).

    Examples
    --------
    >>> identity([-2.0, 3.0])
    array([-2.,  3.])
    """

    name = "identity"
    latex = r"f(x) = x"
    grad_latex = r"f'(x) = 1"

    def function(self, x):
        return x.copy()

    def derivative(self, x):
        return keep_nan(np.ones_like(x), x)


class Step(Activation):
    """Heaviside step function, the activation of the perceptron.

        f(x) = 1 if x > 0 else 0,    f'(x) = 0 for x != 0

    The value at x = 0 is 0 (the convention x > 0). The derivative is 0
    wherever it exists, which is everywhere but x = 0 (where ``step.grad``
    also returns 0): gradient descent gets no signal from it.

    Book: section 2.1.

    References
    ----------
    Rosenblatt (1958), The perceptron: a probabilistic model for information
    storage and organization in the brain. ``rosenblatt1958perceptron``

    Examples
    --------
    >>> step([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """

    name = "step"
    latex = r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}"
    grad_latex = r"f'(x) = 0 \quad (x \ne 0)"
    reference = "rosenblatt1958perceptron"

    def function(self, x):
        return positive(x)

    def derivative(self, x):
        return keep_nan(np.zeros_like(x), x)


class Sigmoid(Activation):
    """Logistic sigmoid.

        f(x) = 1 / (1 + exp(-x)),    f'(x) = f(x) (1 - f(x))

    Range (0, 1); f(-x) = 1 - f(x); the derivative is at most 0.25, at x = 0.

    Book: sections 1.2, 2.1 and 2.2.

    Examples
    --------
    >>> sigmoid([-1.0, 0.0, 1.0])
    array([0.26894142, 0.5       , 0.73105858])
    >>> float(sigmoid.grad(0.0))
    0.25
    """

    name = "sigmoid"
    latex = r"\sigma(x) = \frac{1}{1 + e^{-x}}"
    grad_latex = r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)"

    def function(self, x):
        return expit(x)

    def derivative(self, x):
        # sigma(x) (1 - sigma(x)) = 1 / (4 cosh^2(x / 2)): one cosh, and no 1 - sigma(x),
        # which is exactly 0 at x = 40 in float64 although the derivative there is 4.2e-18.
        return sech_squared(0.5 * x, scale=0.5)


class Tanh(Activation):
    """Hyperbolic tangent.

        f(x) = tanh(x) = 2 sigmoid(2x) - 1,    f'(x) = 1 - tanh(x)^2

    Zero-centred, range (-1, 1); the derivative is at most 1, at x = 0.

    Book: sections 1.2, 2.1 and 2.2.

    Examples
    --------
    >>> tanh([0.0, 1.0])
    array([0.        , 0.76159416])
    >>> float(tanh.grad(0.0))
    1.0
    """

    name = "tanh"
    latex = r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1"
    grad_latex = r"\tanh'(x) = 1 - \tanh^2(x)"

    def function(self, x):
        return np.tanh(x)

    def derivative(self, x):
        # 1 - tanh(x)^2 = 1 / cosh^2(x): no cancellation where tanh(x) is near +-1.
        return sech_squared(x)


def sech_squared(u, scale=1.0):
    """(scale / cosh(u))^2: the derivative of tanh (scale 1)."""
    with np.errstate(over="ignore"):  # cosh(u) = inf beyond |u| = 710, where the result is 0
        return (scale / np.cosh(u)) ** 2


identity = Identity()
step = Step()
sigmoid = Sigmoid()
tanh = Tanh()
