"""A small multilayer perceptron in NumPy, with backpropagation written out.

The module reads top to bottom in four parts:

- **initialisation**: the weight initialisers (:func:`normal`, :func:`xavier_normal`,
  :func:`he_normal`, ...), and ``INITIALISERS``, the four the book names;
- **layers**: every layer has a ``forward`` and a ``backward``:

  - :class:`Dense` computes z = W a + b, with W of shape (n_out, n_in) as in
    the book's mathematics. A batch holds one example per row, so for a batch
    A the layer computes Z = A W^T + b.
  - :class:`ActivationLayer` applies an activation f to every entry: a = f(z).
  - :class:`PReLULayer` applies PReLU with a slope alpha that it learns.
  - :class:`GatedLayer` applies a gated unit (GLU, GEGLU, SwiGLU; section 5.3):
    the first half of its input, gated by the second half.
  - :class:`BatchNorm` standardises every unit over the batch, then scales and
    shifts it by two learned vectors (chapter 6).

  Every layer says what it is with its ``kind`` (``"dense"``, ``"activation"``
  or ``"normalisation"``); the network picks out its dense and activation
  layers by it;
- **losses**: a :class:`Loss` turns the last layer's logits into a number
  (softmax + cross-entropy, sigmoid + binary cross-entropy, or identity +
  squared error); ``LOSSES`` holds them by the names the network takes;
- **the network**: :class:`MLP`, whose layers :func:`build_layers` builds, and
  :func:`deep_mlp` for a deep stack of equal widths.

Backpropagation is the chain rule, one layer at a time, from the loss back:

    grad = dLoss/dlogits                        (from activations.losses)
    for layer in reversed(layers):
        grad = layer.backward(grad)

Each ``backward`` receives dLoss/d(its output), stores the gradients of its
own parameters and returns dLoss/d(its input): a Dense layer stores
dW = delta^T A and db = the batch sum of delta, and returns delta W; an
activation layer returns grad * f'(z).

A training step is :meth:`MLP.loss_and_backward` (forward, loss, backward)
followed by the optimiser's step; the gradient check
(:func:`activations.gradcheck.check_model`) checks that same pass. The
optimisers (:class:`SGD`, :class:`Adam`) and the training loop (:func:`train`,
which returns a :class:`History`) live in :mod:`activations.training`; this
module imports them, so ``nn.train`` and ``nn.Adam`` are those. The
measurements the chapters make inside a network (gradient norms, dead units)
are in :mod:`activations.diagnostics`. Everything is seeded: the same seed
gives bit-identical weights and training.

>>> X, y = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1, 0])
>>> model = MLP([2, 8, 2], activation="tanh", init="Xavier", seed=0)
>>> history = train(model, X, y, Adam(lr=0.05), epochs=200)
>>> float(history.accuracy[-1])
1.0
"""

import itertools

import numpy as np

from . import losses
from ._core import as_float_array, as_parameter
from .diagnostics import Diagnostics
from .functions import get, prelu
from .gated import GATED
from .training import DIAGNOSTICS, SGD, Adam, History, train  # noqa: F401 (nn.train, nn.Adam, ...)

# --- initialisation: each initialiser maps (fan_in, fan_out, rng) to W of shape (fan_out, fan_in) ---


def normal(std):
    """Weights drawn from N(0, std^2), whatever the layer's size (the naive choice; section 2.2)."""
    std = as_parameter(std, "normal", "std", minimum=0.0, strict=True)

    def init(fan_in, fan_out, rng):
        return rng.normal(0.0, std, size=(fan_out, fan_in))

    init.__name__ = init.__qualname__ = f"normal({std:g})"
    return init


def xavier_uniform(fan_in, fan_out, rng):
    """Glorot and Bengio (2010), uniform form: U(-l, l) with l = sqrt(6 / (fan_in + fan_out)).

    Its variance is l^2 / 3 = 2 / (fan_in + fan_out), the same as
    :func:`xavier_normal`'s (section 1.2). Pass it as ``init=xavier_uniform``; the name
    ``"Xavier"`` means the normal form.
    """
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_out, fan_in))


def xavier_normal(fan_in, fan_out, rng):
    """Glorot and Bengio (2010), normal form: N(0, 2 / (fan_in + fan_out)).

    Keeps the signal's variance roughly constant through tanh layers (section 2.2).
    """
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return rng.normal(0.0, std, size=(fan_out, fan_in))


def he_normal(fan_in, fan_out, rng):
    """He et al. (2015): N(0, 2 / fan_in).

    Keeps the signal's variance constant through ReLU layers (section 2.2).
    """
    std = np.sqrt(2.0 / fan_in)
    return rng.normal(0.0, std, size=(fan_out, fan_in))


def lecun_normal(fan_in, fan_out, rng):
    """LeCun et al. (1998): N(0, 1 / fan_in). The pairing SELU needs (chapter 3)."""
    return rng.normal(0.0, np.sqrt(1.0 / fan_in), size=(fan_out, fan_in))


# The initialisations the book names, by the names it prints. "Xavier" is Glorot and Bengio's
# normal form; its uniform form (xavier_uniform, the same variance) is passed as a function.
# An init given as a string is looked up here, ignoring case: init="he" means init="He".
INITIALISERS = {"N(0, 1)": normal(1.0), "Xavier": xavier_normal, "He": he_normal, "LeCun": lecun_normal}


def initialiser(init):
    """The initialiser ``init`` names (a key of ``INITIALISERS``, any case), or ``init`` if callable."""
    if callable(init):
        return init
    names = {name.lower(): function for name, function in INITIALISERS.items()}
    if isinstance(init, str) and init.lower() in names:
        return names[init.lower()]
    raise ValueError(
        f"MLP: unknown init {init!r}; use a function such as normal(std) or xavier_uniform, "
        f"or one of {', '.join(map(repr, INITIALISERS))}"
    )


# --- layers ---------------------------------------------------------------------------------


class Layer:
    """What every layer shares: a ``kind``, its parameters with their gradients, its statistics.

    ``kind`` says what the layer is: ``"dense"``, ``"activation"`` or
    ``"normalisation"``. A network picks out its dense layers and its
    activations by it, so a layer of another kind (a dropout layer, say)
    is counted as neither. ``statistics`` are the arrays that a forward pass
    in training mode updates and no optimiser does (batch normalisation's
    running mean and variance). A layer without any keeps the empty lists.
    """

    kind = None

    def parameters(self):
        return []

    def gradients(self):
        return []

    def statistics(self):
        return []


class Dense(Layer):
    """A fully connected layer z = W a + b; for a batch A (one example per row), Z = A W^T + b."""

    kind = "dense"

    def __init__(self, n_in, n_out, init, rng):
        self.W = np.asarray(init(n_in, n_out, rng), dtype=np.float64)  # shape (n_out, n_in)
        self.b = np.zeros(n_out)

    def forward(self, A):
        self.A = A  # the input, which backward needs
        return A @ self.W.T + self.b

    def backward(self, delta):
        """Store dW and db from delta = dLoss/dZ; return dLoss/dA."""
        self.dW = delta.T @ self.A
        self.db = delta.sum(axis=0)
        return delta @ self.W

    def parameters(self):
        return [self.W, self.b]

    def gradients(self):
        return [self.dW, self.db]


class ActivationLayer(Layer):
    """An activation applied to every entry, a = f(z); its backward multiplies by f'(z)."""

    kind = "activation"

    def __init__(self, activation, **settings):
        self.f = get(activation)
        self.settings = self.f.check_settings(settings, f"ActivationLayer({self.f.name})")

    def forward(self, Z):
        self.Z = Z  # the input, which backward needs
        self.output = self.f(Z, **self.settings)
        return self.output

    def backward(self, grad):
        return grad * self.f.grad(self.Z, **self.settings)


class PReLULayer(Layer):
    """PReLU with a learned slope: a = z for z > 0, alpha z otherwise (chapter 3).

    The layer owns alpha (one for all its units) and, after backward, its
    gradient dalpha = sum over the batch and the units of grad * min(z, 0).
    """

    kind = "activation"

    def __init__(self, alpha=0.25):
        # a 1-element array, so that an optimiser can update it in place
        self.alpha = np.array([as_parameter(alpha, "PReLULayer", "alpha")])

    def forward(self, Z):
        self.Z = Z
        self.output = prelu(Z, alpha=self.alpha[0])
        return self.output

    def backward(self, grad):
        self.dalpha = np.array([np.sum(grad * prelu.grad_alpha(self.Z, alpha=self.alpha[0]))])
        return grad * prelu.grad(self.Z, alpha=self.alpha[0])

    def parameters(self):
        return [self.alpha]

    def gradients(self):
        return [self.dalpha]


class GatedLayer(Layer):
    """A gated unit (section 5.3): the input's first half a is gated by its second half g, a * f(g).

    The dense layer before it has twice the output width; this layer halves
    it again. It has no parameters of its own.
    """

    kind = "activation"

    def __init__(self, unit, **settings):
        if settings:
            raise TypeError(f"GatedLayer: gated units take no settings, got {', '.join(sorted(settings))}")
        self.unit = GATED[unit] if isinstance(unit, str) else unit

    def forward(self, Z):
        self.Z = Z  # the signal and its gate, side by side
        half = Z.shape[1] // 2
        self.a, self.g = Z[:, :half], Z[:, half:]
        self.output = self.unit(self.a, self.g)
        return self.output

    def backward(self, grad):
        d_a, d_g = self.unit.grad(self.a, self.g)
        return np.concatenate([grad * d_a, grad * d_g], axis=1)


class BatchNorm(Layer):
    """Batch normalisation of every unit over the batch (Ioffe and Szegedy, 2015; chapter 6).

    For a batch Z (one example per row), each column (unit) is standardised
    and then scaled and shifted by two learned vectors:

        z_hat = (Z - mean) / sqrt(var + eps),    output = gamma * z_hat + beta

    In training mode ``mean`` and ``var`` are the batch's own (``var``
    divides by N), and running averages are kept for later:
    running <- (1 - momentum) running + momentum batch, with the variance
    divided by N - 1 there, as PyTorch does. In inference mode
    (``training = False``) the running averages are used, so an example's
    output no longer depends on the rest of its batch. gamma starts at 1 and
    beta at 0: at first the layer only standardises.

    The backward pass in training mode carries the batch statistics' own
    dependence on every row:

        dZ = gamma / sqrt(var + eps) * (g - mean(g) - z_hat * mean(g * z_hat)),

    with g = dLoss/doutput and means over the batch; in inference mode the
    statistics are constants and dZ = g * gamma / sqrt(var + eps).
    """

    kind = "normalisation"

    def __init__(self, n, eps=1e-5, momentum=0.1):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"BatchNorm: n must be a positive number of units, got {n!r}")
        self.eps = as_parameter(eps, "BatchNorm", "eps", minimum=0.0, strict=True)
        self.momentum = as_parameter(momentum, "BatchNorm", "momentum", minimum=0.0, maximum=1.0)
        self.gamma, self.beta = np.ones(n), np.zeros(n)
        self.running_mean, self.running_var = np.zeros(n), np.ones(n)
        self.training = True

    def forward(self, Z):
        Z = as_float_array(Z, "BatchNorm.forward", "Z")
        if Z.ndim != 2 or Z.shape[1] != self.gamma.size:
            raise ValueError(
                f"BatchNorm.forward: Z must have shape (N, {self.gamma.size}), one unit per column; "
                f"got {Z.shape}"
            )
        if self.training:
            if len(Z) < 2:
                raise ValueError(
                    "BatchNorm.forward: training mode needs a batch of at least 2 rows to estimate "
                    "a variance; for single examples set training = False"
                )
            mean, var = Z.mean(axis=0), Z.var(axis=0)
            n = len(Z)
            self.running_mean += self.momentum * (mean - self.running_mean)
            self.running_var += self.momentum * (var * n / (n - 1) - self.running_var)
        else:
            mean, var = self.running_mean, self.running_var
        self.inv_std = 1 / np.sqrt(var + self.eps)
        self.z_hat = (Z - mean) * self.inv_std
        return self.gamma * self.z_hat + self.beta

    def backward(self, grad):
        self.dgamma = np.sum(grad * self.z_hat, axis=0)
        self.dbeta = np.sum(grad, axis=0)
        g = grad * self.gamma
        if not self.training:
            return g * self.inv_std
        centred = g - g.mean(axis=0) - self.z_hat * np.mean(g * self.z_hat, axis=0)
        return self.inv_std * centred

    def parameters(self):
        return [self.gamma, self.beta]

    def gradients(self):
        return [self.dgamma, self.dbeta]

    def statistics(self):
        return [self.running_mean, self.running_var]


def _is_gated(activation):
    return activation in GATED.values() or (isinstance(activation, str) and activation in GATED)


def _unit(activation):
    """The activation a name stands for: a gated unit of ``GATED``, or an elementwise one from ``get``."""
    if not _is_gated(activation):
        return get(activation)
    return GATED[activation] if isinstance(activation, str) else activation


def activation_layer(activation, **settings):
    """The layer for an activation: PReLU learns its alpha, a gated unit halves its input."""
    if _is_gated(activation):
        return GatedLayer(activation, **settings)
    if get(activation) is prelu:
        unknown = sorted(set(settings) - {"alpha"})
        if unknown:
            raise TypeError(f"PReLULayer: unknown parameter {unknown[0]!r}; it takes alpha")
        return PReLULayer(**settings)
    return ActivationLayer(activation, **settings)


def _of_kind(layers, kind):
    """The layers of one kind, in order; a layer that declares no kind belongs to none."""
    return [layer for layer in layers if getattr(layer, "kind", None) == kind]


# --- losses: each MLP takes one, by name ------------------------------------------------------


class Loss:
    """A loss on the network's logits: its value, its gradient, and how it reads the logits.

    ``value(logits, y)`` is the mean loss over the batch and
    ``gradient(logits, y)`` is dLoss/dlogits, where backpropagation starts;
    both come from :mod:`activations.losses`. ``labels`` maps logits to every
    row's predicted class, or is None for regression, where the output
    itself is the prediction.
    """

    def __init__(self, value, gradient, labels, value_and_gradient=None, targets_per_output=False):
        self._value, self._gradient, self._value_and_gradient = value, gradient, value_and_gradient
        self.labels = labels
        # True: one target per output unit, in the logits' shape; False: one class label per row
        self.targets_per_output = targets_per_output

    def targets(self, y, logits):
        """y as the loss takes it: class labels as given, per-output targets in the logits' shape."""
        y = np.asarray(y)
        return y.reshape(logits.shape) if self.targets_per_output and y.size == logits.size else y

    def value(self, logits, y):
        return float(self._value(logits, self.targets(y, logits)))

    def gradient(self, logits, y):
        return self._gradient(logits, self.targets(y, logits))

    def value_and_gradient(self, logits, y):
        """Both, from one pass where :mod:`activations.losses` offers it (cross-entropy: one softmax)."""
        if self._value_and_gradient is None:
            return self.value(logits, y), self.gradient(logits, y)
        loss, grad = self._value_and_gradient(logits, self.targets(y, logits))
        return float(loss), grad

    def predict(self, logits):
        """Predicted class labels, or the output itself for regression."""
        return logits if self.labels is None else self.labels(logits)

    def accuracy(self, logits, y):
        """The fraction of rows whose predicted label is y's; nan for regression."""
        if self.labels is None:
            return float("nan")
        return float(np.mean(self.labels(logits) == np.ravel(y)))


def _largest(logits):
    """The class of the largest logit in every row."""
    return np.argmax(logits, axis=1)


def _positive(logits):
    """Class 1 where the one logit is positive (its sigmoid above 1/2), else class 0."""
    return (logits[:, 0] > 0).astype(int)


# The losses by the names MLP(loss=...) takes; each comment names the output the loss scores.
LOSSES = {
    # softmax output, integer class labels
    "cross_entropy": Loss(
        losses.cross_entropy,
        losses.cross_entropy_grad,
        _largest,
        value_and_gradient=losses.cross_entropy_and_grad,
    ),
    # sigmoid output, labels 0/1, one output unit
    "binary_cross_entropy": Loss(
        losses.binary_cross_entropy_with_logits,
        losses.binary_cross_entropy_with_logits_grad,
        _positive,
        targets_per_output=True,
    ),
    # identity output: regression
    "mse": Loss(losses.mse, losses.mse_grad, labels=None, targets_per_output=True),
    # softmax output scored by squared error: chapter 4's example of what not to do
    "softmax_mse": Loss(losses.softmax_mse, losses.softmax_mse_grad, _largest),
}


# --- the network ------------------------------------------------------------------------------


def build_layers(widths, activation, draw, rng, batch_norm=None, **settings):
    """The layers of an MLP: Dense, activation, Dense, ..., Dense, with BatchNorm where asked.

    ``draw`` is an initialiser and ``rng`` the generator it draws from; the
    dense layers draw their weights first to last, so one seed gives one network.
    """
    gated = _is_gated(activation)
    last = len(widths) - 2
    layers = []
    for k, (n_in, n_out) in enumerate(itertools.pairwise(widths)):
        # a gated hidden layer computes the signal and its gate: twice the width
        doubled = 2 * n_out if gated and k < last else n_out
        layers.append(Dense(n_in, doubled, draw, rng))
        if k < last:  # an activation between two dense layers
            if batch_norm == "before":
                layers.append(BatchNorm(doubled))
            layers.append(activation_layer(activation, **settings))
            if batch_norm == "after":
                layers.append(BatchNorm(n_out))
    return layers


class MLP(Diagnostics):
    """A multilayer perceptron: dense layers with one activation between them.

    :func:`build_layers` builds its layers, its loss is one :class:`Loss` of
    ``LOSSES``, and the measurements the chapters make inside it
    (``gradient_norms``, ``dead_fraction`` and the others) come from
    :class:`activations.diagnostics.Diagnostics`.

    Parameters
    ----------
    widths : list of int
        Widths from input to output, e.g. ``[2, 16, 16, 2]``: two hidden layers.
    activation : str or Activation
        The hidden activation (see ``activations.ALL``). With ``"prelu"`` every
        hidden layer learns its own slope alpha, starting at ``alpha=0.25``.
        With a gated unit (``"glu"``, ``"geglu"``, ``"swiglu"``) every hidden
        dense layer has twice the width, split into the signal and its gate.
    init : str or callable
        A name of ``INITIALISERS`` (``"N(0, 1)"``, ``"Xavier"`` (normal form),
        ``"He"``, ``"LeCun"``; any case) or a function such as ``normal(std)`` or
        ``xavier_uniform``. Biases start at 0.
    loss : str
        ``"cross_entropy"`` (softmax output, integer labels),
        ``"binary_cross_entropy"`` (sigmoid output, labels 0/1, one output),
        ``"mse"`` (identity output, regression) or ``"softmax_mse"`` (softmax
        output scored by squared error: chapter 4's example of what not to do).
    seed : int
        Seeds the weights.
    batch_norm : {None, "before", "after"}
        Adds a :class:`BatchNorm` layer to every hidden layer, between the
        dense layer and its activation (``"before"`` the activation, as in
        Ioffe and Szegedy) or after the activation (chapter 6). Off by default.
    **settings
        Settings of the activation, such as ``alpha`` for Leaky ReLU.

    Attributes
    ----------
    layers : list
        Dense, activation, Dense, ..., Dense: ``layers[0]`` is the first
        dense layer, ``layers[1]`` its activation, ``layers[2]`` the next
        dense layer.
    loss_function : Loss
        The loss named by ``loss`` (from ``LOSSES``); ``loss_name`` keeps its name.
    """

    def __init__(
        self, widths, activation="relu", init="he", loss="cross_entropy", seed=0, batch_norm=None, **settings
    ):
        if len(widths) < 2 or any(not isinstance(n, (int, np.integer)) or n < 1 for n in widths):
            raise ValueError(f"MLP: widths must be at least two positive integers, got {widths!r}")
        if loss not in LOSSES:
            raise ValueError(f"MLP: unknown loss {loss!r}; use one of {', '.join(LOSSES)}")
        if loss == "binary_cross_entropy" and widths[-1] != 1:
            raise ValueError("MLP: binary_cross_entropy needs exactly one output unit")
        if batch_norm not in (None, "before", "after"):
            raise ValueError(f"MLP: batch_norm must be None, 'before' or 'after', got {batch_norm!r}")
        self.widths = [int(n) for n in widths]
        self.activation = _unit(activation)
        self.loss_name, self.loss_function = loss, LOSSES[loss]
        draw, rng = initialiser(init), np.random.default_rng(seed)
        self.layers = build_layers(self.widths, self.activation, draw, rng, batch_norm, **settings)

    @property
    def dense_layers(self):
        """The dense layers, first to last."""
        return _of_kind(self.layers, "dense")

    @property
    def activation_layers(self):
        """The hidden layers' activations (elementwise, PReLU or gated), first to last."""
        return _of_kind(self.layers, "activation")

    @property
    def prelu_layers(self):
        """The PReLU layers, whose slopes alpha are learned, first to last."""
        return [layer for layer in self.layers if isinstance(layer, PReLULayer)]

    @property
    def training(self):
        """Whether the layers that have a mode (batch normalisation) use batch statistics or running ones."""
        return all(layer.training for layer in self.layers if hasattr(layer, "training"))

    @training.setter
    def training(self, value):
        for layer in self.layers:
            if hasattr(layer, "training"):
                layer.training = bool(value)

    def forward(self, X):
        """Logits for a batch X of shape (N, widths[0]); every layer remembers what backward needs."""
        X = as_float_array(X, "MLP.forward", "X").astype(np.float64, copy=False)
        if X.ndim != 2 or X.shape[1] != self.widths[0]:
            raise ValueError(
                f"MLP.forward: X must have shape (N, {self.widths[0]}), got {X.shape}; "
                f"the network expects {self.widths[0]} input features"
            )
        a = X
        for layer in self.layers:
            a = layer.forward(a)
        return a

    def backward(self, grad_logits):
        """Backpropagate dLoss/dlogits through every layer, which stores its parameters' gradients."""
        grad = grad_logits
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def loss_and_backward(self, X, y):
        """One training step's forward pass, loss and backward pass on a batch; returns the loss.

        :func:`train` runs it on every batch, and
        :func:`activations.gradcheck.check_model` checks the gradients it
        leaves. When the logits overflow (a diverging run) it returns nan and
        runs no backward pass.
        """
        logits = self.forward(X)
        if not np.all(np.isfinite(logits)):
            return float("nan")
        loss, grad_logits = self.loss_function.value_and_gradient(logits, y)
        self.backward(grad_logits)
        return loss

    def parameters(self):
        """Every trainable array, layer by layer (W and b of a dense layer, alpha of a PReLU layer)."""
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        """The gradients from the last backward pass, in the order of :meth:`parameters`."""
        return [g for layer in self.layers for g in layer.gradients()]

    def statistics(self):
        """The running statistics, layer by layer (BatchNorm's running mean and variance).

        A forward pass in training mode updates them in place; no optimiser
        does. :func:`activations.diagnostics.statistics_kept` puts them back
        after a measurement. A layer without ``statistics()`` keeps none.
        """
        return [s for layer in self.layers if hasattr(layer, "statistics") for s in layer.statistics()]

    def loss(self, X, y):
        """The loss of the network on (X, y)."""
        return self.loss_of(self.forward(X), y)

    def loss_of(self, logits, y):
        """The loss of logits against the targets y."""
        return self.loss_function.value(logits, y)

    def loss_grad(self, logits, y):
        """dLoss/dlogits, where backpropagation starts."""
        return self.loss_function.gradient(logits, y)

    def infer(self, X):
        """Logits for X with batch normalisation in inference mode (running statistics)."""
        was_training, self.training = self.training, False
        try:
            return self.forward(X)
        finally:
            self.training = was_training

    def predict(self, X):
        """Predicted class labels (or the regression output for ``loss="mse"``)."""
        return self.loss_function.predict(self.infer(X))

    def accuracy(self, X, y):
        """Fraction of correct labels; nan for regression."""
        return self.evaluate(X, y)[1]

    def evaluate(self, X, y):
        """(loss, accuracy) on (X, y) from one forward pass; both nan if the logits are not finite.

        Batch-normalisation layers use their running statistics here (inference mode).
        """
        logits = self.infer(X)
        if not np.all(np.isfinite(logits)):
            return float("nan"), float("nan")
        return self.loss_of(logits, y), self.loss_function.accuracy(logits, y)


def deep_widths(n_inputs, n_outputs, depth, width):
    """The widths of a network of ``depth`` layers: ``depth - 1`` hidden layers of ``width`` units.

    >>> deep_widths(64, 10, depth=3, width=32)
    [64, 32, 32, 10]
    """
    if not isinstance(depth, (int, np.integer)) or depth < 1:
        raise ValueError(f"deep_widths: depth must be a positive integer, got {depth!r}")
    return [n_inputs] + [width] * (depth - 1) + [n_outputs]


def deep_mlp(n_inputs, n_outputs, depth, width, activation, init, seed=0, **settings):
    """An MLP with ``depth`` dense layers: ``depth - 1`` hidden layers of ``width`` units (section 2.2).

    >>> model = deep_mlp(64, 10, depth=3, width=32, activation="relu", init="He")
    >>> [layer.W.shape for layer in model.dense_layers]
    [(32, 64), (32, 32), (10, 32)]
    """
    widths = deep_widths(n_inputs, n_outputs, depth, width)
    return MLP(widths, activation=activation, init=init, seed=seed, **settings)
