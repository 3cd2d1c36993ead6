"""The book helpers of chapter 2: gradient-descent paths, mean slopes, its figures, widgets and checkers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import integrate

import activations as act
from textbook import descent, exercises, plotting, slopes, widgets


def test_gradient_descent_on_a_quadratic():
    # L(w) = (w - 3)^2 / 2 * c: each step multiplies the error by (1 - lr c)
    for lr in (0.1, 0.5, 0.9):
        path = descent.gradient_descent(lambda w: 2.0 * (w - 3.0), [0.0], lr=lr, steps=5)
        np.testing.assert_allclose(path[:, 0] - 3.0, -3.0 * (1 - 2 * lr) ** np.arange(6), atol=1e-12)


def test_gradient_descent_reports_divergence_as_nan_without_warnings():
    path = descent.gradient_descent(lambda w: 2 * w, [1.0], lr=10.0, steps=2000)
    assert path.shape == (2001, 1)
    assert np.isnan(path[-1, 0])
    assert np.isfinite(path[:10]).all()


def test_gradient_descent_errors():
    with pytest.raises(ValueError, match=r"^gradient_descent: lr must be greater than 0"):
        descent.gradient_descent(lambda w: w, [1.0], lr=-1.0, steps=3)
    with pytest.raises(ValueError, match=r"^gradient_descent: steps must be"):
        descent.gradient_descent(lambda w: w, [1.0], lr=0.1, steps=1.5)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "gelu", "elu"])
@pytest.mark.parametrize("std", [0.3, 2.0, 25.0])
def test_mean_derivative_matches_numerical_integration(name, std):
    f = act.get(name)

    def integrand(x):
        return float(f.grad(x)) * np.exp(-0.5 * (x / std) ** 2) / (std * np.sqrt(2 * np.pi))

    expected, _ = integrate.quad(integrand, -12 * std, 12 * std, points=[0.0], limit=400)
    assert abs(slopes.mean_derivative(name, std) - expected) < 1e-6


def test_mean_derivative_limits_and_errors():
    assert slopes.mean_derivative("sigmoid", 0.0) == 0.25
    assert slopes.mean_derivative("tanh", 1e-6) == pytest.approx(1.0)
    assert slopes.mean_derivative("relu", 7.0) == pytest.approx(0.5, abs=1e-12)
    with pytest.raises(ValueError, match=r"^mean_derivative: std must be at least 0"):
        slopes.mean_derivative("tanh", -1.0)


def test_saturation_and_layer_norm_plots():
    fig, (a, b) = plt.subplots(1, 2)
    plotting.saturation(a, 4.0)
    rms = slopes.rms_derivative("sigmoid", 4.0)
    assert a.lines[0].get_label() == f"sigmoid: RMS f' = {rms:.3f}"  # the slope that sizes gradients
    assert a.get_xlim() == (-30.0, 30.0) and not a.texts  # 4 std inside: nothing to report as cut
    np.testing.assert_allclose(a.lines[1].get_ydata(), act.tanh.grad(a.lines[1].get_xdata()))
    plotting.layer_norms(b, np.array([1e-6, 1e-3, 1.0]), "relu")
    assert b.get_yscale() == "log"
    assert list(b.lines[0].get_xdata()) == [1, 2, 3]
    fig.canvas.draw()
    assert all(float(tick).is_integer() for tick in b.get_xticks())  # layers are whole numbers
    plt.close(fig)


def test_saturation_says_how_many_inputs_lie_beyond_the_axis():
    fig, (a, b) = plt.subplots(1, 2)
    plotting.saturation(a, 20.0)  # P(|x| > 30) for x ~ N(0, 20^2) is 13.4 %
    assert a.texts[0].get_text() == "13% of the inputs\nlie beyond ±30"
    plotting.saturation(b, 20.0, limit=10.0)  # P(|x| > 10) is 61.7 %
    assert b.texts[0].get_text().startswith("62% of the inputs")
    plt.close(fig)


def test_saturation_widget_redraws(capsys):
    explorer = widgets.SaturationExplorer()
    before = explorer.figure.axes[1].lines[0].get_label()
    explorer.controls["std"].value = 10.0
    after = explorer.figure.axes[1].lines[0].get_label()
    assert before != after
    assert "0.081" in after  # RMS sigmoid' at std 10
    plt.close("all")


def test_gradient_norm_widget_redraws(capsys):
    X, y = act.data.digits()
    explorer = widgets.GradientNormExplorer(X[:100], y[:100])
    norms = lambda: explorer.figure.axes[0].lines[0].get_ydata().copy()  # noqa: E731
    sigmoid_xavier = norms()
    assert len(sigmoid_xavier) == 20
    assert sigmoid_xavier[0] < 1e-6 * sigmoid_xavier[-1]  # vanishing
    explorer.controls["activation"].value = "relu"
    explorer.controls["init"].value = "He"
    relu_he = norms()
    assert 0.1 < relu_he[0] / relu_he[-1] < 10  # kept alive
    explorer.controls["depth"].value = 5
    assert len(norms()) == 5
    assert "depth 5" in explorer.figure.axes[0].get_title()
    plt.close("all")


def test_gradient_norm_widget_keeps_one_y_range_for_every_depth():
    X, y = act.data.digits()
    explorer = widgets.GradientNormExplorer(X[:100], y[:100])
    limits = {depth: explorer.draw(depth=depth).axes[0].get_ylim() for depth in (2, 20, 40)}
    assert len(set(limits.values())) == 1
    low, high = limits[2]
    deepest = explorer.norms(40, "sigmoid", "Xavier")
    assert low <= deepest.min() < 10 * low  # whole decades, the smallest norm in the lowest one
    assert np.log10(low).is_integer() and np.log10(high).is_integer()
    assert high / low > 1e20  # depth 2's two layers drawn on the decades depth 40 needs
    plt.close("all")


def _verdict(capsys, check, *answer):
    assert check(*answer) is None
    return capsys.readouterr().out.strip()


def test_chapter2_checkers(capsys):
    ok = ": correct"
    assert _verdict(capsys, exercises.check_tanh_slope, 0.64).endswith(ok)
    assert "square 0.6" in _verdict(capsys, exercises.check_tanh_slope, 0.4)
    assert "sigmoid's rule" in _verdict(capsys, exercises.check_tanh_slope, 0.24)
    assert _verdict(capsys, exercises.check_tanh_slope, None).endswith("not attempted yet")
    assert "give a single number" in _verdict(capsys, exercises.check_tanh_slope, [0.1, 0.2])

    def stable(x):
        return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))

    naive = lambda x: -np.log(1 + np.exp(-x))  # noqa: E731
    assert _verdict(capsys, exercises.check_log_sigmoid, stable).endswith(ok)
    assert "overflows" in _verdict(capsys, exercises.check_log_sigmoid, naive)
    assert "log(0)" in _verdict(capsys, exercises.check_log_sigmoid, lambda x: np.log(act.sigmoid(x)))
    # log of (1 + tiny) loses the tiny part: 0 where ln sigmoid(40) = -4.2e-18
    no_log1p = lambda x: np.minimum(x, 0) - np.log(1 + np.exp(-np.abs(x)))  # noqa: E731
    assert "np.log1p" in _verdict(capsys, exercises.check_log_sigmoid, no_log1p)
    assert "shape" in _verdict(capsys, exercises.check_log_sigmoid, lambda x: 0.5)
    assert _verdict(capsys, exercises.check_log_sigmoid, lambda x: None).endswith("not attempted yet")

    bound = act.sigmoid.grad(2.0) ** 10
    assert _verdict(capsys, exercises.check_saturated_depth_bound, bound).endswith(ok)
    assert "needs every z = 0" in _verdict(capsys, exercises.check_saturated_depth_bound, 0.25**10)
    assert "multiply" in _verdict(capsys, exercises.check_saturated_depth_bound, 10 * act.sigmoid.grad(2.0))
    assert "10th power" in _verdict(capsys, exercises.check_saturated_depth_bound, 0.1)

    check = exercises.check_sigmoid_gradient_scale
    for right in (4 / np.sqrt(32), 0.707, 0.7071):
        assert _verdict(capsys, check, right).endswith(ok)
    assert "give at least 3 significant digits" in _verdict(capsys, check, 0.71)
    assert "its square root" in _verdict(capsys, check, 0.5)
    assert "Xavier's" in _verdict(capsys, check, 1 / np.sqrt(32))
    assert "square of the slope" in _verdict(capsys, check, 2 / np.sqrt(32))
    assert "divide by n" in _verdict(capsys, check, 4.0)
    assert "n = 32" in _verdict(capsys, check, 0.752)
    assert not _verdict(capsys, check, 0.704).endswith(ok)


def test_saturated_depth_bound_checker_takes_every_right_answer_to_3_digits(capsys):
    check = exercises.check_saturated_depth_bound
    bound = act.sigmoid.grad(2.0) ** 10  # 1.6279e-10
    for right in (bound, 1.63e-10, 1.628e-10, float(f"{bound:.3g}")):
        assert _verdict(capsys, check, right).endswith(": correct")
    # fewer digits: asked for more, never told the method is wrong
    assert "give at least 3 significant digits" in _verdict(capsys, check, 1.6e-10)
    for wrong in (1.62e-10, 1.64e-10, 1.7e-10, 1.5e-10):
        assert not _verdict(capsys, check, wrong).endswith(": correct")


def test_saturation_panels_one_per_std():
    fig = plotting.saturation_panels([0.5, 5.0])
    assert [ax.get_title() for ax in fig.axes] == ["inputs with std 0.5", "inputs with std 5"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["inputs", "sigmoid'", "tanh'"]
    plt.close(fig)


def test_least_squares_path_draws_the_path_and_the_minimum():
    a = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    t = a @ np.array([1.0, -1.0])
    path = descent.gradient_descent(lambda w: a.T @ (a @ w - t) / 3, [0.0, 0.0], lr=0.3, steps=5)
    fig, ax = plt.subplots()
    plotting.least_squares_path(ax, a, t, path, [1.0, -1.0], "red")
    np.testing.assert_array_equal(ax.lines[0].get_xydata(), path)
    np.testing.assert_array_equal(ax.lines[1].get_xydata(), [[1.0, -1.0]])
    assert ax.get_aspect() == 1.0  # a round valley drawn round
    plt.close(fig)


def test_layer_norm_panels_one_panel_per_init_one_curve_per_activation():
    norms = {(i, a): np.arange(1.0, 4.0) * (k + 1) for k, (i, a) in enumerate([("A", "relu"), ("A", "tanh"),
             ("B", "relu"), ("B", "tanh")])}  # fmt: skip
    fig = plotting.layer_norm_panels(norms, ["A", "B"], ["relu", "tanh"])
    assert [ax.get_title() for ax in fig.axes] == ["init A", "init B"]
    np.testing.assert_array_equal(fig.axes[1].lines[1].get_ydata(), norms["B", "tanh"])
    plt.close(fig)


def test_loss_curve_panels_write_an_off_scale_loss_in_the_panel():
    history = {(i, a): type("H", (), {"loss": np.array([3.0, 2.0, 1.0])})() for i in "AB" for a in ("relu",)}
    history["B", "relu"].loss = np.array([5e9, 4e9])
    fig = plotting.loss_curve_panels(history, ["A", "B"], ["relu"], chance=np.log(10))
    np.testing.assert_array_equal(fig.axes[0].lines[0].get_ydata(), [3.0, 2.0, 1.0])
    assert not fig.axes[0].texts
    assert "4.0e+09 (off the scale)" in fig.axes[1].texts[0].get_text()
    assert fig.axes[0].lines[1].get_ydata()[0] == np.log(10)
    plt.close(fig)


def test_one_weight_descent_one_panel_per_run():
    paths = {"slow": np.array([0.0, 1.0]), "fast": np.array([0.0, 2.0, 2.0])}
    fig = plotting.one_weight_descent(lambda w: (w - 2) ** 2, paths)
    assert [ax.get_title() for ax in fig.axes] == ["slow", "fast"]
    np.testing.assert_array_equal(fig.axes[1].lines[1].get_ydata(), [4.0, 0.0, 0.0])
    plt.close(fig)


def test_depth_sweep_splits_panels_and_dashes_the_second_init():
    ratios = {("sigmoid", "X"): [1e-2, 1e-5], ("relu", "He"): [1.0, 1.2], ("relu", "X"): [0.9, 1.1]}
    fig = plotting.depth_sweep([2, 4], ratios)
    left, right = fig.axes
    assert [line.get_label() for line in left.lines] == ["sigmoid, X"]
    assert [line.get_linestyle() for line in right.lines] == ["-", "--"]
    np.testing.assert_array_equal(right.lines[1].get_ydata(), [0.9, 1.1])
    assert left.get_ylabel() == right.get_ylabel() == "gradient norm, layer 1 / last"
    plt.close(fig)


def test_tanh_sigmoid_factor_checker(capsys):
    check = exercises.check_tanh_sigmoid_factor
    assert _verdict(capsys, check, 4).endswith(": correct")
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    assert "second factor 2" in _verdict(capsys, check, 2)
    assert "both the outer 2" in _verdict(capsys, check, 1)
    assert "chain rule" in _verdict(capsys, check, 3)


def test_rms_derivative_matches_numerical_integration():
    def integrand(x, std=2.0):
        return float(act.tanh.grad(x)) ** 2 * np.exp(-0.5 * (x / std) ** 2) / (std * np.sqrt(2 * np.pi))

    expected, _ = integrate.quad(integrand, -24, 24, limit=400)
    assert abs(slopes.rms_derivative("tanh", 2.0) - np.sqrt(expected)) < 1e-6


def test_rms_slope_is_at_least_the_mean_slope():
    for std in (0.1, 1.0, 10.0):
        assert slopes.rms_derivative("sigmoid", std) >= slopes.mean_derivative("sigmoid", std)
    assert slopes.rms_derivative("sigmoid", 0.0) == 0.25


def test_numeric_checkers_refuse_zero_for_a_tiny_answer(capsys):
    for wrong in (0.0, 1e-9, -1e-9):
        assert not _verdict(capsys, exercises.check_saturated_depth_bound, wrong).endswith(": correct")


def test_log_sigmoid_checker_sees_a_silenced_naive_log(capsys):
    def silenced(x):
        with np.errstate(divide="ignore"):
            return np.log(act.sigmoid(x))

    assert "at x = -1000 you return -inf" in _verdict(capsys, exercises.check_log_sigmoid, silenced)
