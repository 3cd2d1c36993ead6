"""The activation atlas: a card for every activation, facts measured right, clear errors."""

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pytest
from scipy import special

import activations as act
from activations.gated import GATED
from textbook import ROOT, atlas, plotting

NOTEBOOK = ROOT / "back" / "atlas.ipynb"
NAMES = [f.name for f in act.ALL]


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(NOTEBOOK, as_version=4).cells


def _matches(cells, kind, pattern):
    return [m for cell in cells if cell.cell_type == kind for m in re.findall(pattern, cell.source, re.M)]


def test_every_activation_has_exactly_one_card_in_catalogue_order(cells):
    """Headings and targets are markdown cells (real sections); they must match act.ALL, then the
    gated section and one card per gated unit."""
    expected = [atlas.label(f) for f in act.ALL] + ["atlas-gated"] + [atlas.gated_label(u) for u in GATED]
    assert _matches(cells, "markdown", r"^\((atlas-\w+)\)=") == expected
    assert _matches(cells, "code", r"atlas\.card\(act\.(\w+)") == NAMES
    assert _matches(cells, "code", r"atlas\.gated_card\(act\.(\w+)") == list(GATED)


def test_each_card_follows_its_heading_and_has_its_outputs(cells):
    for k, cell in enumerate(cells):
        found = re.match(r"\((atlas-\w+)\)=\n## \S", cell.source) if cell.cell_type == "markdown" else None
        if not found:
            continue
        if found.group(1) == "atlas-gated":  # the gated section's introduction, not a card
            continue
        code = cells[k + 1]
        gated = re.search(r"atlas\.gated_card\(act\.(\w+)", code.source)
        name = gated.group(1) if gated else re.search(r"atlas\.card\(act\.(\w+)", code.source).group(1)
        target = atlas.gated_label(name) if gated else atlas.label(name)
        assert target == found.group(1), f"the card after {found.group(1)} is {name}'s"
        drawn = f"atlas.gated_figure(act.{name})" if gated else f"atlas.figure(act.{name})"
        assert drawn in code.source
        kinds = [key for output in code.outputs for key in output.get("data", {})]
        assert "text/markdown" in kinds and "image/png" in kinds, f"{name}: card not stored"
        text = next(o["data"]["text/markdown"] for o in code.outputs if "text/markdown" in o.get("data", {}))
        assert (GATED[name] if gated else act.get(name)).latex in text


def test_notes_cover_exactly_the_catalogue():
    assert set(atlas.NOTES) == set(NAMES)


def test_the_sections_the_notes_point_to_exist():
    text = "\n".join(
        cell.source
        for path in sorted((ROOT / "chapters").glob("*/*.ipynb"))
        for cell in nbformat.read(path, as_version=4).cells
    )
    labels = set(re.findall(r"^\((sec-[\w-]+)\)=", text, re.M))
    for name, note in atlas.NOTES.items():
        assert note.section in labels, f"{name}: no section labelled {note.section}"


def test_sigmoid_and_tanh():
    sigmoid, tanh = atlas.facts(act.sigmoid), atlas.facts(act.tanh)
    assert sigmoid.range == "(0, 1)"
    assert sigmoid.monotonic and sigmoid.smooth and not sigmoid.zero_centred
    assert sigmoid.slope_at_zero == 0.25
    assert tanh.range == "(-1, 1)"
    assert tanh.monotonic and tanh.smooth and tanh.zero_centred


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("identity", "(-∞, ∞)"),
        ("step", r"\{0, 1\}"),
        ("relu", "[0, ∞)"),
        ("leaky_relu", "(-∞, ∞)"),
        ("elu", "(-1, ∞)"),
        ("selu", f"(-{atlas.number(act.SELU_LAMBDA * act.SELU_ALPHA)}, ∞)"),
        ("relu6", "[0, 6]"),
        ("softplus", "(0, ∞)"),
        ("hard_sigmoid", "[0, 1]"),
        ("hard_swish", "[-0.375, ∞)"),
    ],
)
def test_ranges(name, expected):
    assert atlas.facts(name).range == expected


def test_kinks_and_jumps():
    assert atlas.facts(act.relu).kinks == (0.0,)
    assert not atlas.facts(act.relu).smooth
    assert atlas.facts(act.relu6).kinks == (0.0, 6.0)
    assert atlas.facts(act.hard_swish).kinks == (-3.0, 3.0)
    assert not atlas.facts(act.hard_swish).smooth
    assert atlas.facts(act.step).jumps == (0.0,)
    # ELU with alpha = 1 has a continuous derivative (1 on both sides of 0); SELU's jumps
    assert atlas.facts(act.elu).smooth
    assert atlas.facts(act.selu).kinks == (0.0,)
    for name in ["sigmoid", "tanh", "softplus", "swish", "silu", "mish", "gelu"]:
        assert atlas.facts(name).smooth, name


@pytest.mark.parametrize(
    ("name", "x_min", "f_min"),
    [
        ("swish", -1.2785, -0.2785),
        ("silu", -1.2785, -0.2785),
        ("mish", -1.1924, -0.3088),
        ("hard_swish", -1.5, -0.375),
    ],
)
def test_non_monotonic_functions_and_their_minima(name, x_min, f_min):
    found = atlas.facts(name)
    assert not found.monotonic
    assert found.minimum == pytest.approx((x_min, f_min), abs=1e-4)
    assert found.low == found.minimum[1]


def test_monotonic_functions_have_no_minimum():
    for name in ["identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "selu"]:
        found = atlas.facts(name)
        assert found.monotonic and found.minimum is None, name


def test_zero_centred_means_mean_output_zero():
    assert [f.name for f in act.ALL if atlas.facts(f).zero_centred] == ["identity", "tanh", "selu"]
    relu = atlas.facts(act.relu)
    assert relu.mean_output == pytest.approx(1 / np.sqrt(2 * np.pi), abs=1e-6)
    # passes through 0 and takes both signs, but is not centred
    elu = atlas.facts(act.elu)
    assert elu.at_zero == 0 and elu.low < 0 < elu.high and not elu.zero_centred


def test_slopes_at_zero():
    assert atlas.facts(act.mish).slope_at_zero == pytest.approx(0.6, abs=1e-12)
    assert atlas.facts(act.gelu).slope_at_zero == 0.5
    assert atlas.facts(act.prelu).slope_at_zero == 0.25


def test_prelu_is_measured_at_the_chosen_alpha_and_says_so():
    assert atlas.settings(act.prelu) == {"alpha": 0.25}
    assert atlas.settings(act.leaky_relu) == {"alpha": 0.01}
    costs = {name: (1.0, 1.0) for name in NAMES}
    assert "`alpha=0.25`" in atlas.card(act.prelu, costs)


def test_a_card_shows_formulas_facts_and_citations():
    costs = {name: (1.5, 2.25) for name in NAMES}
    text = atlas.card(act.relu, costs)
    assert act.relu.latex in text and act.relu.grad_latex in text
    assert "| range | $[0, \\infty)$ |" in text
    assert "$f'$ jumps at $x = 0$" in text
    assert "{cite}`nair2010rectified`" in text
    assert "{ref}`sec-relu`" in text
    assert "$f$: 1.50, $f'$: 2.25" in text
    assert "key paper" not in atlas.card(act.sigmoid, costs)


def test_the_overview_links_every_card():
    text = atlas.overview({name: (1.0, 1.0) for name in NAMES})
    assert re.findall(r"<(atlas-\w+)>", text) == [atlas.label(f) for f in act.ALL]


def test_a_missing_note_names_the_activation(monkeypatch):
    monkeypatch.delitem(atlas.NOTES, "gelu")
    with pytest.raises(ValueError, match=r"'gelu' has no entry in atlas\.NOTES"):
        atlas.card(act.gelu, {name: (1.0, 1.0) for name in NAMES})


def test_a_missing_csv_row_names_the_activation(tmp_path):
    path = tmp_path / "costs.csv"
    rows = [f"{name},1.00,2.00" for name in NAMES if name not in ("mish", "gelu")]
    path.write_text("activation,f_copies,grad_copies\n" + "\n".join(rows) + "\n")
    with pytest.raises(ValueError, match="no row for mish, gelu"):
        atlas.costs(path)
    with pytest.raises(ValueError, match="card: the cost table has no row for the activation 'gelu'"):
        atlas.card(act.gelu, {})


def test_a_missing_csv_says_how_to_make_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"experiments/costs\.py"):
        atlas.costs(tmp_path / "costs.csv")


def test_the_stored_csv_covers_the_catalogue():
    table = atlas.costs()
    assert set(NAMES) <= set(table)
    assert all(forward > 0 and backward > 0 for forward, backward in table.values())


def test_the_figure_is_small_and_in_the_activations_colour():
    fig = atlas.figure(act.relu6)
    assert tuple(fig.get_size_inches()) == (6, 2.2)
    for ax in fig.axes:
        assert ax.lines[0].get_color() == plotting.COLORS["relu6"]
        assert ax.get_xlim()[1] > 6
    plt.close(fig)


def test_the_figure_draws_a_jump_in_pieces():
    fig = atlas.figure(act.step)
    pieces = [line for line in fig.axes[0].lines if line.get_linestyle() == "-"]
    assert len(pieces) == 2
    assert max(pieces[0].get_ydata()) == 0 and min(pieces[1].get_ydata()) == 1
    plt.close(fig)


def test_the_sigmoid_card_says_xavier_is_not_derived_for_it():
    costs = {name: (1.0, 1.0) for name in NAMES}
    sigmoid = atlas.facts(act.sigmoid)
    text = atlas.card(act.sigmoid, costs)
    row = next(line for line in text.splitlines() if line.startswith("| initialisation |"))
    assert row.startswith("| initialisation | none is derived for it.")
    # the numbers the row states are the sigmoid's own, and tanh's are what Xavier assumes
    assert (sigmoid.slope_at_zero, sigmoid.at_zero) == (0.25, 0.5)
    assert "slope 1/4 and mean 1/2" in row and f"{1 / sigmoid.slope_at_zero:.0f} times larger" in row
    tanh = atlas.facts(act.tanh)
    assert (tanh.slope_at_zero, tanh.at_zero) == (1.0, 0.0)
    assert "slope 1 and mean 0" in atlas.card(act.tanh, costs)
    assert "sec-init-norm" in row and "glorot2010understanding" in row


# --- the gated units ---------------------------------------------------------------------------

# Each card's d out / d g, transcribed from its LaTeX (GatedNote.gate_slope) into NumPy.
WRITTEN_GATE_SLOPES = {
    "glu": lambda a, g: a * special.expit(g) * (1 - special.expit(g)),
    "geglu": lambda a, g: a * (special.ndtr(g) + g * np.exp(-(g**2) / 2) / np.sqrt(2 * np.pi)),
    "swiglu": lambda a, g: a * special.expit(g) * (1 + g * (1 - special.expit(g))),
}
GATE_SYMBOLS = {"glu": r"\sigma(g)", "geglu": r"\operatorname{GELU}(g)", "swiglu": r"\operatorname{SiLU}(g)"}


def _grid():
    a, g = np.meshgrid(np.linspace(-4, 4, 17), np.linspace(-8, 8, 161))
    return a.ravel(), g.ravel()


@pytest.mark.parametrize("name", list(GATED))
def test_gated_partial_derivatives_match_central_differences(name):
    unit = GATED[name]
    a, g = _grid()
    h = 1e-6
    by_a, by_g = unit.grad(a, g)
    numeric_a = (unit(a + h, g) - unit(a - h, g)) / (2 * h)
    numeric_g = (unit(a, g + h) - unit(a, g - h)) / (2 * h)
    np.testing.assert_allclose(by_a, numeric_a, rtol=0, atol=1e-7)
    np.testing.assert_allclose(by_g, numeric_g, rtol=0, atol=1e-7)


@pytest.mark.parametrize("name", list(GATED))
def test_the_gated_cards_formulas_are_the_packages(name):
    unit = GATED[name]
    a, g = _grid()
    by_a, by_g = unit.grad(a, g)
    np.testing.assert_allclose(WRITTEN_GATE_SLOPES[name](a, g), by_g, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(unit(np.ones_like(g), g), unit.activation.function(g), rtol=0, atol=0)
    np.testing.assert_array_equal(by_a, unit.activation.function(g))
    text = atlas.gated_card(unit, {f.name: (1.0, 2.0) for f in act.ALL})
    assert unit.latex in text and atlas.GATED_NOTES[name].gate_slope in text
    assert f"\\frac{{\\partial\\,\\text{{out}}}}{{\\partial a}} = {GATE_SYMBOLS[name]}" in text


def test_the_gated_cards_facts_at_zero_cost_and_papers():
    costs = {f.name: (1.0, 1.0) for f in act.ALL} | {"sigmoid": (2.5, 3.25)}
    glu = atlas.gated_card(act.glu, costs)
    assert "$\\text{out} = 0.5\\,a$" in glu and "\\partial g = 0.25\\,a$" in glu
    assert "$f$: 2.50, $f'$: 3.25" in glu
    assert "{cite}`dauphin2017language`" in glu and "{ref}`sec-gated`" in glu
    assert "{ref}`sigmoid <atlas-sigmoid>`" in glu
    swiglu = atlas.gated_card(act.swiglu, costs)
    assert "$\\text{out} = 0$" in swiglu and "\\partial g = 0.5\\,a$" in swiglu
    for key in ("shazeer2020glu", "chowdhery2023palm", "touvron2023llama"):
        assert f"{{cite}}`{key}`" in swiglu
    assert "{cite}`shazeer2020glu`" in atlas.gated_card(act.geglu, costs)


def test_a_gated_card_without_its_gates_cost_names_the_gate():
    with pytest.raises(ValueError, match="gated_card: the cost table has no row for the activation 'gelu'"):
        atlas.gated_card(act.geglu, {"sigmoid": (1.0, 1.0)})


def test_the_gated_figure_draws_the_output_and_both_partials_at_a_equal_1():
    fig = atlas.gated_figure(act.swiglu)
    left, right = fig.axes
    g = left.lines[0].get_xdata()
    np.testing.assert_allclose(left.lines[0].get_ydata(), act.silu(g))
    np.testing.assert_allclose(right.lines[0].get_ydata(), act.silu.grad(g))
    np.testing.assert_allclose(right.lines[1].get_ydata(), act.silu(g))
    assert left.lines[0].get_color() == plotting.COLORS["silu"]
    assert tuple(fig.get_size_inches()) == (6, 2.2)
    plt.close(fig)


def test_gated_notes_cover_exactly_the_gated_units():
    assert set(atlas.GATED_NOTES) == set(GATED)
