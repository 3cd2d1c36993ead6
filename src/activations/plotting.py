"""The book's plotting style, colours and the few figures every chapter draws.

Importing this module sets the style (readable fonts, light grid, small PNG
figures). Every activation has one colour for the whole book, from
colour-blind-safe palettes (Okabe and Ito; Paul Tol's "muted").
"""

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from .functions import get
from .linear import apply_stack
from .statistics import mean_derivative

STYLE = {
    "figure.figsize": (8.0, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.constrained_layout.use": True,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 2.0,
}
mpl.rcParams.update(STYLE)

# One colour per activation, the same in every figure of the book.
COLORS = {
    "identity": "#777777",
    "step": "#000000",
    "sigmoid": "#0072B2",
    "tanh": "#E69F00",
    "relu": "#009E73",
    "leaky_relu": "#CC79A7",
    "prelu": "#882255",
    "elu": "#D55E00",
    "selu": "#332288",
    "relu6": "#117733",
    "softplus": "#56B4E9",
    "swish": "#AA4499",
    "silu": "#AA4499",  # the same function as swish at beta = 1
    "mish": "#44AA99",
    "gelu": "#999933",
}
# Two classes in decision-region plots, and everything else.
CLASS_COLORS = ("#0072B2", "#D55E00")


def color(name):
    """The book's colour for an activation (by name or object)."""
    return COLORS[get(name).name]


def function_and_derivative(activation, x=None, axes=None, label=None, **params):
    """Draw f on the left axes and f' on the right, on the same x range.

    Returns the two axes so further curves can be added.
    """
    f = get(activation)
    x = np.linspace(-5, 5, 401) if x is None else np.asarray(x)
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    left, right = axes
    style = {"color": COLORS[f.name], "label": label or f.name}
    left.plot(x, f(x, **params), **style)
    right.plot(x, f.grad(x, **params), **style)
    left.set(xlabel="$x$", ylabel="$f(x)$", title=f"{f.name}")
    right.set(xlabel="$x$", ylabel="$f'(x)$", title=f"derivative of {f.name}")
    return axes


def decision_regions(ax, predict, X, y, title, resolution=200, margin=0.5):
    """Shade the class a classifier predicts over the plane, with the data on top.

    ``predict`` maps an (n, 2) array of points to class labels 0 or 1.
    """
    X, y = np.asarray(X), np.asarray(y)
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    labels = np.asarray(predict(np.column_stack([g0.ravel(), g1.ravel()]))).reshape(g0.shape)
    cmap = mpl.colors.ListedColormap(CLASS_COLORS)
    ax.contourf(g0, g1, labels, levels=[-0.5, 0.5, 1.5], cmap=cmap, alpha=0.25)
    for k, (c, marker) in enumerate(zip(CLASS_COLORS, "os", strict=True)):
        pts = X[y == k]
        ax.scatter(pts[:, 0], pts[:, 1], s=60, c=c, marker=marker, edgecolors="black", label=f"class {k}")
        ax.add_patch(mpl.patches.Rectangle((0, 0), 0, 0, color=c, alpha=0.25, label=f"predicted {k}"))
    ax.set(xlabel="$x_1$", ylabel="$x_2$", title=title, aspect="equal")
    ax.grid(False)
    return ax


def grid_image(ax, layers, activation="identity", lines=9, title=None):
    """Draw where a stack of layers (2 inputs, 2 outputs) sends a square grid.

    Without an activation every grid line stays a straight line and parallel
    lines stay parallel: the stack is one affine map. With one they bend.
    """
    t = np.linspace(-1, 1, 401)
    f = get(activation)
    for c in np.linspace(-1, 1, lines):
        for points, colour in ((np.vstack([t, np.full_like(t, c)]), "#0072B2"),
                               (np.vstack([np.full_like(t, c), t]), "#D55E00")):  # fmt: skip
            image = apply_stack(layers, points, activation)
            ax.plot(image[0], image[1], color=colour, lw=1.2)
    ax.set(xlabel="output 1", ylabel="output 2", title=title or f"{len(layers)} layers, {f.name}")
    ax.set_aspect("equal", adjustable="datalim")
    return ax


def saturation(ax, std, activations=("sigmoid", "tanh"), derivative=True, legend=True):
    """Draw f' (or f) of some activations with the density of inputs x ~ N(0, std^2) shaded.

    The density is scaled to peak at 1. Where the grey area lies over the flat
    tails of f', inputs saturate the activation and almost no gradient passes.
    """
    x = np.linspace(-10, 10, 801)
    density = np.exp(-0.5 * (x / std) ** 2)  # scaled to peak 1, to share the axis with f'
    ax.fill_between(x, 0, density, color="0.85", label=f"inputs (density, peak 1), std {std:g}")
    for name in activations:
        f = get(name)
        label = f"{name}: mean f' = {float(mean_derivative(name, std)):.3f}" if derivative else name
        ax.plot(x, f.grad(x) if derivative else f(x), color=COLORS[f.name], label=label)
    ylabel, low = ("$f'(x)$", 0.0) if derivative else ("$f(x)$", -1.05)
    ax.set(xlabel="$x$", ylabel=ylabel, ylim=(low, 1.05))
    if legend:
        ax.legend(loc="upper right", fontsize=8)
    return ax


def layer_norms(ax, norms, activation, label=None, **style):
    """Plot the gradient norm of every layer (layer 1 = nearest the input) on a log scale."""
    f = get(activation)
    layers = np.arange(1, len(norms) + 1)
    ax.semilogy(layers, norms, color=COLORS[f.name], label=label or f.name, marker="o", ms=3, **style)
    ax.set(xlabel="layer (1 = nearest the input)", ylabel=r"$\|\partial L / \partial W\|$")
    return ax
