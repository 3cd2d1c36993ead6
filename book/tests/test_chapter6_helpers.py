"""The book helpers of chapter 6: the comparison grid, initialisation and normalisation experiments,
the cost measurement, the checklist, their figures and the exercise checkers."""

import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import special

import activations as act
from activations import nn
from textbook import ROOT, checklist, comparison, cost, exercises, normalisation, plotting


def _verdict(capsys, check, *answer):
    assert check(*answer) is None
    return capsys.readouterr().out.strip()


# --- the comparison grid ---------------------------------------------------------------------


@pytest.mark.parametrize("problem", comparison.PROBLEMS)
def test_splits_are_disjoint_standardised_and_seeded(problem):
    X_train, X_val, X_test, y_train, y_val, y_test = comparison.split(problem)
    assert len(X_train) + len(X_val) + len(X_test) == len(y_train) + len(y_val) + len(y_test)
    assert abs(len(X_test) / (len(X_train) + len(X_val) + len(X_test)) - 0.2) < 0.01
    np.testing.assert_allclose(X_train.mean(axis=0), 0, atol=1e-12)
    used = X_train.std(axis=0) > 0
    np.testing.assert_allclose(X_train.std(axis=0)[used], 1)
    np.testing.assert_array_equal(comparison.split(problem)[0], X_train)


def test_unknown_problem_is_refused():
    with pytest.raises(ValueError, match=r"comparison\.split: unknown problem 'mnist'"):
        comparison.split("mnist")


def test_epochs_to_target_is_the_first_epoch_reaching_it():
    assert comparison.epochs_to(0.9, [0.1, 0.5, 0.91, 0.85, 0.95]) == 2.0
    assert np.isnan(comparison.epochs_to(0.9, [0.1, 0.5]))


def test_a_row_is_bit_reproducible_and_the_learning_rate_comes_from_the_list(monkeypatch):
    monkeypatch.setitem(comparison.EPOCHS, "spirals", 3)
    parts = comparison.split("spirals")
    first, curve = comparison.row("spirals", "tanh", 2, 1e-2, 1, parts)
    again, curve_again = comparison.row("spirals", "tanh", 2, 1e-2, 1, parts)
    np.testing.assert_equal(first, again)  # nan (target not reached) counts as equal
    np.testing.assert_array_equal(curve, curve_again)
    assert len(curve) == 4  # epoch 0 and three epochs
    assert set(first) >= {"val_accuracy", "test_accuracy", "epochs_to_target"}


def test_the_rate_with_the_best_mean_validation_accuracy_is_chosen():
    small, middle, large = comparison.LEARNING_RATES
    # the best single run (0.99) belongs to the smallest rate; the best mean to the middle one
    scores = {small: [0.99, 0.80, 0.80], middle: [0.90, 0.90, 0.91], large: [0.5, 0.6, 0.7]}
    assert comparison.choose_learning_rate(scores) == middle
    # means that agree to 12 decimals go to the smaller rate
    assert (
        comparison.choose_learning_rate({small: [0.9, 0.8], middle: [0.8, 0.9], large: [0.1, 0.1]}) == small
    )
    # a diverged run (nan) counts as 0
    assert (
        comparison.choose_learning_rate({small: [0.5, 0.5], middle: [0.9, np.nan], large: [0.1, 0.1]})
        == small
    )


def test_a_cell_tests_only_its_chosen_rate(monkeypatch):
    monkeypatch.setitem(comparison.EPOCHS, "spirals", 2)
    monkeypatch.setattr(comparison, "SEEDS", (0, 1))
    rows, curves, chosen = comparison.run_cell("spirals", "relu", 2)
    assert len(rows) == len(comparison.LEARNING_RATES) * 2
    assert {r["lr"] for r in rows if r["chosen"]} == {chosen}
    assert all(np.isnan(r["test_accuracy"]) for r in rows if not r["chosen"])
    assert all(np.isfinite(r["test_accuracy"]) for r in rows if r["chosen"])
    assert set(curves) == {0, 1}
    table = {key: np.array([r[key] for r in rows]) for key in rows[0]}
    assert comparison.chosen_rates(table, "spirals", 2, "relu") == chosen
    assert len(comparison.runs(table, "spirals", 2, "relu")) == 2


def _table(values):
    """A stored-table-like dict for one problem and depth, five seeds per activation, all chosen."""
    rows = [(name, acc) for name, accs in values.items() for acc in accs]
    return {
        "problem": np.array(["p"] * len(rows)),
        "depth": np.array([2.0] * len(rows)),
        "activation": np.array([name for name, _ in rows]),
        "test_accuracy": np.array([acc for _, acc in rows]),
        "chosen": np.ones(len(rows)),
    }


def test_separation_follows_the_two_standard_error_rule(monkeypatch):
    monkeypatch.setattr(comparison, "ACTIVATIONS", ["a", "b", "c"])
    table = _table(
        {
            "a": [0.90, 0.91, 0.92, 0.90, 0.91],
            "b": [0.90, 0.92, 0.91, 0.91, 0.90],  # tied with a
            "c": [0.50, 0.52, 0.51, 0.49, 0.50],  # far behind
        }
    )
    assert comparison.separated_pairs(table, "p", 2) == ["a > c", "b > c"]
    assert comparison.leaders(table, "p", 2) == ["a", "b"]


def test_the_leaders_are_not_separated_from_any_best_mean(monkeypatch):
    monkeypatch.setattr(comparison, "ACTIVATIONS", ["a", "b", "c"])
    table = _table(
        {
            "a": [0.90, 0.90, 0.90, 0.90, 0.90],  # the best mean, no spread
            "b": [0.80, 1.00, 0.85, 0.95, 0.90],  # the same mean, a large spread
            "c": [0.88, 0.89, 0.88, 0.89, 0.88],  # separated from a, not from b
        }
    )
    assert comparison.separated_pairs(table, "p", 2) == ["a > c"]
    assert comparison.leaders(table, "p", 2) == ["a", "b"]


def test_speed_verdicts_compare_epochs_at_a_common_or_a_chosen_rate(monkeypatch):
    monkeypatch.setattr(comparison, "ACTIVATIONS", ["relu", "fast", "slow", "same", "never"])
    small, _, large = comparison.LEARNING_RATES
    epochs = {  # (at the small rate, at the large rate); the large rate is the chosen one
        "relu": ([10, 11, 10, 12, 11], [3, 3, 2, 3, 3]),
        "fast": ([5, 6, 5, 5, 6], [3, 3, 2, 3, 3]),
        "slow": ([20, 21, 22, 20, 21], [6, 7, 6, 6, 7]),
        "same": ([10, 12, 11, 11, 10], [1, 1, 1, 2, 1]),
        "never": ([np.nan, 9, 9, 9, 9], [2, 2, 2, 2, 2]),
    }
    rows = [
        (n, lr, e)
        for n, pair in epochs.items()
        for lr, es in zip((small, large), pair, strict=True)
        for e in es
    ]
    table = {
        "problem": np.array(["p"] * len(rows)),
        "depth": np.array([6.0] * len(rows)),
        "activation": np.array([n for n, _, _ in rows]),
        "lr": np.array([lr for _, lr, _ in rows]),
        "epochs_to_target": np.array([e for _, _, e in rows], dtype=float),
        "chosen": np.array([float(lr == large) for _, lr, _ in rows]),
    }
    at_small = comparison.speed_verdicts(table, "p", 6, small)
    assert at_small == {"fast": "fewer", "slow": "more", "same": "not separated", "never": "not compared"}
    chosen = comparison.speed_verdicts(table, "p", 6)
    assert chosen == {"fast": "not separated", "slow": "more", "same": "fewer", "never": "fewer"}
    # the activations at their chosen rate, the reference at another
    mixed = comparison.speed_verdicts(table, "p", 6, reference_lr=small)
    assert set(mixed.values()) == {"fewer"}


def test_welch_degrees_of_freedom_and_chance_separations():
    a, b = np.array([0.9, 0.91, 0.92, 0.93, 0.94]), np.array([0.8, 0.82, 0.84, 0.86, 0.88])
    assert comparison.welch_df(a, a + 0.1) == pytest.approx(8)
    assert 4 <= comparison.welch_df(a, b) <= 8
    from scipy import stats

    assert comparison.chance_separation_probability(a, a + 0.1) == pytest.approx(2 * stats.t.sf(2, 8))


def test_the_stored_tables_cover_the_whole_grid():
    table = comparison.load("comparison")
    rates, seeds = len(comparison.LEARNING_RATES), len(comparison.SEEDS)
    assert len(table["seed"]) == 2 * 9 * 3 * rates * seeds
    assert table["chosen"].sum() == 2 * 9 * 3 * seeds
    assert set(table["activation"]) == set(comparison.ACTIVATIONS)
    assert set(table["lr"]) == set(comparison.LEARNING_RATES)
    assert np.all(np.isnan(table["test_accuracy"][table["chosen"] == 0]))
    for problem in comparison.PROBLEMS:
        for depth in comparison.DEPTHS:
            for name in comparison.ACTIVATIONS:
                lr = comparison.runs(table, problem, depth, name, "lr")
                assert len(lr) == seeds and np.all(lr == comparison.chosen_rates(table, problem, depth, name))
    curves = comparison.load("comparison_curves")
    assert set(curves["activation"]) == set(comparison.ACTIVATIONS)


def test_verdicts_name_every_rate_pair_leading_group_and_speed_verdict():
    table = comparison.load("comparison")
    found = comparison.verdicts(table)
    kinds = [key[0] for key in found]
    assert [kinds.count(k) for k in ("rate", "pair", "leaders", "speed")] == [54, 216, 6, 144]
    assert found["pair", "digits", 12, "sigmoid", "tanh"] == "tanh > sigmoid"
    assert "relu" in found["leaders", "spirals", 12]
    # a table whose sigmoid rows are swapped for tanh's changes the sigmoid's verdicts, only those
    swapped = {k: v.copy() for k, v in table.items()}
    swapped["activation"] = np.where(table["activation"] == "sigmoid", "x", table["activation"])
    swapped["activation"] = np.where(table["activation"] == "tanh", "sigmoid", swapped["activation"])
    swapped["activation"] = np.where(swapped["activation"] == "x", "tanh", swapped["activation"])
    changed = {key for key, v in comparison.verdicts(swapped).items() if v != found[key]}
    assert changed and all(
        "sigmoid" in str(key) or "tanh" in str(key) or key[0] == "leaders" for key in changed
    )


def test_the_guide_s_claims_hold_on_the_stored_table_and_can_fail():
    table = comparison.load("comparison")
    claims = comparison.guide_claims(table)
    assert len(claims) == 11 and all(claims.values())
    without_relu_lead = {k: v.copy() for k, v in table.items()}
    relu = table["activation"] == "relu"
    without_relu_lead["test_accuracy"] = np.where(relu, table["test_accuracy"] - 0.5, table["test_accuracy"])
    assert not comparison.guide_claims(without_relu_lead)[
        "ReLU leads in the five cells but 12 layers on the digits"
    ]
    assert all(comparison.guide_claims(comparison.load("comparison_skylakex")).values())


def test_a_missing_table_names_the_script(tmp_path, monkeypatch):
    monkeypatch.setattr(comparison, "RESULTS", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"run experiments/comparison\.py"):
        comparison.load("comparison")


# --- initialisation and normalisation ------------------------------------------------------------


def _digits(n):
    return comparison.split("digits")[0][:n]


def test_input_spreads_are_one_per_hidden_layer_and_batch_norm_makes_them_one():
    X = _digits(200)
    spreads = normalisation.input_spreads(X, "tanh", 1.0, depth=5, width=16, seed=0)
    assert spreads.shape == (4,) and np.all(spreads > 0)
    with_bn = normalisation.input_spreads(X, "relu", 4.0, depth=5, width=16, seed=0, batch_norm="before")
    np.testing.assert_allclose(with_bn, 1, atol=1e-3)
    assert normalisation.input_spreads(X, "relu", 4.0, depth=5, width=16, seed=0)[-1] > 10 * spreads[-1]


def test_input_spreads_use_the_settings_passed():
    X = _digits(200)
    spreads = normalisation.input_spreads(X, "tanh", 1.0, depth=5, width=16, seed=0)
    assert not np.array_equal(spreads, normalisation.input_spreads(X, "tanh", 1.0, 5, 16, seed=1))
    assert not np.array_equal(spreads, normalisation.input_spreads(X[:100], "tanh", 1.0, 5, 16, seed=0))
    assert not np.array_equal(spreads, normalisation.input_spreads(X, "tanh", 1.0, 5, 8, seed=0))


def test_cost_is_measured_in_copies_for_every_activation():
    table = cost.cost_table(n=10**4, repeats=1)
    assert set(table) == {f.name for f in act.ALL}
    assert all(forward > 0 and backward > 0 for forward, backward in table.values())


def test_race_times_every_contender():
    calls = []
    results = cost.race([lambda v: calls.append("a"), lambda v: calls.append("b")], None, repeats=3)
    assert calls == ["a", "b"] + ["a", "b"] * 3  # a warm-up, then alternating
    assert all(median >= minimum >= 0 for median, minimum in results)


# --- the checklist ------------------------------------------------------------------------------------


HEALTHY = {
    "dead": np.zeros(3),
    "flat": np.full(3, np.nan),
    "gradient_ratio": 1.0,
    "logit_spread": 1.0,
    "loss": 1.0,
    "chance": np.log(10),
    "diverged": False,
}


@pytest.mark.parametrize(
    ("change", "item"),
    [
        ({"diverged": True}, "learning rate"),
        ({"dead": np.array([0.0, 0.6, 0.0])}, "dead units"),
        ({"flat": np.array([0.9, 0.2, np.nan])}, "saturation"),
        ({"logit_spread": 1e8}, "initialisation: the logits"),
        ({"logit_spread": 1e-9}, "initialisation: the logits"),
        ({"gradient_ratio": 1e-9}, "initialisation or normalisation"),
        ({}, "nothing on the checklist"),
    ],
)
def test_each_measurement_points_to_its_item(change, item):
    found = checklist.verdicts({**HEALTHY, **change})
    assert found[0].startswith(item)
    assert len(found) == 1


def test_measure_reads_dead_units_and_saturation_from_a_model():
    X = np.random.default_rng(0).normal(size=(40, 5))
    y = np.arange(40) % 3
    saturated = nn.MLP([5, 8, 3], "tanh", init=nn.normal(5.0))
    numbers = checklist.measure(saturated, X, y)
    assert numbers["flat"][0] > 0.5
    relu = nn.MLP([5, 8, 3], "relu")
    relu.layers[0].b[:] = -100.0  # every unit dead
    numbers = checklist.measure(relu, X, y)
    assert numbers["dead"][0] == 1.0
    assert np.isnan(numbers["flat"][0])  # ReLU's flat side is measured by dead units


# --- figures ----------------------------------------------------------------------------------------


def test_depth_comparison_draws_one_series_per_activation_and_problem():
    table = comparison.load("comparison")
    fig = plotting.depth_comparison(
        table, comparison.PROBLEMS, ["relu", "tanh"], comparison.DEPTHS, comparison.runs
    )
    assert len(fig.axes) == 2
    assert len(fig.axes[0].containers) == 2  # two error-bar series
    plt.close(fig)


def test_learning_curves_are_means_over_seeds():
    curves = comparison.load("comparison_curves")
    fig = plotting.learning_curve_panels(curves, ["digits"] * 2, ["relu"])
    epochs, mean = fig.axes[0].lines[0].get_data()
    chosen = (curves["problem"] == "digits") & (curves["activation"] == "relu") & (curves["epoch"] == 5)
    assert mean[list(epochs).index(5)] == pytest.approx(curves["val_accuracy"][chosen].mean())
    plt.close(fig)


def test_heat_map_annotates_every_cell_and_marks_divergence():
    fig, ax = plt.subplots()
    plotting.heat_map(ax, np.array([[1.0, np.inf], [0.5, 100.0]]), ["a", "b"], ["x", "y"])
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["1", "diverged", "0.5", "1e+02"]
    plt.close(fig)


def test_layer_histograms_have_one_panel_per_network_and_layer():
    inputs = {"tanh, a": [np.zeros(10), np.ones(10)], "sigmoid, b": [np.zeros(10), np.ones(10)]}
    fig = plotting.layer_histograms(inputs, [1, 2], list(inputs))
    assert len(fig.axes) == 4
    assert [ax.get_title() for ax in fig.axes] == ["layer 1", "layer 2", "", ""]
    plt.close(fig)


# --- exercise checkers --------------------------------------------------------------------------------


def test_chance_separations(capsys):
    from scipy import stats

    check = exercises.check_one_chance_separation
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    threshold = stats.t.isf(1 / 72, 8)
    assert 36 * 2 * stats.t.sf(threshold, 8) == pytest.approx(1)
    assert _verdict(capsys, check, threshold).endswith("correct")
    assert "both tails" in _verdict(capsys, check, stats.t.isf(1 / 36, 8))
    assert "Student's t" in _verdict(capsys, check, special.ndtri(1 - 1 / 72))
    assert "not 5 - 1" in _verdict(capsys, check, stats.t.isf(1 / 72, 4))
    assert _verdict(capsys, check, 2.0) != "Exercise 6.1.1: correct"


def test_welch_from_table(capsys):
    t = exercises.chapter6.welch_t("digits", 12, "tanh", "sigmoid")
    assert _verdict(capsys, exercises.check_welch_from_table, t).endswith("correct")
    assert "other way round" in _verdict(capsys, exercises.check_welch_from_table, -t)
    assert "sample variances" in _verdict(capsys, exercises.check_welch_from_table, 1.0)


def test_leaky_he_variance(capsys):
    check = exercises.check_leaky_he_variance
    assert _verdict(capsys, check, 2 / (1.01 * 32)).endswith("correct")
    assert "He's variance" in _verdict(capsys, check, 2 / 32)
    assert "LeCun" in _verdict(capsys, check, 1 / 32)
    assert "not alpha times it" in _verdict(capsys, check, 2 / (1.1 * 32))
    assert "factor 1/2" in _verdict(capsys, check, 1 / (1.01 * 32))
    gaussian_variance = 1.01 / 2 - 0.9**2 / (2 * np.pi)  # Var(f(z)) for z ~ N(0, 1)
    assert "variance of f(z)" in _verdict(capsys, check, 1 / (32 * gaussian_variance))


def test_fold_batch_norm(capsys):
    def right(W, b, gamma, beta, mean, var, eps):
        scale = gamma / np.sqrt(var + eps)
        return W * scale[:, None], scale * (b - mean) + beta

    def forgets_the_mean(W, b, gamma, beta, mean, var, eps):
        scale = gamma / np.sqrt(var + eps)
        return W * scale[:, None], scale * b + beta

    check = exercises.check_fold_batch_norm
    assert _verdict(capsys, check, lambda *a: None).endswith("not attempted yet")
    assert _verdict(capsys, check, right).endswith("correct")
    assert "bias must absorb the mean" in _verdict(capsys, check, forgets_the_mean)
    assert "raised ZeroDivisionError" in _verdict(capsys, check, lambda *a: 1 / 0)
    assert "(W_folded, b_folded)" in _verdict(capsys, check, lambda *a: 3)


def test_flops_and_bytes(capsys):
    assert _verdict(capsys, exercises.check_flops_per_value, 240).endswith("correct")
    assert "8 bytes" in _verdict(capsys, exercises.check_flops_per_value, 120)
    assert _verdict(capsys, exercises.check_fused_bytes, 3.2e8).endswith("correct")
    assert "fused kernel" in _verdict(capsys, exercises.check_fused_bytes, 8e7)


def test_output_layer(capsys):
    from activations import losses

    check = exercises.check_multilabel_loss
    logits, targets = exercises.chapter6.tagging_example()
    assert logits.shape == targets.shape == (20,) and targets.sum() == 3
    right = losses.binary_cross_entropy_with_logits(logits, targets)
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    assert _verdict(capsys, check, right).endswith("correct")
    assert "compete" in _verdict(capsys, check, losses.cross_entropy(logits, targets / 3))
    assert "not sums" in _verdict(capsys, check, 20 * right)
    assert "section 4.2" in _verdict(capsys, check, losses.mse(act.sigmoid(logits), targets))
    assert "carries is 1" in _verdict(
        capsys, check, losses.binary_cross_entropy_with_logits(logits, 1 - targets)
    )


@pytest.fixture(scope="module")
def swapped():
    """Exercise 6.4.2's network, trained as section 6.4 trains it: (model, X, y, history)."""
    X_train, _, _, y_train, _, _ = comparison.split("digits")
    X, y = X_train[:600], y_train[:600]
    model = nn.deep_mlp(64, 10, depth=12, width=32, activation="sigmoid", init="He", seed=0)
    history = nn.train(model, X, y, nn.Adam(lr=1e-3), epochs=5, batch_size=50, seed=0)
    return model, X, y, history


def test_checklist_finding(capsys, swapped):
    from textbook.exercises import _common

    model, X, y, history = swapped
    check = lambda answer: exercises.check_checklist_finding(answer, *swapped)  # noqa: E731
    numbers, after = checklist.measure(model, X, y, history), model.gradient_norms(X, y)
    _, X_val, _, _, y_val, _ = comparison.split("digits")
    validation = model.gradient_norms(X_val, y_val)
    ratio = numbers["gradient_ratio"]
    assert checklist.verdicts(numbers) == [
        "initialisation or normalisation: gradients vanish or explode across the layers"
    ]
    assert ratio < 1e-4 and numbers["loss"] > 0.99 * numbers["chance"]
    assert _verdict(capsys, check, None).endswith("not attempted yet")
    for digits in (3, 4, 6, 17):
        assert _verdict(capsys, check, float(f"{ratio:.{digits - 1}e}")).endswith(": correct")
    assert "significant digits" in _verdict(capsys, check, float(f"{ratio:.1e}"))
    unit = 10.0 ** (np.floor(np.log10(ratio)) - 2)  # a wrong 3rd digit
    for wrong in (ratio + 2 * unit, ratio - 2 * unit):
        assert not _verdict(capsys, check, float(f"{wrong:.2e}")).endswith(": correct"), wrong
    slips = {
        after[-1] / after[0]: "last layer's gradient norm over the first's",
        after[0] / after[-2]: "output layer",
        after[1] / after[-1]: "counts from 0",
        after[0]: "first layer's gradient norm alone",
        validation[0] / validation[-1]: "validation digits",
        np.log10(ratio): "not its logarithm",
        numbers["logit_spread"]: "spread of the logits",
        np.nanmax(numbers["flat"]): "flat fraction",
        0.0: "no unit is dead",
        numbers["loss"]: "checklist.verdicts",
    }
    for slip, hint in slips.items():
        assert not _common.agrees(slip, ratio, 3), hint
        for digits in (3, 4, 17):
            written = float(f"{slip:.{digits - 1}e}")
            assert hint in _verdict(capsys, check, written), (hint, written)
    for guess in (1e-4, 1e-5, 3e-5, 2.5e-5, 1.0, 0.25, np.log(10)):
        assert not _verdict(capsys, check, guess).endswith(": correct"), guess


def test_the_checklist_checker_measures_the_network_it_is_given(capsys, swapped):
    model, X, y, history = swapped
    trained = checklist.measure(model, X, y, history)["gradient_ratio"]
    untrained = nn.deep_mlp(64, 10, depth=12, width=32, activation="sigmoid", init="He", seed=0)
    at_start = checklist.measure(untrained, X, y)["gradient_ratio"]
    assert f"{at_start:.3e}" != f"{trained:.3e}"
    check = exercises.check_checklist_finding
    assert _verdict(capsys, check, float(f"{at_start:.3e}"), untrained, X, y, None).endswith(": correct")
    assert not _verdict(capsys, check, float(f"{trained:.3e}"), untrained, X, y, None).endswith(": correct")


def test_input_spread_widget_redraws_the_network_it_is_given():
    from textbook import widgets

    explorer = widgets.InputSpreadExplorer(_digits(600), depth=12, width=32, seed=0)
    spreads = lambda: explorer.figure.axes[0].lines[0].get_ydata().copy()  # noqa: E731
    tanh = spreads()
    assert len(tanh) == 11
    explorer.controls["activation"].value = "relu"
    explorer.controls["gain"].value = 4.0
    exploding = spreads()
    assert exploding[-1] > 1e4
    assert "layer 11 spread" in explorer.figure.axes[0].get_title()
    explorer.controls["batch_norm"].value = True
    np.testing.assert_allclose(spreads(), 1, atol=1e-3)
    assert "with batch norm" in explorer.figure.axes[0].get_title()
    plt.close("all")


def test_the_init_norm_page_checks_its_claims_for_the_stated_settings():
    # Its hidden checks run only when the settings are the ones its text describes; the stored
    # run is that one, so no hidden cell may have printed that its claims went unchecked.
    page = json.loads((ROOT / "chapters" / "06_practice" / "2_init_norm.ipynb").read_text())
    hidden = [c for c in page["cells"] if "remove-cell" in c.get("metadata", {}).get("tags", [])]
    assert any("as_described =" in "".join(c["source"]) for c in hidden)
    assert sum("if as_described" in "".join(c["source"]) for c in hidden) >= 5
    for cell in page["cells"]:
        for output in cell.get("outputs", []):
            assert "not checked" not in "".join(output.get("text", ""))


def test_scaled_normal_has_variance_gain_squared_over_fan_in():
    W = normalisation.scaled_normal(2.0)(400, 300, np.random.default_rng(0))
    assert W.shape == (300, 400)
    assert abs(W.var() - 4 / 400) < 0.05 * 4 / 400


def test_welch_t_is_the_difference_over_its_standard_error():
    a, b = np.array([0.976, 0.972, 0.978, 0.974, 0.975]), np.array([0.971, 0.975, 0.969, 0.973, 0.970])
    se = np.sqrt(a.var(ddof=1) / 5 + b.var(ddof=1) / 5)
    assert comparison.welch_t(a, b) == pytest.approx((a.mean() - b.mean()) / se)
    assert comparison.welch_t(b, a) == pytest.approx(-comparison.welch_t(a, b))
    assert comparison.welch_t([1.0, 1.0], [1.0, 1.0]) == 0
    assert comparison.welch_t([1.0, 1.0], [0.5, 0.5]) == np.inf


def test_the_separation_rule_is_two_standard_errors_of_welch():
    a, b = np.array([0.976, 0.972, 0.978, 0.974, 0.975]), np.array([0.971, 0.975, 0.969, 0.973, 0.970])
    assert comparison.separated(a, b) and comparison.separated(b, a)  # t = 2.31
    assert not comparison.separated(a, a + 0.001)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([0.9, 0.9, 0.9], [0.9, 0.9, 0.9], False),  # identical constant samples
        ([0.9, 0.9, 0.9], [0.8, 0.8, 0.8], True),  # different constant samples
        ([0.8, 0.8, 0.8], [0.9, 0.9, 0.9], True),
        ([0.9, 0.9, 0.9], [0.7, 0.9, 1.1], False),  # one spread alone: the same mean
    ],
)
def test_the_separation_rule_without_spread(a, b, expected):
    assert comparison.separated(a, b) is expected


def test_the_comparison_grid_names_an_initialisation_for_every_activation():
    assert list(comparison.INIT) == comparison.ACTIVATIONS
    assert comparison.INIT["sigmoid"].function is comparison.INIT["tanh"].function is nn.xavier_uniform
    assert comparison.INIT["sigmoid"].name == "Xavier (uniform form)"
    assert comparison.INIT["relu"].function is nn.he_normal and comparison.INIT["selu"].name == "LeCun"
    for activation, (name, function) in comparison.INIT.items():
        assert callable(function), activation
        # a name of the book's registry stands for the registry's function
        assert name not in nn.INITIALISERS or nn.INITIALISERS[name] is function, activation
