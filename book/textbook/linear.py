"""Stacks of affine layers, in the book's math convention y = W x + b.

Chapter 1 shows that such a stack, however deep, is one affine map:
W2 (W1 x + b1) + b2 = (W2 W1) x + (W2 b1 + b2). Here a layer is a pair
(W, b) with W of shape (n_out, n_in), as in ``activations.nn``, and points
are columns or single vectors x of shape (n_in,). (The network stores a
batch as rows instead and computes X W^T + b: the same map, transposed.)
Used in section 1.1.

>>> layers = random_stack([2, 3, 2], np.random.default_rng(0))
>>> W, b = collapse(layers)
>>> x = np.array([0.5, -1.0])
>>> bool(np.allclose(apply_stack(layers, x), W @ x + b))
True
"""

import itertools

import numpy as np

from activations._core import as_float_array
from activations.functions import get


def random_stack(widths, rng, std=None):
    """Random affine layers with the given widths, input first.

    Weights are drawn from N(0, std^2), with std = 1 / sqrt(n_in) by default
    (so the scale of x stays roughly the same through the stack); biases
    from N(0, 0.1^2).
    """
    if len(widths) < 2 or any(int(w) != w or w < 1 for w in widths):
        raise ValueError(f"random_stack: widths must be at least two positive integers, got {widths!r}")
    return [
        (
            rng.normal(0.0, std or 1 / np.sqrt(n_in), size=(n_out, n_in)),
            rng.normal(0.0, 0.1, size=n_out),
        )
        for n_in, n_out in itertools.pairwise(widths)
    ]


def apply_stack(layers, x, activation="identity", **params):
    """Apply the layers in order, with ``activation`` after every layer but the last.

    ``x`` is one point of shape (n_in,) or a batch of columns (n_in, n).
    """
    f = get(activation)
    a = as_float_array(x, "apply_stack")
    for i, (W, b) in enumerate(layers):
        if a.shape[0] != W.shape[1]:
            raise ValueError(f"apply_stack: layer {i} expects {W.shape[1]} inputs, got {a.shape[0]}")
        z = W @ a + (b if a.ndim == 1 else b[:, None])
        a = z if i == len(layers) - 1 else f(z, **params)
    return a


def collapse(layers):
    """The single affine map (W, b) equal to a stack without activations.

    Built one layer at a time: after layers 1..k the stack is
    x -> W x + b, and the next layer (Wk, bk) turns it into
    x -> (Wk W) x + (Wk b + bk).
    """
    W, b = layers[0]
    for W_next, b_next in layers[1:]:
        W, b = W_next @ W, W_next @ b + b_next
    return W, b
