"""High-precision references (mpmath) for every activation and its derivative.

Each reference is written from the mathematical definition, not from the
package's formulas: mpmath has an unbounded exponent range, so the naive
formulas are exact enough here (exp(1e308) is an ordinary number to it).
Where a naive formula would cancel (1 - tanh^2 near +-1) the reference uses
an equivalent form without cancellation (sech^2), so 60 digits always hold.
"""

import mpmath as mp
import numpy as np

mp.mp.dps = 60

SELU_ALPHA = mp.mpf("1.6732632423543772848170429916717")
SELU_LAMBDA = mp.mpf("1.0507009873554804934193349852946")


def _sigmoid(z):
    return 1 / (1 + mp.exp(-z))


def _dsigmoid(z):
    # exp(-z) / (1 + exp(-z))^2, written symmetrically so it never cancels
    return 1 / (mp.exp(z) + 2 + mp.exp(-z))


def _sech2(z):
    return 1 / mp.cosh(z) ** 2


def _softplus(z):
    return mp.log1p(mp.exp(z))


def _ncdf(x):
    # mpmath's erfc fails for |x| > ~1e154; beyond 1e6 the Gaussian tail is below
    # 10**(-2e11), so Phi is 0 or 1 to every digit a float can hold.
    return mp.ncdf(x) if abs(x) < 1e6 else mp.mpf(x > 0)


def _npdf(x):
    return mp.npdf(x) if abs(x) < 1e6 else mp.mpf(0)


def _gelu_u(x):
    return mp.sqrt(2 / mp.pi) * (x + mp.mpf("0.044715") * x**3)


def _gelu_du(x):
    return mp.sqrt(2 / mp.pi) * (1 + 3 * mp.mpf("0.044715") * x**2)


# name -> (f(x, **params), f'(x, **params)) on mpf numbers
REFERENCES = {
    "identity": (lambda x: x, lambda x: mp.mpf(1)),
    "step": (lambda x: mp.mpf(1 if x > 0 else 0), lambda x: mp.mpf(0)),
    "sigmoid": (_sigmoid, _dsigmoid),
    "tanh": (mp.tanh, _sech2),
    "relu": (lambda x: x if x > 0 else mp.mpf(0), lambda x: mp.mpf(1 if x > 0 else 0)),
    "leaky_relu": (
        lambda x, alpha=0.01: x if x > 0 else mp.mpf(alpha) * x,
        lambda x, alpha=0.01: mp.mpf(1) if x > 0 else mp.mpf(alpha),
    ),
    "prelu": (
        lambda x, alpha: x if x > 0 else mp.mpf(alpha) * x,
        lambda x, alpha: mp.mpf(1) if x > 0 else mp.mpf(alpha),
    ),
    "elu": (
        lambda x, alpha=1.0: x if x > 0 else mp.mpf(alpha) * mp.expm1(x),
        lambda x, alpha=1.0: mp.mpf(1) if x > 0 else mp.mpf(alpha) * mp.exp(x),
    ),
    "selu": (
        lambda x: SELU_LAMBDA * (x if x > 0 else SELU_ALPHA * mp.expm1(x)),
        lambda x: SELU_LAMBDA * (1 if x > 0 else SELU_ALPHA * mp.exp(x)),
    ),
    "relu6": (
        lambda x: min(max(x, mp.mpf(0)), mp.mpf(6)),
        lambda x: mp.mpf(1 if 0 < x < 6 else 0),
    ),
    "hard_sigmoid": (
        lambda x: min(max(x + 3, mp.mpf(0)), mp.mpf(6)) / 6,
        lambda x: mp.mpf(1) / 6 if -3 < x < 3 else mp.mpf(0),
    ),
    "hard_swish": (
        lambda x: x * min(max(x + 3, mp.mpf(0)), mp.mpf(6)) / 6,
        lambda x: mp.mpf(0) if x <= -3 else (mp.mpf(1) if x >= 3 else (2 * x + 3) / 6),
    ),
    "softplus": (
        lambda x, beta=1.0: _softplus(mp.mpf(beta) * x) / mp.mpf(beta),
        lambda x, beta=1.0: _sigmoid(mp.mpf(beta) * x),
    ),
    "swish": (
        lambda x, beta=1.0: x * _sigmoid(mp.mpf(beta) * x),
        lambda x, beta=1.0: _sigmoid(mp.mpf(beta) * x) + mp.mpf(beta) * x * _dsigmoid(mp.mpf(beta) * x),
    ),
    "silu": (
        lambda x: x * _sigmoid(x),
        lambda x: _sigmoid(x) + x * _dsigmoid(x),
    ),
    "mish": (
        lambda x: x * mp.tanh(_softplus(x)),
        lambda x: mp.tanh(_softplus(x)) + x * _sech2(_softplus(x)) * _sigmoid(x),
    ),
    "gelu": (
        lambda x, approximate="none": x * _ncdf(x) if approximate == "none" else x * _sigmoid(2 * _gelu_u(x)),
        lambda x, approximate="none": (
            _ncdf(x) + x * _npdf(x)
            if approximate == "none"
            else _sigmoid(2 * _gelu_u(x)) + x * 2 * _dsigmoid(2 * _gelu_u(x)) * _gelu_du(x)
        ),
    ),
}

# Parameter settings each activation is checked at.
SETTINGS = {
    "leaky_relu": [{}, {"alpha": 0.2}, {"alpha": 0.0}],
    "prelu": [{"alpha": 0.25}, {"alpha": -0.5}, {"alpha": 0.0}],
    "elu": [{}, {"alpha": 0.5}],
    "softplus": [{}, {"beta": 0.1}, {"beta": 10.0}],
    "swish": [{}, {"beta": 0.0}, {"beta": 0.5}, {"beta": 10.0}],
    "gelu": [{}, {"approximate": "tanh"}],
}

# Limits at -inf and +inf of (f, f').
LIMITS = {
    "identity": ((-np.inf, 1.0), (np.inf, 1.0)),
    "step": ((0.0, 0.0), (1.0, 0.0)),
    "sigmoid": ((0.0, 0.0), (1.0, 0.0)),
    "tanh": ((-1.0, 0.0), (1.0, 0.0)),
    "relu": ((0.0, 0.0), (np.inf, 1.0)),
    "relu6": ((0.0, 0.0), (6.0, 0.0)),
    "hard_sigmoid": ((0.0, 0.0), (1.0, 0.0)),
    "hard_swish": ((0.0, 0.0), (np.inf, 1.0)),
    "softplus": ((0.0, 0.0), (np.inf, 1.0)),
    "silu": ((0.0, 0.0), (np.inf, 1.0)),
    "mish": ((0.0, 0.0), (np.inf, 1.0)),
    "gelu": ((0.0, 0.0), (np.inf, 1.0)),
}


def limits(name, params):
    """(f, f') at -inf and +inf for an activation with the given settings."""
    if name in ("leaky_relu", "prelu"):
        alpha = params.get("alpha", 0.01)
        low = 0.0 if alpha == 0 else -np.inf * np.sign(alpha)
        return (low, alpha), (np.inf, 1.0)
    if name in ("elu", "selu"):
        alpha = params.get("alpha", 1.0) if name == "elu" else float(SELU_ALPHA)
        scale = 1.0 if name == "elu" else float(SELU_LAMBDA)
        return (-scale * alpha, 0.0), (np.inf, scale)
    if name == "swish" and params.get("beta", 1.0) == 0:
        return (-np.inf, 0.5), (np.inf, 0.5)
    return LIMITS.get(name, LIMITS["silu"])


def second_derivative(name, x, params):
    """f''(x) by a central difference of the reference f' (only sizes the tolerance)."""
    grad = REFERENCES[name][1]
    h = mp.mpf(2) ** -80 * max(1, abs(x))
    return (grad(x + h, **params) - grad(x - h, **params)) / (2 * h)


def evaluate(name, xs, params):
    """Reference values, derivatives and condition numbers at float inputs xs (finite only).

    Returns float64 arrays: f, f', cond(f) = |x f'/f|, cond(f') = |x f''/f'|
    (0 where the value itself is 0).
    """
    f, grad = REFERENCES[name]
    out = np.zeros((4, len(xs)))
    for i, x64 in enumerate(xs):
        x = mp.mpf(float(x64))
        fx, gx = f(x, **params), grad(x, **params)
        hx = second_derivative(name, x, params)
        out[0, i], out[1, i] = float(fx), float(gx)
        out[2, i] = float(abs(x * gx / fx)) if fx != 0 else 0.0
        out[3, i] = float(abs(x * hx / gx)) if gx != 0 else 0.0
    return out
