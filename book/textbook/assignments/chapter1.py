"""Chapter 1's graded exercises (linear stacks collapse, XOR), in two variants each."""

import numpy as np

import activations as act

from . import Graded

CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


def _collapsed(W1, b1, W2, b2, W3, b3):
    """[W' | b'] of the stack W3 (W2 (W1 x + b1) + b2) + b3: W' and, as its last column, b'."""
    W1, W2, W3 = (np.array(W, dtype=float) for W in (W1, W2, W3))
    b1, b2, b3 = (np.array(b, dtype=float) for b in (b1, b2, b3))
    return np.column_stack([W3 @ W2 @ W1, W3 @ (W2 @ b1 + b2) + b3])


def _output_layer(W1, b1, targets):
    """[w2[0], w2[1], b2] with which w2 . relu(W1 x + b1) + b2 gives the targets at the four corners."""
    hidden = act.relu(CORNERS @ np.array(W1, dtype=float).T + np.array(b1, dtype=float))
    design = np.column_stack([hidden, np.ones(4)])
    return np.linalg.solve(design[[0, 1, 3]], np.array(targets, dtype=float)[[0, 1, 3]])


def _coefficients(targets):
    """[a1, a2, a3, c] with targets = a1 x1 + a2 x2 + a3 x1 x2 + c at the four corners."""
    design = np.column_stack([CORNERS, CORNERS[:, 0] * CORNERS[:, 1], np.ones(4)])
    return np.linalg.solve(design, np.array(targets, dtype=float))


def _crossing(w, b, w2, b2):
    """Where the boundary w2 tanh(w . x + b) + b2 = 0, the line w . x + b = artanh(-b2 / w2), meets x2 = 0."""
    return float((np.arctanh(-b2 / w2) - b) / w[0])


GRADED = (
    Graded(
        "1.1.1",
        2,
        "collapsed",
        "Three affine layers $x \\mapsto W_3 (W_2 (W_1 x + b_1) + b_2) + b_3$, with `W1 = {W1}`, `b1 = "
        "{b1}`, `W2 = {W2}`, `b2 = {b2}`, `W3 = {W3}`, `b3 = {b3}` (each matrix a list of its rows), "
        "collapse into one layer $W' x + b'$. Give `collapsed`, the array $(W' \\;|\\; b')$: the matrix "
        "$W'$ with $b'$ appended as its last column (the augmented matrices of the book's Exercise 1.1.1 "
        "give it as the top rows of one matrix product).",
        "def augment(W, b):\n"
        "    W, b = np.array(W, dtype=float), np.array(b, dtype=float)\n"
        "    return np.block([[W, b[:, None]], [np.zeros((1, W.shape[1])), np.ones((1, 1))]])\n"
        "\n"
        "\n"
        "A = augment({W3}, {b3}) @ augment({W2}, {b2}) @ augment({W1}, {b1})\n"
        "collapsed = A[:-1]",
        _collapsed,
        (
            {
                "W1": [[1, -2], [0, 1], [2, 1]],
                "b1": [1, -1, 0],
                "W2": [[1, 0, -1], [2, 1, 1]],
                "b2": [0, 2],
                "W3": [[1, 1], [-1, 2]],
                "b3": [-1, 1],
            },
            {
                "W1": [[2, 0, -1], [1, 1, 1]],
                "b1": [0, -2],
                "W2": [[1, -1], [0, 2], [1, 1]],
                "b2": [1, 0, -1],
                "W3": [[1, 2, -1], [0, 1, 3]],
                "b3": [1, -1],
            },
        ),
    ),
    Graded(
        "1.1.2",
        1,
        "largest_rank",
        "A linear stack has widths {widths} (input first, output last). What is the largest rank its "
        "collapsed matrix $W'$, of shape {shape}, can have?",
        "largest_rank = min({widths_list})",
        lambda widths, shape, widths_list: float(min(widths_list)),
        (
            {"widths": "9 → 7 → 4 → 6 → 8 → 5", "shape": "5 × 9", "widths_list": [9, 7, 4, 6, 8, 5]},
            {"widths": "3 → 8 → 6 → 9 → 7 → 10", "shape": "10 × 3", "widths_list": [3, 8, 6, 9, 7, 10]},
        ),
    ),
    Graded(
        "1.2.1",
        2,
        "output_layer",
        "The network $y = w_2^\\top \\operatorname{{relu}}(W_1 x + b_1) + b_2$ of the book's Exercise "
        "1.2.1 has its hidden layer fixed: `W1 = {W1}` (row $i$ holds the input weights of hidden unit "
        "$i$), `b1 = {b1}`. Find the output weights $w_2$ (2 entries) and $b_2$ with which it outputs "
        "exactly `{targets}` at $(0,0)$, $(0,1)$, $(1,0)$, $(1,1)$ respectively ({what}). Give "
        "`output_layer`, the list $[w_2[0], w_2[1], b_2]$.",
        "corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)\n"
        "hidden = act.relu(corners @ np.array({W1}, dtype=float).T + np.array({b1}, dtype=float))\n"
        "design = np.column_stack([hidden, np.ones(4)])\n"
        "output_layer = np.linalg.lstsq(design, np.array({targets}, dtype=float), rcond=None)[0]",
        lambda W1, b1, targets, what: _output_layer(W1, b1, targets),
        (
            {
                "W1": [[1, 1], [1, 1]],
                "b1": [0, -1],
                "targets": [1, 0, 0, 1],
                "what": "XNOR: 1 where the bits agree",
            },
            {
                "W1": [[1, 1], [1, 1]],
                "b1": [-0.5, -1.5],
                "targets": [-1, 1, 1, -1],
                "what": "XOR with the classes coded as -1 and +1",
            },
        ),
    ),
    Graded(
        "1.2.2",
        1,
        "coefficients",
        "The book's Exercise 1.2.2 adds the product $x_1 x_2$ as a feature. Find the numbers $a_1, a_2, "
        "a_3, c$ with which $a_1 x_1 + a_2 x_2 + a_3 x_1 x_2 + c$ equals `{targets}` at $(0,0)$, $(0,1)$,"
        " $(1,0)$, $(1,1)$ ({what}). Give `coefficients`, the list $[a_1, a_2, a_3, c]$.",
        "corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)\n"
        "design = np.column_stack([corners, corners[:, 0] * corners[:, 1], np.ones(4)])\n"
        "coefficients = np.linalg.solve(design, np.array({targets}, dtype=float))",
        lambda targets, what: _coefficients(targets),
        (
            {"targets": [-1, 1, 1, -1], "what": "XOR with the classes coded as -1 and +1"},
            {"targets": [1, 0, 0, 1], "what": "XNOR: 1 where the bits agree"},
        ),
    ),
    Graded(
        "1.2.3",
        3,
        "crossing",
        "A network with one tanh hidden unit computes $h = \\tanh(w^\\top x + b)$ with `w = {w}`, "
        "`b = {b}`, and the score $w_2 h + b_2$ with `w2 = {w2}`, `b2 = {b2}`; it predicts class 1 "
        "where the score is positive. Its decision boundary is a straight line (which is why one unit "
        "cannot solve XOR). At which $x_1$ does that line cross the $x_1$ axis ($x_2 = 0$)?",
        "w, b, w2, b2 = np.array({w}), {b}, {w2}, {b2}\n"
        "c = np.arctanh(-b2 / w2)  # the boundary is the line w . x + b = c\n"
        "crossing = (c - b) / w[0]",
        _crossing,
        (
            {"w": [2.0, -1.0], "b": -0.5, "w2": 3.0, "b2": -1.0},
            {"w": [-1.5, 1.0], "b": 1.0, "w2": -2.0, "b2": 0.5},
        ),
    ),
)
