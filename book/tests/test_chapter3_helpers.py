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
from textbook import exercises, plotting, slopes, widgets


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


def test_layer_statistics_reads_a_narrow_band_on_a_linear_panel():
    runs = np.array([[0.9, 1.1, 1.0], [1.2, 0.8, 0.95]])
    fig = plotting.layer_statistics(
        {"selu": ("selu", np.zeros(3), np.ones(3))}, linear={"selu": runs}, band=(0.8, 1.2)
    )
    _, right, below = fig.axes
    assert right.get_yscale() == "log" and below.get_yscale() == "linear"
    assert len(below.lines) == 2  # one line per run
    np.testing.assert_array_equal(below.lines[1].get_ydata(), runs[1])
    assert below.lines[0].get_color() == plotting.color("selu")
    assert len(below.patches) == 1  # the shaded band
    assert [t.get_text() for t in below.get_legend().get_texts()] == ["selu, 2 runs", "0.8 to 1.2"]
    plt.close(fig)


def test_alpha_family_lightest_curve_is_not_washed_out():
    fig, axes = plt.subplots(1, 2)
    plotting.family(axes, "leaky_relu", [0.01, 0.1, 0.3])
    base = np.array(matplotlib.colors.to_rgb(plotting.color("leaky_relu")))
    lightest = np.array(matplotlib.colors.to_rgb(axes[1].lines[0].get_color()))
    # mixed with at most a fifth of white: still far from the white background
    assert np.all(lightest - base <= 0.2 * (1 - base) + 1e-9)
    assert np.mean(lightest) < 0.8
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
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, 0.8613, "LeCun's weights"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, act.SELU_LAMBDA**2, "very large q"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, 2.649, "its limit -lambda alpha"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, 3.445, "divide q' by q"),
        (exercises.check_selu_he_variance, SELU_HE_GROWTH, "grows", "single number"),
        (exercises.check_relu_zero_fraction, 0.691, 0.6904, "sampled estimate"),
        (exercises.check_relu_mean, 0.399, 0.4003, "sampled estimate"),
        (exercises.check_selu_he_variance, 1.72, 1.735, "sampled estimate"),
    ],
)
def test_number_and_choice_checkers(capsys, check, right, wrong, hint):
    assert _verdict(capsys, check, right).endswith(": correct")
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    assert hint in _verdict(capsys, check, wrong)


def _sampled(draws, seed, func=lambda z: act.relu(z) == 0, mean=-0.5, std=1.0):
    return float(np.mean(func(np.random.default_rng(seed).normal(mean, std, draws))))


def test_a_sampled_estimate_is_told_so_not_that_its_method_is_wrong(capsys):
    check = exercises.check_relu_zero_fraction
    exact = special.ndtr(0.5)
    for draws in (10**5, 10**6):
        for seed in range(20):
            estimate = _sampled(draws, seed)
            for digits in (3, 4):
                verdict = _verdict(capsys, check, _round(estimate, digits))
                # right to the digits given, recognised as a sample, or (0.690 reads as 0.69) asked for
                # digits; never the general hint
                assert any(
                    word in verdict for word in (": correct", "sampled estimate", "significant digits")
                ), (estimate, verdict)
                assert "normal CDF" not in verdict
    assert "sampled estimate" in _verdict(capsys, check, 0.6904)
    assert _verdict(capsys, check, _round(exact, 4)).endswith(": correct")
    assert "significant digits" in _verdict(capsys, check, 0.69)  # coarse: asked for digits, as before
    for far in (0.65, 0.72, 0.6):  # beyond sampling error: the usual hint
        assert "sampled" not in _verdict(capsys, check, far)
    verdict = _verdict(capsys, exercises.check_relu_mean, _round(_sampled(10**5, 3, act.relu, 0.0), 4))
    assert verdict.endswith(": correct") or "sampled estimate" in verdict
    assert f"{exact:.3f}" not in _verdict(capsys, check, 0.6904)  # the hint gives no answer away


def elu_mean_solution(alpha):
    """Exercise 3.3.1's closed form, written as the solution writes it."""
    return 1 / np.sqrt(2 * np.pi) + alpha * (np.exp(0.5) * special.ndtr(-1.0) - 0.5)


def test_elu_mean_checker_wants_the_closed_form_at_every_alpha(capsys):
    check = exercises.check_elu_mean
    for alpha in (0.25, 1.0, 2.0):  # the closed form is the integral
        quad = integrate.quad(lambda z, a=alpha: act.elu(z, alpha=a) * np.exp(-z * z / 2), -40, 40)[0]
        assert abs(elu_mean_solution(alpha) - quad / np.sqrt(2 * np.pi)) < 1e-10
    assert _verdict(capsys, check, elu_mean_solution).endswith(": correct")
    assert _verdict(capsys, check, lambda alpha: None).endswith("not attempted yet")
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    slips = {
        lambda a: 1 / np.sqrt(2 * np.pi): "ReLU's mean",
        lambda a: 1 / np.sqrt(2 * np.pi) - a / 2: "e^(1/2) Phi(-1)",
        lambda a: 1 / np.sqrt(2 * np.pi) + a * np.exp(0.5) * special.ndtr(-1.0): "-alpha / 2",
        lambda a: 1 / np.sqrt(2 * np.pi) + a * (np.exp(0.5) * special.ndtr(1.0) - 0.5): "not Phi(1)",
        lambda a: 1 / np.sqrt(2 * np.pi) + a * (special.ndtr(-1.0) - 0.5): "keep the factor",
        lambda a: a * elu_mean_solution(1.0): "only the negative side",
        lambda a: elu_mean_solution(1.0): "same value for every alpha",
        lambda a: slopes.expectation(lambda z: act.elu(z, alpha=a)): "numerical integral",
        lambda a: float(np.mean(act.elu(np.random.default_rng(1).normal(size=10**6), alpha=a))): "sampled",
        lambda a: 0.16: "split at 0",
        lambda a: 1 / 0: "raised ZeroDivisionError",
        lambda a: "abc": "one number",
    }
    for func, hint in slips.items():
        verdict = _verdict(capsys, check, func)
        assert hint in verdict and not verdict.endswith(": correct"), verdict
    assert "function" in _verdict(capsys, check, 0.161)  # a number, not a function


def test_alpha_gradient_checker(capsys):
    check = exercises.check_alpha_gradient_per_unit
    assert _verdict(capsys, check, lambda Z, G: np.sum(G * np.minimum(Z, 0), axis=0)).endswith(": correct")
    assert _verdict(capsys, check, lambda Z, G: None).endswith("not attempted yet")
    assert "sum over the batch" in _verdict(capsys, check, lambda Z, G: np.sum(G * np.minimum(Z, 0)))
    assert "summed over the units" in _verdict(capsys, check, lambda Z, G: np.sum(G * Z, axis=1))
    assert "min(z, 0)" in _verdict(capsys, check, lambda Z, G: np.sum(G * Z, axis=0))
    assert "gradient G" in _verdict(capsys, check, lambda Z, G: np.sum(np.minimum(Z, 0), axis=0))
    assert "raised" in _verdict(capsys, check, lambda Z, G: 1 / 0)


def _revival(seed=0, bias=-3.0, lr=0.1, batch_size=32, trainings=1, on_test=False):
    """Exercise 3.2.2 as a reader runs it; returns the two killed units' pre-activations (max, min)."""
    X, t = data.digits()
    X_train, X_test, t_train, _ = data.train_test_split(X, t, 0.25, seed=0)
    model = nn.MLP([64, 64, 64, 10], "relu", init="he", seed=seed)
    model.dense_layers[0].b[0] = bias
    model.dense_layers[1].b[0] = bias
    for _ in range(trainings):
        nn.train(model, X_train, t_train, nn.SGD(lr=lr), epochs=15, batch_size=batch_size, seed=seed)
    first, second = (Z[:, 0] for Z in model.pre_activations(X_test if on_test else X_train)[:2])
    return (float(first.max()), float(second.max())), (float(first.min()), float(second.min()))


def _revival_verdicts(capsys, first, second):
    """Each part's verdict; both parts right print one line, "Exercise 3.2.2: correct"."""
    lines = _verdict(capsys, exercises.check_dead_unit_revival, first, second).splitlines()
    if lines == ["Exercise 3.2.2: correct"]:
        return ["correct", "correct"]
    assert [line.split(": ", 1)[0] for line in lines] == ["Exercise 3.2.2 (a)", "Exercise 3.2.2 (b)"]
    return [line.split(": ", 1)[1] for line in lines]


def _round(value, digits):
    return float(f"{value:.{digits - 1}e}")


def test_dead_unit_revival_checker_accepts_the_experiment(capsys):
    (first, second), _ = _revival()
    (start_first, start_second), _ = _revival(trainings=0)
    assert start_first == first < 0 < second and start_second < 0  # (a) stays dead, (b) comes back
    assert _revival_verdicts(capsys, first, second) == ["correct", "correct"]
    for digits in (3, 4, 6):
        assert _revival_verdicts(capsys, _round(first, digits), _round(second, digits)) == ["correct"] * 2
    assert _revival_verdicts(capsys, None, None) == ["not attempted yet"] * 2
    assert _revival_verdicts(capsys, first, None) == ["correct", "not attempted yet"]
    coarse = _revival_verdicts(capsys, _round(first, 2), _round(second, 2))
    assert all("significant digits" in verdict for verdict in coarse)
    for place in (3, 4):  # a wrong 3rd or 4th digit fails
        unit = [10.0 ** (np.floor(np.log10(abs(v))) - place + 1) for v in (first, second)]
        wrong = [_round(first, place) + 2 * unit[0], _round(second, place) - 2 * unit[1]]
        assert "correct" not in _revival_verdicts(capsys, *wrong)


def test_dead_unit_revival_checker_names_each_known_mistake(capsys):
    (first, second), (smallest_first, smallest_second) = _revival()
    slips = {  # (answer to (a), answer to (b)) -> the words each hint must contain
        (smallest_first, smallest_second): ("smallest pre-activation", "smallest pre-activation"),
        _revival(on_test=True)[0]: ("test images", "test images"),
        (0.0, 0.0): ("relu(z)", "relu(z)"),
        (-3.0, -3.0): ("the bias alone", "the bias alone"),
        (_revival(bias=0.0, trainings=0)[0][0], _revival(trainings=0)[0][1]): (
            "initial bias 0",
            "before training",
        ),
    }
    for (answer_first, answer_second), (hint_first, hint_second) in slips.items():
        verdicts = _revival_verdicts(capsys, round(answer_first, 4), round(answer_second, 4))
        assert hint_first in verdicts[0] and hint_second in verdicts[1], verdicts
    deeper = {
        _revival(batch_size=None)[0][1]: "mini-batches of 32",
        _revival(lr=1.0)[0][1]: "learning rate 1.0",
        _revival(trainings=2)[0][1]: "training the same network twice",
    }
    for answer, hint in deeper.items():
        verdicts = _revival_verdicts(capsys, first, round(answer, 4))
        assert verdicts[0] == "correct" and hint in verdicts[1], verdicts
    # an answer that is none of the known slips gets the general hint, which gives no number
    other = _revival_verdicts(capsys, -1.234, 1.234)
    assert all("nn.SGD(lr=0.1)" in verdict for verdict in other)
    assert not any(f"{value:.2f}" in " ".join(other) for value in (first, second))


def test_dead_unit_revival_checker_is_not_passed_by_guesses(capsys):
    guesses = [0.0, -3.0, -1.0, -2.0, -2.5, -0.5, 0.5, 1.0, 2.0, 2.5, 3.0, -0.797, 1e-3, -1e-3]
    for guess in guesses:
        assert "correct" not in _revival_verdicts(capsys, guess, guess), guess


def test_dead_unit_revival_is_possible_not_certain():
    """What the solution says of seeds 1 to 5: the second unit's largest pre-activation rises, below 0."""
    for seed in range(1, 6):
        (start_first, start_second), _ = _revival(seed=seed, trainings=0)
        (first, second), _ = _revival(seed=seed)
        assert start_first == first < 0
        assert start_second < second < 0


def test_checkers_do_not_raise_on_malformed_answers(capsys):
    assert "array of numbers" in _verdict(capsys, exercises.check_alpha_gradient_per_unit, lambda Z, G: "abc")
    assert "give a single number" in _verdict(capsys, exercises.check_dead_unit_revival, "abc", [1.0, 2.0])
    assert "array of numbers" in _verdict(capsys, exercises.check_log_sigmoid, lambda x: "abc")
    assert "array of numbers" in _verdict(capsys, exercises.check_xor_features, lambda X: [[1, 2], [3]])
