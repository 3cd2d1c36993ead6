"""The book's plotting style, colours and the figures the chapters draw.

A notebook asks for the style once, with :func:`use_style` (readable fonts,
light grid, small PNG figures); importing this module changes nothing.
Every activation has one colour for the whole book, from colour-blind-safe
palettes (Okabe and Ito; Paul Tol's "muted").
"""

import itertools
import math

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from activations.functions import get
from activations.losses import log_softmax, softmax

from .linear import apply_stack
from .slopes import rms_derivative

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


def use_style():
    """Set Matplotlib's global style to the book's (every notebook calls it once)."""
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
    "mish": "#EE3377",
    "gelu": "#999933",
    "hard_sigmoid": "#88CCEE",
    "hard_swish": "#661100",
}
# Two classes in decision-region plots, and everything else.
CLASS_COLORS = ("#0072B2", "#D55E00")


def color(name):
    """The book's colour for an activation (by name or object)."""
    return COLORS[get(name).name]


# --- figures of every chapter -------------------------------------------------------------


def piecewise(ax, g, x, breaks=(), marked=True, label=None, color=None, **line):
    """Draw g on x in pieces between the ``breaks``, never joined across one.

    With ``marked``, each break gets an open circle at each one-sided limit of
    g and a filled dot at the value g returns there. ``label`` goes to the
    first piece only, so a legend lists g once.
    """
    edges = [-np.inf, *sorted(breaks), np.inf]
    for k, (a, b) in enumerate(itertools.pairwise(edges)):
        piece = x[(x > a) & (x < b)]
        ax.plot(piece, g(piece), label=label if k == 0 else None, color=color, **line)
    for b in breaks if marked else ():
        h = 1e-9 * max(1.0, abs(b))
        ax.plot([b, b], g(np.array([b - h, b + h])), "o", mfc="white", ms=6, color=color)
        ax.plot([b], [g(float(b))], "o", ms=5, color=color)


def function_and_derivative(activation, x=None, axes=None, label=None, breaks=(), jumps=(), **params):
    """Draw f on the left axes and f' on the right, on the same x range (sections 2.1 and later).

    ``breaks`` lists where f' jumps (0 for ReLU), ``jumps`` where f itself
    jumps (0 for the step). There the curve is drawn in pieces by
    :func:`piecewise`, with the one-sided limits and the value the package
    returns marked. Returns the two axes so further curves can be added.
    """
    f = get(activation)
    x = np.linspace(-5, 5, 401) if x is None else np.asarray(x, dtype=float)
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    left, right = axes
    name, colour = label or f.name, COLORS[f.name]
    piecewise(left, lambda v: f(v, **params), x, jumps, label=name, color=colour)
    piecewise(right, lambda v: f.grad(v, **params), x, breaks, label=name, color=colour)
    left.set(xlabel="$x$", ylabel="$f(x)$", title=f"{f.name}")
    right.set(xlabel="$x$", ylabel="$f'(x)$", title=f"derivative of {f.name}")
    return axes


def decision_regions(ax, predict, X, y, title, resolution=200, margin=0.5):
    """Shade the class a classifier predicts over the plane, with the data on top (section 1.2).

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


# --- chapter 1 ------------------------------------------------------------------------------


def grid_image(ax, layers, activation="identity", lines=9, title=None):
    """Draw where a stack of layers (2 inputs, 2 outputs) sends a square grid (section 1.1).

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


def grid_comparison(stacks, activations=("identity", "tanh")):
    """One row per activation: the input grid, then where each stack sends it (section 1.1).

    ``stacks`` maps a column title (e.g. "depth 3") to a stack of 2-to-2 layers.
    The axes are left without ticks and stretched to fill their boxes: only
    straightness and parallelism are the point.
    """
    fig, axes = plt.subplots(len(activations), len(stacks) + 1, figsize=(9, 2.2 * len(activations)))
    unchanged = [(np.eye(2), np.zeros(2))]  # one layer that changes nothing: the input grid itself
    for row, activation in zip(np.atleast_2d(axes), activations, strict=True):
        grid_image(row[0], unchanged, title="the input grid")
        for ax, (label, layers) in zip(row[1:], stacks.items(), strict=True):
            grid_image(ax, layers, activation, title=f"{activation}, {label}")
        for ax in row:
            ax.set(xlabel="", ylabel="", xticks=[], yticks=[], aspect="auto")
    return fig


# --- chapter 2 ------------------------------------------------------------------------------


def saturation(ax, std, activations=("sigmoid", "tanh"), derivative=True, legend=True, limit=30.0):
    """Draw f' (or f) with the density of inputs x ~ N(0, std^2) shaded (section 2.1).

    The density is scaled to peak at 1. Where the grey area lies over the flat
    tails of f', inputs saturate the activation and almost no gradient passes.
    The legend gives each activation's RMS slope over the inputs, the average
    that sizes gradients (:func:`~textbook.slopes.rms_derivative`). The x axis
    runs from ``-limit`` to ``limit``; where 1 % or more of the inputs lie
    beyond it, the panel says how many.
    """
    x = np.linspace(-limit, limit, 1201)
    density = np.exp(-0.5 * (x / std) ** 2)  # scaled to peak 1, to share the axis with f'
    ax.fill_between(x, 0, density, color="0.85", label=f"inputs (density, peak 1), std {std:g}")
    for name in activations:
        f = get(name)
        label = f"{name}: RMS f' = {float(rms_derivative(name, std)):.3f}" if derivative else name
        ax.plot(x, f.grad(x) if derivative else f(x), color=COLORS[f.name], label=label)
    ylabel, low = ("$f'(x)$", 0.0) if derivative else ("$f(x)$", -1.05)
    ax.set(xlabel="$x$", ylabel=ylabel, xlim=(-limit, limit), ylim=(low, 1.05))
    beyond = math.erfc(limit / (std * math.sqrt(2)))  # the share of N(0, std^2) outside +-limit
    if beyond >= 0.01:
        # below the legend: at the bottom for f' (which is 0 there), at the top for f (0 or -1 there)
        top = 0.04 if derivative else 0.97
        ax.text(0.02, top, f"{beyond:.0%} of the inputs\nlie beyond ±{limit:g}", transform=ax.transAxes,
                fontsize=8, va="bottom" if derivative else "top")  # fmt: skip
    if legend:  # where the curves are not: f' is 0 far out, f is 1 or 0 there
        ax.legend(loc="upper right" if derivative else "center right", fontsize=8)
    return ax


def saturation_panels(stds, activations=("sigmoid", "tanh")):
    """One panel of :func:`saturation` per input spread, with one legend below (section 2.1)."""
    fig, axes = plt.subplots(1, len(stds), figsize=(9, 3.3), sharey=True, layout="constrained")
    for ax, std in zip(axes, stds, strict=True):
        saturation(ax, std, activations, legend=False)
        ax.set(title=f"inputs with std {std:g}", ylabel="")
    axes[0].set_ylabel("$f'(x)$")
    handles, _ = axes[0].get_legend_handles_labels()
    fig.legend(handles, ["inputs", *(f"{name}'" for name in activations)], loc="lower center", ncol=3)
    fig.get_layout_engine().set(rect=(0, 0.08, 1, 0.92))
    return fig


def least_squares_path(ax, a, t, path, w_star, color, w1=(-4.5, 4.5), w2=(-3, 4)):
    """Contours of L(w) = mean((a w - t)^2) / 2 over (w1, w2), a descent path, the minimum (section 2.1).

    Both weights get the same scale (equal aspect), so a round valley looks round.
    """
    g1, g2 = np.meshgrid(np.linspace(*w1, 200), np.linspace(*w2, 200))
    residuals = a @ np.stack([g1.ravel(), g2.ravel()]) - t[:, None]
    surface = 0.5 * np.mean(residuals**2, axis=0).reshape(g1.shape)
    ax.contour(g1, g2, surface, levels=np.geomspace(0.005, 10, 14), colors="0.6", linewidths=0.8)
    ax.plot(path[:, 0], path[:, 1], "o-", color=color, ms=3, label="gradient descent")
    ax.plot(*w_star, "k*", ms=12, label="minimum $w^*$")
    ax.set(xlabel="$w_1$", ylabel="$w_2$", xlim=w1, ylim=w2)
    ax.set_aspect("equal", adjustable="box")
    return ax


def layer_norms(ax, norms, activation, label=None, **style):
    """Plot the gradient norm of every layer (layer 1 = nearest the input) on a log scale (section 2.2).

    The layers are counted in whole numbers, so the ticks are integers.
    """
    f = get(activation)
    layers = np.arange(1, len(norms) + 1)
    ax.semilogy(layers, norms, color=COLORS[f.name], label=label or f.name, marker="o", ms=3, **style)
    ax.set(xlabel="layer (1 = nearest the input)", ylabel=r"$\|\partial L / \partial W\|$")
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    return ax


def layer_norm_panels(norms, inits, activations):
    """One panel per initialisation, one :func:`layer_norms` curve per activation (section 2.2).

    ``norms[init, activation]`` holds the gradient norm of every layer.
    """
    fig, axes = plt.subplots(1, len(inits), figsize=(9, 3.6), sharey=True)
    for ax, init in zip(axes, inits, strict=True):
        for name in activations:
            layer_norms(ax, norms[init, name], name)
        ax.set_title(f"init {init}")
        if ax is not axes[0]:
            ax.set_ylabel("")
    axes[0].legend()
    return fig


def loss_curve_panels(histories, inits, activations, chance, chance_label="chance", ylim=(0.02, 30)):
    """Training loss per epoch, one panel per initialisation, with the chance level dashed (section 2.2).

    ``histories[init, activation]`` is a ``nn.History``. A curve that never
    comes down to the axis gets its lowest value written in the panel.
    """
    fig, axes = plt.subplots(1, len(inits), figsize=(9, 3.6), sharey=True)
    for ax, init in zip(axes, inits, strict=True):
        for name in activations:
            loss = histories[init, name].loss
            ax.plot(loss, color=color(name), label=name)
            if np.nanmin(loss) > ylim[1]:  # far above the axis: say so instead
                note = f"{name}: loss about\n{np.nanmin(loss):.1e} (off the scale)"
                ax.text(0.95, 0.95, note, transform=ax.transAxes, ha="right", va="top")
        ax.axhline(chance, color="0.5", ls="--", lw=1, label=chance_label)
        ax.set(title=f"init {init}", xlabel="epoch", yscale="log", ylim=ylim)
    axes[0].set_ylabel("training loss (log scale)")
    axes[0].legend()
    return fig


def one_weight_descent(loss, paths, w_range=(-5, 9), ylim=(-1, 50)):
    """Gradient-descent paths on a 1-D loss, one panel per path (section 2.2).

    ``paths`` maps a panel title to the iterates w_0, w_1, ... of one run.
    """
    fig, axes = plt.subplots(1, len(paths), figsize=(9, 3.2), sharey=True, sharex=True)
    w = np.linspace(*w_range, 200)
    for ax, (title, path) in zip(axes, paths.items(), strict=True):
        ax.plot(w, loss(w), color="0.6")
        ax.plot(path, loss(path), "o-", color=CLASS_COLORS[1], ms=4)
        ax.set(title=title, xlabel="$w$", ylim=ylim)
    return fig


def depth_sweep(depths, ratios, left=("sigmoid",)):
    """First-to-last gradient-norm ratio against depth, in two panels (section 2.2).

    ``ratios[activation, init]`` holds one ratio per depth. Activations in
    ``left`` go to the left panel (they span many decades); the others to
    the right. A second initialisation of the same activation is dashed.
    """
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    seen = set()
    for (name, init), values in ratios.items():
        style = {"ls": "--", "marker": "s", "mfc": "white"} if name in seen else {"marker": "o"}
        seen.add(name)
        ax = axes[0] if name in left else axes[1]
        ax.semilogy(depths, values, color=color(name), label=f"{name}, {init}", **style)
    for ax in axes:
        ax.set(xlabel="depth (number of layers)", ylabel="gradient norm, layer 1 / last")
        ax.legend()
    return fig


# --- chapter 3 ------------------------------------------------------------------------------


def _shades(base, count):
    """``count`` colours from light to dark around ``base`` (mixed with white, then with black).

    The lightest is mixed with only 20 % white, so that a line in it still stands out against a
    white background and the grid.
    """
    if count == 1:
        return [base]
    shades = []
    for k in range(count):
        p = k / (count - 1)  # 0 lightest, 1 darkest
        if p < 0.5:
            mix = 0.4 * (0.5 - p)  # towards white
            shades.append(tuple(c + mix * (1 - c) for c in base))
        else:
            mix = 1.1 * (p - 0.5)  # towards black
            shades.append(tuple(c * (1 - mix) for c in base))
    return shades


def family(axes, activation, values, setting="alpha", x=None, kink=None, reference=None):
    """f and f' of an activation for several values of one setting (3.3, 5.1).

    Larger values are darker and drawn with a different line style (the largest solid), and both
    panels have a legend. f' is drawn in pieces either side of ``kink``, or of 0 where f' is
    continuous; a given ``kink`` (for example 0) is marked as :func:`piecewise` marks a break.
    ``reference`` (for example "relu") is drawn last, thin, black and dashed, so that it shows on
    top of the family.
    """
    f = get(activation)
    x = np.linspace(-4, 3, 701) if x is None else x
    colours = _shades(mpl.colors.to_rgb(COLORS[f.name]), len(values))
    styles = ("-", "--", "-.", ":")
    split = 0.0 if kink is None else kink
    for k, (value, colour) in enumerate(zip(values, colours, strict=True)):
        ls = styles[(len(values) - 1 - k) % len(styles)]
        shown = f"{value:g}" if isinstance(value, (int, float)) else str(value)
        label = f"{setting} = {shown}"
        axes[0].plot(x, f(x, **{setting: value}), label=label, color=colour, ls=ls)
        derivative = lambda v, value=value: f.grad(v, **{setting: value})  # noqa: E731
        piecewise(axes[1], derivative, x, [split], kink is not None, label, colour, ls=ls)
    if reference is not None:
        g, on_top = get(reference), {"ls": (0, (4, 3)), "lw": 1.2, "zorder": 5}
        axes[0].plot(x, g(x), label=g.name, color="black", **on_top)
        piecewise(axes[1], g.grad, x, [0.0], marked=False, color="black", **on_top)
    axes[0].set(xlabel="$x$", ylabel="$f(x)$", title=f.name)
    axes[1].set(xlabel="$x$", ylabel="$f'(x)$", title=f"derivative of {f.name}")
    axes[0].legend(fontsize=8)
    axes[1].legend(fontsize=8)
    return axes


def dead_fraction_runs(ax, runs, layer=0, legend_loc=None):
    """Dead fraction of one hidden layer per epoch, one line per run (section 3.2).

    ``runs`` maps (activation, label) to a list of ``nn.History`` (one per
    seed) recorded with ``record="dead_fraction"``; runs with the same
    activation share its colour, their label picks a line style, and each
    seed has its own marker. Epochs are whole numbers on the axis. With
    ``legend_loc``, a legend names the runs and the seeds' markers.
    """
    markers = ("o", "s", "^", "D", "v")
    styles = {}
    for (name, label), histories in runs.items():
        style = styles.setdefault(label, ("-", "--", ":", "-.")[len(styles) % 4])
        for k, history in enumerate(histories):
            ax.plot(history.dead_fraction[:, layer], color=color(name), ls=style, lw=1.5,
                    marker=markers[k % len(markers)], ms=4, mfc="white",
                    label=f"{name}, {label}" if k == 0 else None)  # fmt: skip
    ax.set(xlabel="epoch", ylabel="dead units (fraction)", ylim=(-0.03, 1.03))
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    if legend_loc is not None:
        handles = [
            mpl.lines.Line2D([], [], color=color(name), ls=styles[label], lw=1.5, label=f"{name}, {label}")
            for name, label in runs
        ]
        seeds = max(len(histories) for histories in runs.values())
        handles += [
            mpl.lines.Line2D([], [], color="0.4", ls="", marker=markers[k % len(markers)], ms=4,
                             mfc="white", label=f"seed {k}")
            for k in range(seeds)
        ]  # fmt: skip
        ax.legend(handles=handles, loc=legend_loc, fontsize=8)
    return ax


def layer_statistics(stats, styles=None, linear=None, band=None):
    """Mean and variance of every hidden layer's outputs against depth, two panels (section 3.3).

    ``stats`` maps a label to (activation name, means, variances); ``styles``
    may map a label to further line settings (``ls``, ``zorder``, ...). The
    variance panel has a log scale, which shows decays and explosions but
    squeezes a narrow band around 1; ``linear`` may map a label to the
    variances of several runs (runs x layers), drawn one thin line per run in
    a third panel below on a linear scale, where ``band`` = (low, high) is
    shaded.
    """
    styles = styles or {}
    if linear is None:
        fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    else:
        fig = plt.figure(figsize=(9, 6))
        grid = fig.add_gridspec(2, 2, height_ratios=(1.0, 0.8))
        left, right = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1])
        below = fig.add_subplot(grid[1, :])
    for label, (name, means, variances) in stats.items():
        layers = np.arange(1, len(means) + 1)
        style = {"color": color(name), **styles.get(label, {})}
        left.plot(layers, means, label=label, **style)
        right.semilogy(layers, variances, label=label, **style)
    left.set(xlabel="hidden layer", ylabel="mean of the outputs")
    right.set(xlabel="hidden layer", ylabel="variance of the outputs (log scale)")
    left.legend(fontsize=8)
    if linear is not None:
        for label, runs in linear.items():
            runs = np.atleast_2d(runs)
            layers = np.arange(1, runs.shape[1] + 1)
            name = stats[label][0] if label in stats else label
            for k, run in enumerate(runs):
                below.plot(layers, run, color=color(name), lw=1.0, alpha=0.7,
                           label=f"{label}, {len(runs)} runs" if k == 0 else None)  # fmt: skip
        if band is not None:
            below.axhspan(*band, color="0.85", zorder=0, label=f"{band[0]:g} to {band[1]:g}")
        below.set(xlabel="hidden layer", ylabel="variance (linear scale)")
        below.legend(fontsize=8, loc="lower right", ncol=2)
    return fig


# --- chapter 4 ------------------------------------------------------------------------------


def entropy(logits, temperature=1.0):
    """Entropy -sum p log p (in nats) of softmax(logits / T), from log-softmax: finite for every T."""
    z = np.asarray(logits, dtype=float) / temperature
    return float(-np.sum(softmax(z) * log_softmax(z)))


def probability_bars(ax, logits, temperature=1.0, title=None):
    """Softmax probabilities over the classes as bars, the largest darker (section 4.1)."""
    z = np.asarray(logits, dtype=float)
    p = softmax(z, temperature=temperature)
    # every class that ties for the largest probability is darker
    colours = [CLASS_COLORS[0] if np.isclose(pk, p.max()) else "#9ecae1" for pk in p]
    ax.bar(np.arange(len(p)), p, color=colours)
    ax.set(xlabel="class $k$", ylabel="probability $p_k$", ylim=(0, 1.05), xticks=np.arange(len(p)))
    ax.set_title(title or "logits " + ", ".join(f"{v:g}" for v in z), fontsize=10)
    return ax


def temperature_panels(logits, temperatures):
    """One :func:`probability_bars` panel per temperature, entropy in each title (section 4.1)."""
    fig, axes = plt.subplots(1, len(temperatures), figsize=(9, 2.8), sharey=True)
    for ax, temperature in zip(axes, temperatures, strict=True):
        title = f"T = {temperature:g}, entropy {entropy(logits, temperature):.2f}"
        probability_bars(ax, logits, temperature, title=title)
        if ax is not axes[0]:
            ax.set_ylabel("")
    return fig


# --- chapter 6 ----------------------------------------------------------------------------------


def depth_comparison(table, problems, activations, depths, runs, ylim=None):
    """Mean test accuracy (+- one sample standard deviation over seeds) against depth (section 6.1).

    ``runs(table, problem, depth, activation)`` returns the accuracies of one cell. ``ylim``
    fixes the accuracy axis of both panels (``None``: each panel fits its own points).
    """
    fig, axes = plt.subplots(1, len(problems), figsize=(9, 4.0))
    offsets = np.linspace(-0.25, 0.25, len(activations))
    for ax, problem in zip(axes, problems, strict=True):
        for offset, name in zip(offsets, activations, strict=True):
            cells = [runs(table, problem, depth, name) for depth in depths]
            means = [c.mean() for c in cells]
            spreads = [c.std(ddof=1) for c in cells]
            x = np.arange(len(depths)) + offset
            ax.errorbar(
                x, means, yerr=spreads, color=color(name), marker="o", ms=4, capsize=2, lw=1.2, label=name
            )
        ax.set_xticks(range(len(depths)), [f"{d} layers" for d in depths])
        ax.set(title=problem, ylabel="test accuracy")
        if ylim is not None:
            ax.set_ylim(ylim)
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        ax.yaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0, decimals=0))
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=len(activations), fontsize=8)
    return fig


def learning_curve_panels(curves, problems, activations):
    """Validation accuracy per epoch, the mean over seeds, one line per activation (section 6.1).

    ``curves`` holds columns problem, activation, lr, seed, epoch and val_accuracy; each panel's
    legend names every line's activation and the learning rate it was trained with.
    """
    fig, axes = plt.subplots(1, len(problems), figsize=(9, 4.2))
    for ax, problem in zip(axes, problems, strict=True):
        for name in activations:
            chosen = (curves["problem"] == problem) & (curves["activation"] == name)
            epochs = np.unique(curves["epoch"][chosen])
            mean = [curves["val_accuracy"][chosen & (curves["epoch"] == e)].mean() for e in epochs]
            label = name
            if "lr" in curves:
                label = f"{name}, lr {curves['lr'][chosen][0]:g}"
            ax.plot(epochs, mean, color=color(name), lw=1.4, label=label)
        ax.set(title=problem, xlabel="epoch", ylabel="validation accuracy", ylim=(0, 1))
        ax.legend(loc="best", fontsize=7, ncol=2, title="activation, learning rate", title_fontsize=7)
    return fig


def heat_map(ax, values, rows, columns, fmt="{:.2g}", vmin=None, vmax=None, cmap="viridis_r"):
    """A table of numbers as coloured cells, each annotated (log10 colour scale; inf drawn grey)."""
    shown = np.log10(np.where(np.isfinite(values), values, np.nan))
    colours = plt.get_cmap(cmap).with_extremes(bad="#bbbbbb")
    image = ax.imshow(shown, cmap=colours, vmin=vmin, vmax=vmax, aspect="auto")
    for (i, j), value in np.ndenumerate(values):
        text = fmt.format(value) if np.isfinite(value) else "diverged"
        ax.text(
            j, i, text, ha="center", va="center", fontsize=8, color="white" if shown[i, j] > 1 else "black"
        )
    ax.set_xticks(range(len(columns)), columns)
    ax.set_yticks(range(len(rows)), rows)
    ax.grid(False)
    return image


def layer_histograms(inputs, layers, labels, limit=6.0):
    """Histograms of each hidden activation's input z, one row per network, one column per layer (6.2).

    ``inputs`` maps a row label to the list of per-layer z arrays (``MLP.pre_activations``).
    """
    bins = np.linspace(-limit, limit, 49)  # values beyond +-limit are drawn in the outer bins
    fig, axes = plt.subplots(len(labels), len(layers), figsize=(9, 1.2 * len(labels) + 0.8), sharex=True)
    for r, (row, label) in enumerate(zip(axes, labels, strict=True)):
        for ax, layer in zip(row, layers, strict=True):
            z = inputs[label][layer - 1].ravel()
            ax.hist(
                np.clip(z, bins[0], bins[-1]),
                bins=bins,
                color=color(label.split(",")[0].strip()),
                density=True,
            )
            ax.set_yticks([])
            if r == 0:
                ax.set_title(f"layer {layer}")
        row[0].set_ylabel(label, rotation=0, ha="right", va="center", fontsize=9)
    for ax in axes[-1]:
        ax.set_xlabel("z")
    return fig


def input_spreads(ax, spreads, activation, styles=("-", "--", ":", "-.")):
    """The standard deviation of the activation inputs, layer by layer, one line per setting (6.2)."""
    for (label, values), style in zip(spreads.items(), itertools.cycle(styles)):
        ax.semilogy(np.arange(1, len(values) + 1), values, style, color=color(activation), label=label)
    ax.axhline(1, color="black", lw=0.8)
    ax.set(xlabel="hidden layer", ylabel="std of the inputs z", ylim=(1e-3, 1e3))
    ax.legend(fontsize=8, loc="upper right")
