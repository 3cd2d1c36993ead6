"""Gradient checking: compare an analytic gradient with finite differences.

The central difference (f(x + h) - f(x - h)) / (2h) has an error of order h^2
from truncation plus (machine epsilon) / h from rounding; a step h of 1e-6
times max(1, |x|) balances the two in float64 to about 1e-10. A correct gradient therefore
agrees to about 1e-8 relative error; a wrong one (a missing factor, a sign)
is off by order 1.

Arrays are promoted to float64 here, whatever their dtype: in float32 the
rounding error of a finite difference is larger than the signal.
"""

from dataclasses import dataclass

import numpy as np

from ._core import as_float_array, as_parameter
from .diagnostics import statistics_kept


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of ``sum(f(x))`` with respect to every entry of x.

    Book: section 2.1.

    For a scalar-valued ``f`` (a loss) this is its gradient; for an
    elementwise ``f`` (an activation) it is the derivative at every entry.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x``; returns a scalar or an array.
    x : array_like
        Where to differentiate. Not modified.
    eps : float
        Relative step: entry i moves by ``eps * max(1, |x_i|)``.

    Examples
    --------
    >>> np.round(numerical_gradient(lambda v: np.sum(v**2), [1.0, -2.0]), 6)
    array([ 2., -4.])
    """
    x = as_float_array(x, "numerical_gradient").astype(np.float64)
    eps = as_parameter(eps, "numerical_gradient", "eps", minimum=0.0, strict=True)
    grad = np.empty_like(x)
    for i in np.ndindex(x.shape):
        h = eps * max(1.0, abs(x[i]))
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        # Sum the difference, not the two sums: entries that f leaves unchanged cancel exactly.
        grad[i] = np.sum(np.asarray(f(up), dtype=np.float64) - np.asarray(f(down), dtype=np.float64))
        grad[i] /= up[i] - down[i]
    return grad


@dataclass
class GradCheckResult:
    """Outcome of :func:`check_grad`.

    ``max_rel_error`` is the worst relative error |a - n| / max(|a|, |n|, floor)
    over all entries, found at ``worst_index``, where the analytic gradient
    was ``analytic`` and the finite difference ``numerical``. The floor is
    1/1000 of the largest gradient entry checked (by :func:`check_model`,
    the largest in the whole network): a finite difference cannot resolve
    much smaller entries to many digits, so those are compared in absolute
    terms, and an entry below the floor passes when |a - n| is below
    ``tolerance`` times the floor. From :func:`check_model`, ``parameter`` is
    the position of the worst parameter in ``model.parameters()``.
    """

    max_rel_error: float
    worst_index: tuple
    analytic: float
    numerical: float
    tolerance: float
    parameter: int | None = None

    @property
    def passed(self):
        return self.max_rel_error <= self.tolerance

    def __bool__(self):
        return self.passed

    def __str__(self):
        verdict = "passed" if self.passed else "FAILED"
        return (
            f"gradient check {verdict}: worst relative error {self.max_rel_error:.1e} "
            f"(tolerance {self.tolerance:.0e}) at index {self.worst_index}"
            + ("" if self.parameter is None else f" of parameter {self.parameter}")
            + f": analytic {self.analytic:.6g}, numerical {self.numerical:.6g}"
        )


def check_grad(f, grad, x, eps=1e-6, tolerance=1e-6):
    """Compare ``grad(x)`` with the finite-difference gradient of ``sum(f(x))``.

    Book: section 2.1 and the tests of every derivative.

    Parameters
    ----------
    f : callable
        A loss (array to scalar) or an elementwise function.
    grad : callable
        Its claimed gradient: an array shaped like ``x``.
    x : array_like
        Where to check. Keep it away from kinks (relu at 0), where no finite
        difference can agree with a one-sided derivative.
    eps, tolerance : float
        Finite-difference step (see :func:`numerical_gradient`) and the
        largest relative error that counts as a pass.

    Returns
    -------
    GradCheckResult
        True in a boolean context when the check passed; ``print(result)``
        gives a one-line report.

    Examples
    --------
    >>> bool(check_grad(np.sin, np.cos, [0.5, 1.0]))
    True
    >>> bool(check_grad(np.sin, np.sin, [0.5, 1.0]))
    False
    """
    x = as_float_array(x, "check_grad").astype(np.float64)
    tolerance = as_parameter(tolerance, "check_grad", "tolerance", minimum=0.0, strict=True)
    analytic = np.asarray(grad(x.copy()), dtype=np.float64)
    if analytic.shape != x.shape:
        raise ValueError(f"check_grad: grad(x) has shape {analytic.shape} but x has shape {x.shape}")
    return _compare(analytic, numerical_gradient(f, x, eps), tolerance)


def check_model(model, X, y, eps=1e-5, tolerance=1e-5):
    """Check a network's backpropagation: every parameter's gradient against finite differences.

    ``model.loss_and_backward(X, y)``, the very pass that
    :func:`activations.nn.train` runs on every batch, gives the analytic
    gradient of ``model.loss(X, y)`` with respect to every parameter; then
    each entry of each parameter is moved by +-h and the loss recomputed.
    Both run in the model's current mode (training mode, unless
    ``model.training`` was set to False). Used by the tests for every
    activation and loss, and in section 2.2.

    Parameters
    ----------
    model : activations.nn.MLP
        Or any model with ``loss(X, y)``, ``loss_and_backward(X, y)``,
        ``parameters()`` and ``gradients()`` (and ``statistics()``, if it
        keeps running statistics). It is left as it was found.
    X, y : array_like
        A small batch: the check costs two forward passes per parameter entry.
        Keep every pre-activation away from a kink (ReLU's 0): with the
        biases at 0, an input row of zeros puts them all on it, and no finite
        difference can match a one-sided derivative there.
    eps, tolerance : float
        As in :func:`check_grad`, but both larger (1e-5): a network's loss
        sums many rounded terms, and a larger step keeps their rounding error
        small next to the change it measures.

    Notes
    -----
    An entry is compared relative to the larger of its two values and a
    floor, 1/1000 of the largest gradient entry in the whole network (not
    just of its own parameter). Some gradients are exactly 0 in exact
    arithmetic and only rounding in float64: a dense layer's bias just
    before batch normalisation, whose shift the batch mean removes, comes
    out of backpropagation at about 1e-17 and out of the finite difference
    at 0 or about 1e-11 (one rounding step of the loss, about 1e-16, over
    the step 2h = 2e-5). Measured against its own size, that rounding
    would be an error of order 1; measured against the floor it passes,
    because an entry below the floor passes when its error is below
    ``tolerance / 1000`` of the network's largest gradient: 1e-8 of it by
    default, about 1e-9 for a network whose largest gradient is near 0.1,
    a hundred times that rounding. A real error is far larger: doubling any
    gradient entry fails the check unless the entry itself is below 1e-8 of
    the network's largest gradient.

    The model is left as it was found: its parameters are restored, and so
    are running statistics (a batch-normalisation layer in training mode
    updates its running mean and variance on every loss computed here).

    Returns
    -------
    GradCheckResult
        For the worst parameter; ``parameter`` is its position in
        ``model.parameters()``.

    Examples
    --------
    >>> from activations import nn
    >>> model = nn.MLP([3, 4, 2], activation="tanh", seed=0)
    >>> X, y = np.random.default_rng(0).normal(size=(5, 3)), np.array([0, 1, 1, 0, 1])
    >>> print(check_model(model, X, y))  # doctest: +ELLIPSIS
    gradient check passed: worst relative error ...e-... (tolerance 1e-05) at index (...) of parameter ...
    """
    tolerance = as_parameter(tolerance, "check_model", "tolerance", minimum=0.0, strict=True)
    with statistics_kept(model):
        if not np.isfinite(model.loss_and_backward(X, y)):
            raise ValueError("check_model: the loss is not finite here, so there is no gradient to check")
        analytic = [grad.copy() for grad in model.gradients()]
        numerical = [_numerical_model_gradient(model, param, X, y, eps) for param in model.parameters()]
    # the scale of the whole network's gradients sets every parameter's floor (see Notes)
    scale = max((_largest(g) for g in analytic + numerical), default=0.0)
    worst = None
    for k, (a, n) in enumerate(zip(analytic, numerical, strict=True)):
        result = _compare(a, n, tolerance, parameter=k, scale=scale)
        # "not <=" so that a nan error counts as the worst
        if worst is None or not result.max_rel_error <= worst.max_rel_error:
            worst = result
    return worst


def _numerical_model_gradient(model, param, X, y, eps):
    """The finite-difference gradient of ``model.loss(X, y)`` for one parameter, which it restores."""
    original = param.copy()

    def loss_at(value):
        param[...] = value
        try:
            return model.loss(X, y)
        finally:
            param[...] = original

    return numerical_gradient(loss_at, original, eps)


def _largest(values):
    """The largest finite magnitude among ``values``; 0 if there is none."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size else 0.0


def _compare(analytic, numerical, tolerance, parameter=None, scale=None):
    """The worst relative error between two gradients, as a GradCheckResult.

    ``scale`` is the largest gradient entry that sets the floor; by default
    the largest of these two gradients.
    """
    if analytic.size == 0:
        return GradCheckResult(0.0, (), 0.0, 0.0, tolerance, parameter)
    magnitude = np.maximum(np.abs(analytic), np.abs(numerical))
    if scale is None:
        scale = _largest(magnitude)
    floor = max(1e-3 * scale, 1e-12)
    rel = np.abs(analytic - numerical) / np.maximum(magnitude, floor)
    worst = np.unravel_index(np.nanargmax(np.where(np.isnan(rel), np.inf, rel)), analytic.shape)
    return GradCheckResult(
        float(rel[worst]),
        tuple(int(i) for i in worst),
        float(analytic[worst]),
        float(numerical[worst]),
        tolerance,
        parameter,
    )
