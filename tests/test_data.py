"""The seeded data sets and the train/test split."""

import numpy as np
import pytest

from activations import data


@pytest.mark.parametrize("make", [data.two_moons, data.two_spirals, data.circles])
def test_toy_sets_are_seeded_and_balanced(make):
    X, y = make(101, seed=4)
    assert X.shape == (101, 2)
    assert X.dtype == np.float64
    assert y.dtype == np.int64
    assert np.bincount(y).tolist() == [50, 51]
    X2, y2 = make(101, seed=4)
    assert np.array_equal(X, X2)
    assert np.array_equal(y, y2)
    assert not np.array_equal(X, make(101, seed=5)[0])


def test_circles_without_noise_lie_on_their_circles():
    X, y = data.circles(200, noise=0.0, factor=0.3)
    np.testing.assert_allclose(np.hypot(*X.T), np.where(y == 0, 1.0, 0.3))


def test_spirals_stay_in_the_unit_disc():
    X, _ = data.two_spirals(200, noise=0.0)
    assert np.hypot(*X.T).max() <= 1.0


def test_xor_corners_and_labels():
    X, y = data.xor(n_per_corner=5, noise=0.1, seed=1)
    assert X.shape == (20, 2)
    assert y.tolist() == [0] * 5 + [1] * 10 + [0] * 5


def test_digits():
    X, y = data.digits()
    assert X.shape == (1797, 64)
    assert X.min() == 0.0
    assert X.max() == 1.0
    assert sorted(set(y.tolist())) == list(range(10))


def test_split_sizes_and_no_lost_rows():
    X, y = data.digits()
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_fraction=0.2, seed=0)
    assert len(X_test) == len(y_test) == 359
    assert len(X_train) == len(y_train) == 1438
    rows = {tuple(r) for r in X_train} | {tuple(r) for r in X_test}
    assert len(rows) == len({tuple(r) for r in X})


def test_standardise_gives_mean_0_and_std_1_per_column():
    X, _ = data.digits()
    Z = data.standardise(X)
    varying = X.std(axis=0) > 0
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0)[varying], 1, rtol=1e-12)
    assert np.all(Z[:, ~varying] == 0)


def test_standardise_uses_the_reference_statistics():
    train, test = np.array([[0.0], [2.0]]), np.array([[4.0]])
    assert data.standardise(test, reference=train).tolist() == [[3.0]]


def test_standardise_refuses_mismatched_columns():
    with pytest.raises(ValueError, match=r"^standardise: X and reference"):
        data.standardise(np.ones((2, 3)), reference=np.ones((2, 2)))
