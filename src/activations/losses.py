"""Softmax, its logarithm, and the losses the book trains with.

Logits ``z`` are the outputs of the last layer before any output activation.
Every function here works from logits, never from probabilities, because
that is the numerically safe way: ``log(softmax(z))`` underflows to
``-inf`` long before ``log_softmax(z)`` loses a digit.

Batch conventions: logits have shape (N, K) for N examples and K classes (a
single example of shape (K,) is also accepted), and every loss is a mean, so
its gradient is divided by the number of terms averaged: N examples for the
cross-entropy, every entry (N times the outputs) for mse and the binary
cross-entropy.
"""

import numbers

import numpy as np
from scipy import special

from ._core import as_float_array, as_parameter, like_input, one_row_at_a_time


def _axis(z, axis, func):
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"{func}: axis must be an integer, got {axis!r}")
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"{func}: axis {axis} is out of range for an array with {z.ndim} dimensions")
    return int(axis) % z.ndim


def _scores(z, axis, func):
    """Check logits for softmax-like functions; return them, the axis and their maximum along it.

    The checks read only the maximum, which softmax needs anyway: a slice
    contains +inf exactly when its maximum is +inf, and is all -inf exactly
    when its maximum is -inf.
    """
    z = as_float_array(z, func, "z")
    if z.ndim == 0:
        raise ValueError(f"{func}: z must have at least one dimension (one entry per class)")
    axis = _axis(z, axis, func)
    if z.shape[axis] == 0:
        raise ValueError(f"{func}: z has no entries along axis {axis}")
    m = np.max(z, axis=axis, keepdims=True)
    if not np.isfinite(m).all():  # one test on the common path; nan passes (it propagates)
        if np.any(m == np.inf):
            raise ValueError(f"{func}: z contains +inf; logits must be finite (-inf may mask a class)")
        if np.any(m == -np.inf):
            raise ValueError(f"{func}: every entry of some slice of z is -inf; nothing is left to normalise")
    return z, axis, m


def logsumexp(z, axis=-1):
    r"""log(sum_k exp(z_k)) along ``axis``, without overflow.

    Book: chapter 4.

    Computed as m + log(sum_k exp(z_k - m)) with m = max_k z_k: the largest
    exponent is 0, so exp cannot overflow, and the sum is at least 1, so the
    log cannot underflow. Its gradient is softmax(z).

    >>> float(logsumexp([1000.0, 1000.0]))  # naive: log(inf + inf) = inf
    1000.6931471805599
    """
    z, axis, m = _scores(z, axis, "logsumexp")
    with one_row_at_a_time(z, axis):
        result = m + np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True))
    return like_input(np.squeeze(result, axis=axis), z)


def softmax(z, axis=-1, temperature=1.0):
    r"""Softmax: y_k = exp(z_k / T) / sum_j exp(z_j / T) along ``axis``.

    Book: chapter 4.

    The outputs are positive and sum to 1. Adding a constant to every logit
    changes nothing, so the maximum is subtracted first and exp never
    overflows (the naive form returns nan for logits like [1000, 1001]).
    A logit of -inf gets probability 0 (a masked class).

    Parameters
    ----------
    z : array_like
        Logits; finite or -inf.
    axis : int, default -1
        The axis over which the probabilities sum to 1.
    temperature : float, default 1.0
        T > 0. T < 1 sharpens the distribution (towards one-hot at the
        argmax), T > 1 flattens it (towards uniform).

    Returns
    -------
    ndarray
        Probabilities, with the shape and float dtype of z.

    >>> softmax([1000.0, 1000.0])
    array([0.5, 0.5])
    >>> softmax([0.0, np.log(3.0)])
    array([0.25, 0.75])
    """
    z, axis, m = _scores(z, axis, "softmax")
    temperature = as_parameter(temperature, "softmax", "temperature", minimum=0.0, strict=True)
    with one_row_at_a_time(z, axis):
        e = z - m  # largest exponent is 0: no overflow
        if temperature != 1.0:
            with np.errstate(over="ignore"):  # -inf here is a probability of exactly 0
                e /= temperature
        np.exp(e, out=e)  # in place: one array for the whole computation
        e *= 1 / np.sum(e, axis=axis, keepdims=True)  # one division per row, not per entry
    return like_input(e, z)


def log_softmax(z, axis=-1):
    r"""log(softmax(z)) along ``axis``, computed as z - logsumexp(z).

    Book: chapter 4.

    Exact where log(softmax(z)) would underflow to -inf: for z = [0, -1000]
    it returns [0, -1000], not [0, -inf].

    >>> log_softmax([0.0, -1000.0])
    array([    0., -1000.])
    """
    z, axis, m = _scores(z, axis, "log_softmax")
    with one_row_at_a_time(z, axis):
        shifted = z - m
        shifted -= np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
    return like_input(shifted, z)


# --- cross-entropy -------------------------------------------------------------


def _logits(logits, func):
    z = as_float_array(logits, func, "logits")
    if z.ndim not in (1, 2) or z.shape[-1] == 0:
        raise ValueError(
            f"{func}: logits must have shape (N, K) or (K,) with K >= 1 classes, got shape {z.shape}"
        )
    if not np.all(np.isfinite(z)):
        raise ValueError(f"{func}: logits must be finite (found nan or inf)")
    return z


def _targets(z, targets, func):
    """Check the targets against the logits z; return class indices or probability rows.

    Integer class indices of shape z.shape[:-1] come back as an integer
    array (never as one-hot rows: the losses pick the target's entry
    instead); rows of probabilities must have the shape of z, be
    non-negative and sum to 1.
    """
    t = np.asarray(targets)
    n_classes = z.shape[-1]
    if t.dtype.kind not in "iuf":
        raise TypeError(f"{func}: targets must be class indices or probabilities, got dtype {t.dtype}")
    if t.shape == z.shape:
        t = t.astype(z.dtype)
        if not np.all(np.isfinite(t)) or np.any(t < 0):
            raise ValueError(f"{func}: probability targets must be finite and non-negative")
        sums = t.sum(axis=-1)
        tolerance = np.sqrt(np.finfo(z.dtype).eps)
        bad = np.flatnonzero(np.abs(sums - 1) > tolerance)
        if bad.size:
            raise ValueError(
                f"{func}: each row of probability targets must sum to 1; "
                f"row {bad[0]} sums to {float(np.ravel(sums)[bad[0]]):.6g}"
            )
        return t
    if t.shape != z.shape[:-1]:
        if t.ndim == 1 and z.ndim == 2:
            raise ValueError(
                f"{func}: batch size mismatch: logits have {z.shape[0]} rows but targets has {t.size}"
            )
        raise ValueError(
            f"{func}: targets must be class indices of shape {z.shape[:-1]} or probabilities of "
            f"shape {z.shape}, got shape {t.shape}"
        )
    if t.dtype.kind == "f" and not np.all(np.isfinite(t) & (t == np.round(t))):
        bad = np.ravel(t)[~np.ravel(np.isfinite(t) & (t == np.round(t)))][0]
        raise ValueError(f"{func}: class labels must be integers, got {bad}")
    if np.any(t < 0) or np.any(t >= n_classes):
        bad = np.ravel(t)[np.ravel((t < 0) | (t >= n_classes))][0]
        raise ValueError(
            f"{func}: class label {bad} is out of range for {n_classes} classes (0 to {n_classes - 1})"
        )
    return t.astype(np.intp)


def _at_targets(a, t):
    """The entry of each row of a at its target class t (class indices)."""
    return np.take_along_axis(a, t[..., np.newaxis], axis=-1)[..., 0]


def _subtract_targets(p, t):
    """p - t in place, for t class indices (1 at the target) or probability rows."""
    if t.dtype.kind == "f":
        p -= t
    else:
        index = t[..., np.newaxis]
        np.put_along_axis(p, index, np.take_along_axis(p, index, axis=-1) - 1, axis=-1)
    return p


def _cross_entropy(logits, targets, func, with_grad):
    """The mean cross-entropy, and its gradient if asked, from one softmax."""
    z = _logits(logits, func)
    t = _targets(z, targets, func)
    n = z.shape[0] if z.ndim == 2 else 1
    with one_row_at_a_time(z, -1):
        shifted = z - np.max(z, axis=-1, keepdims=True)  # no overflow in exp
        e = np.exp(shifted)
        total = np.sum(e, axis=-1, keepdims=True)
        # -log softmax(z)_k = log(total) - shifted_k
        if t.dtype.kind == "f":
            loss = np.sum(t * (np.log(total) - shifted)) / n
        else:
            loss = np.sum(np.log(total[..., 0]) - _at_targets(shifted, t)) / n
        loss = like_input(loss, z)
        if not with_grad:
            return loss
        e /= total  # the softmax, in place
    grad = _subtract_targets(e, t)
    grad /= n
    return loss, like_input(grad, z)


def cross_entropy(logits, targets):
    r"""Mean cross-entropy of softmax(logits) against the targets.

    Book: section 2.2 (through nn.MLP), chapter 4.

    L = -(1/N) sum_n sum_k t_nk log softmax(z_n)_k, computed with
    :func:`log_softmax` so it is finite for any finite logits. The gradient
    is :func:`cross_entropy_grad`.

    Parameters
    ----------
    logits : array_like, shape (N, K) or (K,)
        Finite scores for N examples and K classes.
    targets : array_like
        Integer class indices in 0..K-1, shape (N,) (or a scalar for a single
        example), or rows of probabilities with the shape of ``logits``,
        each row non-negative and summing to 1.

    Returns
    -------
    float
        The mean over the batch (a NumPy float of the logits' dtype).

    >>> round(float(cross_entropy([[0.0, 0.0]], [1])), 6)  # log 2
    0.693147
    >>> float(cross_entropy([[0.0, 1000.0]], [1]))
    0.0
    """
    return _cross_entropy(logits, targets, "cross_entropy", with_grad=False)


def cross_entropy_grad(logits, targets):
    r"""Gradient of :func:`cross_entropy` with respect to the logits.

    Book: section 2.2 (through nn.MLP), chapter 4.

    dL/dz = (softmax(z) - t) / N: the prediction minus the target, per
    example, divided by the batch size N because the loss is a batch mean.

    >>> cross_entropy_grad([[0.0, 0.0]], [1])
    array([[ 0.5, -0.5]])
    """
    return _cross_entropy(logits, targets, "cross_entropy_grad", with_grad=True)[1]


def cross_entropy_and_grad(logits, targets):
    r"""The mean cross-entropy and its gradient with respect to the logits, from one softmax.

    Book: what ``nn.MLP`` calls on every batch. Arguments as for
    :func:`cross_entropy`; the result is ``(cross_entropy(logits, targets),
    cross_entropy_grad(logits, targets))``, with the inputs checked and the
    softmax computed once.

    >>> loss, grad = cross_entropy_and_grad([[0.0, 0.0]], [1])
    >>> round(float(loss), 6), grad
    (0.693147, array([[ 0.5, -0.5]]))
    """
    return _cross_entropy(logits, targets, "cross_entropy_and_grad", with_grad=True)


# --- binary cross-entropy and squared error ----------------------------------------


def _pair(predictions, targets, func, pred_name):
    y = as_float_array(predictions, func, pred_name)
    t = as_float_array(targets, func, "targets")
    if y.shape != t.shape:
        raise ValueError(f"{func}: {pred_name} has shape {y.shape} but targets has shape {t.shape}")
    if y.size == 0:
        raise ValueError(f"{func}: {pred_name} is empty; the mean of no losses is undefined")
    if not (np.all(np.isfinite(y)) and np.all(np.isfinite(t))):
        raise ValueError(f"{func}: {pred_name} and targets must be finite (found nan or inf)")
    return y, t.astype(y.dtype)


def _binary_targets(logits, targets, func):
    z, t = _pair(logits, targets, func, "logits")
    if np.any((t < 0) | (t > 1)):
        raise ValueError(f"{func}: targets must lie in [0, 1] (labels or probabilities)")
    return z, t


def binary_cross_entropy_with_logits(logits, targets):
    r"""Mean binary cross-entropy of sigmoid(logits) against targets in [0, 1].

    Book: section 1.2 (logistic regression), chapter 4.

    L = mean(-t log sigma(z) - (1 - t) log(1 - sigma(z))) = mean(softplus(z) - t z),
    computed as max(z, 0) - t z + log(1 + exp(-|z|)) so that no exp overflows
    and no log sees 0. Use it for binary and multi-label outputs.

    >>> round(float(binary_cross_entropy_with_logits([0.0], [1.0])), 6)  # log 2
    0.693147
    >>> float(binary_cross_entropy_with_logits([-1000.0], [0.0]))
    0.0
    """
    z, t = _binary_targets(logits, targets, "binary_cross_entropy_with_logits")
    losses = np.maximum(z, 0) - t * z + np.log1p(np.exp(-np.abs(z)))
    return like_input(np.mean(losses), z)


def binary_cross_entropy_with_logits_grad(logits, targets):
    r"""Gradient of :func:`binary_cross_entropy_with_logits`: (sigmoid(z) - t) / n.

    Book: section 1.2 (logistic regression), chapter 4.

    n is the number of entries, because the loss is their mean.

    >>> binary_cross_entropy_with_logits_grad([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    z, t = _binary_targets(logits, targets, "binary_cross_entropy_with_logits_grad")
    return like_input((special.expit(z) - t) / z.size, z)


def mse(predictions, targets):
    r"""Mean squared error: L = mean((y - t)^2) over every entry.

    Book: chapter 4.

    The loss for regression with an identity output. No factor 1/2.

    >>> float(mse([1.0, 3.0], [0.0, 0.0]))
    5.0
    """
    y, t = _pair(predictions, targets, "mse", "predictions")
    return like_input(np.mean((y - t) ** 2), y)


def mse_grad(predictions, targets):
    r"""Gradient of :func:`mse` with respect to the predictions: 2 (y - t) / n.

    Book: chapter 4.

    >>> mse_grad([1.0, 3.0], [0.0, 0.0])
    array([1., 3.])
    """
    y, t = _pair(predictions, targets, "mse_grad", "predictions")
    return like_input(2 * (y - t) / y.size, y)


# --- softmax followed by squared error (chapter 4's cautionary comparison) ----------


def softmax_backward(z, grad_p, axis=-1):
    r"""dL/dz from dL/dp, where p = softmax(z): the softmax Jacobian applied to a gradient.

    Book: chapter 4.

    Since dp_k/dz_j = p_k (delta_kj - p_j), the chain rule gives
    dL/dz_j = p_j (g_j - sum_k g_k p_k) with g = dL/dp, without forming the
    K x K Jacobian.

    >>> softmax_backward([0.0, 0.0], [1.0, 0.0])
    array([ 0.25, -0.25])
    """
    z, axis, _ = _scores(z, axis, "softmax_backward")
    g = as_float_array(grad_p, "softmax_backward", "grad_p")
    if g.shape != z.shape:
        raise ValueError(f"softmax_backward: grad_p has shape {g.shape} but z has shape {z.shape}")
    p = softmax(z, axis=axis)
    return like_input(p * (g - np.sum(g * p, axis=axis, keepdims=True)), z)


def softmax_mse(logits, targets):
    r"""Squared error between softmax(logits) and the targets, averaged over every entry.

    Book: chapter 4, as the combination *not* to use: when the model is
    confidently wrong its gradient vanishes (see :func:`softmax_mse_grad`).
    Targets are class indices or rows of probabilities, as for
    :func:`cross_entropy`.

    >>> round(float(softmax_mse([[0.0, 0.0]], [1])), 6)  # ((0.5 - 0)^2 + (0.5 - 1)^2) / 2
    0.25
    """
    z = _logits(logits, "softmax_mse")
    error = _subtract_targets(softmax(z), _targets(z, targets, "softmax_mse"))
    return like_input(np.mean(error**2), z)


def softmax_mse_grad(logits, targets):
    r"""Gradient of :func:`softmax_mse` with respect to the logits.

    Book: chapter 4. The squared error's gradient 2 (p - t) / n, passed back
    through the softmax by :func:`softmax_backward`.

    >>> softmax_mse_grad([[0.0, 0.0]], [1])
    array([[ 0.25, -0.25]])
    """
    z = _logits(logits, "softmax_mse_grad")
    error = _subtract_targets(softmax(z), _targets(z, targets, "softmax_mse_grad"))
    return softmax_backward(z, 2 * error / z.size)
