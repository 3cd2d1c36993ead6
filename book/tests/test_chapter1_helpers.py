"""The book helpers of chapter 1: affine stacks, the grid figure, its widget and exercise checkers."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from activations import nn
from textbook import exercises, linear, plotting, widgets


def test_collapse_equals_the_stack():
    rng = np.random.default_rng(0)
    layers = linear.random_stack([3, 7, 5, 2], rng)
    W, b = linear.collapse(layers)
    X = rng.normal(size=(3, 20))
    np.testing.assert_allclose(linear.apply_stack(layers, X), W @ X + b[:, None], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(linear.apply_stack(layers, X[:, 0]), W @ X[:, 0] + b, rtol=1e-12)
    # with tanh between the layers the stack is no longer that map
    assert not np.allclose(linear.apply_stack(layers, X, "tanh"), W @ X + b[:, None])


def test_linear_errors():
    with pytest.raises(ValueError, match=r"^random_stack: widths"):
        linear.random_stack([3], np.random.default_rng(0))
    layers = linear.random_stack([3, 2], np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"^apply_stack: layer 0 expects 3 inputs, got 4"):
        linear.apply_stack(layers, np.ones(4))


def test_grid_image_lines_stay_straight_only_without_activation():
    layers = linear.random_stack([2, 6, 6, 2], np.random.default_rng(1), std=1.0)
    for activation, straight in (("identity", True), ("tanh", False)):
        fig, ax = plt.subplots()
        plotting.grid_image(ax, layers, activation)
        x, y = ax.lines[0].get_data()
        # second differences of a straight, evenly sampled line vanish
        bend = np.abs(np.diff(x, 2)).max() + np.abs(np.diff(y, 2)).max()
        assert (bend < 1e-12) == straight
        plt.close(fig)


def test_linear_stack_widget_redraws_when_controls_change(capsys):
    explorer = widgets.LinearStackExplorer(seed=0)
    lines = lambda: [line.get_xydata().copy() for line in explorer.figure.axes[0].lines]  # noqa: E731
    before = lines()
    explorer.controls["depth"].value = 8
    after_depth = lines()
    assert not np.allclose(before[0], after_depth[0])
    explorer.controls["width"].value = 2
    assert not np.allclose(after_depth[0], lines()[0])
    assert "2 x 2 matrix" in explorer.figure.axes[1].get_title()
    explorer.controls["activation"].value = "tanh"
    assert "tanh" in explorer.figure.axes[0].get_title()
    assert "no single matrix" in explorer.figure.axes[1].texts[0].get_text()
    assert widgets.linear_stack().children[0].children[0].description == "depth"
    plt.close("all")


def test_linear_stack_default_seed_keeps_every_depth_readable():
    # no depth of the widget flattens the grid into a near line, and its title counts
    # weight matrices and hidden layers, so "depth 3" cannot be read as three hidden layers
    explorer = widgets.LinearStackExplorer()
    for depth in range(1, 13):
        layers = linear.random_stack(
            nn.deep_widths(2, 2, depth, 4), np.random.default_rng(explorer.seed), std=0.75
        )
        longest, shortest = np.linalg.svd(linear.collapse(layers)[0], compute_uv=False)
        assert longest / shortest < 10, depth
    explorer.draw(depth=3, width=4, activation="identity")
    assert explorer.figure.axes[0].get_title() == "3 weight matrices, identity\n(2 hidden layers of width 4)"
    plt.close("all")


def _verdict(capsys, check, *answer):
    assert check(*answer) is None
    return capsys.readouterr().out.strip()


def _augment(W, b):
    return np.block([[W, b[:, None]], [np.zeros((1, W.shape[1])), np.ones((1, 1))]])


def test_augment_checker_accepts_the_block_matrix(capsys):
    assert _verdict(capsys, exercises.check_augment, _augment) == "Exercise 1.1.1: correct"


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (lambda W, b: None, "not attempted yet"),
        (lambda W, b: 1 / 0, "raised ZeroDivisionError"),
        (lambda W, b: np.column_stack([W, b]), "3 x 4, not (2, 4)"),
        (lambda W, b: _augment(2 * W, b), "must be W itself"),
        (lambda W, b: np.vstack([np.column_stack([W, 0 * b]), np.append(b, [0, 1])]), "not the last row"),
        (lambda W, b: _augment(W, 0 * b), "must hold b"),
        (lambda W, b: np.vstack([np.column_stack([W, b]), np.zeros(W.shape[1] + 1)]), "the last row"),
        (lambda W, b: _augment(W, b) if W.shape == (2, 3) else np.eye(3), "build A from W.shape"),
    ],
    ids=["none", "raises", "no-last-row", "wrong-W", "b-as-row", "no-b", "zero-corner", "fixed-shape"],
)
def test_augment_checker_names_the_mistake(capsys, answer, hint):
    assert hint in _verdict(capsys, exercises.check_augment, answer)


def test_rank_bound_checker(capsys):
    assert _verdict(capsys, exercises.check_rank_bound, 3).endswith(": correct")
    assert _verdict(capsys, exercises.check_rank_bound, None).endswith("not attempted yet")
    assert "narrowest layer" in _verdict(capsys, exercises.check_rank_bound, 6)
    assert "smallest rank" in _verdict(capsys, exercises.check_rank_bound, 1)


def test_xor_weights_checker(capsys):
    check = exercises.check_xor_weights
    assert _verdict(capsys, check, [[1, 1], [1, 1]], [0, -1], [1, -2], 0).endswith(": correct")
    assert _verdict(capsys, check, None, None, None, None).endswith("not attempted yet")
    assert "outputs [0, 2, 2, 4]" in _verdict(capsys, check, [[1, 1], [1, 1]], [0, 0], [1, 1], 0)
    assert "W1 must be 2 x 2" in _verdict(capsys, check, [[1, 1]], [0, -1], [1, -2], 0)
    assert "must be numbers" in _verdict(capsys, check, [["a", 1], [1, 1]], [0, -1], [1, -2], 0)


def test_xor_features_checker(capsys):
    check = exercises.check_xor_features
    assert _verdict(capsys, check, lambda X: np.column_stack([X, X[:, 0] * X[:, 1]])).endswith(": correct")
    assert _verdict(capsys, check, lambda X: None).endswith("not attempted yet")
    assert "still not affine" in _verdict(capsys, check, lambda X: np.column_stack([X, X.sum(axis=1)]))
    assert "keep x1 and x2" in _verdict(capsys, check, lambda X: X)
    assert "shape (4, k)" in _verdict(capsys, check, lambda X: X.ravel())


def test_grid_comparison_has_the_input_grid_then_one_column_per_stack():
    stacks = {f"depth {d}": linear.random_stack([2, 4, 2], np.random.default_rng(d)) for d in (1, 2)}
    fig = plotting.grid_comparison(stacks)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == [
        "the input grid", "identity, depth 1", "identity, depth 2",
        "the input grid", "tanh, depth 1", "tanh, depth 2",
    ]  # fmt: skip
    x, y = fig.axes[4].lines[0].get_data()
    t = np.linspace(-1, 1, 401)
    expected = linear.apply_stack(stacks["depth 1"], np.vstack([t, np.full_like(t, -1.0)]), "tanh")
    np.testing.assert_allclose(np.vstack([x, y]), expected)
    plt.close(fig)


def test_smallest_width_checker(capsys):
    check = exercises.check_smallest_width
    assert _verdict(capsys, check, 2).endswith(": correct")
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    assert "still a line" in _verdict(capsys, check, 1)
    assert "only two units" in _verdict(capsys, check, 3)
    assert "train widths" in _verdict(capsys, check, 7)
