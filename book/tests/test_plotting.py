"""The book's plotting module: style, one colour per activation, the shared figures."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np

import activations as act
from textbook import plotting


def test_every_activation_has_a_colour():
    assert set(plotting.COLORS) == {f.name for f in act.ALL}
    assert plotting.color(act.relu) == plotting.COLORS["relu"]


def test_function_and_derivative_draws_both_on_the_same_range():
    left, right = plotting.function_and_derivative("elu", alpha=0.5)
    (x1, y1), (x2, y2) = left.lines[0].get_data(), right.lines[0].get_data()
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, act.elu(x1, alpha=0.5))
    np.testing.assert_array_equal(y2, act.elu.grad(x2, alpha=0.5))
    plt.close("all")


def test_decision_regions_shades_the_predicted_classes():
    X, y = act.data.xor()
    fig, ax = plt.subplots()
    plotting.decision_regions(ax, lambda p: (p[:, 0] > 0.5).astype(int), X, y, "test", resolution=20)
    assert ax.get_title() == "test"
    assert len(ax.collections) >= 3  # shading and both classes
    plt.close(fig)


def test_piecewise_never_joins_a_curve_across_a_break_and_marks_both_limits():
    fig, ax = plt.subplots()
    x = np.linspace(-1, 1, 201)
    plotting.piecewise(ax, act.step, x, breaks=[0.0], label="step", color="k")
    left, right, limits, value = ax.lines
    assert left.get_xdata().max() < 0 < right.get_xdata().min()
    assert left.get_label() == "step" and right.get_label().startswith("_")
    np.testing.assert_array_equal(limits.get_ydata(), [0.0, 1.0])
    np.testing.assert_array_equal(value.get_ydata(), [act.step(0.0)])
    plt.close(fig)


def test_family_and_function_and_derivative_draw_a_kink_the_same_way():
    _, right = plotting.function_and_derivative("leaky_relu", breaks=(0,), alpha=0.1)
    _, axes = plt.subplots(1, 2)
    plotting.family(axes, "leaky_relu", [0.1], kink=0.0)
    for lines in (right.lines, axes[1].lines):
        assert [line.get_marker() for line in lines] == ["None", "None", "o", "o"]
        np.testing.assert_array_equal(lines[2].get_ydata(), [0.1, 1.0])
    plt.close("all")
