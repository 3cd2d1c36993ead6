"""The ReLU family: ReLU, Leaky ReLU, PReLU, ELU, SELU and ReLU6 (chapter 3).

Each class is one activation, its formula and derivative side by side; the
object below it (``relu = ReLU()``) is what you call: ``relu(x)`` and
``relu.grad(x)``. Settings are keywords: ``leaky_relu(x, alpha=0.1)``.
"""

import numpy as np

from ._core import Activation, Setting, as_float_array, keep_nan, like_input, positive

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946


class ReLU(Activation):
    """Rectified linear unit (ReLU).

        f(x) = max(0, x),    f'(x) = 1 for x > 0, 0 for x < 0

    Continuous everywhere, with a kink (not a gap) at 0. At x = 0
    ``relu.grad`` returns 0, as PyTorch and JAX do; any value in [0, 1] is a
    valid subgradient there.

    Book: exercise 1.2.1, section 2.2, chapter 3.

    References
    ----------
    Nair and Hinton (2010), Rectified linear units improve restricted Boltzmann
    machines. ``nair2010rectified``

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    >>> relu.grad([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """

    name = "relu"
    latex = r"f(x) = \max(0, x)"
    grad_latex = r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}"
    reference = "nair2010rectified"

    def function(self, x):
        return np.maximum(x, 0.0)

    def derivative(self, x):
        return positive(x)


class LeakyReLU(Activation):
    """Leaky ReLU.

        f(x) = x for x > 0, alpha x otherwise
        f'(x) = 1 for x > 0, alpha otherwise (alpha at 0, too)

    The small slope keeps a gradient flowing for negative inputs, so a unit
    cannot die.

    Book: chapter 3.

    Parameters
    ----------
    alpha : float, default 0.01
        Slope for x <= 0, in [0, 1].

    References
    ----------
    Maas, Hannun and Ng (2013), Rectifier nonlinearities improve neural network
    acoustic models. ``maas2013rectifier``

    Examples
    --------
    >>> leaky_relu([-2.0, 3.0])
    array([-0.02,  3.  ])
    >>> leaky_relu.grad([-2.0, 3.0], alpha=0.1)
    array([0.1, 1. ])
    """

    name = "leaky_relu"
    latex = r"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}"
    grad_latex = r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}"
    reference = "maas2013rectifier"
    settings = {"alpha": Setting(minimum=0.0, maximum=1.0)}  # noqa: RUF012

    def function(self, x, alpha=0.01):
        if alpha == 0:  # plain ReLU; also avoids 0 * -inf = nan
            return np.maximum(x, 0.0)
        # For 0 < alpha <= 1 the larger of x and alpha x is x for x > 0 and alpha x
        # otherwise: two passes over x, where np.where costs as much as an exp.
        return np.maximum(x, alpha * x)

    def derivative(self, x, alpha=0.01):
        # 1 for x > 0, alpha otherwise: alpha + (1 - alpha) [x > 0], nan kept.
        return alpha + (1 - alpha) * positive(x)


class PReLU(LeakyReLU):
    """Parametric ReLU (PReLU): a Leaky ReLU whose slope alpha is learned.

        f(x) = x for x > 0, alpha x otherwise
        df/dx = 1 for x > 0, alpha otherwise
        df/dalpha = 0 for x > 0, x otherwise    (``prelu.grad_alpha``)

    The formulas are Leaky ReLU's; only alpha is unrestricted and has a
    gradient of its own. In a network, ``nn.PReLULayer`` owns alpha.

    Book: chapter 3.

    Parameters
    ----------
    alpha : float, required
        The current slope for x <= 0 (any finite value: it is learned).

    References
    ----------
    He, Zhang, Ren and Sun (2015), Delving deep into rectifiers.
    ``he2015delving``

    Examples
    --------
    >>> prelu([-2.0, 3.0], alpha=0.25)
    array([-0.5,  3. ])
    >>> prelu.grad_alpha([-2.0, 3.0], alpha=0.25)
    array([-2.,  0.])
    """

    name = "prelu"
    latex = r"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases} \quad (\alpha \text{ learned})"
    grad_latex = (
        r"\frac{\partial f}{\partial x} = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases},"
        r" \quad \frac{\partial f}{\partial \alpha} = \min(0, x)"
    )
    reference = "he2015delving"
    settings = {"alpha": Setting()}  # noqa: RUF012

    def function(self, x, alpha):
        if 0 <= alpha <= 1:
            return super().function(x, alpha)
        # alpha is unrestricted here, so max(x, alpha x) would be wrong; alpha != 0 avoids 0 * -inf
        return np.maximum(x, 0.0) + alpha * np.minimum(x, 0.0)

    def derivative(self, x, alpha):
        return super().derivative(x, alpha)

    def grad_alpha(self, x, /, **settings):
        """The derivative df/dalpha at every entry: 0 for x > 0, x otherwise."""
        func = f"{self.name}.grad_alpha"
        x = as_float_array(x, func)
        self.check_settings(settings, func)
        return like_input(np.minimum(x, 0.0), x)


class ELU(Activation):
    """Exponential linear unit (ELU).

        f(x) = x for x > 0, alpha (exp(x) - 1) otherwise
        f'(x) = 1 for x > 0, alpha exp(x) otherwise

    Smooth negative saturation towards -alpha.

    Book: chapter 3.

    Parameters
    ----------
    alpha : float, default 1.0
        The negative saturation value is -alpha; must be >= 0.

    References
    ----------
    Clevert, Unterthiner and Hochreiter (2016), Fast and accurate deep network
    learning by exponential linear units (ELUs). ``clevert2016fast``

    Examples
    --------
    >>> elu([-1.0, 0.0, 2.0])
    array([-0.63212056,  0.        ,  2.        ])
    """

    name = "elu"
    latex = r"f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}"
    grad_latex = r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}"
    reference = "clevert2016fast"
    settings = {"alpha": Setting(minimum=0.0)}  # noqa: RUF012

    def function(self, x, alpha=1.0):
        # max(x, 0) + alpha (e^min(x, 0) - 1): each term is 0 on the other side of 0.
        # expm1 is exact near 0, where exp(x) - 1 cancels; min(x, 0) keeps exp from overflowing.
        return np.maximum(x, 0.0) + alpha * np.expm1(np.minimum(x, 0.0))

    def derivative(self, x, alpha=1.0):
        # With the indicator h = [x > 0]: h + (1 - h) alpha e^min(x, 0). Both pieces are
        # finite, so the products are exact; np.where would cost as much as the exp.
        h = positive(x)
        return h + (1 - h) * (alpha * np.exp(np.minimum(x, 0.0)))


class SELU(Activation):
    """Scaled exponential linear unit (SELU): lambda times ELU with a fixed alpha.

        f(x) = lambda x for x > 0, lambda alpha (exp(x) - 1) otherwise
        f'(x) = lambda for x > 0, lambda alpha exp(x) otherwise

    With lambda = 1.0507... and alpha = 1.6733... (``SELU_LAMBDA``,
    ``SELU_ALPHA``), activations keep mean 0 and variance 1 from layer to
    layer under LeCun-normal initialisation.

    Book: chapter 3.

    References
    ----------
    Klambauer, Unterthiner, Mayr and Hochreiter (2017), Self-normalizing neural
    networks. ``klambauer2017self``

    Examples
    --------
    >>> selu([0.0, 1.0])
    array([0.        , 1.05070099])
    """

    name = "selu"
    latex = r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}"
    grad_latex = r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}"
    reference = "klambauer2017self"

    def function(self, x):
        return SELU_LAMBDA * elu.function(x, SELU_ALPHA)

    def derivative(self, x):
        return SELU_LAMBDA * elu.derivative(x, SELU_ALPHA)


class ReLU6(Activation):
    """ReLU6, a ReLU capped at 6 (used in MobileNet).

        f(x) = min(max(0, x), 6)
        f'(x) = 1 for 0 < x < 6, 0 otherwise (also 0 at the kinks 0 and 6)

    Book: chapter 3.

    References
    ----------
    Krizhevsky (2010), Convolutional deep belief networks on CIFAR-10.
    ``krizhevsky2010convolutional``

    Examples
    --------
    >>> relu6([-1.0, 3.0, 10.0])
    array([0., 3., 6.])
    """

    name = "relu6"
    latex = r"f(x) = \min(\max(0, x), 6)"
    grad_latex = r"f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}"
    reference = "krizhevsky2010convolutional"

    def function(self, x):
        return np.clip(x, 0.0, 6.0)

    def derivative(self, x):
        return keep_nan(((x > 0) & (x < 6)).astype(x.dtype), x)


relu = ReLU()
leaky_relu = LeakyReLU()
prelu = PReLU()
elu = ELU()
selu = SELU()
relu6 = ReLU6()
