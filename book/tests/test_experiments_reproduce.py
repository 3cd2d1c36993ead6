"""Chapter 6's stored comparison table reproduces bit for bit (issue 24): `make experiments-check`.

Re-runs a seeded sample of grid rows with experiments/comparison.py's pins (its BLAS thread
count, and the Haswell kernels on x86-64, which conftest.py and the Makefile set too) and
requires every value the run produces to equal the stored one exactly: the final validation
accuracy, the epochs to the target, the test accuracy (the sample is drawn from chosen rows, the
only ones tested) and, at the largest depth, the validation curve stored in
comparison_curves.csv. Holds for the lock's versions (requirements.txt). The six runs take
about 7 s on one core, so `make test` runs them too; `make experiments-check` runs only these.
A stored table that no longer follows from textbook.comparison's code fails here.
"""

import importlib.util
import platform

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from textbook import ROOT, comparison


def _script():
    """experiments/comparison.py as a module (its pins, not its grid)."""
    spec = importlib.util.spec_from_file_location(
        "experiments_comparison", ROOT / "experiments" / "comparison.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sample(seed=24):
    """One chosen row for each problem and depth, drawn with a fixed seed: six rows."""
    table = comparison.load("comparison")
    rng = np.random.default_rng(seed)
    picks = []
    for problem in comparison.PROBLEMS:
        for depth in comparison.DEPTHS:
            where = np.flatnonzero(
                (table["problem"] == problem) & (table["depth"] == depth) & (table["chosen"] == 1)
            )
            i = rng.choice(where)
            picks.append(
                (problem, str(table["activation"][i]), depth, float(table["lr"][i]), int(table["seed"][i]))
            )
    return picks


def _stored_row(problem, activation, depth, lr, seed):
    table = comparison.load("comparison")
    match = (
        (table["problem"] == problem)
        & (table["activation"] == activation)
        & (table["depth"] == depth)
        & (table["lr"] == lr)
        & (table["seed"] == seed)
    )
    (i,) = np.flatnonzero(match)
    return {key: column[i] for key, column in table.items()}


def _stored_curve(problem, activation, seed):
    curves = comparison.load("comparison_curves")
    match = (curves["problem"] == problem) & (curves["activation"] == activation) & (curves["seed"] == seed)
    return curves["val_accuracy"][match]


def test_pins_hold_inside_the_script():
    """BLAS_THREADS threads inside pinned() whatever the environment says, Haswell's kernels on x86-64."""
    script = _script()
    with script.pinned():
        blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == script.BLAS_THREADS for pool in blas)
    if platform.machine() in ("x86_64", "AMD64"):
        assert {pool.get("architecture") for pool in blas} == {script.CORETYPE}


@pytest.mark.parametrize("problem, activation, depth, lr, seed", _sample())
def test_sampled_row_reproduces_exactly(problem, activation, depth, lr, seed):
    stored = _stored_row(problem, activation, depth, lr, seed)
    assert stored["chosen"] == 1
    with _script().pinned():
        result, curve = comparison.row(problem, activation, depth, lr, seed)
    columns = ("val_accuracy", "test_accuracy", "epochs_to_target")
    differ = {
        key: (float(stored[key]), result[key])
        for key in columns
        if not np.array_equal(float(stored[key]), result[key], equal_nan=True)
    }
    assert not differ, (
        f"{problem} {activation} depth {depth} lr {lr:g} seed {seed}: (stored, re-run) {differ}"
    )
    if depth == max(comparison.DEPTHS):
        stored_curve = _stored_curve(problem, activation, seed)
        assert len(stored_curve) == len(curve)
        np.testing.assert_array_equal(np.asarray(curve), stored_curve)
