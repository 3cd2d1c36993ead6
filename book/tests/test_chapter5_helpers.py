"""The book helpers of chapter 5: setting families, the Swish beta widget and the exercise checkers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import optimize, special, stats

import activations as act
from textbook import exercises, plotting, widgets
from textbook.exercises import chapter5


def test_family_draws_swish_for_each_beta():
    fig, axes = plt.subplots(1, 2)
    plotting.family(axes, "swish", [0.0, 2.0], setting="beta")
    x, y = axes[0].lines[1].get_data()
    np.testing.assert_array_equal(y, act.swish(x, beta=2.0))
    assert axes[0].lines[0].get_label() == "beta = 0"
    plt.close(fig)


def test_family_draws_its_reference_on_top():
    fig, axes = plt.subplots(1, 2)
    plotting.family(axes, "softplus", [1.0, 10.0], setting="beta", reference="relu")
    relu_line = axes[0].lines[-1]
    x, y = relu_line.get_data()
    np.testing.assert_array_equal(y, act.relu(x))
    assert relu_line.get_label() == "relu"
    assert relu_line.get_zorder() > axes[0].lines[0].get_zorder()
    # the derivative panel: ReLU's slope on each side of the kink, drawn last
    np.testing.assert_array_equal(axes[1].lines[-1].get_ydata(), 1.0)
    plt.close(fig)


def test_swish_widget_draws_relu_and_the_chosen_beta():
    explorer = widgets.SwishBetaExplorer()
    explorer.controls["beta"].value = 5.0
    relu_line, swish_line = explorer.figure.axes[0].lines[:2]
    np.testing.assert_array_equal(relu_line.get_ydata(), act.relu(relu_line.get_xdata()))
    np.testing.assert_array_equal(swish_line.get_ydata(), act.swish(swish_line.get_xdata(), beta=5.0))
    assert "beta = 5" in explorer.figure.axes[0].get_title()
    plt.close("all")


def _verdict(capsys, check, *answer):
    assert check(*answer) is None
    return capsys.readouterr().out.strip()


SILU_STEEPEST = -optimize.minimize_scalar(lambda x: -act.silu.grad(x), bounds=(0, 6), method="bounded").fun
GELU_AT = optimize.brentq(lambda x: act.gelu.grad(x), -2, 0)
SIGMOID_GELU_DIP = -special.lambertw(np.exp(-1)).real / 1.702  # x sigmoid(1.702 x) is Swish, beta 1.702


@pytest.mark.parametrize(
    ("check", "right", "wrong", "hint"),
    [
        (exercises.check_silu_max_slope, SILU_STEEPEST - 1, SILU_STEEPEST, "largest slope itself"),
        (exercises.check_softplus_gap, np.log(2) / 10, np.log(2), "beta = 1"),
        (
            exercises.check_gelu_minimum,
            SIGMOID_GELU_DIP - float(act.gelu(GELU_AT)),
            SIGMOID_GELU_DIP + 0.17,
            "too coarse",
        ),
        (exercises.check_slope_matching_constant, 4 / np.sqrt(2 * np.pi), 1.702, "closest to Phi"),
        (exercises.check_gated_width, 2112 / 50, 2 / 3 * 64, "weights only"),
        (exercises.check_hard_swish_slope, 5 / 6, 4 / 6, "product rule"),
    ],
)
def test_number_checkers(capsys, check, right, wrong, hint):
    assert _verdict(capsys, check, right).endswith(": correct")
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    assert hint in _verdict(capsys, check, wrong)


def _round(value, digits):
    return float(f"{value:.{digits - 1}e}")


def _slips(monkeypatch, check):
    """The (expected, {wrong answer: hint}) a checker hands to check_number."""
    seen = []
    monkeypatch.setattr(chapter5, "check_number", lambda _exercise, _answer, *rest: seen.append(rest))
    check(0.5)
    monkeypatch.undo()
    expected, wrong_answers, _otherwise = seen[0]
    return expected, wrong_answers


# Answers a guess, a glance at a figure or a sentence of the book gives; none is the answer asked for.
GUESSES = {
    exercises.check_silu_max_slope: [1.1, 1.10, 1.0998, 0.1, 0.10, 2.4, 2.399],
    exercises.check_gelu_minimum: [-0.17, -0.170, -0.1700, -0.16997, -0.75, -0.752, -0.7518, 0.006, 0.0064],
    exercises.check_gated_width: [170, 171, 170.23, 170.2, 42, 43, 42.7, 42.67],
}


@pytest.mark.parametrize("check", list(GUESSES), ids=lambda check: check.__name__)
def test_a_guess_or_a_glance_does_not_pass(capsys, monkeypatch, check):
    expected, _ = _slips(monkeypatch, check)
    for digits in (3, 4):
        assert _verdict(capsys, check, _round(expected, digits)).endswith(": correct"), digits
    for guess in GUESSES[check]:
        assert not _verdict(capsys, check, guess).endswith(": correct"), guess


@pytest.mark.parametrize("check", list(GUESSES), ids=lambda check: check.__name__)
def test_each_known_slip_gets_its_own_hint(capsys, monkeypatch, check):
    expected, wrong_answers = _slips(monkeypatch, check)
    for wrong, hint in wrong_answers.items():
        assert _round(wrong, 3) != _round(expected, 3), wrong  # told apart from the answer
        for digits in (3, 4):
            verdict = _verdict(capsys, check, _round(wrong, digits))
            assert verdict.endswith(hint), (wrong, digits, verdict)


def test_the_exercise_numbers():
    # 5.1.1: the overshoot above 1 equals the depth of the slope's dip below 0: silu'(-x) = 1 - silu'(x)
    assert abs(SILU_STEEPEST - 1 - 0.09984) < 1e-5
    x = np.linspace(-8, 8, 1601)
    np.testing.assert_allclose(act.silu.grad(-x), 1 - act.silu.grad(x), atol=1e-15)
    # 5.2.1: x sigmoid(1.702 x) is Swish with beta = 1.702, so its minimum is SiLU's divided by 1.702
    grid = np.linspace(-3, 0, 300_001)
    assert abs((grid * act.sigmoid(1.702 * grid)).min() - SIGMOID_GELU_DIP) < 1e-10
    assert abs(SIGMOID_GELU_DIP - float(act.gelu(GELU_AT)) - 0.006361) < 1e-6
    # 5.3.1: both blocks of d = 16, h = 64 with every bias hold the same number of parameters
    d, h, width = 16, 64, 42.24
    assert np.isclose(3 * d * width + 2 * width + d, 2 * d * h + h + d)


def test_welch_t_checker(capsys):
    a = np.array([0.976, 0.972, 0.978, 0.974, 0.975])
    b = np.array([0.971, 0.975, 0.969, 0.973, 0.970])
    t = (a.mean() - b.mean()) / np.sqrt(a.var(ddof=1) / 5 + b.var(ddof=1) / 5)
    assert _verdict(capsys, exercises.check_welch_t, t).endswith(": correct")
    assert "ddof=1" in _verdict(
        capsys, exercises.check_welch_t, (a.mean() - b.mean()) / np.sqrt(a.var() / 5 + b.var() / 5)
    )
    assert "subtract" in _verdict(capsys, exercises.check_welch_t, -t)


def test_gated_width_checker_counts_the_biases(capsys):
    d, h = 16, 64
    width = (2 * d * h + h) / (3 * d + 2)
    assert np.isclose(3 * d * width + 2 * width + d, 2 * d * h + h + d)
    assert "two bias vectors" in _verdict(capsys, exercises.check_gated_width, (2 * d * h + h) / (3 * d + 1))
    assert "in the gated block as well" in _verdict(
        capsys, exercises.check_gated_width, (2 * d * h + h + d) / (3 * d + 2)
    )
    assert "three matrices" in _verdict(capsys, exercises.check_gated_width, 64)
    assert _verdict(capsys, exercises.check_gated_width, 42.2).endswith(": correct")
    assert "significant digits" in _verdict(capsys, exercises.check_gated_width, 42)


def test_chance_threshold_checker(capsys):
    per_tail = 0.05 / 21 / 2
    threshold = stats.t.isf(per_tail, 8)
    assert abs(21 * 2 * stats.t.sf(threshold, 8) - 0.05) < 1e-12
    assert _verdict(capsys, exercises.check_chance_threshold, threshold).endswith(": correct")
    assert _verdict(capsys, exercises.check_chance_threshold, 4.37).endswith(": correct")
    assert "normal distribution" in _verdict(
        capsys, exercises.check_chance_threshold, stats.norm.isf(per_tail)
    )
    assert "either tail" in _verdict(capsys, exercises.check_chance_threshold, stats.t.isf(2 * per_tail, 8))
    assert "4 degrees of freedom" in _verdict(
        capsys, exercises.check_chance_threshold, stats.t.isf(per_tail, 4)
    )
    assert "for one pair" in _verdict(capsys, exercises.check_chance_threshold, stats.t.isf(0.025, 8))
    assert "rule's threshold" in _verdict(capsys, exercises.check_chance_threshold, 2)
    assert _verdict(capsys, exercises.check_chance_threshold, None).endswith("not attempted yet")


def test_gelu_minimum_is_where_the_derivative_vanishes():
    assert abs(float(act.gelu.grad(GELU_AT))) < 1e-10
    assert -0.76 < GELU_AT < -0.75
    assert special.ndtr(GELU_AT) > 0


def test_chapter5_checkers_accept_the_solutions_rounded_values(capsys):
    for check, value in [
        (exercises.check_softplus_gap, 0.0693),
        (exercises.check_gelu_minimum, 0.00636),
        (exercises.check_slope_matching_constant, 1.596),
        (exercises.check_hard_swish_slope, 0.833),
        (exercises.check_welch_t, 2.31),
        (exercises.check_silu_max_slope, 0.0998),
        (exercises.check_slope_matching_constant, 1.60),
        (exercises.check_gated_width, 42.24),
        (exercises.check_gated_width, 42.2),
        (exercises.check_chance_threshold, 4.37),
    ]:
        assert _verdict(capsys, check, value).endswith(": correct"), check.__name__
