"""Smooth activations, softplus, Swish/SiLU, Mish and GELU, and their cheap piecewise versions (chapter 5).

Each class is one activation, its formula and derivative side by side; the
object below it (``gelu = GELU()``) is what you call: ``gelu(x)`` and
``gelu.grad(x)``. Settings are keywords: ``swish(x, beta=2.0)``.
"""

import math

import numpy as np
from scipy import special

from ._core import SATURATE, Activation, Setting, expit, keep_nan
from .classic import tanh

# Python floats, not NumPy scalars: under NumPy 2's rules a np.float64 constant turns a
# float32 computation into a float64 one (twice the memory and time).
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)  # the standard normal density at 0
_GELU_CUBIC = 0.044715


class Softplus(Activation):
    """Softplus, a smooth ReLU.

        f(x) = log(1 + exp(beta x)) / beta,    f'(x) = sigmoid(beta x)

    Book: chapter 5.

    Parameters
    ----------
    beta : float, default 1.0
        Sharpness, > 0: larger beta bends it closer to ReLU.

    References
    ----------
    Dugas et al. (2001), Incorporating second-order functional knowledge for
    better option pricing. ``dugas2001incorporating``

    Examples
    --------
    >>> float(softplus(0.0)), float(softplus(1000.0))  # log 2; the naive form overflows
    (0.6931471805599453, 1000.0)
    """

    name = "softplus"
    latex = r"f(x) = \frac{1}{\beta} \log\bigl(1 + e^{\beta x}\bigr)"
    grad_latex = r"f'(x) = \sigma(\beta x)"
    reference = "dugas2001incorporating"
    settings = {"beta": Setting(minimum=0.0, strict=True)}  # noqa: RUF012

    def function(self, x, beta=1.0):
        # log(1 + e^(bx)) = max(bx, 0) + log(1 + e^(-b|x|)): the exponent is never
        # positive, so exp cannot overflow (the naive form overflows above x = 709).
        bx = beta * np.minimum(np.abs(x), SATURATE / beta)
        return np.maximum(x, 0.0) + np.log1p(np.exp(-bx)) / beta

    def derivative(self, x, beta=1.0):
        limit = SATURATE / beta  # keeps beta * x finite
        return expit(beta * np.clip(x, -limit, limit))


class Swish(Activation):
    """Swish.

        f(x) = x sigmoid(beta x)
        f'(x) = sigmoid(beta x) (1 + beta x sigmoid(-beta x))

    beta = 1 is SiLU, beta = 0 gives x / 2, and as beta grows it approaches
    ReLU. Non-monotonic: for beta = 1 its minimum is about -0.278, at x = -1.278.

    Book: chapter 5.

    Parameters
    ----------
    beta : float, default 1.0
        Must be >= 0.

    References
    ----------
    Ramachandran, Zoph and Le (2017), Searching for activation functions.
    ``ramachandran2017searching``

    Examples
    --------
    >>> swish([0.0, 1.0])
    array([0.        , 0.73105858])
    >>> float(swish.grad(0.0))
    0.5
    """

    name = "swish"
    latex = r"f(x) = x\,\sigma(\beta x)"
    grad_latex = r"f'(x) = \sigma(\beta x)\,\bigl(1 + \beta x\,\sigma(-\beta x)\bigr)"
    reference = "ramachandran2017searching"
    settings = {"beta": Setting(minimum=0.0)}  # noqa: RUF012

    def function(self, x, beta=1.0):
        if beta == 0:
            return 0.5 * x
        # Below x = -800 / beta swish underflows to 0; clipping there avoids -inf * 0 = nan.
        x = np.maximum(x, -SATURATE / beta)
        z = beta * np.minimum(x, SATURATE / beta)  # keeps beta x finite
        return x * expit(z)

    def derivative(self, x, beta=1.0):
        if beta == 0:
            return keep_nan(np.full_like(x, 0.5), x)
        z = np.clip(x, -SATURATE / beta, SATURATE / beta)  # the derivative is exactly 0 or 1 beyond
        if beta != 1:  # SiLU, the common case, skips a multiplication by 1
            z = beta * z
        # f' = sigma(z) (1 + z sigma(-z)) = sigma(z) + z sigma(z) sigma(-z) with z = beta x.
        # One exponential e = e^-|z| <= 1 serves both terms, and cannot overflow:
        # sigma(z) = e^min(z, 0) / (1 + e) and sigma(z) sigma(-z) = e / (1 + e)^2, so
        # f' = (e^min(z, 0) + z e / (1 + e)) / (1 + e): two exponentials instead of four.
        e = np.exp(-np.abs(z))
        d = 1 + e
        return (np.exp(np.minimum(z, 0.0)) + z * e / d) / d


class SiLU(Activation):
    """SiLU, the sigmoid-weighted linear unit: Swish with beta = 1.

        f(x) = x sigmoid(x),    f'(x) = sigmoid(x) (1 + x sigmoid(-x))

    Book: chapter 5.

    References
    ----------
    Elfwing, Uchibe and Doya (2018), Sigmoid-weighted linear units for neural
    network function approximation in reinforcement learning.
    ``elfwing2018sigmoid``

    Examples
    --------
    >>> silu([0.0, 1.0])
    array([0.        , 0.73105858])
    """

    name = "silu"
    latex = r"f(x) = x\,\sigma(x)"
    grad_latex = r"f'(x) = \sigma(x)\,\bigl(1 + x\,\sigma(-x)\bigr)"
    reference = "elfwing2018sigmoid"

    def function(self, x):
        return swish.function(x, 1.0)

    def derivative(self, x):
        return swish.derivative(x, 1.0)


class Mish(Activation):
    """Mish.

        f(x) = x tanh(softplus(x))
        f'(x) = tanh(softplus(x)) + x sigmoid(x) (1 - tanh(softplus(x))^2)

    (the chain rule with softplus'(x) = sigmoid(x)). Non-monotonic, minimum
    about -0.309; f'(0) = tanh(ln 2) = 0.6.

    Book: chapter 5.

    References
    ----------
    Misra (2019), Mish: a self regularized non-monotonic activation function.
    ``misra2019mish``

    Examples
    --------
    >>> mish([0.0, 1.0])
    array([0.        , 0.86509839])
    >>> round(float(mish.grad(0.0)), 12)
    0.6
    """

    name = "mish"
    latex = r"f(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)"
    grad_latex = (
        r"f'(x) = \tanh\bigl(\operatorname{softplus}(x)\bigr)"
        r" + x\,\sigma(x)\,\bigl(1 - \tanh^2(\operatorname{softplus}(x))\bigr)"
    )
    reference = "misra2019mish"

    def function(self, x):
        x = np.maximum(x, -SATURATE)  # mish underflows to 0 below; avoids -inf * 0 = nan
        return x * np.tanh(softplus.function(x))

    def derivative(self, x):
        x = np.clip(x, -SATURATE, SATURATE)  # the derivative is exactly 0 or 1 beyond
        sp = softplus.function(x)
        return np.tanh(sp) + x * tanh.derivative(sp) * expit(x)


class GELU(Activation):
    """Gaussian error linear unit (GELU).

        f(x) = x Phi(x) = x (1 + erf(x / sqrt 2)) / 2,    f'(x) = Phi(x) + x phi(x)

    Phi is the standard normal cumulative distribution (``scipy.special.ndtr``)
    and phi its density.

    Book: chapter 5.

    Parameters
    ----------
    approximate : {"none", "tanh"}, default "none"
        "tanh" uses the approximation of the original paper,
        x (1 + tanh(u)) / 2 with u = sqrt(2 / pi) (x + 0.044715 x^3).

    References
    ----------
    Hendrycks and Gimpel (2016), Gaussian error linear units (GELUs).
    ``hendrycks2016gaussian``

    Examples
    --------
    >>> gelu([0.0, 1.0])
    array([0.        , 0.84134475])
    >>> gelu([0.0, 1.0], approximate="tanh")
    array([0.        , 0.84119199])
    """

    name = "gelu"
    latex = r"f(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 + \operatorname{erf}\bigl(x/\sqrt{2}\bigr)\Bigr)"
    grad_latex = r"f'(x) = \Phi(x) + x\,\varphi(x)"
    reference = "hendrycks2016gaussian"
    settings = {"approximate": Setting(choices=("none", "tanh"))}  # noqa: RUF012

    def function(self, x, approximate="none"):
        x = np.clip(x, -SATURATE, None)  # gelu underflows to 0 below; avoids -inf * 0 = nan
        if approximate == "tanh":
            # (1 + tanh(u)) / 2 = sigmoid(2u): no cancellation where tanh(u) is near -1;
            # clipping above keeps x^3 finite (sigmoid is exactly 1 there anyway).
            return x * expit(2 * _tanh_argument(np.minimum(x, SATURATE)))
        return x * special.ndtr(x)

    def derivative(self, x, approximate="none"):
        x = np.clip(x, -SATURATE, SATURATE)  # the derivative is exactly 0 or 1 beyond
        if approximate == "tanh":
            # f = x sigma(2u), so f' = sigma(2u) + 2x sigma(2u) sigma(-2u) u'(x), with
            # u'(x) = sqrt(2/pi) (1 + 3 * 0.044715 x^2)
            u = _tanh_argument(x)
            du = _SQRT_2_OVER_PI * (1 + 3 * _GELU_CUBIC * (x * x))
            s = expit(2 * u)
            return s + 2 * x * s * expit(-2 * u) * du
        # f' = Phi(x) + x phi(x), with the density phi(x) = e^(-x^2 / 2) / sqrt(2 pi)
        return special.ndtr(x) + x * np.exp(-0.5 * (x * x)) * _INV_SQRT_2PI


class HardSigmoid(Activation):
    """Hard sigmoid, the piecewise-linear sigmoid of MobileNetV3.

        f(x) = relu6(x + 3) / 6 = 0 for x <= -3, (x + 3) / 6 between, 1 for x >= 3
        f'(x) = 1/6 for -3 < x < 3, 0 otherwise (also 0 at the kinks -3 and 3)

    No exponential: an addition, a clip and a multiplication, cheap in 8-bit
    integer arithmetic.

    Book: section 5.3.

    References
    ----------
    Howard et al. (2019), Searching for MobileNetV3. ``howard2019searching``

    Examples
    --------
    >>> hard_sigmoid([-4.0, 0.0, 1.5])
    array([0.  , 0.5 , 0.75])
    """

    name = "hard_sigmoid"
    latex = r"f(x) = \frac{\operatorname{relu6}(x + 3)}{6}"
    grad_latex = r"f'(x) = \begin{cases} 1/6 & -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}"
    reference = "howard2019searching"

    def function(self, x):
        return np.clip(x + 3.0, 0.0, 6.0) / 6.0

    def derivative(self, x):
        return keep_nan(((x > -3) & (x < 3)).astype(x.dtype) / 6.0, x)


class HardSwish(Activation):
    """Hard swish, x times the hard sigmoid (MobileNetV3).

        f(x) = x relu6(x + 3) / 6 = 0 for x <= -3, x (x + 3) / 6 between, x for x >= 3
        f'(x) = 0 for x <= -3, (2x + 3) / 6 for -3 < x < 3, 1 for x >= 3

    A piecewise-quadratic stand-in for Swish without an exponential. At the
    kinks -3 and 3 the derivative takes its outer value (0 and 1).

    Book: section 5.3.

    References
    ----------
    Howard et al. (2019), Searching for MobileNetV3. ``howard2019searching``

    Examples
    --------
    >>> hard_swish([-4.0, 0.0, 1.0, 4.0])
    array([-0.        ,  0.        ,  0.66666667,  4.        ])
    """

    name = "hard_swish"
    latex = r"f(x) = x\,\frac{\operatorname{relu6}(x + 3)}{6}"
    grad_latex = r"f'(x) = \begin{cases} 0 & x \le -3 \\ (2x + 3)/6 & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}"
    reference = "howard2019searching"

    def function(self, x):
        x = np.clip(x, -SATURATE, None)  # zero below -3; avoids -inf * 0 = nan
        return x * hard_sigmoid.function(x)

    def derivative(self, x):
        # [x >= 3] + [-3 < x < 3] (2x + 3) / 6, with indicators instead of np.where; clipped, 2x
        # cannot overflow.
        inside = ((x > -3) & (x < 3)).astype(x.dtype)
        inside *= (2.0 * np.clip(x, -3.0, 3.0) + 3.0) / 6.0
        return keep_nan(inside + (x >= 3), x)


def _tanh_argument(x):
    """u = sqrt(2/pi) (x + 0.044715 x^3), the argument of GELU's tanh approximation."""
    # x * x * x: NumPy's x**3 takes its slow general power path
    return _SQRT_2_OVER_PI * (x + _GELU_CUBIC * (x * x * x))


softplus = Softplus()
swish = Swish()
silu = SiLU()
mish = Mish()
gelu = GELU()
hard_sigmoid = HardSigmoid()
hard_swish = HardSwish()
