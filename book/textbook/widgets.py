"""Interactive explorers for JupyterLab (ipywidgets).

Each explorer owns one Matplotlib figure and redraws it whenever a control
changes. On the static website there is no Python kernel to redraw anything,
so the book shows each explorer's code together with a slider over its
figure precomputed at several settings (``sliders.slider``) and a static
figure of the same idea for the printed book.

Drawing and display are separate: ``draw(**settings)`` redraws the figure
and returns it, and only ``widget`` (the controls above an output area that
shows the figure again after every change) displays anything. Every explorer
has ``controls`` (a dict of ipywidgets), ``figure``, ``draw`` and ``widget``.
"""

import functools

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.figure import Figure

from activations import nn
from activations.functions import relu

from . import linear, normalisation, plotting


class Explorer:
    """Controls and a figure; :meth:`draw` redraws the figure whenever a control changes.

    A subclass writes ``plot(**values)``, which draws the figure for one value of each control.
    """

    def __init__(self, controls, figsize=(8, 3.6)):
        self.controls = controls
        # A Figure outside pyplot: shown through the widget only, never by a later plt.show().
        self.figure = Figure(figsize=figsize)
        for control in controls.values():
            control.observe(lambda _change: self.draw(), names="value")
        self.draw()

    def values(self):
        return {name: control.value for name, control in self.controls.items()}

    def draw(self, **settings):
        """The figure redrawn at the controls' values, or at ``settings`` where given."""
        self.figure.clear()
        self.plot(**{**self.values(), **settings})
        return self.figure

    def plot(self, **values):
        raise NotImplementedError

    @functools.cached_property
    def widget(self):
        """The controls above the figure, shown again after every change (JupyterLab)."""
        output = widgets.Output()

        def show(_change=None):
            with output:
                output.clear_output(wait=True)
                display(self.figure)

        # registered after draw in __init__, so it shows the redrawn figure
        for control in self.controls.values():
            control.observe(show, names="value")
        show()
        return widgets.VBox([widgets.HBox(list(self.controls.values())), output])


class LinearStackExplorer(Explorer):
    """Chapter 1: a stack of 2-to-2 affine layers of any depth and width, with or without tanh.

    Left: where the stack sends a square grid. Right: the single matrix W' of
    the collapsed map (only for the linear stack, where it exists). A stack of
    depth D has D weight matrices, hence D - 1 hidden layers of the chosen width.
    The default seed is one whose linear stacks of depth 1 to 12 at width 4
    stretch the grid at most 8 times more along one direction than along the
    other, so no frame of the chapter's slider flattens the grid into a line.
    """

    def __init__(self, seed=42):
        self.seed = seed
        super().__init__(
            {
                "depth": widgets.IntSlider(value=3, min=1, max=12, description="depth"),
                "width": widgets.IntSlider(value=4, min=1, max=16, description="width"),
                "activation": widgets.Dropdown(options=["identity", "tanh"], value="identity"),
            }
        )

    def plot(self, depth, width, activation):
        rng = np.random.default_rng(self.seed)
        layers = linear.random_stack(nn.deep_widths(2, 2, depth, width), rng, std=1.5 / np.sqrt(width))
        left, right = self.figure.subplots(1, 2)
        matrices = f"{depth} weight matrices" if depth > 1 else "1 weight matrix"
        hidden = (
            f"{depth - 1} hidden layer{'s' * (depth > 2)} of width {width}"
            if depth > 1
            else "no hidden layer"
        )
        plotting.grid_image(left, layers, activation, title=f"{matrices}, {activation}\n({hidden})")
        if activation == "identity":
            W, _ = linear.collapse(layers)
            largest = np.abs(W).max()
            right.imshow(W, cmap="RdBu", vmin=-largest, vmax=largest)
            for (i, j), w in np.ndenumerate(W):
                colour = "white" if abs(w) > 0.6 * largest else "black"  # readable on dark cells
                right.text(j, i, f"{w:.2f}", ha="center", va="center", fontsize=12, color=colour)
            right.set(title="...equals this one 2 x 2 matrix W'", xticks=[], yticks=[])
        else:
            right.text(0.5, 0.5, "no single matrix:\nthe grid lines bend", ha="center", va="center")
            right.set(xticks=[], yticks=[], title="with tanh between the layers")
        right.grid(False)
        # keeps the two-line title and the axis labels inside the figure
        self.figure.set_layout_engine("tight")


def linear_stack(seed=42):
    """The widget of :class:`LinearStackExplorer` (depth, width, activation)."""
    return LinearStackExplorer(seed).widget


class SaturationExplorer(Explorer):
    """Chapter 2.1: how spread-out inputs saturate sigmoid and tanh and starve their derivatives."""

    def __init__(self):
        super().__init__(
            {"std": widgets.FloatLogSlider(value=1.0, base=10, min=-1, max=1.3, description="input std")}
        )

    def plot(self, std):
        left, right = self.figure.subplots(1, 2)
        plotting.saturation(left, std, derivative=False)
        plotting.saturation(right, std)
        left.set_title("the functions")
        right.set_title("their derivatives")


class GradientNormExplorer(Explorer):
    """Chapter 2.2: the gradient norm of every layer at initialisation, for any depth.

    The y axis is the same at every depth the slider offers (for one activation and
    initialisation), so a depth-2 network is not stretched to look as steep as a
    depth-40 one: it spans whole decades from the smallest to the largest norm of
    any layer at any depth.
    """

    def __init__(self, X, y, width=32, seed=0):
        self.X, self.y, self.width, self.seed = X, y, width, seed
        self._norms = {}  # (depth, activation, init) -> every layer's gradient norm
        super().__init__(
            {
                "depth": widgets.IntSlider(value=20, min=2, max=40, description="depth"),
                "activation": widgets.Dropdown(options=["sigmoid", "tanh", "relu"], value="sigmoid"),
                "init": widgets.Dropdown(options=list(nn.INITIALISERS), value="Xavier"),
            }
        )

    def norms(self, depth, activation, init):
        """The gradient norm of every layer of a fresh network (computed once per setting)."""
        key = depth, activation, init
        if key not in self._norms:
            n_classes = int(np.max(self.y)) + 1
            model = nn.deep_mlp(self.X.shape[1], n_classes, depth, self.width, activation,
                                nn.INITIALISERS[init], self.seed)  # fmt: skip
            self._norms[key] = model.gradient_norms(self.X, self.y)
        return self._norms[key]

    def limits(self, activation, init):
        """The y range shared by every depth: whole decades around all their layers' norms."""
        control = self.controls["depth"]
        every = np.concatenate([self.norms(d, activation, init) for d in range(control.min, control.max + 1)])
        return 10.0 ** np.floor(np.log10(every.min())), 10.0 ** np.ceil(np.log10(every.max()))

    def plot(self, depth, activation, init):
        ax = self.figure.subplots()
        norms = self.norms(depth, activation, init)
        plotting.layer_norms(ax, norms, activation)
        ax.set_ylim(*self.limits(activation, init))
        ratio = norms[0] / norms[-1]
        ax.set_title(f"{activation}, {init}, depth {depth}: first / last layer = {ratio:.1e}")


def saturation():
    """The widget of :class:`SaturationExplorer` (input std)."""
    return SaturationExplorer().widget


def gradient_norms(X, y):
    """The widget of :class:`GradientNormExplorer` (depth, activation, initialisation) on (X, y)."""
    return GradientNormExplorer(X, y).widget


# AlphaExplorer's (function panel, derivative panel) y-limits, wide enough for every alpha it offers
ALPHA_LIMITS = {"leaky_relu": ((-4.3, 3.3), (-0.1, 1.1)), "elu": ((-2.2, 3.2), (-0.1, 2.1))}


class AlphaExplorer(Explorer):
    """Chapter 3.3: Leaky ReLU or ELU with any alpha, the function and its derivative.

    The axes are fixed for each activation (they fit alpha up to its largest value), so moving
    alpha moves the curves, not the tick labels; the derivative's dots at 0 show its one-sided
    limits and the value the package returns there.
    """

    def __init__(self, activation="elu"):
        super().__init__(
            {
                "activation": widgets.Dropdown(options=["leaky_relu", "elu"], value=activation),
                "alpha": widgets.FloatSlider(value=1.0, min=0.0, max=2.0, step=0.05, description="alpha"),
            }
        )

    def plot(self, activation, alpha):
        if activation == "leaky_relu":
            alpha = min(alpha, 1.0)  # Leaky ReLU's slope lies in [0, 1]
        axes = self.figure.subplots(1, 2, sharex=True)
        plotting.family(axes, activation, [alpha], kink=0.0)
        for ax, limits in zip(axes, ALPHA_LIMITS[activation], strict=True):
            ax.set_ylim(*limits)
        axes[1].get_legend().remove()  # one curve, named in the title
        axes[0].set_title(f"{activation}, alpha = {alpha:g}")


def alpha():
    """The widget of :class:`AlphaExplorer` (activation, alpha)."""
    return AlphaExplorer().widget


class TemperatureExplorer(Explorer):
    """Chapter 4.1: softmax of fixed logits at any temperature T, as bars with the entropy."""

    def __init__(self, logits=(2.0, 1.0, 0.5, 0.0, -1.0)):
        self.logits = np.asarray(logits, dtype=float)
        super().__init__(
            {"temperature": widgets.FloatLogSlider(value=1.0, base=10, min=-1, max=1, description="T")},
            figsize=(6, 3.4),
        )

    def plot(self, temperature):
        ax = self.figure.subplots()
        entropy = plotting.entropy(self.logits, temperature)
        logits = ", ".join(f"{v:g}" for v in self.logits)
        title = f"logits {logits} at T = {temperature:.2g}: entropy {entropy:.2f}"
        plotting.probability_bars(ax, self.logits, temperature, title=title)


def temperature():
    """The widget of :class:`TemperatureExplorer` (temperature)."""
    return TemperatureExplorer().widget


class SwishBetaExplorer(Explorer):
    """Chapter 5.1: Swish x sigmoid(beta x) for beta from 0 to 10, next to ReLU."""

    def __init__(self):
        super().__init__(
            {"beta": widgets.FloatSlider(value=1.0, min=0.0, max=10.0, step=0.1, description="beta")}
        )

    def plot(self, beta):
        axes = self.figure.subplots(1, 2, sharex=True)
        x = np.linspace(-4, 3, 701)
        for ax, values in zip(axes, [relu(x), relu.grad(x)], strict=True):
            ax.plot(x, values, color=plotting.COLORS["relu"], ls="--", lw=1, label="relu")
        plotting.family(axes, "swish", [beta], setting="beta", x=x)
        axes[0].set_title(f"swish, beta = {beta:g}")


def swish_beta():
    """The widget of :class:`SwishBetaExplorer` (beta)."""
    return SwishBetaExplorer().widget


class InputSpreadExplorer(Explorer):
    """Chapter 6.2: the spread of every layer's activation inputs, for any weight scale, with or without BN.

    Weights are N(0, gain^2 / n_in); the figure shows the standard deviation of
    the inputs z of each of the ``depth - 1`` hidden activations of a network
    with ``depth`` dense layers of ``width`` units, its weights drawn with
    ``seed``, on the inputs ``X``: the notebook passes its own settings.
    """

    def __init__(self, X, depth, width, seed):
        self.X, self.depth, self.width, self.seed = X, depth, width, seed
        super().__init__(
            {
                "activation": widgets.Dropdown(options=["sigmoid", "tanh", "relu", "selu"], value="tanh"),
                "gain": widgets.FloatLogSlider(
                    value=1.0, base=10, min=-1, max=1, step=0.05, description="gain"
                ),
                "batch_norm": widgets.Checkbox(value=False, description="batch norm before f"),
            }
        )

    def plot(self, activation, gain, batch_norm):
        ax = self.figure.subplots()
        where = "before" if batch_norm else None
        spreads = normalisation.input_spreads(
            self.X, activation, gain, self.depth, self.width, self.seed, where
        )
        plotting.input_spreads(ax, {f"gain {gain:.2g}": spreads}, activation)
        state = "with" if batch_norm else "without"
        ax.set_title(f"{activation}, {state} batch norm: layer {self.depth - 1} spread {spreads[-1]:.2g}")


def input_spread(X, depth, width, seed):
    """The widget of :class:`InputSpreadExplorer` (activation, weight gain, batch normalisation)."""
    return InputSpreadExplorer(X, depth, width, seed).widget
