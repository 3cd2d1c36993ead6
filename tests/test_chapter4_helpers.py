"""The book helpers of chapter 4: probability bars, temperature panels and widget, entropy,
and the chapter 4 exercise checkers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import activations as act
from activations.book import exercises, plotting, widgets


def test_entropy_limits():
    z = [2.0, 1.0, 0.0]
    assert plotting.entropy(z, 1e-3) < 1e-12  # one-hot
    assert plotting.entropy(z, 1e6) == pytest.approx(np.log(3), rel=1e-6)  # uniform
    assert plotting.entropy([0.0, 0.0]) == pytest.approx(np.log(2))


def test_probability_bars_are_the_softmax():
    fig, ax = plt.subplots()
    plotting.probability_bars(ax, [1.0, 2.0, 3.0], temperature=0.5)
    heights = [bar.get_height() for bar in ax.patches]
    np.testing.assert_allclose(heights, act.softmax([1.0, 2.0, 3.0], temperature=0.5))
    plt.close(fig)


def test_temperature_panels_one_per_temperature():
    fig = plotting.temperature_panels([1.0, 0.0], [0.5, 2.0])
    assert [ax.get_title().split(",")[0] for ax in fig.axes] == ["T = 0.5", "T = 2"]
    plt.close(fig)


def test_temperature_widget_redraws():
    explorer = widgets.TemperatureExplorer(logits=(1.0, 0.0))
    explorer.controls["temperature"].value = 10.0
    heights = [bar.get_height() for bar in explorer.figure.axes[0].patches]
    np.testing.assert_allclose(heights, act.softmax([0.1, 0.0]))
    plt.close("all")


def _verdict(capsys, check, *answer):
    assert check(*answer) is None
    return capsys.readouterr().out.strip()


@pytest.mark.parametrize(
    ("check", "right", "wrong", "hint"),
    [
        (exercises.check_underflow_gap, 745.13, 744.44, "half of it"),
        (exercises.check_underflow_gap, 745.13, 709.78, "overflows"),
        (exercises.check_temperature_for, 1 / np.log(9), np.log(9), "reciprocal"),
        (exercises.check_confident_gradient_limit, np.sqrt(2), 1.0, "two entries"),
        (exercises.check_confident_gradient_limit, np.sqrt(2), 0.0, "squared error after softmax"),
        (exercises.check_score_variance, 64, 8, "standard deviation"),
        (exercises.check_score_variance, 64, 160, "multiply"),
    ],
)
def test_number_checkers(capsys, check, right, wrong, hint):
    assert _verdict(capsys, check, right).endswith(": correct")
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    assert hint in _verdict(capsys, check, wrong)


def test_soft_target_gradient_checker(capsys):
    check = exercises.check_soft_target_gradient
    p = act.softmax([2.0, 0.0, -1.0])
    t = np.array([0.8, 0.1, 0.1])
    assert _verdict(capsys, check, p - t).endswith(": correct")
    assert "sign is flipped" in _verdict(capsys, check, t - p)
    assert "one-hot" in _verdict(capsys, check, p - [1, 0, 0])
    assert "shape (3,)" in _verdict(capsys, check, [1.0, 2.0])
    assert _verdict(capsys, check, None).endswith("not attempted yet")


def test_three_class_logit_checker(capsys):
    check = exercises.check_three_class_logit
    assert _verdict(capsys, check, lambda a, b, c: a - act.logsumexp([b, c])).endswith(": correct")
    naive = lambda a, b, c: a - np.log(np.exp(b) + np.exp(c))  # noqa: E731
    assert "use logsumexp" in _verdict(capsys, check, naive)
    assert "approximation" in _verdict(capsys, check, lambda a, b, c: a - max(b, c))
    assert "not b + c" in _verdict(capsys, check, lambda a, b, c: a - b - c)
    assert _verdict(capsys, check, lambda a, b, c: None).endswith("not attempted yet")


def test_chapter4_checkers_accept_rounded_answers(capsys):
    assert _verdict(capsys, exercises.check_confident_gradient_limit, 1.414).endswith(": correct")
    assert _verdict(capsys, exercises.check_temperature_for, 0.455).endswith(": correct")
    assert _verdict(capsys, exercises.check_soft_target_gradient, [0.044, 0.014, -0.058]).endswith(
        ": correct"
    )
    assert _verdict(capsys, exercises.check_score_variance, 64.0).endswith(": correct")


def test_three_class_checker_catches_partial_stability_and_sign(capsys):
    check = exercises.check_three_class_logit
    partial = lambda a, b, c: a - b - np.log1p(np.exp(c - b))  # noqa: E731
    assert "use logsumexp" in _verdict(capsys, check, partial)
    assert "sign is flipped" in _verdict(capsys, check, lambda a, b, c: act.logsumexp([b, c]) - a)


def test_tied_classes_are_all_shaded():
    fig, ax = plt.subplots()
    plotting.probability_bars(ax, [0.2, 0.1, 0.0, 0.1, 0.2])
    colours = [bar.get_facecolor() for bar in ax.patches]
    assert colours[0] == colours[4] != colours[1]
    plt.close(fig)
