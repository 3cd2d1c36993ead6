"""The book helpers of chapter 4: probability bars, temperature panels and widget, entropy,
and the chapter 4 exercise checkers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import activations as act
from textbook import exercises, plotting, widgets
from textbook.exercises._common import significant_digits


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
        (exercises.check_confident_gradient_limit, np.sqrt(1.5), np.sqrt(2), "one wrong class"),
        (exercises.check_confident_gradient_limit, np.sqrt(1.5), np.sqrt(3), "share the probability"),
        (exercises.check_confident_gradient_limit, np.sqrt(1.5), 1.5, "squared norm"),
        (exercises.check_score_variance, 96, 64, "unit variances"),
        (exercises.check_score_variance, 96, np.sqrt(96), "standard deviation"),
        (exercises.check_score_variance, 96, 224, "multiply"),
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
    assert _verdict(capsys, exercises.check_confident_gradient_limit, 1.22).endswith(": correct")
    assert _verdict(capsys, exercises.check_confident_gradient_limit, 1.225).endswith(": correct")
    assert _verdict(capsys, exercises.check_temperature_for, 0.455).endswith(": correct")
    assert _verdict(capsys, exercises.check_soft_target_gradient, [0.0438, 0.0142, -0.0580]).endswith(
        ": correct"
    )
    assert _verdict(capsys, exercises.check_score_variance, 96.0).endswith(": correct")


def test_the_confident_limit_is_the_two_wrong_classes_norm():
    z = np.zeros(10)
    z[[1, 2]] = 60.0
    assert np.linalg.norm(act.cross_entropy_grad(z, 0)) == pytest.approx(np.sqrt(1.5), abs=1e-12)


def _round(value, digits):
    return float(f"{value:.{digits - 1}e}")


def test_soft_target_gradient_follows_the_rule_for_numbers(capsys):
    check = exercises.check_soft_target_gradient
    exact = act.softmax([2.0, 0.0, -1.0]) - np.array([0.8, 0.1, 0.1])
    for digits in (3, 4, 6, 17):
        assert _verdict(capsys, check, [_round(g, digits) for g in exact]).endswith(": correct")
    coarse = [_round(g, 2) for g in exact]  # (0.044, 0.014, -0.058): right, too few digits
    assert "at least 3 significant digits" in _verdict(capsys, check, coarse)
    for place in (3, 4):
        wrong = [_round(g, place) for g in exact]
        wrong[0] += 2 * 10.0 ** (np.floor(np.log10(abs(exact[0]))) - place + 1)
        assert not _verdict(capsys, check, wrong).endswith(": correct")


def _lines(capsys, check, *answer):
    assert check(*answer) is None
    return capsys.readouterr().out.strip().splitlines()


def test_score_variance_checks_both_parts(capsys):
    check = exercises.check_score_variance
    assert _lines(capsys, check, None, None) == ["Exercise 4.3.2 (a): not attempted yet"]
    assert _lines(capsys, check, 96, None) == ["Exercise 4.3.2 (a): correct"]
    assert _lines(capsys, check, 96, np.sqrt(96)) == ["Exercise 4.3.2: correct"]
    assert _lines(capsys, check, 96, 8)[0] == "Exercise 4.3.2 (a): correct"
    assert _lines(capsys, check, None, 9.80)[1] == "Exercise 4.3.2 (b): correct"
    assert "sqrt(d) assumes" in _lines(capsys, check, 96, 8)[1]
    assert "standard deviation" in _lines(capsys, check, 96, 96)[1]
    assert "do not add" in _lines(capsys, check, 96, np.sqrt(224))[1]
    # the rule for numbers on part (b): 3 and 4 digits pass, a wrong 3rd or 4th digit fails
    divisor = np.sqrt(96)
    for digits in (3, 4, 6):
        assert _lines(capsys, check, 96, _round(divisor, digits)) == ["Exercise 4.3.2: correct"]
    for place in (3, 4):
        unit = 10.0 ** (np.floor(np.log10(divisor)) - place + 1)
        wrongs = [_round(divisor, place) + k * unit for k in (2, -2, 3, -3)]
        # a wrong answer that still shows `place` digits (9.800 reads as 9.8, which is right)
        wrongs = [w for w in wrongs if significant_digits(w) == place]
        assert wrongs
        for wrong in wrongs:
            assert not _lines(capsys, check, 96, wrong)[1].endswith(": correct"), wrong
    assert "give at least 3" in _lines(capsys, check, 96, 10.0)[1]


def test_three_class_checker_catches_partial_stability_and_sign(capsys):
    check = exercises.check_three_class_logit
    partial = lambda a, b, c: a - b - np.log1p(np.exp(c - b))  # noqa: E731
    assert "use logsumexp" in _verdict(capsys, check, partial)
    assert "sign is flipped" in _verdict(capsys, check, lambda a, b, c: act.logsumexp([b, c]) - a)


def test_every_class_with_the_largest_probability_is_shaded():
    fig, ax = plt.subplots()
    plotting.probability_bars(ax, [0.2, 0.1, 0.0, 0.1, 0.2])
    colours = [bar.get_facecolor() for bar in ax.patches]
    assert colours[0] == colours[4] != colours[1]
    plt.close(fig)


def test_score_variance_recognises_a_sampled_estimate(capsys):
    check = exercises.check_score_variance
    rng = np.random.default_rng(0)
    scores = np.sum(
        rng.normal(0, np.sqrt(3), (10_000, 64)) * rng.normal(0, np.sqrt(0.5), (10_000, 64)), axis=1
    )
    for sampled in (95.28, 97.1, 91.0, 104.9, round(float(np.var(scores)), 2)):
        verdict = _lines(capsys, check, sampled, None)[0]
        assert "looks like a sampled estimate" in verdict, sampled
        assert "exact variance" in verdict
    for divisor in (9.761, 9.85, 10.2):
        assert "square root of a sampled variance" in _lines(capsys, check, 96, divisor)[1], divisor
    # right answers, coarse right answers and the known slips keep their verdicts
    assert _lines(capsys, check, 96.0, 9.798) == ["Exercise 4.3.2: correct"]
    assert _lines(capsys, check, 95.28, 9.798)[1] == "Exercise 4.3.2 (b): correct"
    assert "give at least 3" in _lines(capsys, check, 100.0, None)[0]
    assert "give at least 3" in _lines(capsys, check, 96, 10.0)[1]
    assert "unit variances" in _lines(capsys, check, 64, None)[0]
    assert "sqrt(d) assumes" in _lines(capsys, check, 96, 8)[1]
    # far from 96: the general hint, not "sampled"
    assert "sampled" not in _lines(capsys, check, 80.0, None)[0]
    assert "sampled" not in _lines(capsys, check, 96, 11.5)[1]


def test_underflow_gap_hint_says_at_most_half(capsys):
    verdict = _verdict(capsys, exercises.check_underflow_gap, 1074 * np.log(2))
    assert "half of it or less" in verdict


def test_against_product_times_both_on_the_threads_asked_for_and_restores_them():
    from threadpoolctl import threadpool_info

    from textbook import cost

    before = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    seen = []

    def softmax_seeing_threads(z):
        seen.append({pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"})
        return act.softmax(z)

    rng = np.random.default_rng(0)
    A, W = rng.normal(size=(8, 4)), rng.normal(size=(3, 4))
    product, softmax = cost.against_product(softmax_seeing_threads, A, W, repeats=3, threads=1)
    assert len(seen) == 1 + 3  # one warm-up, then the repeats
    assert all(threads == {1} for threads in seen)
    for median, minimum in (product, softmax):
        assert 0 < minimum <= median
    assert [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"] == before
