"""The activation atlas (back matter): one card of facts per activation of ``ALL``.

Every fact a function can tell about itself is measured from it, never typed:
its range, whether it is monotonic, continuous and smooth (where ``f`` or
``f'`` jumps), its value, slope and minimum, its mean output for standard
normal inputs. Its cost comes from ``experiments/results/costs.csv``, which
``experiments/costs.py`` measures. Only what no function can know, where it
is used and where the book introduces it, is written by hand, in
:data:`NOTES`. A new activation in ``ALL`` without a note, or without a row
in the CSV, is an error that names it, so the atlas and the package cannot
drift apart.

>>> import activations as act
>>> facts(act.sigmoid).range
'(0, 1)'
>>> facts(act.relu).kinks
(0.0,)
"""

import csv
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
from scipy import optimize

from activations.functions import ALL, get
from activations.gated import GATED

from . import RESULTS
from .plotting import COLORS, function_and_derivative
from .slopes import expectation


class Note(NamedTuple):
    """The facts about an activation that cannot be computed from it."""

    used_in: str  # one short line of MyST; cite papers other than the function's own
    section: str  # the label of the section that introduces it
    initialisation: str = ""  # which weight initialisation goes with it, where the book derives one


NOTES = {
    "identity": Note("the output of a regression model, with the squared error", "sec-output-guide"),
    "step": Note("the perceptron (historical)", "sec-sigmoid-tanh"),
    "sigmoid": Note(
        "the output of binary and multi-label classifiers; the gates of the LSTM {cite}`hochreiter1997long`",
        "sec-sigmoid-tanh",
        "none is derived for it. Xavier's variance {cite}`glorot2010understanding` assumes a unit with "
        "slope 1 and mean 0 at the origin, as tanh has; the sigmoid has slope 1/4 and mean 1/2 there, and "
        "the same backward argument would ask for weights 4 times larger in standard deviation. Xavier is "
        "the common default for the sigmoid, and the book's experiments use it as that default "
        "({ref}`2.2 <sec-init-variances>`, {ref}`6.2 <sec-init-norm>`)",
    ),
    "tanh": Note(
        "hidden layers of networks before ReLU; the candidate state of LSTM and GRU cells",
        "sec-sigmoid-tanh",
        "Xavier {cite}`glorot2010understanding`, derived for a unit with slope 1 and mean 0 at the origin, "
        "as tanh has ({ref}`2.2 <sec-init-variances>`)",
    ),
    "relu": Note(
        "the default hidden activation of deep networks; the feed-forward layers of the original "
        "Transformer {cite}`vaswani2017attention`",
        "sec-relu",
    ),
    "leaky_relu": Note(
        "speech acoustic models (its paper); GAN discriminators (DCGAN); YOLO up to v3", "sec-leaky"
    ),
    "prelu": Note("the ImageNet classifiers of the paper that introduced it", "sec-prelu"),
    "elu": Note("the convolutional networks of its paper (CIFAR, ImageNet)", "sec-elu-selu"),
    "selu": Note("self-normalising fully connected networks, without batch normalisation", "sec-selu"),
    "relu6": Note(
        "MobileNetV2 {cite}`sandler2018mobilenetv2`, for its robustness in low-precision arithmetic",
        "sec-relu6",
    ),
    "softplus": Note(
        "keeping an output positive (a predicted standard deviation or rate); inside Mish", "sec-softplus"
    ),
    "swish": Note(
        "with $\\beta = 1$ (SiLU), inside the SwiGLU layers of PaLM {cite}`chowdhery2023palm` "
        "and LLaMA {cite}`touvron2023llama`",
        "sec-swish",
    ),
    "silu": Note("EfficientNet {cite}`tan2019efficientnet`; YOLOv5 {cite}`jocher2020yolov5`", "sec-swish"),
    "mish": Note("the backbone of YOLOv4 {cite}`bochkovskiy2020yolov4`", "sec-mish"),
    "gelu": Note("BERT {cite}`devlin2019bert`; GPT-2 {cite}`radford2019language`", "sec-gelu"),
    "hard_sigmoid": Note(
        "the squeeze-and-excitation gates of MobileNetV3 {cite}`howard2019searching`", "sec-hard"
    ),
    "hard_swish": Note("the later layers of MobileNetV3 {cite}`howard2019searching`", "sec-hard"),
}

# Settings chosen where an activation has no default, and why (shown on its card).
CHOSEN = {"prelu": ({"alpha": 0.25}, "PReLU learns $\\alpha$; 0.25 is its paper's starting value")}

# Facts are measured on [-10, 10] in steps of 1e-4 (every integer, +-1.5 and +-3 exactly on
# the grid), then at 24 points out to 1e6 and at +-inf for the limits.
GRID = np.arange(-100_000, 100_001) / 10_000
FAR = np.geomspace(10.0, 1e6, 25)[1:]
# Between neighbours 1e-4 apart a continuous f or f' changes by at most 1e-4 times its
# slope (below 2 for every function here); a change above 0.01 is a jump.
JUMP = 0.01


def settings(activation):
    """The settings an activation's card is computed with: its defaults, or :data:`CHOSEN`.

    Raises ``ValueError`` naming the activation if a setting has no default and no choice.
    """
    f = get(activation)
    chosen = {**f.defaults, **CHOSEN.get(f.name, ({}, ""))[0]}
    missing = [name for name, value in chosen.items() if value is inspect.Parameter.empty]
    if missing:
        raise ValueError(f"settings: {f.name!r} has no default for {missing}; choose one in atlas.CHOSEN")
    return chosen


def label(activation):
    """The MyST target of an activation's card: ``atlas-`` and its name, e.g. ``atlas-leaky_relu``."""
    return "atlas-" + get(activation).name


@dataclass(frozen=True)
class Facts:
    """What :func:`facts` measures about one activation (with :func:`settings`)."""

    name: str
    low: float  # inf and sup of f over the real line, limits at +-inf included
    high: float
    low_attained: bool  # reached at some x in [-10, 10], not only approached
    high_attained: bool
    monotonic: bool
    minimum: tuple | None  # (x, f(x)) of the lowest point of a non-monotonic f
    jumps: tuple  # where f jumps (x rounded to 3 decimals)
    kinks: tuple  # where f' jumps
    at_zero: float  # f(0)
    slope_at_zero: float  # f'(0) as f.grad returns it (a convention where 0 is a break)
    mean_output: float  # E[f(x)] for x ~ N(0, 1)
    levels: tuple = ()  # the values f takes, when it takes only a few (the step: 0 and 1)

    @property
    def smooth(self):
        """f is continuously differentiable: neither f nor f' jumps."""
        return not self.jumps and not self.kinks

    @property
    def zero_centred(self):
        """f(0) = 0, f takes both signs, and its mean output for x ~ N(0, 1) is 0."""
        return self.at_zero == 0 and self.low < 0 < self.high and abs(self.mean_output) < 1e-6

    @property
    def range(self):
        """The range of f as an interval, e.g. ``'[0, ∞)'``, ``'(-1, 1)'``, or a set, ``'{0, 1}'``."""
        if self.levels:
            return "\\{" + ", ".join(number(v) for v in self.levels) + "\\}"
        left = "[" if self.low_attained else "("
        right = "]" if self.high_attained else ")"
        return f"{left}{number(self.low)}, {number(self.high)}{right}"


def number(value, decimals=4):
    """A value as the cards print it: rounded, without trailing zeros, ∞ as ∞.

    >>> number(-0.27846454), number(6.0), number(-1e-9), number(-np.inf)
    ('-0.2785', '6', '0', '-∞')
    """
    if np.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _breaks(x, values):
    """Where neighbouring values differ by more than JUMP: the midpoints, to 3 decimals."""
    steps = np.flatnonzero(np.abs(np.diff(values)) > JUMP)
    return tuple(sorted({round(float(x[k] + x[k + 1]) / 2, 3) + 0.0 for k in steps}))


def facts(activation):
    """Measure the facts of an activation's card (see :class:`Facts`).

    Examples
    --------
    >>> import activations as act
    >>> found = facts(act.swish)
    >>> found.monotonic, number(found.minimum[1])
    (False, '-0.2785')
    >>> facts(act.hard_swish).kinks
    (-3.0, 3.0)
    """
    f = get(activation)
    chosen = settings(f)
    y = f(GRID, **chosen)
    slopes = f.grad(GRID, **chosen)
    far = np.concatenate([[-np.inf], -FAR[::-1], FAR, [np.inf]])
    everywhere = np.concatenate([y, f(far, **chosen)])
    low, high = float(everywhere.min()), float(everywhere.max())
    rises, falls = np.diff(y) >= 0, np.diff(y) <= 0
    monotonic = bool((rises.all() and (slopes >= 0).all()) or (falls.all() and (slopes <= 0).all()))
    minimum = None
    k = int(np.argmin(y))
    if not monotonic and 0 < k < GRID.size - 1 and y[k] == low:
        found = optimize.minimize_scalar(
            lambda t: float(f(t, **chosen)),
            bounds=(GRID[k - 1], GRID[k + 1]),
            method="bounded",
            options={"xatol": 1e-12},
        )
        minimum = (float(found.x), float(found.fun))
        low = min(low, minimum[1])
    return Facts(
        name=f.name,
        low=low,
        high=high,
        low_attained=bool(np.isfinite(low) and (y <= low).any()) or minimum is not None,
        high_attained=bool(np.isfinite(high) and (y >= high).any()),
        monotonic=monotonic,
        minimum=minimum,
        jumps=_breaks(GRID, y),
        kinks=_breaks(GRID, slopes),
        at_zero=float(f(0.0, **chosen)),
        slope_at_zero=float(f.grad(0.0, **chosen)),
        mean_output=expectation(lambda x: f(x, **chosen)),
        levels=tuple(float(v) for v in np.unique(everywhere)) if np.unique(everywhere).size <= 3 else (),
    )


# --- the measured costs ---------------------------------------------------------------------

COSTS = RESULTS / "costs.csv"


def costs(path=COSTS):
    """{name: (copies for f, copies for f')} for every activation of ``ALL``, read from the CSV.

    Raises ``FileNotFoundError`` if the file is missing and ``ValueError``
    naming every activation of ``ALL`` that has no row.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"costs: {path} is missing; run python experiments/costs.py to measure")
    with path.open(newline="") as file:
        table = {
            row["activation"]: (float(row["f_copies"]), float(row["grad_copies"]))
            for row in csv.DictReader(file)
        }
    missing = [f.name for f in ALL if f.name not in table]
    if missing:
        raise ValueError(
            f"costs: {path.name} has no row for {', '.join(missing)}; re-run python experiments/costs.py"
        )
    return table


# --- the card ---------------------------------------------------------------------------------


def _math(text):
    return "$" + text.replace("∞", r"\infty") + "$"


def _at(points):
    return ", ".join(_math(f"x = {number(p)}") for p in points)


def _describe(f, found):
    """The card's rows that state measured facts, as (fact, MyST text) pairs."""
    monotonic = "yes" if found.monotonic else "no"
    if found.minimum:
        x_min, f_min = found.minimum
        monotonic += f": minimum {_math(number(f_min))} at {_math(f'x = {number(x_min, 3)}')}"
    if found.jumps:
        smooth = f"no: $f$ jumps at {_at(found.jumps)}"
    elif found.kinks:
        smooth = f"no: $f'$ jumps at {_at(found.kinks)}"
    else:
        smooth = "yes"
    slope = _math(f"f'(0) = {number(found.slope_at_zero)}")
    if 0.0 in found.jumps + found.kinks:
        slope = f"$f'(0)$ undefined (`{f.name}.grad(0)` returns {_math(number(found.slope_at_zero))})"
    centred = "yes" if found.zero_centred else "no"
    return [
        ("range", _math(found.range)),
        ("monotonic", monotonic),
        ("smooth (continuous $f'$)", smooth),
        ("at $x = 0$", f"{_math(f'f(0) = {number(found.at_zero)}')}, {slope}"),
        ("zero-centred", f"{centred}: mean output {_math(number(found.mean_output))} for $x \\sim N(0, 1)$"),
    ]


def _cost(f, cost_table, func):
    if f.name not in cost_table:
        raise ValueError(f"{func}: the cost table has no row for the activation {f.name!r}")
    return cost_table[f.name]


def card(activation, cost_table):
    """The text of an activation's card, in MyST Markdown: formulas, facts, citations.

    ``cost_table`` is what :func:`costs` returns. The card's heading and
    target are the notebook's (see :func:`label`); its figure is :func:`figure`.
    Raises ``ValueError`` naming the activation if it has no entry in
    :data:`NOTES` or no row in ``cost_table``.
    """
    f = get(activation)
    if f.name not in NOTES:
        raise ValueError(
            f"card: the activation {f.name!r} has no entry in atlas.NOTES (where it is used, where "
            "the book introduces it); add one to book/textbook/atlas.py"
        )
    note = NOTES[f.name]
    forward, backward = _cost(f, cost_table, "card")
    chosen = settings(f)
    shown = ", ".join(f"`{name}={value!r}`" for name, value in chosen.items()) or "none"
    if chosen:
        shown += f" ({CHOSEN[f.name][1]})" if f.name in CHOSEN else " (default)"
    rows = [
        *_describe(f, facts(f)),
        ("cost in copies", f"$f$: {forward:.2f}, $f'$: {backward:.2f}"),
        ("used in", note.used_in),
        ("settings", shown),
    ]
    if note.initialisation:
        rows.append(("initialisation", note.initialisation))
    if f.reference:
        rows.append(("key paper", f"{{cite}}`{f.reference}`"))
    rows.append(("in the book", f"{{ref}}`{note.section}`"))
    table = "\n".join(f"| {fact} | {text} |" for fact, text in rows)
    return (
        f"`act.{f.name}(x)` and its derivative `act.{f.name}.grad(x)`:\n\n"
        f"$$\n{f.latex}\n$$\n\n$$\n{f.grad_latex}\n$$\n\n"
        f"| fact | value |\n| --- | --- |\n{table}\n"
    )


def overview(cost_table):
    """A table of every activation at a glance, each linking to its card (MyST Markdown)."""
    lines = [
        "| activation | range | monotonic | smooth | zero-centred | $f$, copies | $f'$, copies |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for f in ALL:
        found = facts(f)
        forward, backward = _cost(f, cost_table, "overview")
        marks = ["yes" if value else "no" for value in (found.monotonic, found.smooth, found.zero_centred)]
        lines.append(
            f"| {{ref}}`{f.name} <{label(f)}>` | {_math(found.range)} | {' | '.join(marks)} "
            f"| {forward:.2f} | {backward:.2f} |"
        )
    return "\n".join(lines) + "\n"


def figure(activation):
    """The card's figure: f and f' side by side, small, in the activation's colour.

    Where f or f' jumps, it is drawn in pieces, with an open circle at each
    one-sided limit and a dot at the value the package returns.
    """
    f = get(activation)
    found, chosen = facts(f), settings(f)
    breaks = sorted(set(found.jumps + found.kinks))
    reach = max([5.0, *(abs(b) + 1.5 for b in breaks)])
    x = np.linspace(-reach, reach, 801)
    fig, axes = plt.subplots(1, 2, figsize=(6, 2.2), sharex=True)
    function_and_derivative(f, x, axes=axes, breaks=breaks, jumps=found.jumps, **chosen)
    for ax in axes:
        ax.title.set_fontsize(10)
    return fig


def _plain(text):
    """A number or interval as a screen reader should read it: ∞ spelled out, no LaTeX."""
    return text.replace("-∞", "minus infinity").replace("∞", "infinity").replace("\\", "")


def _x_range(fig):
    """The first and last x of the curves drawn, as the cards print numbers."""
    xs = np.concatenate([line.get_xdata() for line in fig.axes[0].lines])
    return number(xs.min(), 2), number(xs.max(), 2)


def _titles(fig):
    return " and ".join(ax.get_title() for ax in fig.axes if ax.get_title())


def figure_alt(fig, activation):
    """The alt text of :func:`figure`'s ``fig`` for ``activation``: its titles, range and the facts it shows.

    Built from the figure's own panel titles and x range and from :func:`facts`,
    so the alt text cannot drift from the figure or the card.

    >>> import activations as act
    >>> fig = figure(act.relu)
    >>> figure_alt(fig, act.relu)[:62]
    'relu and derivative of relu, side by side for x from -5 to 5: '
    >>> plt.close(fig)
    """
    f = get(activation)
    found = facts(f)
    low, high = _x_range(fig)
    if found.levels:
        values = "takes only the values " + " and ".join(number(v) for v in found.levels)
    else:
        values = f"takes values in {_plain(found.range)}"
    if found.minimum:
        x_min, f_min = found.minimum
        shape = f"dips to a minimum of {number(f_min)} at x = {number(x_min, 3)}"
    elif found.monotonic:
        shape = "never decreases"
    else:
        shape = "is not monotonic"
    if found.jumps:
        breaks = f"f jumps at x = {', '.join(number(x) for x in found.jumps)}"
    elif found.kinks:
        breaks = f"its slope jumps at x = {', '.join(number(x) for x in found.kinks)}"
    else:
        breaks = "its slope changes smoothly"
    if 0.0 in found.jumps + found.kinks:
        slope = (
            f"At x = 0, f = {number(found.at_zero)}; the slope is undefined there, and a dot marks the "
            f"value {number(found.slope_at_zero)} that {f.name}.grad returns."
        )
    else:
        slope = f"At x = 0, f = {number(found.at_zero)} and the slope is {number(found.slope_at_zero)}."
    return (
        f"{_titles(fig)}, side by side for x from {low} to {high}: {f.name} {values}, {shape}, "
        f"and {breaks}. {slope}"
    )


# --- the gated units --------------------------------------------------------------------------


class GatedNote(NamedTuple):
    """What a gated unit's card writes by hand: its partial derivative in the gate, and its use."""

    gate_slope: str  # d out / d g written out in LaTeX, a times the gate's derivative
    used_in: str  # one short line of MyST; cite papers other than the unit's own


GATED_NOTES = {
    "glu": GatedNote(
        r"a\,\sigma(g)\bigl(1 - \sigma(g)\bigr)",
        "the gated convolutional language models of its paper",
    ),
    "geglu": GatedNote(
        r"a\,\bigl(\Phi(g) + g\,\varphi(g)\bigr)",
        "the feed-forward layers of the Transformer of its paper (T5's set-up), where GEGLU and SwiGLU "
        "gave the lowest perplexities of the variants compared",
    ),
    "swiglu": GatedNote(
        r"a\,\sigma(g)\bigl(1 + g\,(1 - \sigma(g))\bigr)",
        "the feed-forward layers of PaLM {cite}`chowdhery2023palm` (hidden width $4d$ for model width $d$) "
        "and LLaMA "
        "{cite}`touvron2023llama` (hidden width $\\tfrac23 \\cdot 4d$)",
    ),
}


def gated_label(unit):
    """The MyST target of a gated unit's card, e.g. ``atlas-swiglu``."""
    return "atlas-" + GATED[unit if isinstance(unit, str) else unit.name].name


def _gated(unit):
    unit = GATED[unit if isinstance(unit, str) else unit.name]
    if unit.name not in GATED_NOTES:
        raise ValueError(
            f"gated_card: the gated unit {unit.name!r} has no entry in atlas.GATED_NOTES; add one to "
            "book/textbook/atlas.py"
        )
    return unit, GATED_NOTES[unit.name]


def _times(value):
    """``value`` times a, as the gated cards write it: ``0.25\\,a``, or ``0``."""
    return "0" if value == 0 else f"{number(value)}\\,a"


def gated_card(unit, cost_table):
    """The card of a gated unit (``act.glu``, ``act.geglu``, ``act.swiglu``), in MyST Markdown.

    out(a, g) = a f(g) entry by entry, with the value a and the gate g two
    projections of the layer's input. The card gives both partial derivatives,
    the facts at g = 0 (computed), what the unit is for a = 1 (its gate's own
    function, whose card it links), and its cost: the gate's measured copies
    from ``cost_table`` plus the products, and the third weight matrix.
    """
    unit, note = _gated(unit)
    gate = unit.activation
    forward, backward = _cost(gate, cost_table, "gated_card")
    found = facts(gate)
    at_zero, slope = found.at_zero, found.slope_at_zero
    symbol = unit.latex.split(r"\otimes ")[1]  # e.g. \sigma(g)
    prime = symbol.replace("(g)", "'(g)")  # e.g. \sigma'(g)
    rows = [
        (
            "inputs",
            "two projections of the layer's input $x$: the value $a = Wx + b$ and the gate $g = Vx + c$, "
            "of the same width",
        ),
        (
            "gate",
            f"{{ref}}`{gate.name} <{label(gate)}>`, with values in {_math(found.range)}",
        ),
        (
            "for $a = 1$",
            f"$\\text{{out}} = {symbol}$ and $\\partial \\text{{out}} / \\partial g = {prime}$: "
            f"the two curves of the {gate.name} card (the figure below)",
        ),
        (
            "at $g = 0$",
            f"$\\text{{out}} = {_times(at_zero)}$, "
            f"$\\partial \\text{{out}} / \\partial a = {number(at_zero)}$, "
            f"$\\partial \\text{{out}} / \\partial g = {_times(slope)}$",
        ),
        (
            "cost in copies",
            f"the gate's, $f$: {forward:.2f}, $f'$: {backward:.2f} (measured on its card), plus one product "
            "$a \\cdot f(g)$ forward and one $a \\cdot f'(g)$ for $\\partial \\text{out} / \\partial g$ "
            "($f(g)$, the other partial, is already computed). In a layer the unit needs two projections "
            "instead of one: a feed-forward block has three weight matrices instead of two",
        ),
        ("used in", note.used_in),
        ("key paper", f"{{cite}}`{unit.reference}`"),
        ("in the book", "{ref}`sec-gated`"),
    ]
    table = "\n".join(f"| {fact} | {text} |" for fact, text in rows)
    return (
        f"`act.{unit.name}(a, g)` and its two partial derivatives `act.{unit.name}.grad(a, g)`, "
        "entry by entry:\n\n"
        f"$$\n\\text{{out}} = {unit.latex}\n$$\n\n"
        f"$$\n\\frac{{\\partial\\,\\text{{out}}}}{{\\partial a}} = {symbol}, \\qquad "
        f"\\frac{{\\partial\\,\\text{{out}}}}{{\\partial g}} = {note.gate_slope}\n$$\n\n"
        f"| fact | value |\n| --- | --- |\n{table}\n"
    )


def gated_figure(unit):
    """A gated unit's figure for a = 1: out against the gate g, and both partial derivatives.

    Drawn in the colour of the gate's activation, on the cards' range [-5, 5].
    """
    unit, _ = _gated(unit)
    g = np.linspace(-5, 5, 401)
    a = np.ones_like(g)
    by_a, by_g = unit.grad(a, g)
    colour = COLORS[unit.activation.name]
    fig, (left, right) = plt.subplots(1, 2, figsize=(6, 2.2), sharex=True)
    left.plot(g, unit(a, g), color=colour)
    left.set(xlabel="gate $g$", ylabel="out", title=f"{unit.name}(a = 1, g)")
    right.plot(g, by_g, color=colour, label=r"$\partial\,\mathrm{out} / \partial g$")
    right.plot(g, by_a, color=colour, linestyle="--", label=r"$\partial\,\mathrm{out} / \partial a$")
    right.set(xlabel="gate $g$", ylabel="slope", title="its partial derivatives at a = 1")
    right.legend(fontsize=8)
    for ax in (left, right):
        ax.title.set_fontsize(10)
    return fig


def gated_figure_alt(fig, unit):
    """The alt text of :func:`gated_figure`'s ``fig`` for ``unit``: its titles and what they show at g = 0.

    Built from the figure's own panel titles and from :func:`facts` of the gate's activation.

    >>> import activations as act
    >>> fig = gated_figure(act.glu)
    >>> gated_figure_alt(fig, act.glu)[:50]
    'glu(a = 1, g) and its partial derivatives at a = 1'
    >>> plt.close(fig)
    """
    unit, _ = _gated(unit)
    gate = unit.activation
    found = facts(gate)
    low, high = _x_range(fig)
    return (
        f"{_titles(fig)}, against the gate g from {low} to {high}: with a = 1 the output is {gate.name}(g), "
        f"which takes values in {_plain(found.range)}, the partial derivative in a (dashed) is that same "
        f"curve, and the partial derivative in g is {gate.name}'s slope, "
        f"{number(found.slope_at_zero)} at g = 0."
    )
