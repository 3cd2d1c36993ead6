"""The tiny network: its layers, training, reproducibility, and what it measures for the book."""

import inspect

import numpy as np
import pytest

import activations as act
from activations import data, nn, training


def test_same_seed_gives_bit_identical_training():
    X, y = data.two_moons(120, seed=1)

    def run(seed):
        model = nn.MLP([2, 16, 16, 2], activation="relu", init="he", seed=seed)
        history = nn.train(model, X, y, nn.Adam(lr=0.01), epochs=15, batch_size=32, seed=seed)
        return model, history

    (m1, h1), (m2, h2), (_, h3) = run(0), run(0), run(1)
    for a, b in zip(m1.parameters(), m2.parameters(), strict=True):
        assert np.array_equal(a, b)
    assert np.array_equal(h1.loss, h2.loss)
    assert not np.array_equal(h1.loss, h3.loss)


def test_logistic_regression_cannot_fit_xor():
    X, y = data.xor()
    linear = nn.MLP([2, 2], seed=0)
    history = nn.train(linear, X, y, nn.Adam(lr=0.05), epochs=300)
    assert history.accuracy[-1] <= 0.75  # no line separates XOR


def test_one_tanh_hidden_layer_fits_xor():
    X, y = data.xor()
    hidden = nn.MLP([2, 8, 2], activation="tanh", init="Xavier", seed=0)
    history = nn.train(hidden, X, y, nn.Adam(lr=0.05), epochs=300)
    assert history.loss[-1] < 0.05
    np.testing.assert_array_equal(hidden.predict(X), y)


def test_layers_alternate_dense_and_activation():
    model = nn.MLP([3, 5, 4, 2], activation="elu", alpha=0.5, seed=0)
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["Dense", "ActivationLayer", "Dense", "ActivationLayer", "Dense"]
    assert model.layers[1].settings == {"alpha": 0.5}
    assert [layer.W.shape for layer in model.dense_layers] == [(5, 3), (4, 5), (2, 4)]


def test_every_layer_says_what_it_is():
    model = nn.MLP([3, 5, 2], activation="prelu", batch_norm="before", seed=0)
    assert [layer.kind for layer in model.layers] == ["dense", "normalisation", "activation", "dense"]
    assert nn.ActivationLayer("tanh").kind == nn.GatedLayer("glu").kind == "activation"


def test_a_layer_of_an_unknown_kind_is_neither_a_dense_nor_an_activation_layer():
    class Dropout(nn.Layer):
        """A layer the network does not know (here it lets everything through)."""

        def forward(self, Z):
            return Z

        def backward(self, grad):
            return grad

    class Double:
        """A layer that does not even derive from nn.Layer."""

        def forward(self, Z):
            return 2 * Z

        def backward(self, grad):
            return 2 * grad

        def parameters(self):
            return []

        def gradients(self):
            return []

    model = nn.MLP([3, 5, 4, 2], activation="relu", seed=0)
    activation_layers, dense_layers = model.activation_layers, model.dense_layers
    model.layers[2:2] = [Dropout()]
    model.layers[5:5] = [Double()]
    assert model.activation_layers == activation_layers
    assert model.dense_layers == dense_layers
    X = np.random.default_rng(0).normal(size=(6, 3))
    assert model.dead_fraction(X).shape == (2,)
    assert model.gradient_norms(X, np.arange(6) % 2).shape == (3,)


def test_dense_layer_computes_W_x_plus_b_for_every_row():
    model = nn.MLP([3, 2], seed=0)
    dense = model.layers[0]
    dense.b[:] = [0.5, -1.0]
    X = np.random.default_rng(0).normal(size=(4, 3))
    expected = np.stack([dense.W @ x + dense.b for x in X])
    np.testing.assert_allclose(model.forward(X), expected, rtol=1e-14)


def test_backward_is_the_plain_loop_over_layers():
    """MLP.backward equals calling every layer's backward by hand, last layer first."""
    X = np.random.default_rng(1).normal(size=(6, 3))
    y = np.array([0, 1, 1, 0, 1, 0])
    model = nn.MLP([3, 4, 4, 2], activation="tanh", seed=0)
    model.loss_and_backward(X, y)
    from_model = [g.copy() for g in model.gradients()]
    logits = model.forward(X)
    grad = model.loss_grad(logits, y)
    for layer in reversed(model.layers):
        grad = layer.backward(grad)
    for a, b in zip(from_model, model.gradients(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_training_steps_along_the_very_gradient_that_check_model_checks():
    """A wrong gradient is caught by check_model, and it is the gradient train steps along."""
    X = np.random.default_rng(1).normal(size=(6, 3))
    y = np.array([0, 1, 1, 0, 1, 0])

    class DoubledGradients(nn.MLP):
        def loss_and_backward(self, X, y):
            loss = super().loss_and_backward(X, y)
            for gradient in self.gradients():
                gradient *= 2
            return loss

    wrong = DoubledGradients([3, 4, 2], activation="tanh", seed=0)
    assert not act.check_model(wrong, X, y).passed
    right = nn.MLP([3, 4, 2], activation="tanh", seed=0)
    right.loss_and_backward(X, y)
    doubled_step = [p - 0.1 * 2 * g for p, g in zip(right.parameters(), right.gradients(), strict=True)]
    nn.train(wrong, X, y, nn.SGD(lr=0.1), epochs=1)
    for after, expected in zip(wrong.parameters(), doubled_step, strict=True):
        np.testing.assert_allclose(after, expected, rtol=1e-12)


@pytest.mark.parametrize("name", list(nn.LOSSES))
def test_each_loss_gives_the_same_value_and_gradient_together_or_apart(name):
    rng = np.random.default_rng(2)
    logits = rng.normal(size=(5, 1 if name == "binary_cross_entropy" else 3))
    y = {"binary_cross_entropy": [0, 1, 1, 0, 1], "mse": rng.normal(size=(5, 3))}.get(name, [0, 2, 1, 1, 0])
    loss = nn.LOSSES[name]
    value, gradient = loss.value_and_gradient(logits, y)
    assert value == loss.value(logits, y)
    np.testing.assert_array_equal(gradient, loss.gradient(logits, y))


def test_overflowing_logits_give_nan_gradient_norms_and_no_gradient_check():
    model = nn.MLP([2, 3, 2], activation="identity", seed=0)
    X, y = np.array([[1.0, 1.0]]), np.array([0])
    model.gradient_norms(X, y)  # leaves gradients that must not be reported again
    model.layers[0].W[:] = 1e308
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(model.loss_and_backward(X, y))
        assert np.all(np.isnan(model.gradient_norms(X, y)))
        assert all(np.all(np.isnan(n)) for n in model.unit_gradient_norms(X, y))
        with pytest.raises(ValueError, match=r"^check_model: the loss is not finite"):
            act.check_model(model, X, y)


def test_history_has_one_row_per_epoch_plus_the_start():
    X, y = data.circles(100, seed=2)
    model = nn.MLP([2, 8, 8, 8, 2], activation="relu", seed=3)
    history = nn.train(model, X, y, nn.SGD(lr=0.1, momentum=0.9), epochs=20, batch_size=10,
                       record=("grad_norms", "dead_fraction"))  # fmt: skip
    assert history.loss.shape == (21,)
    assert history.grad_norms.shape == (21, 4)
    assert history.dead_fraction.shape == (21, 3)
    assert history.epochs_run == 20
    assert not history.diverged


def test_diagnostics_are_recorded_only_when_asked_for():
    X, y = data.circles(40, seed=2)
    history = nn.train(nn.MLP([2, 4, 2], seed=0), X, y, nn.SGD(lr=0.1), epochs=3)
    assert history.grad_norms is None
    assert history.dead_fraction is None
    assert history.alpha is None
    assert history.val_loss is None


def test_row_zero_is_the_untrained_network():
    X, y = data.circles(100, seed=2)
    model = nn.MLP([2, 8, 8, 2], activation="relu", seed=3)
    history = nn.train(model, X, y, nn.SGD(lr=0.1), epochs=2, record="grad_norms")
    fresh = nn.MLP([2, 8, 8, 2], activation="relu", seed=3)
    assert history.loss[0] == fresh.loss(X, y)
    np.testing.assert_array_equal(history.grad_norms[0], fresh.gradient_norms(X, y))


def test_training_lowers_the_loss_and_measures_validation():
    X, y = data.circles(100, seed=2)
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, seed=2)
    model = nn.MLP([2, 8, 8, 2], activation="relu", seed=3)
    history = nn.train(model, X_train, y_train, nn.SGD(lr=0.1, momentum=0.9), epochs=20, batch_size=10,
                       validation=(X_test, y_test))  # fmt: skip
    assert history.loss[-1] < history.loss[0]
    assert np.all(np.isfinite(history.val_accuracy))
    assert history.val_accuracy[-1] == model.accuracy(X_test, y_test)


def test_unknown_diagnostic_is_refused():
    with pytest.raises(ValueError, match=r"^train: cannot record 'alphas'"):
        nn.train(nn.MLP([2, 2]), np.ones((2, 2)), [0, 1], nn.SGD(), record=["alphas"])


def test_dead_units_are_counted():
    X, _ = data.two_moons(50, seed=0)
    model = nn.MLP([2, 10, 10, 2], activation="relu", seed=0)
    assert model.dead_fraction(X)[0] == 0.0
    model.layers[0].b[:4] = -100.0  # four units of the first layer can never turn on
    assert model.dead_fraction(X)[0] == 0.4
    model.layers[0].b[:] = -100.0  # then nothing reaches layer 2 either: all its outputs equal relu(b) = 0
    np.testing.assert_allclose(model.dead_fraction(X), [1.0, 1.0])


def test_leaky_relu_units_do_not_die():
    X, _ = data.two_moons(50, seed=0)
    leaky = nn.MLP([2, 10, 10, 2], activation="leaky_relu", seed=0)
    leaky.layers[0].b[:] = -100.0
    np.testing.assert_array_equal(leaky.dead_fraction(X), [0.0, 0.0])


def test_hidden_outputs_are_the_activation_layers_outputs():
    X, _ = data.two_moons(20, seed=0)
    model = nn.MLP([2, 5, 3, 2], activation="tanh", seed=0)
    first, second = model.hidden_outputs(X)
    np.testing.assert_array_equal(first, np.tanh(model.layers[0].forward(X)))
    assert second.shape == (20, 3)


def test_prelu_layers_own_and_learn_their_slope():
    X, y = data.two_spirals(100, seed=0)
    model = nn.MLP([2, 16, 16, 2], activation="prelu", seed=0)
    assert [type(layer).__name__ for layer in model.activation_layers] == ["PReLULayer", "PReLULayer"]
    history = nn.train(model, X, y, nn.Adam(lr=0.01), epochs=30, record="alpha")
    assert history.alpha.shape == (31, 2)
    np.testing.assert_array_equal(history.alpha[0], [0.25, 0.25])
    assert np.all(np.abs(history.alpha[-1] - 0.25) > 1e-3)


def test_the_prelu_layers_are_the_ones_whose_slopes_are_learned():
    assert len(nn.MLP([2, 4, 4, 4, 2], activation="prelu").prelu_layers) == 3
    assert nn.MLP([2, 4, 2], activation="leaky_relu").prelu_layers == []


def test_the_optimisers_and_the_training_loop_are_reached_through_nn_too():
    for name in ("SGD", "Adam", "History", "train", "DIAGNOSTICS"):
        assert getattr(nn, name) is getattr(training, name)
    assert inspect.getsource(nn.train).startswith("def train(model, X, y, optimizer")


def test_parameters_are_collected_from_the_layers():
    model = nn.MLP([2, 16, 16, 2], activation="prelu", alpha=0.1, seed=0)
    shapes = [p.shape for p in model.parameters()]
    assert shapes == [(16, 2), (16,), (1,), (16, 16), (16,), (1,), (2, 16), (2,)]
    assert model.layers[1].alpha[0] == 0.1


def test_a_too_large_learning_rate_is_reported_as_divergence_without_warnings():
    X, y = data.two_moons(60, seed=0)
    # a deep linear network: each step multiplies the weights up until they overflow
    model = nn.MLP([2, 32, 32, 2], activation="identity", init=nn.normal(1.0), seed=0)
    history = nn.train(model, X, y, nn.SGD(lr=10.0), epochs=50)
    assert history.diverged
    assert 0 < history.epochs_run < 50
    assert np.all(np.isfinite(history.loss[: history.epochs_run + 1]))
    assert np.all(np.isnan(history.loss[history.epochs_run + 1 :]))


def test_regression_output_fits_a_sine():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(64, 1))
    model = nn.MLP([1, 16, 1], activation="tanh", init="Xavier", loss="mse", seed=0)
    history = nn.train(model, X, np.sin(3 * X), nn.Adam(lr=0.02), epochs=300)
    assert history.loss[-1] < 0.01
    assert np.isnan(history.accuracy[-1])


def test_binary_output_separates_circles():
    X, y = data.circles(100, seed=0)
    model = nn.MLP([2, 16, 1], activation="relu", loss="binary_cross_entropy", seed=0)
    history = nn.train(model, X, y, nn.Adam(lr=0.05), epochs=200)
    assert history.accuracy[-1] > 0.95


@pytest.mark.parametrize(
    ("init", "std"),
    [
        ("He", np.sqrt(2 / 400)),
        ("he", np.sqrt(2 / 400)),
        ("LeCun", np.sqrt(1 / 400)),
        ("Xavier", np.sqrt(2 / 700)),
        (nn.xavier_uniform, np.sqrt(2 / 700)),
        ("N(0, 1)", 1.0),
        (nn.normal(0.5), 0.5),
    ],
)
def test_initialisers_have_the_variance_they_promise(init, std):
    W = nn.MLP([400, 300], init=init, seed=0).layers[0].W
    assert W.shape == (300, 400)  # (n_out, n_in), as in z = W x + b
    assert abs(W.std() / std - 1) < 0.02
    assert abs(W.mean()) < 0.05 * std


def test_the_registry_holds_the_four_names_the_book_prints_one_function_each():
    assert list(nn.INITIALISERS) == ["N(0, 1)", "Xavier", "He", "LeCun"]
    assert nn.initialiser("xavier") is nn.xavier_normal  # "Xavier" is the normal form
    with pytest.raises(ValueError, match="unknown init 'kaiming'"):
        nn.initialiser("kaiming")


def test_xavier_uniform_bounds():
    W = nn.xavier_uniform(100, 50, np.random.default_rng(0))
    assert W.shape == (50, 100)
    assert np.abs(W).max() <= np.sqrt(6 / 150)


def test_sgd_with_momentum_steps():
    p, g = np.array([1.0, -2.0]), np.array([0.5, 0.5])
    sgd = nn.SGD(lr=0.1, momentum=0.9)
    sgd.step([p], [g])
    np.testing.assert_allclose(p, [0.95, -2.05])
    sgd.step([p], [g])  # velocity 0.9 * -0.05 - 0.05
    np.testing.assert_allclose(p, [0.95 - 0.095, -2.05 - 0.095])


def test_adam_first_step_is_lr_in_every_direction():
    q = np.array([1.0, -2.0])
    nn.Adam(lr=0.01).step([q], [np.array([3.0, -1e-4])])
    np.testing.assert_allclose(q, [0.99, -1.99], rtol=1e-6)


def test_deep_mlp_shapes_and_errors():
    model = nn.deep_mlp(5, 3, depth=4, width=7, activation="tanh", init="Xavier")
    assert [layer.W.shape for layer in model.dense_layers] == [(7, 5), (7, 7), (7, 7), (3, 7)]
    with pytest.raises(ValueError, match=r"^deep_widths: depth"):
        nn.deep_mlp(5, 3, depth=0, width=7, activation="tanh", init="Xavier")


def test_unit_gradient_norms_are_zero_exactly_for_dead_units():
    X, y = data.two_moons(50, seed=0)
    model = nn.MLP([2, 10, 10, 2], activation="relu", seed=0)
    model.layers[0].b[:3] = -100.0  # three units of the first layer never turn on
    norms = model.unit_gradient_norms(X, y)
    assert [n.shape for n in norms] == [(10,), (10,)]
    assert np.all(norms[0][:3] == 0)
    assert np.all(norms[0][3:] > 0)
    np.testing.assert_allclose(norms[1], np.linalg.norm(model.layers[2].dW, axis=1))


def test_gated_network_doubles_the_width_before_each_gate():
    model = nn.MLP([5, 4, 3, 2], activation="swiglu", seed=0)
    assert [layer.W.shape for layer in model.dense_layers] == [(8, 5), (6, 4), (2, 3)]
    assert [type(layer).__name__ for layer in model.activation_layers] == ["GatedLayer", "GatedLayer"]
    X = np.random.default_rng(0).normal(size=(7, 5))
    first = model.hidden_outputs(X)[0]
    assert [z.shape for z in model.pre_activations(X)] == [(7, 8), (7, 6)]  # each signal beside its gate
    z = model.layers[0].forward(X)
    np.testing.assert_allclose(first, z[:, :4] * act.silu(z[:, 4:]))
