"""Chapter 3's graded exercises (ReLU, its dying units, ELU and SELU), in two variants each."""

import numpy as np
from scipy import special

import activations as act
from textbook import slopes

from . import Graded


def _elu_mean(alpha, sigma):
    """E[elu(z)] for z ~ N(0, sigma^2): sigma / sqrt(2 pi) + alpha (e^(sigma^2/2) Phi(-sigma) - 1/2)."""
    return sigma / np.sqrt(2 * np.pi) + alpha * (np.exp(sigma**2 / 2) * special.ndtr(-sigma) - 0.5)


def _selu_growth(gain, q):
    """q' / q = gain E[selu(z)^2] / q for z ~ N(0, q)."""
    return gain * slopes.expectation(lambda z: act.selu(z) ** 2, np.sqrt(q)) / q


GRADED = (
    Graded(
        "3.1.1",
        1,
        "zero_fraction",
        "The pre-activations of a ReLU layer are normal with mean {mu} and standard deviation {sigma}. "
        "What fraction of the layer's outputs are exactly 0? Give the exact value (from the normal "
        "distribution function $\\Phi$, `scipy.special.ndtr`), not a sampled estimate.",
        "from scipy import special\n\nzero_fraction = special.ndtr((0 - {mu}) / {sigma})",
        lambda mu, sigma: float(special.ndtr(-mu / sigma)),
        ({"mu": -0.3, "sigma": 1.0}, {"mu": 0.5, "sigma": 2.0}),
    ),
    Graded(
        "3.1.2",
        2,
        "leaky_mean",
        "Leaky ReLU with slope $\\alpha = {alpha}$ outputs $z$ for $z > 0$ and $\\alpha z$ otherwise "
        "(`act.leaky_relu(z, alpha={alpha})`). For $z \\sim N(0, \\sigma^2)$ with $\\sigma = {sigma}$, "
        "what is its mean output $E[\\operatorname{{leaky\\_relu}}(z)]$? Give the exact value.",
        "# E[z; z > 0] = sigma / sqrt(2 pi), and E[z; z < 0] = -sigma / sqrt(2 pi)\n"
        "leaky_mean = (1 - {alpha}) * {sigma} / np.sqrt(2 * np.pi)",
        lambda alpha, sigma: float((1 - alpha) * sigma / np.sqrt(2 * np.pi)),
        ({"alpha": 0.1, "sigma": 1.0}, {"alpha": 0.2, "sigma": 2.0}),
    ),
    Graded(
        "3.2.1",
        2,
        "prelu_gradient",
        "A PReLU layer has one slope $\\alpha_j$ per unit $j$: unit $j$ outputs $a = z$ for $z > 0$ and "
        "$a = \\alpha_j z$ otherwise. A batch of {n} examples gives the pre-activations `Z` (one row per "
        "example, one column per unit) and the gradients `G` $= \\partial L / \\partial a$ arriving from "
        "above:\n\n    Z = {Z}\n    G = {G}\n\nWhat is $\\partial L / \\partial \\alpha_j$ for every unit "
        "$j$ (an array of {k} numbers)?",
        "Z = np.array({Z})\nG = np.array({G})\nprelu_gradient = np.sum(G * np.minimum(Z, 0.0), axis=0)",
        lambda Z, G, n, k: np.sum(np.array(G) * np.minimum(np.array(Z), 0.0), axis=0),
        (
            {
                "Z": [[1.0, -0.5, 2.0], [-2.0, 0.5, -1.0], [0.5, -1.5, -0.5], [-1.0, 1.0, 3.0]],
                "G": [[0.2, 0.4, -0.1], [0.3, -0.2, 0.5], [-0.3, 0.1, 0.2], [0.1, 0.3, -0.3]],
                "n": 4,
                "k": 3,
            },
            {
                "Z": [[-1.5, 0.5, -0.2, 1.0], [0.8, -1.0, -2.5, -0.4], [-0.6, 2.0, 1.5, -3.0]],
                "G": [[0.5, -0.3, 0.2, 0.6], [-0.7, 0.4, -0.1, 0.2], [0.3, 0.1, 0.4, -0.5]],
                "n": 3,
                "k": 4,
            },
        ),
    ),
    Graded(
        "3.3.1",
        3,
        "elu_mean",
        "ELU with $\\alpha = {alpha}$ outputs $z$ for $z > 0$ and $\\alpha (e^z - 1)$ otherwise. For "
        "$z \\sim N(0, \\sigma^2)$ with $\\sigma = {sigma}$, what is its mean output "
        "$E[\\operatorname{{elu}}(z)]$? Derive it in closed form with $\\Phi$ (`scipy.special.ndtr`), or "
        "integrate numerically to at least 3 significant digits; a sample is not accurate enough.",
        "from scipy import special\n\n"
        "# E[z; z > 0] = sigma / sqrt(2 pi), and completing the square\n"
        "# E[e^z; z < 0] = e^(sigma^2/2) Phi(-sigma)\n"
        "elu_mean = {sigma} / np.sqrt(2 * np.pi) + {alpha} * (\n"
        "    np.exp({sigma} ** 2 / 2) * special.ndtr(-{sigma}) - 0.5\n"
        ")",
        lambda alpha, sigma: float(_elu_mean(alpha, sigma)),
        ({"alpha": 1.0, "sigma": 0.5}, {"alpha": 2.0, "sigma": 2.0}),
    ),
    Graded(
        "3.3.2",
        2,
        "selu_growth",
        "A SELU network gets weights with $n \\operatorname{{Var}}(W) = {gain}$. In the infinite-width "
        "picture, pre-activations $z \\sim N(0, q)$ ($q$ is their variance) give the next layer "
        "pre-activations of variance $q' = n \\operatorname{{Var}}(W)\\, E[\\operatorname{{selu}}(z)^2]$. "
        "What is the growth factor $q'/q$ at $q = {q}$ (`act.selu` is SELU)? Integrate; a sample is not "
        "accurate enough.",
        "from scipy import integrate, stats\n\n\n"
        "def mean_square(z):\n"
        "    return act.selu(z) ** 2 * stats.norm.pdf(z, scale=np.sqrt({q}))\n\n\n"
        "halves = [integrate.quad(mean_square, -np.inf, 0)[0], integrate.quad(mean_square, 0, np.inf)[0]]\n"
        "selu_growth = {gain} * sum(halves) / {q}",
        lambda gain, q: float(_selu_growth(gain, q)),
        ({"gain": 2, "q": 0.5}, {"gain": 1, "q": 4}),
    ),
)
