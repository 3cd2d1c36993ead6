"""Elementwise activation functions and their derivatives.

Each activation is an :class:`Activation`: call it as ``f(x, **params)`` and
get its derivative with ``f.grad(x, **params)``. Both accept a number, a list
or a NumPy array, keep float32 as float32, compute integers in float64, never
modify their input and never emit a floating-point warning: every formula
below is written so that no intermediate value overflows, whatever the input.

The book's cautionary examples (the naive ``1 / (1 + exp(-x))`` that
overflows) live in the chapters, not here.
"""

from dataclasses import dataclass

import numpy as np
from scipy import special

from ._checks import as_float_array, as_parameter, like_input

# Beyond |z| = 800, exp(-|z|) is below the smallest float64 (about 4.9e-324), so
# sigmoid(z) is exactly 0 or 1 in every float type. Clipping arguments there
# changes no result and keeps exp, products and powers from overflowing.
_SATURATE = 800.0

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946
_SQRT_2_OVER_PI = np.sqrt(2.0 / np.pi)
_GELU_CUBIC = 0.044715


@dataclass(frozen=True)
class Param:
    """A setting of an activation: its default and the values that make sense."""

    default: object = None  # None: the caller must give it
    minimum: float | None = None
    maximum: float | None = None
    strict: bool = False  # the minimum itself is excluded
    choices: tuple = ()

    def check(self, value, func, name):
        if self.choices:
            if not isinstance(value, str) or value not in self.choices:
                raise ValueError(f"{func}: {name} must be one of {self.choices}, got {value!r}")
            return value
        return as_parameter(value, func, name, minimum=self.minimum, maximum=self.maximum, strict=self.strict)


class Activation:
    """An elementwise activation function ``f`` with its derivative ``f.grad``.

    Calling ``f(x, **params)`` returns f applied to every entry of ``x``;
    ``f.grad(x, **params)`` returns the derivative df/dx at every entry.

    Parameters
    ----------
    x : float, list or ndarray
        Pre-activations. Floating arrays keep their dtype; integers and
        booleans are computed in float64. Not modified.
    **params
        The activation's settings (see ``f.params``), e.g. ``alpha=0.1``.

    Returns
    -------
    ndarray, or a NumPy float for a scalar input
        Same shape and dtype as ``x``.

    Attributes
    ----------
    name : str
        The name used by :func:`activations.get` and the book.
    latex, grad_latex : str
        LaTeX formulas of the function and of its derivative.
    reference : str or None
        Citation key (in the book's ``references.bib``) of the paper that
        introduced it, or None for classical functions.
    params : dict
        The settings it takes, each a :class:`Param` with its default.
    """

    def __init__(self, name, forward, grad, *, latex, grad_latex, reference=None, params=None):
        self.name = name
        self._forward = forward
        self._grad = grad
        self.latex = latex
        self.grad_latex = grad_latex
        self.reference = reference
        self.params = dict(params or {})
        self.__doc__ = forward.__doc__

    def settings(self, given, func=None):
        """Check the keyword settings ``given`` and fill in the defaults."""
        func = func or self.name
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            takes = ", ".join(self.params) or "no parameters"
            raise TypeError(f"{func}: unknown parameter {unknown[0]!r}; it takes {takes}")
        settings = {}
        for name, param in self.params.items():
            if given.get(name, param.default) is None:
                raise TypeError(f"{func}: the parameter {name!r} is required")
            settings[name] = param.check(given.get(name, param.default), func, name)
        return settings

    def __call__(self, x, **params):
        x = as_float_array(x, self.name)
        return like_input(self._forward(x, **self.settings(params)), x)

    def grad(self, x, **params):
        """The derivative df/dx, elementwise, at ``x``."""
        func = f"{self.name}.grad"
        x = as_float_array(x, func)
        return like_input(self._grad(x, **self.settings(params, func)), x)

    def __repr__(self):
        return f"<activation {self.name}>"


def _expit(z):
    """sigmoid(z) by scipy.special.expit, evaluated in at least float64, subnormals included.

    SciPy's float32 expit returns 0 below z = -88.7, and its float64 expit below
    z = -709.78, where the true value is still a (subnormal) float; multiplied by
    a large x (as in swish) that 0 would be a wrong normal-sized result. Callers
    cast the final result back to x's dtype.
    """
    z = np.asarray(z, dtype=np.promote_types(z.dtype, np.float64))
    s = np.asarray(special.expit(z))
    if z.size and z.min() < -700:  # there 1 + e^z rounds to 1: e^z itself is sigmoid(z)
        low = z < -700
        s[low] = np.exp(z[low])
    return s


def _keep_nan(g, x):
    """Put nan into ``g`` wherever ``x`` is nan (for piecewise-constant derivatives)."""
    nan = np.isnan(x)
    if nan.any():
        np.copyto(g, np.nan, where=nan)
    return g


def _positive(x):
    """1.0 where x > 0 and 0.0 elsewhere (nan stays nan), in x's dtype."""
    # Writing the comparison straight into a float array takes one pass over x.
    return _keep_nan(np.greater(x, 0, out=np.empty_like(x)), x)


def _sigmoid_of(x, beta):
    """sigmoid(beta * x) for beta > 0, without overflow in beta * x."""
    limit = _SATURATE / beta
    return _expit(beta * np.clip(x, -limit, limit))


# --- identity and step -------------------------------------------------------


def _identity(x):
    """Identity, the output activation of a regression.

        f(x) = x,    f'(x) = 1

    Examples
    --------
    >>> identity([-2.0, 3.0])
    array([-2.,  3.])
    """
    return x.copy()


def _identity_grad(x):
    return _keep_nan(np.ones_like(x), x)


def _step(x):
    """Heaviside step function, the activation of the perceptron.

        f(x) = 1 if x > 0 else 0,    f'(x) = 0 for x != 0

    The value at x = 0 is 0 (the convention x > 0). The derivative is 0
    wherever it exists, which is everywhere but x = 0 (where ``step.grad``
    also returns 0): gradient descent gets no signal from it.

    References
    ----------
    Rosenblatt (1958), The perceptron: a probabilistic model for information
    storage and organization in the brain. ``rosenblatt1958perceptron``

    Examples
    --------
    >>> step([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """
    return _positive(x)


def _step_grad(x):
    return _keep_nan(np.zeros_like(x), x)


# --- sigmoid and tanh --------------------------------------------------------


def _sigmoid(x):
    """Logistic sigmoid.

        f(x) = 1 / (1 + exp(-x)),    f'(x) = f(x) (1 - f(x))

    Range (0, 1); f(-x) = 1 - f(x); the derivative is at most 0.25, at x = 0.

    Notes
    -----
    Computed by ``scipy.special.expit``, which never takes exp of a positive
    number, so it cannot overflow as the naive formula does for x < -709.
    The derivative is computed as s (1 - s) with s = sigmoid(-|x|) <= 1/2, so
    1 - s never cancels (1 - sigmoid(40) is exactly 0 in float64, but the
    derivative there is 4.2e-18).

    Examples
    --------
    >>> sigmoid([-1.0, 0.0, 1.0])
    array([0.26894142, 0.5       , 0.73105858])
    >>> float(sigmoid.grad(0.0))
    0.25
    """
    return _expit(x)


def _sigmoid_grad(x):
    # sigma(x) sigma(-x) = s (1 - s) with s = sigma(-|x|) <= 1/2,
    # so 1 - s does not cancel: 1 - sigma(40) is exactly 0 in
    # float64, but the derivative there is 4e-18.
    s = _expit(-np.abs(x))
    return s * (1 - s)


def _tanh(x):
    """Hyperbolic tangent.

        f(x) = tanh(x) = 2 sigmoid(2x) - 1,    f'(x) = 1 - tanh(x)^2

    Zero-centred, range (-1, 1); the derivative is at most 1, at x = 0.

    Notes
    -----
    The derivative is computed as 4 sigmoid(2x) sigmoid(-2x), equal to
    1 - tanh(x)^2 but without the cancellation where tanh(x) is near +-1.

    Examples
    --------
    >>> tanh([0.0, 1.0])
    array([0.        , 0.76159416])
    >>> float(tanh.grad(0.0))
    1.0
    """
    return np.tanh(x)


def _tanh_grad(x):
    # 1 - tanh(x)^2 = 4 sigma(2x) sigma(-2x): no cancellation when tanh(x) is near +-1.
    s = _expit(-2 * np.minimum(np.abs(x), _SATURATE))
    return 4 * s * (1 - s)


# --- the ReLU family ---------------------------------------------------------


def _relu(x):
    """Rectified linear unit (ReLU).

        f(x) = max(0, x),    f'(x) = 1 for x > 0, 0 for x < 0

    Continuous everywhere, with a kink (not a gap) at 0. At x = 0
    ``relu.grad`` returns 0, as PyTorch and JAX do; any value in [0, 1] is a
    valid subgradient there.

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
    return np.maximum(x, 0.0)


def _relu_grad(x):
    return _positive(x)


def _leaky(x, alpha):
    """x for x > 0, alpha * x otherwise (Leaky ReLU and PReLU)."""
    if alpha == 0:  # plain ReLU; also avoids 0 * -inf = nan
        return np.maximum(x, 0.0)
    return np.where(x > 0, x, alpha * np.minimum(x, 0.0))


def _leaky_grad(x, alpha):
    return _keep_nan(np.where(x > 0, 1.0, alpha).astype(x.dtype), x)


def _leaky_relu(x, alpha=0.01):
    """Leaky ReLU.

        f(x) = x for x > 0, alpha x otherwise
        f'(x) = 1 for x > 0, alpha otherwise (alpha at 0, too)

    The small slope keeps a gradient flowing for negative inputs, so a unit
    cannot die.

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
    return _leaky(x, alpha)


class PReLU(Activation):
    """Leaky ReLU whose slope ``alpha`` is learned, so it has a gradient in alpha too."""

    def grad_alpha(self, x, **params):
        """The derivative df/dalpha, elementwise: 0 for x > 0, x otherwise."""
        func = f"{self.name}.grad_alpha"
        x = as_float_array(x, func)
        self.settings(params, func)
        return like_input(np.minimum(x, 0.0), x)


def _prelu(x, alpha):
    """Parametric ReLU (PReLU): a Leaky ReLU whose slope is learned.

        f(x) = x for x > 0, alpha x otherwise
        df/dx = 1 for x > 0, alpha otherwise
        df/dalpha = 0 for x > 0, x otherwise    (``prelu.grad_alpha``)

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
    return _leaky(x, alpha)


def _elu(x, alpha=1.0):
    """Exponential linear unit (ELU).

        f(x) = x for x > 0, alpha (exp(x) - 1) otherwise
        f'(x) = 1 for x > 0, alpha exp(x) otherwise

    Smooth negative saturation towards -alpha.

    Parameters
    ----------
    alpha : float, default 1.0
        The negative saturation value is -alpha; must be >= 0.

    Notes
    -----
    Uses ``expm1``, exact near 0 where exp(x) - 1 cancels, on min(x, 0), so
    the branch that ``np.where`` discards cannot overflow.

    References
    ----------
    Clevert, Unterthiner and Hochreiter (2016), Fast and accurate deep network
    learning by exponential linear units (ELUs). ``clevert2016fast``

    Examples
    --------
    >>> elu([-1.0, 0.0, 2.0])
    array([-0.63212056,  0.        ,  2.        ])
    """
    # expm1 is exact near 0 where exp(x) - 1 cancels; min(x, 0) keeps it from
    # overflowing on the branch np.where throws away.
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def _elu_grad(x, alpha=1.0):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def _selu(x):
    """Scaled exponential linear unit (SELU).

        f(x) = lambda x for x > 0, lambda alpha (exp(x) - 1) otherwise
        f'(x) = lambda for x > 0, lambda alpha exp(x) otherwise

    With lambda = 1.0507... and alpha = 1.6733... (``SELU_LAMBDA``,
    ``SELU_ALPHA``), activations keep mean 0 and variance 1 from layer to
    layer under LeCun-normal initialisation.

    References
    ----------
    Klambauer, Unterthiner, Mayr and Hochreiter (2017), Self-normalizing neural
    networks. ``klambauer2017self``

    Examples
    --------
    >>> selu([0.0, 1.0])
    array([0.        , 1.05070099])
    """
    return SELU_LAMBDA * _elu(x, SELU_ALPHA)


def _selu_grad(x):
    return SELU_LAMBDA * _elu_grad(x, SELU_ALPHA)


def _relu6(x):
    """ReLU6, a ReLU capped at 6 (used in MobileNet).

        f(x) = min(max(0, x), 6)
        f'(x) = 1 for 0 < x < 6, 0 otherwise (also 0 at the kinks 0 and 6)

    References
    ----------
    Krizhevsky (2010), Convolutional deep belief networks on CIFAR-10.
    ``krizhevsky2010convolutional``

    Examples
    --------
    >>> relu6([-1.0, 3.0, 10.0])
    array([0., 3., 6.])
    """
    return np.clip(x, 0.0, 6.0)


def _relu6_grad(x):
    return _keep_nan(((x > 0) & (x < 6)).astype(x.dtype), x)


# --- smooth activations ------------------------------------------------------


def _softplus(x, beta=1.0):
    """Softplus, a smooth ReLU.

        f(x) = log(1 + exp(beta x)) / beta,    f'(x) = sigmoid(beta x)

    Parameters
    ----------
    beta : float, default 1.0
        Sharpness, > 0: larger beta bends it closer to ReLU.

    Notes
    -----
    Computed as max(x, 0) + log(1 + exp(-beta |x|)) / beta: the exponent is
    never positive, so exp cannot overflow (the naive form overflows above
    x = 709).

    References
    ----------
    Dugas et al. (2001), Incorporating second-order functional knowledge for
    better option pricing. ``dugas2001incorporating``

    Examples
    --------
    >>> float(softplus(0.0)), float(softplus(1000.0))  # log 2; the naive form overflows
    (0.6931471805599453, 1000.0)
    """
    # log(1 + e^(bx)) = max(bx, 0) + log(1 + e^(-b|x|)): the exponent is never
    # positive, so exp cannot overflow (the naive form overflows above x = 709).
    bx = beta * np.minimum(np.abs(x), _SATURATE / beta)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-bx)) / beta


def _softplus_grad(x, beta=1.0):
    return _sigmoid_of(x, beta)


def _swish(x, beta=1.0):
    """Swish.

        f(x) = x sigmoid(beta x)
        f'(x) = sigmoid(beta x) (1 + beta x sigmoid(-beta x))

    beta = 1 is SiLU, beta = 0 gives x / 2, and as beta grows it approaches
    ReLU. Non-monotonic: for beta = 1 its minimum is about -0.278, at x = -1.278.

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
    if beta == 0:
        return 0.5 * x
    # Below x = -800 / beta, swish underflows to 0; clipping x there avoids -inf * 0 = nan.
    x = np.maximum(x, -_SATURATE / beta)
    return x * _sigmoid_of(x, beta)


def _swish_grad(x, beta=1.0):
    if beta == 0:
        return _keep_nan(np.full_like(x, 0.5), x)
    limit = _SATURATE / beta
    z = beta * np.clip(x, -limit, limit)
    return _expit(z) * (1 + z * _expit(-z))


def _silu(x):
    """SiLU, the sigmoid-weighted linear unit: Swish with beta = 1.

        f(x) = x sigmoid(x),    f'(x) = sigmoid(x) (1 + x sigmoid(-x))

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
    return _swish(x, 1.0)


def _silu_grad(x):
    return _swish_grad(x, 1.0)


def _mish(x):
    """Mish.

        f(x) = x tanh(softplus(x))
        f'(x) = tanh(softplus(x)) + x sigmoid(x) (1 - tanh(softplus(x))^2)

    (the chain rule with softplus'(x) = sigmoid(x)). Non-monotonic, minimum
    about -0.309; f'(0) = tanh(ln 2) = 0.6.

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
    x = np.maximum(x, -_SATURATE)  # mish underflows to 0 below; avoids -inf * 0 = nan
    return x * np.tanh(_softplus(x))


def _mish_grad(x):
    x = np.clip(x, -_SATURATE, _SATURATE)  # the derivative is exactly 0 or 1 beyond
    sp = _softplus(x)
    return np.tanh(sp) + x * _tanh_grad(sp) * _expit(x)


def _gelu_tanh_argument(x):
    """u = sqrt(2/pi) (x + 0.044715 x^3), the argument of the tanh approximation."""
    return _SQRT_2_OVER_PI * (x + _GELU_CUBIC * x**3)


def _gelu(x, approximate="none"):
    """Gaussian error linear unit (GELU).

        f(x) = x Phi(x) = x (1 + erf(x / sqrt 2)) / 2,    f'(x) = Phi(x) + x phi(x)

    Phi is the standard normal cumulative distribution (``scipy.special.ndtr``)
    and phi its density.

    Parameters
    ----------
    approximate : {"none", "tanh"}, default "none"
        "tanh" uses the approximation of the original paper,
        x (1 + tanh(u)) / 2 with u = sqrt(2 / pi) (x + 0.044715 x^3).

    Notes
    -----
    (1 + tanh(u)) / 2 is computed as sigmoid(2u), which does not cancel where
    tanh(u) is near -1.

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
    x = np.clip(x, -_SATURATE, None)  # gelu underflows to 0 below; avoids -inf * 0 = nan
    if approximate == "tanh":
        # (1 + tanh(u)) / 2 = sigmoid(2u): no cancellation where tanh(u) is near -1;
        # clipping above keeps x^3 finite (sigmoid is exactly 1 there anyway).
        return x * _expit(2 * _gelu_tanh_argument(np.minimum(x, _SATURATE)))
    return x * special.ndtr(x)


def _gelu_grad(x, approximate="none"):
    x = np.clip(x, -_SATURATE, _SATURATE)  # the derivative is exactly 0 or 1 beyond
    if approximate == "tanh":
        u = _gelu_tanh_argument(x)
        du = _SQRT_2_OVER_PI * (1 + 3 * _GELU_CUBIC * x**2)
        s = _expit(2 * u)
        return s + 2 * x * s * _expit(-2 * u) * du
    density = np.exp(-0.5 * x**2) / np.sqrt(2 * np.pi)
    return special.ndtr(x) + x * density


# --- the catalogue -------------------------------------------------------------

_ALPHA_01 = {"alpha": Param(0.01, minimum=0.0, maximum=1.0)}

identity = Activation("identity", _identity, _identity_grad, latex=r"f(x) = x", grad_latex=r"f'(x) = 1")
step = Activation(
    "step",
    _step,
    _step_grad,
    latex=r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
    grad_latex=r"f'(x) = 0 \quad (x \ne 0)",
    reference="rosenblatt1958perceptron",
)
sigmoid = Activation(
    "sigmoid",
    _sigmoid,
    _sigmoid_grad,
    latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    grad_latex=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
)
tanh = Activation(
    "tanh",
    _tanh,
    _tanh_grad,
    latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1",
    grad_latex=r"\tanh'(x) = 1 - \tanh^2(x)",
)
relu = Activation(
    "relu",
    _relu,
    _relu_grad,
    latex=r"f(x) = \max(0, x)",
    grad_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
    reference="nair2010rectified",
)
leaky_relu = Activation(
    "leaky_relu",
    _leaky_relu,
    _leaky_grad,
    latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}",
    grad_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}",
    reference="maas2013rectifier",
    params=_ALPHA_01,
)
prelu = PReLU(
    "prelu",
    _prelu,
    _leaky_grad,
    latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}"
    r"\quad (\alpha \text{ learned})",
    grad_latex=r"\frac{\partial f}{\partial x} = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0"
    r"\end{cases}, \quad \frac{\partial f}{\partial \alpha} = \min(0, x)",
    reference="he2015delving",
    params={"alpha": Param(None)},
)
elu = Activation(
    "elu",
    _elu,
    _elu_grad,
    latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}",
    grad_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
    reference="clevert2016fast",
    params={"alpha": Param(1.0, minimum=0.0)},
)
selu = Activation(
    "selu",
    _selu,
    _selu_grad,
    latex=r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}",
    grad_latex=r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
    reference="klambauer2017self",
)
relu6 = Activation(
    "relu6",
    _relu6,
    _relu6_grad,
    latex=r"f(x) = \min(\max(0, x), 6)",
    grad_latex=r"f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}",
    reference="krizhevsky2010convolutional",
)
softplus = Activation(
    "softplus",
    _softplus,
    _softplus_grad,
    latex=r"f(x) = \frac{1}{\beta} \log\bigl(1 + e^{\beta x}\bigr)",
    grad_latex=r"f'(x) = \sigma(\beta x)",
    reference="dugas2001incorporating",
    params={"beta": Param(1.0, minimum=0.0, strict=True)},
)
swish = Activation(
    "swish",
    _swish,
    _swish_grad,
    latex=r"f(x) = x\,\sigma(\beta x)",
    grad_latex=r"f'(x) = \sigma(\beta x)\,\bigl(1 + \beta x\,\sigma(-\beta x)\bigr)",
    reference="ramachandran2017searching",
    params={"beta": Param(1.0, minimum=0.0)},
)
silu = Activation(
    "silu",
    _silu,
    _silu_grad,
    latex=r"f(x) = x\,\sigma(x)",
    grad_latex=r"f'(x) = \sigma(x)\,\bigl(1 + x\,\sigma(-x)\bigr)",
    reference="elfwing2018sigmoid",
)
mish = Activation(
    "mish",
    _mish,
    _mish_grad,
    latex=r"f(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)",
    grad_latex=r"f'(x) = \tanh\bigl(\operatorname{softplus}(x)\bigr)"
    r" + x\,\sigma(x)\,\bigl(1 - \tanh^2(\operatorname{softplus}(x))\bigr)",
    reference="misra2019mish",
)
gelu = Activation(
    "gelu",
    _gelu,
    _gelu_grad,
    latex=r"f(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 + \operatorname{erf}\bigl(x/\sqrt{2}\bigr)\Bigr)",
    grad_latex=r"f'(x) = \Phi(x) + x\,\varphi(x)",
    reference="hendrycks2016gaussian",
    params={"approximate": Param("none", choices=("none", "tanh"))},
)

ALL = (
    identity,
    step,
    sigmoid,
    tanh,
    relu,
    leaky_relu,
    prelu,
    elu,
    selu,
    relu6,
    softplus,
    swish,
    silu,
    mish,
    gelu,
)
_BY_NAME = {f.name: f for f in ALL}


def get(name):
    """Return the activation called ``name`` (see ``ALL`` for the list).

    >>> get("relu")
    <activation relu>
    """
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(f"get: name must be a string such as 'relu', got {name!r}")
    if name not in _BY_NAME:
        raise ValueError(f"get: no activation called {name!r}; choose one of {', '.join(_BY_NAME)}")
    return _BY_NAME[name]
