"""Section 6.4's checklist for a network that does not train: one measurement per item.

:func:`measure` runs each diagnostic of the book on a model and a batch and
returns the numbers; :func:`verdicts` turns them into the checklist's
findings. The thresholds are rules of thumb, stated where they are used.
"""

import numpy as np

from activations import nn


def measure(model, X, y, history=None):
    """The checklist's numbers for ``model`` on (X, y); ``history`` (from nn.train) adds divergence.

    - ``dead``: per hidden layer, the fraction of units that output 0 for every row (chapter 3);
    - ``flat``: per hidden layer of a saturating activation (flat on both sides, as sigmoid and
      tanh), the fraction of its inputs where the slope f'(z) is below 1 % of its largest value
      (section 2.1); nan for the others, whose flat side is measured by ``dead``;
    - ``gradient_ratio``: the first dense layer's gradient norm over the last one's (section 2.2);
    - ``logit_spread``: the standard deviation of the logits (forward explosion or death, 6.2);
    - ``loss`` and ``chance``: the loss now, and ln K for K classes;
    - ``diverged``: whether training overflowed (a too-large learning rate, section 2.2).
    """
    with np.errstate(over="ignore", invalid="ignore"):
        inputs = model.pre_activations(X)
        logits = model.forward(X)
        finite = bool(np.all(np.isfinite(logits)))
        norms = model.gradient_norms(X, y) if finite else np.full(2, np.nan)
        ratio = float(norms[0] / norms[-1])  # nan when both are 0 (every unit dead)
        dead = model.dead_fraction(X)
        flat = [_flat_fraction(layer, z) for layer, z in zip(model.activation_layers, inputs, strict=True)]
    return {
        "dead": dead,
        "flat": np.array(flat),
        "gradient_ratio": ratio,
        "logit_spread": float(np.std(logits)),
        "loss": model.loss_of(logits, y) if finite else float("inf"),
        "chance": float(np.log(model.widths[-1])),
        "diverged": bool(history.diverged) if history is not None else False,
    }


def _flat_fraction(layer, z):
    """The fraction of z where a saturating activation's slope is below 1 % of its peak, else nan."""
    if not isinstance(layer, nn.ActivationLayer):
        return float("nan")
    slope = layer.f.grad(np.linspace(-50, 50, 10001), **layer.settings)
    peak = np.max(np.abs(slope))
    if max(abs(slope[0]), abs(slope[-1])) > 0.01 * peak:  # not flat on both sides
        return float("nan")
    return float(np.mean(np.abs(layer.f.grad(z, **layer.settings)) < 0.01 * peak))


def verdicts(m):
    """The checklist items that the measurements ``m`` (from :func:`measure`) point to."""
    if m["diverged"] or not np.isfinite(m["loss"]):  # the other numbers are its consequences
        return ["learning rate: training overflowed"]
    found = []
    if np.max(m["dead"], initial=0) > 0.25:
        found.append("dead units: more than a quarter of a layer never fires")
    if np.any(m["flat"] > 0.5):
        found.append("saturation: most inputs of a layer sit where the slope is flat")
    if not 1e-3 < m["logit_spread"] < 1e3:
        found.append("initialisation: the logits are exploding or vanishing")
    if not 1e-4 < m["gradient_ratio"] < 1e4:
        found.append("initialisation or normalisation: gradients vanish or explode across the layers")
    return found or ["nothing on the checklist: look at the data, the labels and the budget"]
