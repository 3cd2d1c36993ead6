"""Chapter 2's graded exercises (sigmoid, tanh, vanishing gradients), in two variants each."""

import numpy as np

import activations as act

from . import Graded

GRADED = (
    Graded(
        "2.1.1",
        1,
        "tanh_slope",
        "At some point $x$, $\\tanh(x) = {t}$. What is $\\tanh'(x)$ there? (You do not need $x$ itself.)",
        "tanh_slope = 1 - ({t}) ** 2  # tanh' = 1 - tanh^2",
        lambda t: 1 - t**2,
        ({"t": 0.8}, {"t": -0.3}),
    ),
    Graded(
        "2.1.2",
        3,
        "log_sigmoid",
        "Losses need $\\ln \\sigma(x)$. Computed as `np.log(act.sigmoid(x))` it fails at both ends: at "
        "$x = {lo}$, $\\sigma(x)$ underflows to 0 and the logarithm is $-\\infty$; at $x = {hi}$, "
        "$\\sigma(x)$ rounds to 1 and the logarithm is 0, although the true value is not. Derive a form "
        "of $\\ln \\sigma(x)$ that is accurate for every input, and give its values at $x = {hi}$ and "
        "$x = {lo}$, in that order, as a list of two floats.",
        "x = np.array([{hi}, {lo}], dtype=float)\n"
        "# ln sigmoid(x) = min(x, 0) - ln(1 + e^-|x|): no exponent is positive, log1p keeps tiny values\n"
        "log_sigmoid = (np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))).tolist()",
        lambda hi, lo: (-np.logaddexp(0.0, -np.array([hi, lo], dtype=float))).tolist(),
        ({"hi": 42, "lo": -800}, {"hi": 38, "lo": -1000}),
    ),
    Graded(
        "2.1.3",
        2,
        "c",
        "The identity $\\tanh(x) = 2\\sigma(2x) - 1$, applied at ${k}x$, gives "
        "$\\tanh({k}x) = 2\\sigma(2 \\cdot {k}\\, x) - 1$. Differentiate both sides with respect to $x$: "
        "$\\frac{{d}}{{dx}} \\tanh({k}x) = c\\, \\sigma'(2 \\cdot {k}\\, x)$ for a constant $c$. What is "
        "$c$?",
        "c = 2 * (2 * {k})  # the outer factor 2 times the inner derivative d(2 k x)/dx\n"
        "x = np.linspace(-3, 3, 61)  # check: d/dx tanh(kx) = k tanh'(kx)\n"
        "assert np.allclose({k} * act.tanh.grad({k} * x), c * act.sigmoid.grad(2 * {k} * x))",
        lambda k: 4.0 * k,
        ({"k": 3}, {"k": 0.5}),
    ),
    Graded(
        "2.2.1",
        2,
        "largest_product",
        "In a chain of {depth} {name} layers, each layer contributes a derivative factor ${f}'(z_l)$ to "
        "the gradient of the first layer. Suppose every pre-activation is at least {z} in size, "
        "$|z_l| \\ge {z}$. What is the largest value the product of the {depth} factors can take? (You may "
        "use `act.{name}.grad`.)",
        "# {f}' is largest where |z| is smallest, and the factors multiply\n"
        "largest_product = float(act.{name}.grad({z}) ** {depth})",
        lambda name, f, z, depth: float(act.get(name).grad(z) ** depth),
        (
            {"name": "sigmoid", "f": "\\sigma", "z": 1.5, "depth": 6},
            {"name": "tanh", "f": "\\tanh", "z": 1, "depth": 8},
        ),
    ),
    Graded(
        "2.2.2",
        2,
        "weight_std",
        "A sigmoid network's hidden layers have {n} units each and weights drawn independently from "
        "$N(0, s^2)$. By the rule of section 2.2, one layer scales the size of the gradient passing back "
        "through it by about $\\sqrt{{n_\\text{{out}} \\operatorname{{Var}}(W)\\, E[\\sigma'(z)^2]}}$. "
        "Which $s$ makes that factor 1 if the pre-activations stay near 0, where "
        "$\\sigma'(z) \\approx \\sigma'(0) = \\tfrac14$?",
        "# n Var(W) sigmoid'(0)^2 = 1  gives  Var(W) = 16 / n\n"
        "weight_std = np.sqrt(1 / ({n} * float(act.sigmoid.grad(0.0)) ** 2))",
        lambda n: float(4 / np.sqrt(n)),
        ({"n": 64}, {"n": 128}),
    ),
)
