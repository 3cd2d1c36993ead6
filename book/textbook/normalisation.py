"""What section 6.2's input-spread explorer draws; the section's experiments are written out in it.

The notebook holds every setting of its experiments (data, widths, depth,
initialisations, optimiser, learning rate, batch size, epochs, seeds, target)
and runs their loops in sight. This module keeps only the initialiser with a
weight gain and the measurement the explorer redraws for every gain; the
notebook passes its data, depth, width and seed in.
"""

import numpy as np

from activations import nn


def scaled_normal(gain):
    """Weights drawn from N(0, gain^2 / n_in): gain 1 is LeCun's variance, sqrt(2) He's."""

    def init(fan_in, fan_out, rng):
        return rng.normal(0.0, gain / np.sqrt(fan_in), size=(fan_out, fan_in))

    init.__name__ = f"scaled_normal({gain:g})"
    return init


def input_spreads(X, activation, gain, depth, width, seed, batch_norm=None):
    """The standard deviation of every hidden activation's input z at initialisation, on the inputs X.

    A ``depth``-layer network of ``width`` units with weights from
    :func:`scaled_normal` (``gain``) drawn with ``seed``, so ``depth - 1``
    values; ``batch_norm="before"`` adds a BatchNorm layer before every
    activation (training mode: the statistics of the batch X).
    """
    model = nn.deep_mlp(
        X.shape[1], 10, depth, width, activation, scaled_normal(gain), seed=seed, batch_norm=batch_norm
    )
    return np.array([z.std() for z in model.pre_activations(X)])
