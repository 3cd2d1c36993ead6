"""Plain gradient descent on a small function, keeping the whole path for plotting.

    w_new = w_old - lr * grad L(w_old)

Chapter 2 uses it to compare paths on 2-D losses (zig-zag or straight) and on
a 1-D loss with learning rates that are too small, right and too large.

>>> path = gradient_descent(lambda w: 2 * (w - 3.0), w0=[0.0], lr=0.25, steps=3)
>>> path.ravel().tolist()
[0.0, 1.5, 2.25, 2.625]
"""

import numbers

import numpy as np

from activations._core import as_float_array, as_parameter


def gradient_descent(grad, w0, lr, steps):
    """Run ``steps`` steps of gradient descent from ``w0``; return every iterate.

    Book: sections 2.1 and 2.2.

    Parameters
    ----------
    grad : callable
        Maps a parameter vector w (1-D float array) to the gradient of the loss there.
    w0 : array_like
        The starting point.
    lr : float
        The learning rate (step size), > 0.
    steps : int
        How many steps to take.

    Returns
    -------
    ndarray, shape (steps + 1, len(w0))
        Row k is the parameter after k steps (row 0 is ``w0``). A run whose
        iterates overflow stops there and fills the rest with nan: it diverged.
    """
    w = as_float_array(w0, "gradient_descent", "w0").astype(np.float64).ravel()
    lr = as_parameter(lr, "gradient_descent", "lr", minimum=0.0, strict=True)
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 0:
        raise ValueError(f"gradient_descent: steps must be a non-negative integer, got {steps!r}")
    path = np.full((steps + 1, w.size), np.nan)
    path[0] = w
    with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported as nan, not warned
        for k in range(1, steps + 1):
            w = w - lr * np.asarray(grad(w), dtype=np.float64).ravel()
            if not np.all(np.isfinite(w)):
                break
            path[k] = w
    return path
