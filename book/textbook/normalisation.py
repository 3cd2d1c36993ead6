"""The experiments of section 6.2: initialisation pairing and batch normalisation.

Each function trains small seeded networks from ``activations.nn`` on the
8 x 8 digits and returns plain arrays or dicts for the notebook to print and
draw; nothing here is specific to a figure.
"""

import numpy as np

from activations import nn

from . import comparison

# The initialisations of the heat map: name -> what nn.deep_mlp takes
INITS = {
    "N(0, 1)": nn.normal(1.0),
    "N(0, 0.01²)": nn.normal(0.01),
    "Xavier": "xavier",
    "LeCun": "lecun",
    "He": "he",
}


def digits_subset(n_train=600, n_val=300):
    """A small standardised split of the digits: (X_train, X_val, y_train, y_val)."""
    X_train, X_val, _, y_train, y_val, _ = comparison.split("digits")
    return X_train[:n_train], X_val[:n_val], y_train[:n_train], y_val[:n_val]


def init_pairing(activations, inits=INITS, depth=20, width=32, epochs=5, lr=1e-3, seed=0):
    """Training loss after a short training, activations (rows) by initialisations (columns).

    A ``depth``-layer network of ``width`` units on 600 digits, ``epochs`` epochs
    of Adam in mini-batches of 50; inf where the run overflowed.
    """
    X_train, _, y_train, _ = digits_subset()
    losses = np.empty((len(activations), len(inits)))
    for i, name in enumerate(activations):
        for j, init in enumerate(inits.values()):
            model = nn.deep_mlp(64, 10, depth, width, name, init, seed=seed)
            history = nn.train(
                model, X_train, y_train, nn.Adam(lr=lr), epochs=epochs, batch_size=50, seed=seed
            )
            losses[i, j] = np.inf if history.diverged else history.loss[-1]
    return losses


def diagnose(activation, init, batch_norm=None, depth=20, width=32, seed=0):
    """At initialisation: the spread of the logits, and the first layer's gradient norm over the last's.

    The spread (standard deviation over 600 digits and 10 outputs) shows the
    forward signal exploding (huge) or dying (near 0); the ratio shows the
    gradient vanishing on its way back (far below 1), as in section 2.2. With
    ``batch_norm`` ("before" or "after"), a BatchNorm layer sits at every activation.
    """
    X_train, _, y_train, _ = digits_subset()
    widths = [64] + [width] * (depth - 1) + [10]
    model = nn.MLP(widths, activation, init=INITS.get(init, init), seed=seed, batch_norm=batch_norm)
    with np.errstate(over="ignore", invalid="ignore"):  # an exploding network overflows on purpose
        spread = float(np.std(model.forward(X_train)))
        norms = model.gradient_norms(X_train, y_train)
    return spread, float(norms[0] / norms[-1])


def layer_inputs(activation, batch_norm, depth=20, width=32, init="xavier", seed=0):
    """What every hidden activation receives (its input z) at initialisation, on 600 digits.

    With ``batch_norm="before"`` a BatchNorm layer standardises z first, with the
    statistics of this batch (training mode).
    """
    X_train, _, _, _ = digits_subset()
    model = nn.MLP(
        [64] + [width] * (depth - 1) + [10], activation, init=init, seed=seed, batch_norm=batch_norm
    )
    return model.pre_activations(X_train)


def placement(
    activations, placements=(None, "before", "after"), depth=12, seeds=(0, 1, 2), epochs=15, lr=3e-3
):
    """Final validation accuracy and epochs to 90 % for each activation, placement and seed.

    Returns {(activation, placement): (accuracies, epochs, train_accuracies)}, arrays
    over the seeds: the final validation accuracy, the epochs until the validation
    accuracy first reached 90 % (nan where it did not) and the final accuracy on the
    training set (both accuracies measured in inference mode).
    """
    X_train, X_val, y_train, y_val = digits_subset()
    results = {}
    for name in activations:
        init = comparison.INIT.get(name, "he")
        for where in placements:
            accuracies, epochs_needed, train_accuracies = [], [], []
            for seed in seeds:
                widths = [64] + [32] * (depth - 1) + [10]
                model = nn.MLP(widths, name, init=init, seed=seed, batch_norm=where)
                history = nn.train(
                    model,
                    X_train,
                    y_train,
                    nn.Adam(lr=lr),
                    epochs=epochs,
                    batch_size=50,
                    seed=seed,
                    validation=(X_val, y_val),
                )
                accuracies.append(history.val_accuracy[-1])
                train_accuracies.append(history.accuracy[-1])
                epochs_needed.append(comparison.epochs_to(0.9, history.val_accuracy))
            results[name, where] = (np.array(accuracies), np.array(epochs_needed), np.array(train_accuracies))
    return results


def scaled_normal(gain):
    """Weights drawn from N(0, gain^2 / n_in): gain 1 is LeCun's variance, sqrt(2) He's."""

    def init(fan_in, fan_out, rng):
        return rng.normal(0.0, gain / np.sqrt(fan_in), size=(fan_out, fan_in))

    init.__name__ = f"scaled_normal({gain:g})"
    return init


def input_spreads(activation, gain, batch_norm=None, depth=20, width=32, seed=0):
    """The standard deviation of every hidden activation's input z at initialisation, on 600 digits.

    Weights from :func:`scaled_normal` with ``gain``; ``batch_norm="before"`` adds a
    BatchNorm layer before every activation (training mode: this batch's statistics).
    """
    zs = layer_inputs(activation, batch_norm, depth=depth, width=width, init=scaled_normal(gain), seed=seed)
    return np.array([z.std() for z in zs])
