"""What the chapters measure inside a network: its hidden signals, its gradients, its dead units.

:class:`Diagnostics` holds the measurements, and :class:`activations.nn.MLP`
inherits them, so a notebook writes ``model.dead_fraction(X)``. They ask of
the network only what every MLP has:

- ``forward(X)``, after which every activation layer remembers its input
  ``Z`` and its ``output``;
- ``loss_and_backward(X, y)``, the forward and backward pass that training
  runs, after which every dense layer holds its weight gradient ``dW``;
- ``activation_layers`` and ``dense_layers``, first to last;
- ``statistics()``, the running statistics a forward pass in training mode
  updates (batch normalisation's running mean and variance).

A measurement is not training: each one puts the running statistics back as
it found them (:func:`statistics_kept`), so measuring a network in the middle
of its training does not change how it trains or what it predicts.

>>> from activations import nn
>>> X = np.random.default_rng(0).normal(size=(50, 2))
>>> model = nn.MLP([2, 10, 10, 2], activation="relu", seed=0)
>>> model.layers[0].b[:] = -100.0  # no unit of the first layer can turn on
>>> model.dead_fraction(X).tolist()
[1.0, 1.0]
"""

from contextlib import contextmanager

import numpy as np


@contextmanager
def statistics_kept(model):
    """Run a block of code, then put the model's running statistics back as they were before it.

    In training mode every forward pass moves batch normalisation's running
    mean and variance (:class:`activations.nn.BatchNorm`). A measurement or a
    gradient check runs forward passes but is not training: inside this
    block it may, and afterwards the statistics are bit for bit what they
    were. A model without a ``statistics()`` method keeps none.

    >>> from activations import nn
    >>> model = nn.MLP([2, 3, 2], batch_norm="before")
    >>> with statistics_kept(model):
    ...     _ = model.forward(np.array([[1.0, 2.0], [3.0, 5.0]]))
    >>> model.layers[1].running_mean.tolist()
    [0.0, 0.0, 0.0]
    """
    saved = [(array, array.copy()) for array in getattr(model, "statistics", list)()]
    try:
        yield
    finally:
        for array, value in saved:
            array[...] = value


class Diagnostics:
    """The measurements the chapters make on a network (see the module's docstring)."""

    def pre_activations(self, X):
        """The input z of every hidden activation for the batch X, first to last (chapter 6).

        With ``batch_norm="before"`` that is the batch-normalised z. The forward
        pass runs in the network's current mode (training or inference).
        """
        with statistics_kept(self):
            self.forward(X)
        return [layer.Z for layer in self.activation_layers]

    def hidden_outputs(self, X):
        """The output of every hidden layer (after its activation) for the batch X, first to last."""
        with statistics_kept(self):
            self.forward(X)
        return [layer.output for layer in self.activation_layers]

    def dead_fraction(self, X):
        """For every hidden layer, the fraction of units that output 0 on every row of X (chapter 3)."""
        return np.array([np.mean(np.all(a == 0, axis=0)) for a in self.hidden_outputs(X)])

    def gradient_norms(self, X, y):
        """The Frobenius norm of dLoss/dW for every dense layer, first to last, on (X, y) (section 2.2).

        All nan if the logits overflow, when no backward pass runs.
        """
        with statistics_kept(self):
            loss = self.loss_and_backward(X, y)
        if np.isnan(loss):
            return np.full(len(self.dense_layers), np.nan)
        return np.array([np.linalg.norm(layer.dW) for layer in self.dense_layers])

    def unit_gradient_norms(self, X, y):
        """For every hidden layer, the size of each unit's incoming-weight gradient on (X, y) (chapter 3).

        Entry j of layer l is the norm of row j of dLoss/dW_l: 0 exactly for a
        dead ReLU unit, tiny for a unit stuck where its activation is flat.
        All nan if the logits overflow, when no backward pass runs.
        """
        hidden = self.dense_layers[:-1]
        with statistics_kept(self):
            loss = self.loss_and_backward(X, y)
        if np.isnan(loss):
            return [np.full(len(layer.W), np.nan) for layer in hidden]
        return [np.linalg.norm(layer.dW, axis=1) for layer in hidden]
