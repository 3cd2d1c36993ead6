"""What section 6.2's input-spread explorer draws; the section's experiments are written out in it.

The notebook holds every setting of its experiments (data, widths, depth,
initialisations, optimiser, learning rate, batch size, epochs, seeds, target)
and runs their loops in sight. This module keeps only the initialiser with a
weight gain and the measurement the explorer redraws for every gain, with
the notebook's set-up as defaults.
"""

import numpy as np

from activations import nn

from . import comparison


def scaled_normal(gain):
    """Weights drawn from N(0, gain^2 / n_in): gain 1 is LeCun's variance, sqrt(2) He's."""

    def init(fan_in, fan_out, rng):
        return rng.normal(0.0, gain / np.sqrt(fan_in), size=(fan_out, fan_in))

    init.__name__ = f"scaled_normal({gain:g})"
    return init


def input_spreads(activation, gain, batch_norm=None, depth=20, width=32, n_train=600, seed=0):
    """The standard deviation of every hidden activation's input z at initialisation.

    A ``depth``-layer network of ``width`` units with weights from
    :func:`scaled_normal` (``gain``), on the first ``n_train`` training digits of
    section 6.1's split (6.2's set-up); ``batch_norm="before"`` adds a BatchNorm
    layer before every activation (training mode: this batch's statistics).
    """
    X = comparison.split("digits")[0][:n_train]
    model = nn.deep_mlp(
        64, 10, depth, width, activation, scaled_normal(gain), seed=seed, batch_norm=batch_norm
    )
    return np.array([z.std() for z in model.pre_activations(X)])
