"""Chapter 4's graded exercises (softmax and cross-entropy), in two variants each."""

import numpy as np

import activations as act

from . import Graded


def _underflow_gap(dtype):
    """The first d on a grid of step 0.01 where softmax([0, d]) gives class 0 exactly 0."""
    d = np.arange(50.0, 800.0, 0.01)
    pair = np.stack([np.zeros_like(d), d], axis=1).astype(dtype)
    return float(d[np.argmax(act.softmax(pair)[:, 0] == 0)])


GRADED = (
    Graded(
        "4.1.1",
        2,
        "underflow_gap",
        "In {dtype}, from which gap $d$ does `act.softmax(np.array([0, d], dtype=np.{dtype}))` give "
        "the first class a probability of exactly 0? Give the first such $d$ of the grid "
        "`np.arange(50.0, 800.0, 0.01)`.",
        "d = np.arange(50.0, 800.0, 0.01)\n"
        "pair = np.stack([np.zeros_like(d), d], axis=1).astype(np.{dtype})\n"
        "underflow_gap = float(d[np.argmax(act.softmax(pair)[:, 0] == 0)])",
        lambda dtype: _underflow_gap(dtype),
        ({"dtype": "float64"}, {"dtype": "float32"}),
    ),
    Graded(
        "4.1.2",
        2,
        "temperature",
        "At which temperature $T$ does $\\operatorname{{softmax}}((0, 1) / T)$ give probability {p} to the "
        "second class?",
        "temperature = 1 / np.log({p} / (1 - {p}))",
        lambda p: 1 / np.log(p / (1 - p)),
        ({"p": 0.9}, {"p": 0.8}),
    ),
    Graded(
        "4.2.1",
        2,
        "gradient",
        "For the logits {z} and the soft target {t}, what is the gradient of the cross-entropy with "
        "respect to the logits (an array of {k} numbers)?",
        "gradient = act.softmax(np.array({z})) - np.array({t})",
        lambda z, t, k: act.softmax(np.array(z)) - np.array(t),
        (
            {"z": [2.0, 0.0, -1.0], "t": [0.8, 0.1, 0.1], "k": 3},
            {"z": [0.5, 1.5, -0.5, 0.0], "t": [0.1, 0.7, 0.1, 0.1], "k": 4},
        ),
    ),
    Graded(
        "4.2.2",
        3,
        "gradient_limit",
        "Ten classes, true class 0; the logits of {m} wrong classes are all set to $s$, the others "
        "to 0. What is the limit of the Euclidean norm of the cross-entropy's gradient with respect "
        "to the logits as $s \\to \\infty$?",
        "gradient_limit = np.sqrt(1 + {m} * (1 / {m}) ** 2)",
        lambda m: float(np.sqrt(1 + m * (1 / m) ** 2)),
        ({"m": 2}, {"m": 3}),
    ),
    Graded(
        "4.3.2",
        2,
        "score_divisor",
        "The entries of $q$ and $k \\in \\mathbb{{R}}^{{{d}}}$ are independent with mean 0; those of $q$ "
        "have variance {vq}, those of $k$ variance {vk}. By what number must the score $q \\cdot k$ be "
        "divided to bring its variance to 1?",
        "score_divisor = np.sqrt({d} * {vq} * {vk})",
        lambda d, vq, vk: float(np.sqrt(d * vq * vk)),
        ({"d": 64, "vq": 3, "vk": 0.5}, {"d": 32, "vq": 2, "vk": 0.25}),
    ),
)
