"""The tiny network: it learns, it is reproducible, and it measures what the book plots."""

import numpy as np
import pytest

from activations import data, nn


def test_same_seed_gives_bit_identical_training():
    X, y = data.two_moons(120, seed=1)

    def run(seed):
        model = nn.MLP([2, 16, 16, 2], activation="relu", init="he", seed=seed)
        history = nn.train(model, X, y, nn.Adam(lr=0.01), epochs=15, batch_size=32, seed=seed)
        return model, history

    (m1, h1), (m2, h2), (_, h3) = run(0), run(0), run(1)
    for a, b in zip(m1.parameters(), m2.parameters(), strict=True):
        assert np.array_equal(a, b)
    assert np.array_equal(h1.loss, h2.loss) and np.array_equal(h1.grad_norms, h2.grad_norms)
    assert not np.array_equal(h1.loss, h3.loss)


def test_xor_needs_a_hidden_layer():
    X, y = data.xor()
    linear = nn.MLP([2, 2], seed=0)
    history = nn.train(linear, X, y, nn.Adam(lr=0.05), epochs=300)
    assert history.accuracy[-1] <= 0.75  # no line separates XOR
    hidden = nn.MLP([2, 8, 2], activation="tanh", init="xavier", seed=0)
    history = nn.train(hidden, X, y, nn.Adam(lr=0.05), epochs=300)
    assert history.accuracy[-1] == 1.0 and history.loss[-1] < 0.05
    np.testing.assert_array_equal(hidden.predict(X), y)


def test_history_rows_and_measurements():
    X, y = data.circles(100, seed=2)
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, seed=2)
    model = nn.MLP([2, 8, 8, 8, 2], activation="relu", seed=3)
    history = nn.train(model, X_train, y_train, nn.SGD(lr=0.1, momentum=0.9), epochs=20, batch_size=10,
                       validation=(X_test, y_test))  # fmt: skip
    assert history.loss.shape == (21,) and history.grad_norms.shape == (21, 4)
    assert history.dead_fraction.shape == (21, 3) and history.alpha.shape == (21, 0)
    assert not history.diverged and history.epochs_run == 20
    assert np.all(np.isfinite(history.val_accuracy)) and np.all(
        (0 <= history.accuracy) & (history.accuracy <= 1)
    )
    assert history.loss[-1] < history.loss[0]
    # row 0 is the untrained network
    fresh = nn.MLP([2, 8, 8, 8, 2], activation="relu", seed=3)
    assert history.loss[0] == fresh.loss(X_train, y_train)
    np.testing.assert_array_equal(history.grad_norms[0], fresh.gradient_norms(X_train, y_train))


def test_dead_units_are_counted_and_leaky_relu_has_none():
    X, _ = data.two_moons(50, seed=0)
    model = nn.MLP([2, 10, 10, 2], activation="relu", seed=0)
    assert model.dead_fraction(X)[0] == 0.0
    model.layers[0].b[:4] = -100.0  # four units of the first layer can never turn on
    assert model.dead_fraction(X)[0] == 0.4
    model.layers[0].b[:] = -100.0  # then nothing reaches layer 2 either: all its outputs equal relu(b) = 0
    np.testing.assert_allclose(model.dead_fraction(X), [1.0, 1.0])
    leaky = nn.MLP([2, 10, 10, 2], activation="leaky_relu", seed=0)
    leaky.layers[0].b[:] = -100.0
    np.testing.assert_array_equal(leaky.dead_fraction(X), [0.0, 0.0])


def test_prelu_learns_its_slope():
    X, y = data.two_spirals(100, seed=0)
    model = nn.MLP([2, 16, 16, 2], activation="prelu", seed=0)
    history = nn.train(model, X, y, nn.Adam(lr=0.01), epochs=30)
    assert history.alpha.shape == (31, 2)
    np.testing.assert_array_equal(history.alpha[0], [0.25, 0.25])
    assert np.all(np.abs(history.alpha[-1] - 0.25) > 1e-3)
    assert len(model.parameters()) == len(model.gradients()) == 8


def test_a_too_large_learning_rate_is_reported_as_divergence_without_warnings():
    X, y = data.two_moons(60, seed=0)
    # a deep linear network: each step multiplies the weights up until they overflow
    model = nn.MLP([2, 32, 32, 2], activation="identity", init=nn.normal(1.0), seed=0)
    history = nn.train(model, X, y, nn.SGD(lr=10.0), epochs=50)
    assert history.diverged and 0 < history.epochs_run < 50
    assert np.all(np.isfinite(history.loss[: history.epochs_run + 1]))
    assert np.all(np.isnan(history.loss[history.epochs_run + 1 :]))


def test_regression_and_binary_outputs():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(64, 1))
    model = nn.MLP([1, 16, 1], activation="tanh", init="xavier", loss="mse", seed=0)
    history = nn.train(model, X, np.sin(3 * X), nn.Adam(lr=0.02), epochs=300)
    assert history.loss[-1] < 0.01 and np.isnan(history.accuracy[-1])
    X, y = data.circles(100, seed=0)
    model = nn.MLP([2, 16, 1], activation="relu", loss="binary_cross_entropy", seed=0)
    history = nn.train(model, X, y, nn.Adam(lr=0.05), epochs=200)
    assert history.accuracy[-1] > 0.95


@pytest.mark.parametrize(
    ("init", "std"),
    [
        ("he", np.sqrt(2 / 400)),
        ("kaiming", np.sqrt(2 / 400)),
        ("lecun", np.sqrt(1 / 400)),
        ("xavier", np.sqrt(2 / 700)),
        ("glorot_normal", np.sqrt(2 / 700)),
        (nn.normal(0.5), 0.5),
    ],
)
def test_initialisers_have_the_variance_they_promise(init, std):
    W = nn.MLP([400, 300], init=init, seed=0).layers[0].W
    assert W.shape == (400, 300)
    assert abs(W.std() / std - 1) < 0.02 and abs(W.mean()) < 0.05 * std


def test_xavier_uniform_bounds():
    W = nn.xavier_uniform(100, 50, np.random.default_rng(0))
    assert np.abs(W).max() <= np.sqrt(6 / 150)


def test_optimiser_steps():
    p, g = np.array([1.0, -2.0]), np.array([0.5, 0.5])
    sgd = nn.SGD(lr=0.1, momentum=0.9)
    sgd.step([p], [g])
    np.testing.assert_allclose(p, [0.95, -2.05])
    sgd.step([p], [g])  # velocity 0.9 * -0.05 - 0.05
    np.testing.assert_allclose(p, [0.95 - 0.095, -2.05 - 0.095])
    q = np.array([1.0, -2.0])
    nn.Adam(lr=0.01).step([q], [np.array([3.0, -1e-4])])
    np.testing.assert_allclose(q, [0.99, -1.99], rtol=1e-6)  # Adam's first step is lr in every direction


def test_data_sets():
    for make in (data.two_moons, data.two_spirals, data.circles):
        X, y = make(101, seed=4)
        assert X.shape == (101, 2) and X.dtype == np.float64 and y.dtype == np.int64
        assert np.bincount(y).tolist() == [50, 51]
        X2, y2 = make(101, seed=4)
        assert np.array_equal(X, X2) and np.array_equal(y, y2)
        assert not np.array_equal(X, make(101, seed=5)[0])
    X, y = data.circles(200, noise=0.0, factor=0.3)
    np.testing.assert_allclose(np.hypot(*X.T), np.where(y == 0, 1.0, 0.3))
    X, _ = data.two_spirals(200, noise=0.0)
    assert np.hypot(*X.T).max() <= 1.0
    X, y = data.xor(n_per_corner=5, noise=0.1, seed=1)
    assert X.shape == (20, 2) and y.tolist() == [0] * 5 + [1] * 10 + [0] * 5


def test_digits_and_split():
    X, y = data.digits()
    assert X.shape == (1797, 64) and X.min() == 0.0 and X.max() == 1.0
    assert sorted(set(y.tolist())) == list(range(10))
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_fraction=0.2, seed=0)
    assert len(X_test) == len(y_test) == 359 and len(X_train) == len(y_train) == 1438
    rows = {tuple(r) for r in X_train} | {tuple(r) for r in X_test}
    assert len(rows) == len({tuple(r) for r in X})
