"""Static-website sliders: a widget's figure precomputed at several settings, as HTML."""

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from textbook import sliders, widgets


@pytest.fixture
def explorer():
    yield widgets.SwishBetaExplorer
    plt.close("all")


def test_one_distinct_frame_per_value_and_a_labelled_range_input(explorer):
    html = sliders.slider("swish-beta", explorer, "beta", [0.0, 1.0, 5.0], "beta", start=1).data
    array = re.search(r"const sources = \[(.*?)\];", html).group(1)
    frames = re.findall(r'"data:image/png;base64,([A-Za-z0-9+/=]+)"', array)
    assert len(frames) == 3
    assert len(set(frames)) == 3  # the figure changes with the value
    assert '<input type="range" id="slider-swish-beta-input" min="0" max="2" step="1" value="1"' in html
    assert '<label for="slider-swish-beta-input">beta: <output id="slider-swish-beta-value"' in html
    assert 'aria-valuetext="1"' in html
    assert "require" not in html
    assert "http" not in html  # nothing is fetched from outside the page


def test_the_html_is_deterministic_so_nbval_can_compare_it(explorer):
    first = sliders.slider("a", explorer, "beta", [0.5, 2.0], "beta").data
    again = sliders.slider("a", widgets.SwishBetaExplorer, "beta", [0.5, 2.0], "beta").data
    assert first == again


def test_nothing_but_the_slider_is_displayed(explorer, capsys):
    from IPython.utils.capture import capture_output

    with capture_output() as shown:
        sliders.slider("b", explorer, "beta", [0.0, 10.0], "beta")
    assert shown.outputs == []
    assert capsys.readouterr().out == ""


def test_an_explorer_draws_without_displaying_and_only_its_widget_displays(capsys):
    from IPython.utils.capture import capture_output

    with capture_output() as shown:
        explorer = widgets.SwishBetaExplorer()
        figure = explorer.draw(beta=5.0)
    assert shown.outputs == []
    assert figure is explorer.figure
    assert "beta = 5" in figure.axes[0].get_title()
    assert explorer.controls["beta"].value == 1.0  # draw leaves the controls alone
    box = explorer.widget
    assert box is explorer.widget  # built once
    assert list(box.children[0].children) == list(explorer.controls.values())
    plt.close("all")


def test_bad_arguments_are_refused_with_the_functions_name(explorer):
    with pytest.raises(ValueError, match="slider: name must be"):
        sliders.slider("no spaces", explorer, "beta", [1.0], "beta")
    with pytest.raises(ValueError, match="slider: start 3 is not an index"):
        sliders.slider("c", explorer, "beta", [1.0], "beta", start=3)
    with pytest.raises(ValueError, match="slider: the explorer has no control 'alpha'"):
        sliders.slider("c", explorer, "alpha", [1.0], "alpha")


@pytest.mark.parametrize(
    ("activation", "values", "limits"),
    [
        ("elu", [0.0, 1.0, 2.0], ((-2.2, 3.2), (-0.1, 2.1))),
        ("leaky_relu", [0.0, 0.1, 1.0], ((-4.3, 3.3), (-0.1, 1.1))),
    ],
)
def test_alpha_slider_frames_keep_their_axes_and_mark_zero(activation, values, limits):
    explorer = widgets.AlphaExplorer(activation)
    assert explorer.values()["activation"] == activation
    seen = []
    for value in values:
        sliders.frames(explorer, "alpha", [value])
        left, right = explorer.figure.axes
        assert (left.get_ylim(), right.get_ylim()) == limits  # fixed: alpha moves the curves only
        dots = [line for line in right.lines if line.get_marker() == "o"]
        assert [list(d.get_xdata()) for d in dots] == [[0.0, 0.0], [0.0]]  # one-sided limits, value at 0
        negative = right.lines[0]
        seen.append(tuple(negative.get_ydata()[:3]))
    assert len(set(seen)) == len(values)  # the derivative's negative side changes with alpha
    plt.close("all")


def test_leaky_relu_slider_html_has_one_frame_per_alpha():
    html = sliders.slider(
        "leaky-alpha",
        widgets.AlphaExplorer,
        "alpha",
        [0.0, 0.1, 0.3],
        "Leaky ReLU alpha",
        args=("leaky_relu",),
    ).data
    frames = re.findall(
        r'"data:image/png;base64,([A-Za-z0-9+/=]+)"', re.search(r"const sources = \[(.*?)\];", html).group(1)
    )
    assert len(set(frames)) == 3
    assert "Leaky ReLU alpha: " in html
    plt.close("all")
