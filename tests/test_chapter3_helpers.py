"""The book helpers of chapter 3: kinked derivatives, alpha families, dead fractions, layer statistics,
the alpha widget and the exercise checkers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import integrate, special

import activations as act
from activations import data, nn
from activations.book import exercises, plotting, slopes, widgets


def test_derivative_is_drawn_in_pieces_with_the_kink_marked():
    _, right = plotting.function_and_derivative("relu", np.linspace(-2, 2, 41), breaks=(0,))
    pieces = [line for line in right.lines if line.get_linestyle() == "-"]
    assert [len(p.get_xdata()) for p in pieces] == [20, 20]  # no point at 0 joins the two
    open_circles, package_value = right.lines[2], right.lines[3]
    assert list(open_circles.get_ydata()) == [0.0, 1.0]  # the one-sided limits
    assert list(package_value.get_ydata()) == [0.0]  # relu.grad(0)
    plt.close("all")


def test_alpha_family_draws_one_curve_per_alpha():
    fig, axes = plt.subplots(1, 2)
    plotting.family(axes, "elu", [0.5, 1.0])
    assert len(axes[0].lines) == 2
    x, y = axes[0].lines[1].get_data()
    np.testing.assert_array_equal(y, act.elu(x, alpha=1.0))
    negative = axes[1].lines[0]
    np.testing.assert_allclose(negative.get_ydata(), act.elu.grad(negative.get_xdata(), alpha=0.5))
    plt.close(fig)


def test_alpha_family_tells_its_curves_apart_and_marks_the_kink():
    fig, axes = plt.subplots(1, 2)
    plotting.family(axes, "leaky_relu", [0.01, 0.1, 0.3], kink=0.0)
    curves = axes[0].lines
    assert len({line.get_linestyle() for line in curves}) == 3
    assert len({line.get_color() for line in curves}) == 3
    assert [t.get_text() for t in axes[1].get_legend().get_texts()] == [
        "alpha = 0.01",
        "alpha = 0.1",
        "alpha = 0.3",
    ]
    dots = [line for line in axes[1].lines if line.get_marker() == "o"]
    assert len(dots) == 6  # open circles and the package's value, for each alpha
    assert list(dots[-1].get_ydata()) == [act.leaky_relu.grad(0.0, alpha=0.3)]
    plt.close(fig)


def test_dead_fraction_runs_draws_every_seed():
    X, y = data.two_moons(40, seed=0)
    histories = [
        nn.train(nn.MLP([2, 8, 8, 2], seed=s), X, y, nn.SGD(lr=0.1), epochs=3, record="dead_fraction")
        for s in range(2)
    ]
    fig, ax = plt.subplots()
    plotting.dead_fraction_runs(ax, {("relu", "lr 0.1"): histories}, layer=1)
    assert len(ax.lines) == 2
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), histories[1].dead_fraction[:, 1])
    assert ax.lines[0].get_label() == "relu, lr 0.1"
    assert ax.lines[0].get_marker() != ax.lines[1].get_marker()  # the seeds are told apart
    assert all(float(tick).is_integer() for tick in ax.get_xticks())
    plt.close(fig)
    fig, ax = plt.subplots()
    plotting.dead_fraction_runs(ax, {("relu", "lr 0.1"): histories}, legend_loc="upper right")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["relu, lr 0.1", "seed 0", "seed 1"]
    plt.close(fig)


def test_layer_statistics_two_panels():
    fig = plotting.layer_statistics({"selu": ("selu", np.zeros(3), np.ones(3))})
    _, right = fig.axes
    np.testing.assert_array_equal(right.lines[0].get_ydata(), [1.0, 1.0, 1.0])
    assert right.get_yscale() == "log"
    plt.close(fig)
    fig = plotting.layer_statistics(
        {"selu": ("selu", np.zeros(3), np.ones(3))}, styles={"selu": {"ls": "--", "zorder": 1}}
    )
    assert fig.axes[0].lines[0].get_linestyle() == "--"
    assert fig.axes[0].lines[0].get_zorder() == 1
    plt.close(fig)


def test_alpha_widget_redraws_and_caps_leaky_alpha():
    explorer = widgets.AlphaExplorer()
    explorer.controls["alpha"].value = 0.5
    x, y = explorer.figure.axes[0].lines[0].get_data()
    np.testing.assert_array_equal(y, act.elu(x, alpha=0.5))
    explorer.controls["activation"].value = "leaky_relu"
    explorer.controls["alpha"].value = 1.5
    assert "alpha = 1" in explorer.figure.axes[0].get_title()
    plt.close("all")


def test_expectation_matches_numerical_integration():
    expected, _ = integrate.quad(lambda z: act.elu(z) * np.exp(-z * z / 2) / np.sqrt(2 * np.pi), -12, 12)
    assert abs(slopes.expectation(act.elu) - expected) < 1e-8


# Exercise 3.3.2: q'/q = 2 E[selu(z)^2] / q for z ~ N(0, q), q = 2, from the integral itself
SELU_HE_GROWTH = (
    2 * integrate.quad(lambda z: act.selu(z) ** 2 * np.exp(-z * z / 4) / np.sqrt(4 * np.pi), -40, 40)[0] / 2
)


def test_selu_he_growth_needs_the_integral_not_a_guess(capsys):
    check = exercises.check_selu_he_variance
    assert abs(SELU_HE_GROWTH - 1.7225) < 1e-4
    for guess in [1.5, 2.0, 1.1, 1.7, 1.75]:  # round numbers and the large-q limit do not pass
        assert not _verdict(capsys, check, guess).endswith(": correct")
    assert "give at least 3 significant digits" in _verdict(capsys, check, 1.7)


def _verdict(capsys, check, *answer):
    assert check(*answer) is None
    return capsys.readouterr().out.strip()


@pytest.mark.parametrize(
    ("check", "right", "wrong", "hint"),
    [
        (exercises.check_relu_zero_fraction, special.ndtr(0.5), 0.5, "shifts the inputs"),
        (exercises.check_relu_zero_fraction, special.ndtr(0.5), special.ndtr(-0.5), "fraction that passes"),
        (exercises.check_relu_mean, 1 / np.sqrt(2 * np.pi), 0.5, "fraction of positive inputs"),
        (exercises.check_relu_mean, 1 / np.sqrt(2 * np.pi), np.sqrt(2 / np.pi), "E|z|"),
        (exercises.check_elu_mean, slopes.expectation(act.elu), 1 / np.sqrt(2 * np.pi), "ReLU's mean"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, 0.8613, "LeCun's weights"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, act.SELU_LAMBDA**2, "very large q"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, 2.649, "its limit -lambda alpha"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, 3.445, "divide q' by q"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, "grows", "single number"),
        (exercises.check_elu_mean, 0.161, 0.162, "split at 0"),
        (exercises.check_elu_mean, 0.1605, 0.1603, "4th is not"),
    ],
)
def test_number_and_choice_checkers(capsys, check, right, wrong, hint):
    assert _verdict(capsys, check, right).endswith(": correct")
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    assert hint in _verdict(capsys, check, wrong)


def test_alpha_gradient_checker(capsys):
    check = exercises.check_alpha_gradient_per_unit
    assert _verdict(capsys, check, lambda Z, G: np.sum(G * np.minimum(Z, 0), axis=0)).endswith(": correct")
    assert _verdict(capsys, check, lambda Z, G: None).endswith("not attempted yet")
    assert "sum over the batch" in _verdict(capsys, check, lambda Z, G: np.sum(G * np.minimum(Z, 0)))
    assert "summed over the units" in _verdict(capsys, check, lambda Z, G: np.sum(G * Z, axis=1))
    assert "min(z, 0)" in _verdict(capsys, check, lambda Z, G: np.sum(G * Z, axis=0))
    assert "gradient G" in _verdict(capsys, check, lambda Z, G: np.sum(np.minimum(Z, 0), axis=0))
    assert "raised" in _verdict(capsys, check, lambda Z, G: 1 / 0)


def test_dead_unit_revival_checker(capsys):
    check = exercises.check_dead_unit_revival
    assert _verdict(capsys, check, False, True).endswith(": correct")
    assert _verdict(capsys, check, None, True).endswith("not attempted yet")
    assert "the data, which never change" in _verdict(capsys, check, True, True)
    assert "keep learning" in _verdict(capsys, check, False, False)
    assert "True or False" in _verdict(capsys, check, "no", "yes")


def test_checkers_do_not_raise_on_malformed_answers(capsys):
    assert "array of numbers" in _verdict(capsys, exercises.check_alpha_gradient_per_unit, lambda Z, G: "abc")
    assert _verdict(capsys, exercises.check_dead_unit_revival, np.False_, np.True_).endswith(": correct")
    assert "array of numbers" in _verdict(capsys, exercises.check_log_sigmoid, lambda x: "abc")
    assert "array of numbers" in _verdict(capsys, exercises.check_xor_features, lambda X: [[1, 2], [3]])
