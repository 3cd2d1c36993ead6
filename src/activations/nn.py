"""A small multilayer perceptron in NumPy, with backpropagation written out.

The network is a stack of dense layers z = a W + b; every hidden layer is
followed by the same activation f, and the last layer outputs logits. The
loss turns logits into a number (softmax + cross-entropy, sigmoid + binary
cross-entropy, or identity + squared error). Backpropagation runs the chain
rule from the loss back to every weight:

    delta_L = dLoss/dz_L                       (from activations.losses)
    dW_l = a_{l-1}^T delta_l,   db_l = sum over the batch of delta_l
    delta_{l-1} = (delta_l W_l^T) * f'(z_{l-1})   (elementwise)

Everything is seeded: the same seed gives bit-identical weights and training.

>>> X, y = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1, 0])
>>> model = MLP([2, 8, 2], activation="tanh", init="xavier", seed=0)
>>> history = train(model, X, y, Adam(lr=0.05), epochs=200)
>>> float(history.accuracy[-1])
1.0
"""

from dataclasses import dataclass

import numpy as np

from . import losses
from ._checks import as_float_array, as_parameter
from .functions import get, prelu

# --- initialisation: each initialiser maps (fan_in, fan_out, rng) to a weight matrix ---


def normal(std):
    """Weights drawn from N(0, std^2), whatever the layer's size (the naive choice)."""
    std = as_parameter(std, "normal", "std", minimum=0.0, strict=True)

    def init(fan_in, fan_out, rng):
        return rng.normal(0.0, std, size=(fan_in, fan_out))

    init.__name__ = f"normal({std:g})"
    return init


def xavier_uniform(fan_in, fan_out, rng):
    """Glorot and Bengio (2010): U(-l, l) with l = sqrt(6 / (fan_in + fan_out)).

    Its variance is 2 / (fan_in + fan_out). For tanh and sigmoid.
    """
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def xavier_normal(fan_in, fan_out, rng):
    """Glorot and Bengio (2010), normal form: N(0, 2 / (fan_in + fan_out)).

    Keeps the signal's variance roughly constant through tanh layers.
    """
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return rng.normal(0.0, std, size=(fan_in, fan_out))


def he_normal(fan_in, fan_out, rng):
    """He et al. (2015): N(0, 2 / fan_in).

    Keeps the signal's variance constant through ReLU layers.
    """
    std = np.sqrt(2.0 / fan_in)
    return rng.normal(0.0, std, size=(fan_in, fan_out))


def lecun_normal(fan_in, fan_out, rng):
    """LeCun et al. (1998): N(0, 1 / fan_in). The pairing SELU needs."""
    return rng.normal(0.0, np.sqrt(1.0 / fan_in), size=(fan_in, fan_out))


INITIALISERS = {
    "xavier": xavier_uniform,
    "glorot": xavier_uniform,
    "xavier_uniform": xavier_uniform,
    "glorot_uniform": xavier_uniform,
    "xavier_normal": xavier_normal,
    "glorot_normal": xavier_normal,
    "he": he_normal,
    "kaiming": he_normal,
    "he_normal": he_normal,
    "kaiming_normal": he_normal,
    "lecun": lecun_normal,
    "lecun_normal": lecun_normal,
}


def _initialiser(init):
    if callable(init):
        return init
    if isinstance(init, str) and init in INITIALISERS:
        return INITIALISERS[init]
    raise ValueError(f"MLP: unknown init {init!r}; use normal(std) or one of {', '.join(INITIALISERS)}")


# --- the network ------------------------------------------------------------------------

# loss name -> (loss, its gradient with respect to the logits)
LOSSES = {
    "cross_entropy": (losses.cross_entropy, losses.cross_entropy_grad),
    "binary_cross_entropy": (
        losses.binary_cross_entropy_with_logits,
        losses.binary_cross_entropy_with_logits_grad,
    ),
    "mse": (losses.mse, losses.mse_grad),
}


class Dense:
    """A fully connected layer z = x W + b that remembers x for its backward pass."""

    def __init__(self, fan_in, fan_out, init, rng):
        self.W = np.asarray(init(fan_in, fan_out, rng), dtype=np.float64)
        self.b = np.zeros(fan_out)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, grad_z):
        """Store dW and db; return dLoss/d(input of this layer)."""
        self.dW = self.x.T @ grad_z
        self.db = grad_z.sum(axis=0)
        return grad_z @ self.W.T


class MLP:
    """A multilayer perceptron: dense layers with one activation between them.

    Parameters
    ----------
    sizes : list of int
        Widths from input to output, e.g. ``[2, 16, 16, 2]``: two hidden layers.
    activation : str or Activation
        The hidden activation (see ``activations.ALL``). With ``"prelu"`` every
        hidden layer learns its own slope alpha, starting at ``alpha`` (0.25).
    init : str or callable
        ``"he"``, ``"xavier"``, ``"lecun"``, ... (see ``INITIALISERS``) or
        ``normal(std)``. Biases start at 0.
    loss : str
        ``"cross_entropy"`` (softmax output, integer labels),
        ``"binary_cross_entropy"`` (sigmoid output, labels 0/1, one output) or
        ``"mse"`` (identity output, regression).
    seed : int
        Seeds the weights.
    **params
        Settings of the activation, such as ``alpha`` for Leaky ReLU.
    """

    def __init__(self, sizes, activation="relu", init="he", loss="cross_entropy", seed=0, **params):
        if len(sizes) < 2 or any(not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
            raise ValueError(f"MLP: sizes must be at least two positive integers, got {sizes!r}")
        if loss not in LOSSES:
            raise ValueError(f"MLP: unknown loss {loss!r}; use one of {', '.join(LOSSES)}")
        if loss == "binary_cross_entropy" and sizes[-1] != 1:
            raise ValueError("MLP: binary_cross_entropy needs exactly one output unit")
        self.sizes = [int(n) for n in sizes]
        self.activation = get(activation)
        self.loss_name = loss
        self.learn_alpha = self.activation is prelu
        if self.learn_alpha:
            params.setdefault("alpha", 0.25)
        self.params = self.activation.settings(params, "MLP")
        rng = np.random.default_rng(seed)
        initialiser = _initialiser(init)
        self.layers = [
            Dense(m, n, initialiser, rng) for m, n in zip(self.sizes[:-1], self.sizes[1:], strict=True)
        ]
        # One learned slope per hidden layer (stored as a 1-element array so optimisers update it).
        n_hidden = len(self.layers) - 1
        self.alphas = [np.array([self.params["alpha"]]) for _ in range(n_hidden)] if self.learn_alpha else []

    def _settings(self, i):
        return {"alpha": float(self.alphas[i][0])} if self.learn_alpha else self.params

    def forward(self, X):
        """Logits for a batch X of shape (N, sizes[0]); remembers what backward needs."""
        X = as_float_array(X, "MLP.forward", "X").astype(np.float64, copy=False)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(
                f"MLP.forward: X must have shape (N, {self.sizes[0]}), got {X.shape}; "
                f"the network expects {self.sizes[0]} input features"
            )
        self.pre_activations, self.hidden = [], []
        a = X
        for i, layer in enumerate(self.layers[:-1]):
            z = layer.forward(a)
            a = self.activation(z, **self._settings(i))
            self.pre_activations.append(z)
            self.hidden.append(a)
        return self.layers[-1].forward(a)

    def _targets(self, y, logits):
        y = np.asarray(y)
        if self.loss_name == "cross_entropy":
            return y
        return y.reshape(logits.shape) if y.size == logits.size else y

    def loss(self, X, y):
        """The loss of the network on (X, y)."""
        logits = self.forward(X)
        return float(LOSSES[self.loss_name][0](logits, self._targets(y, logits)))

    def backward(self, grad_logits):
        """Backpropagate dLoss/dlogits, filling every layer's dW and db."""
        delta = grad_logits  # dLoss/dz of the last layer
        self.alpha_grads = [np.zeros(1) for _ in self.alphas]
        for i in reversed(range(len(self.layers))):
            grad_a = self.layers[i].backward(delta)  # = delta @ W.T
            if i > 0:  # through the activation below: times f'(z)
                z = self.pre_activations[i - 1]
                settings = self._settings(i - 1)
                delta = grad_a * self.activation.grad(z, **settings)
                if self.learn_alpha:  # PReLU (chapter 3): also dLoss/dalpha
                    da = grad_a * prelu.grad_alpha(z, **settings)
                    self.alpha_grads[i - 1][0] = np.sum(da)

    def loss_and_backward(self, X, y):
        """Forward, loss and backward on one batch; returns the loss."""
        logits = self.forward(X)
        loss, loss_grad = LOSSES[self.loss_name]
        targets = self._targets(y, logits)
        value = float(loss(logits, targets))
        self.backward(loss_grad(logits, targets))
        return value

    def parameters(self):
        """Every trainable array, in a fixed order (W and b of each layer, then the alphas)."""
        return [p for layer in self.layers for p in (layer.W, layer.b)] + self.alphas

    def gradients(self):
        """The gradients from the last backward pass, in the order of :meth:`parameters`."""
        return [g for layer in self.layers for g in (layer.dW, layer.db)] + self.alpha_grads

    def gradient_norms(self, X, y):
        """The Frobenius norm of dLoss/dW for every layer, first to last, on (X, y)."""
        self.loss_and_backward(X, y)
        return np.array([np.linalg.norm(layer.dW) for layer in self.layers])

    def dead_fraction(self, X):
        """For every hidden layer, the fraction of units that output 0 on every row of X."""
        self.forward(X)
        return np.array([np.mean(np.all(a == 0, axis=0)) for a in self.hidden])

    def predict(self, X):
        """Predicted class labels (or the regression output for ``loss="mse"``)."""
        logits = self.forward(X)
        if self.loss_name == "cross_entropy":
            return np.argmax(logits, axis=1)
        if self.loss_name == "binary_cross_entropy":
            return (logits[:, 0] > 0).astype(int)
        return logits

    def accuracy(self, X, y):
        """Fraction of correct labels; nan for regression."""
        if self.loss_name == "mse":
            return float("nan")
        return float(np.mean(self.predict(X) == np.ravel(y)))


def deep_mlp(n_inputs, n_outputs, depth, width, activation, init, seed=0, **params):
    """An MLP with ``depth`` weight layers: ``depth - 1`` hidden layers of ``width`` units.

    >>> [layer.W.shape for layer in deep_mlp(64, 10, depth=3, width=32, activation="relu", init="he").layers]
    [(64, 32), (32, 32), (32, 10)]
    """
    if not isinstance(depth, (int, np.integer)) or depth < 1:
        raise ValueError(f"deep_mlp: depth must be a positive integer, got {depth!r}")
    sizes = [n_inputs] + [width] * (depth - 1) + [n_outputs]
    return MLP(sizes, activation=activation, init=init, seed=seed, **params)


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


@dataclass
class History:
    """What :func:`train` measured. Row 0 is at initialisation, row e after epoch e.

    Every quantity is measured on the whole training set: ``loss``,
    ``accuracy``, ``grad_norms`` (epochs + 1, n_layers), ``dead_fraction``
    (epochs + 1, n_hidden) and, for PReLU, ``alpha`` (epochs + 1, n_hidden).
    With ``validation`` data, ``val_loss`` and ``val_accuracy`` too.
    ``diverged`` is True when the loss stopped being finite (training then
    stops, and the remaining rows are nan).
    """

    loss: np.ndarray
    accuracy: np.ndarray
    grad_norms: np.ndarray
    dead_fraction: np.ndarray
    alpha: np.ndarray
    val_loss: np.ndarray
    val_accuracy: np.ndarray
    diverged: bool = False
    epochs_run: int = 0


def train(model, X, y, optimizer, epochs=100, batch_size=None, seed=0, validation=None):
    """Train ``model`` on (X, y) with mini-batches; return a :class:`History`.

    ``batch_size=None`` uses the whole set as one batch. The order of the
    mini-batches is shuffled every epoch by a generator seeded with ``seed``.
    """
    if not isinstance(epochs, (int, np.integer)) or epochs < 0:
        raise ValueError(f"train: epochs must be a non-negative integer, got {epochs!r}")
    X = as_float_array(X, "train", "X")
    y = np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"train: X has {len(X)} rows but y has {len(y)}")
    n = len(X)
    if batch_size is None:
        batch_size = n
    if not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(f"train: batch_size must be a positive integer, got {batch_size!r}")
    rng = np.random.default_rng(seed)
    n_layers, n_hidden = len(model.layers), len(model.layers) - 1
    rows = epochs + 1
    history = History(
        loss=np.full(rows, np.nan),
        accuracy=np.full(rows, np.nan),
        grad_norms=np.full((rows, n_layers), np.nan),
        dead_fraction=np.full((rows, n_hidden), np.nan),
        alpha=np.full((rows, len(model.alphas)), np.nan),
        val_loss=np.full(rows, np.nan),
        val_accuracy=np.full(rows, np.nan),
    )

    def record(epoch):
        history.grad_norms[epoch] = model.gradient_norms(X, y)
        history.loss[epoch] = model.loss(X, y)
        history.accuracy[epoch] = model.accuracy(X, y)
        history.dead_fraction[epoch] = model.dead_fraction(X)
        history.alpha[epoch] = [a[0] for a in model.alphas]
        if validation is not None:
            history.val_loss[epoch] = model.loss(*validation)
            history.val_accuracy[epoch] = model.accuracy(*validation)

    # A diverging run (learning rate too large) overflows; that is detected and
    # reported through history.diverged instead of a stream of warnings.
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(rows):
            if epoch > 0:
                order = rng.permutation(n)
                for start in range(0, n, batch_size):
                    batch = order[start : start + batch_size]
                    if not _finite_step(model, X[batch], y[batch], optimizer):
                        history.diverged = True
                        return history
            if not np.all(np.isfinite(model.forward(X))):
                history.diverged = True
                return history
            record(epoch)
            history.epochs_run = epoch
    return history


def _finite_step(model, X, y, optimizer):
    """One optimiser step on a batch; False (and no step) if the logits are no longer finite."""
    if not np.all(np.isfinite(model.forward(X))):
        return False
    model.loss_and_backward(X, y)
    optimizer.step(model.parameters(), model.gradients())
    return True
