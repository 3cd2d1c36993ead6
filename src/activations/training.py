"""Training a network: the optimisers and the loop over epochs and mini-batches.

An optimiser moves every parameter along its gradient; :func:`train` repeats,
epoch after epoch, the training step of :mod:`activations.nn` on shuffled
mini-batches and records a :class:`History`:

    for batch in batches:
        loss = model.loss_and_backward(X[batch], y[batch])    # forward, loss, backward
        optimizer.step(model.parameters(), model.gradients())

:class:`SGD` (with momentum) and :class:`Adam` are the optimisers. The
network's own module, :mod:`activations.nn`, imports everything here, so
``nn.train`` and ``nn.Adam`` are these.

>>> from activations import nn
>>> X, y = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1, 0])
>>> model = nn.MLP([2, 8, 2], activation="tanh", init="Xavier", seed=0)
>>> history = train(model, X, y, SGD(lr=0.5, momentum=0.9), epochs=100, record="grad_norms")
>>> history.grad_norms.shape  # one row at the start and one after every epoch; one column a dense layer
(101, 2)
"""

from dataclasses import dataclass

import numpy as np

from ._core import as_float_array, as_parameter

# --- optimisers ---------------------------------------------------------------------------


class SGD:
    """Gradient descent with momentum: v <- momentum v - lr g;  p <- p + v."""

    def __init__(self, lr=0.1, momentum=0.0):
        self.lr = as_parameter(lr, "SGD", "lr", minimum=0.0, strict=True)
        self.momentum = as_parameter(momentum, "SGD", "momentum", minimum=0.0, maximum=0.999)
        self.velocity = None

    def step(self, params, grads):
        if self.velocity is None:
            self.velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.velocity, strict=True):
            v *= self.momentum
            v -= self.lr * g
            p += v


class Adam:
    """Adam (Kingma and Ba, 2015): per-parameter steps from running moments of the gradient."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = as_parameter(lr, "Adam", "lr", minimum=0.0, strict=True)
        self.beta1 = as_parameter(beta1, "Adam", "beta1", minimum=0.0, maximum=0.999999)
        self.beta2 = as_parameter(beta2, "Adam", "beta2", minimum=0.0, maximum=0.999999)
        self.eps = as_parameter(eps, "Adam", "eps", minimum=0.0, strict=True)
        self.m = self.v = None
        self.t = 0

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        for p, g, m, v in zip(params, grads, self.m, self.v, strict=True):
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * g**2
            m_hat = m / (1 - self.beta1**self.t)  # bias correction: m and v start at 0
            v_hat = v / (1 - self.beta2**self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


# --- training -----------------------------------------------------------------------------

DIAGNOSTICS = ("grad_norms", "dead_fraction", "alpha")


@dataclass
class History:
    """What :func:`train` measured. Row 0 is at initialisation, row e after epoch e.

    ``loss`` and ``accuracy`` are measured on the whole training set after
    every epoch, ``val_loss`` and ``val_accuracy`` on the ``validation``
    data (None without it). The diagnostics asked for with ``record`` are
    arrays too, None otherwise: ``grad_norms`` (epochs + 1, dense layers),
    ``dead_fraction`` (epochs + 1, hidden layers) and, for PReLU, ``alpha``
    (epochs + 1, hidden layers). ``diverged`` is True when the logits or
    the loss stopped being finite (training then stops, and the remaining
    rows are nan); ``epochs_run`` is the last epoch measured.
    """

    loss: np.ndarray
    accuracy: np.ndarray
    val_loss: np.ndarray | None = None
    val_accuracy: np.ndarray | None = None
    grad_norms: np.ndarray | None = None
    dead_fraction: np.ndarray | None = None
    alpha: np.ndarray | None = None
    diverged: bool = False
    epochs_run: int = 0


def train(model, X, y, optimizer, epochs=100, batch_size=None, seed=0, validation=None, record=()):
    """Train ``model`` on (X, y) with mini-batches; return a :class:`History`.

    ``batch_size=None`` uses the whole set as one batch. The order of the
    mini-batches is shuffled every epoch by a generator seeded with ``seed``.
    ``record`` names the extra diagnostics to measure after every epoch, any
    of ``"grad_norms"``, ``"dead_fraction"`` and ``"alpha"``; each costs
    another pass over the training set, and none changes the training
    (a measurement leaves batch normalisation's running statistics as it
    found them). ``model`` is an :class:`activations.nn.MLP`.
    """
    X, y, batch_size, record = _checked(model, X, y, epochs, batch_size, record)
    history = _empty_history(model, epochs + 1, validation is not None, record)
    rng = np.random.default_rng(seed)
    # A diverging run (learning rate too large) overflows; that is detected and
    # reported through history.diverged instead of a stream of warnings.
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            if epoch > 0 and not _one_epoch(model, X, y, optimizer, batch_size, rng):
                history.diverged = True
                return history
            loss, accuracy = model.evaluate(X, y)
            if not np.isfinite(loss):
                history.diverged = True
                return history
            history.loss[epoch], history.accuracy[epoch] = loss, accuracy
            _measure(history, epoch, model, X, y, validation, record)
    return history


def _one_epoch(model, X, y, optimizer, batch_size, rng):
    """One pass over (X, y) in an order drawn from ``rng``, one step per batch; False if it overflowed."""
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        batch = order[start : start + batch_size]
        loss = model.loss_and_backward(X[batch], y[batch])
        if not np.isfinite(loss):  # the steps were too large
            return False
        optimizer.step(model.parameters(), model.gradients())
    return True


def _measure(history, epoch, model, X, y, validation, record):
    """Fill row ``epoch`` of the history: validation and the diagnostics asked for."""
    if validation is not None:
        history.val_loss[epoch], history.val_accuracy[epoch] = model.evaluate(*validation)
    if "grad_norms" in record:
        history.grad_norms[epoch] = model.gradient_norms(X, y)
    if "dead_fraction" in record:
        history.dead_fraction[epoch] = model.dead_fraction(X)
    if "alpha" in record:
        history.alpha[epoch] = [layer.alpha[0] for layer in model.prelu_layers]
    history.epochs_run = epoch


def _checked(model, X, y, epochs, batch_size, record):
    """train's arguments checked: X as floats, y as an array, the batch size, record as a tuple."""
    if not isinstance(epochs, (int, np.integer)) or epochs < 0:
        raise ValueError(f"train: epochs must be a non-negative integer, got {epochs!r}")
    X = as_float_array(X, "train", "X")
    y = np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"train: X has {len(X)} rows but y has {len(y)}")
    batch_size = len(X) if batch_size is None else batch_size
    if not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(f"train: batch_size must be a positive integer, got {batch_size!r}")
    record = (record,) if isinstance(record, str) else tuple(record)
    for name in record:
        if name not in DIAGNOSTICS:
            raise ValueError(f"train: cannot record {name!r}; choose from {', '.join(DIAGNOSTICS)}")
    if "alpha" in record and not model.prelu_layers:
        raise ValueError("train: cannot record 'alpha': the model has no PReLU layer")
    return X, y, batch_size, record


def _empty_history(model, rows, validation, record):
    """A History whose arrays, of the right shapes, are all nan."""
    widths = {
        "grad_norms": len(model.dense_layers),
        "dead_fraction": len(model.activation_layers),
        "alpha": len(model.prelu_layers),
    }
    return History(
        loss=np.full(rows, np.nan),
        accuracy=np.full(rows, np.nan),
        val_loss=np.full(rows, np.nan) if validation else None,
        val_accuracy=np.full(rows, np.nan) if validation else None,
        **{name: np.full((rows, widths[name]), np.nan) for name in record},
    )
