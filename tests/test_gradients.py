"""Every derivative, loss gradient and the network's backpropagation against finite differences."""

import numpy as np
import pytest

import activations as act
from activations import nn
from activations.gradcheck import check_grad, check_model, numerical_gradient
from tests.mp_reference import SETTINGS

CASES = [(f, params) for f in act.ALL for params in SETTINGS.get(f.name, [{}])]
# Away from the kinks at 0 (and 6 for relu6), where no central difference matches a one-sided derivative.
X = np.concatenate([np.linspace(-8, -0.05, 40), np.linspace(0.05, 5.9, 40), np.linspace(6.1, 9, 5)])


@pytest.mark.parametrize(("f", "params"), CASES, ids=[f"{f.name}{p}" for f, p in CASES])
def test_every_derivative_matches_finite_differences(f, params):
    result = check_grad(lambda x: f(x, **params), lambda x: f.grad(x, **params), X)
    assert result.passed, str(result)


def test_prelu_derivative_with_respect_to_alpha():
    x = X[X < 6]
    for alpha in (0.25, -0.3, 0.0):
        numeric = (act.prelu(x, alpha=alpha + 1e-6) - act.prelu(x, alpha=alpha - 1e-6)) / 2e-6
        np.testing.assert_allclose(act.prelu.grad_alpha(x, alpha=alpha), numeric, rtol=1e-8, atol=1e-10)


def test_check_grad_catches_wrong_derivatives():
    assert not check_grad(act.sigmoid, lambda x: 2 * act.sigmoid.grad(x), X)
    assert not check_grad(act.tanh, act.tanh, X)
    result = check_grad(act.relu, lambda x: np.ones_like(x), X)
    assert not result
    assert result.analytic == 1.0
    assert result.numerical == 0.0
    assert "FAILED" in str(result)
    assert "passed" in str(check_grad(np.sin, np.cos, X))


def test_numerical_gradient_of_a_quadratic():
    a = np.array([[2.0, 1.0], [1.0, 3.0]])
    x = np.array([0.5, -1.5])
    np.testing.assert_allclose(numerical_gradient(lambda v: v @ a @ v, x), 2 * a @ x, rtol=1e-9)


LOGITS = np.random.default_rng(1).normal(0, 3, size=(6, 4))
LABELS = np.array([0, 3, 1, 1, 2, 0])


@pytest.mark.parametrize(
    ("loss", "grad", "targets"),
    [
        (act.cross_entropy, act.cross_entropy_grad, LABELS),
        (
            act.cross_entropy,
            act.cross_entropy_grad,
            act.softmax(np.random.default_rng(2).normal(size=(6, 4))),
        ),
        (
            act.binary_cross_entropy_with_logits,
            act.binary_cross_entropy_with_logits_grad,
            np.random.default_rng(3).uniform(size=(6, 4)),
        ),
        (act.mse, act.mse_grad, np.random.default_rng(4).normal(size=(6, 4))),
        (act.softmax_mse, act.softmax_mse_grad, LABELS),
    ],
    ids=["cross_entropy-labels", "cross_entropy-probabilities", "binary_cross_entropy", "mse", "softmax_mse"],
)
def test_loss_gradients(loss, grad, targets):
    result = check_grad(lambda z: loss(z, targets), lambda z: grad(z, targets), LOGITS)
    assert result.passed, str(result)


def test_logsumexp_gradient_is_softmax():
    result = check_grad(act.logsumexp, act.softmax, LOGITS[0])
    assert result.passed, str(result)


@pytest.mark.parametrize("activation", [f.name for f in act.ALL if f.name != "step"])
@pytest.mark.parametrize("depth", [1, 3])
def test_backpropagation_matches_finite_differences(activation, depth):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(7, 3))
    y = np.array([0, 1, 2, 1, 0, 2, 2])
    model = nn.MLP([3] + [5] * depth + [3], activation=activation, init="Xavier", seed=depth)
    result = check_model(model, X, y)
    assert result.passed, str(result)


@pytest.mark.parametrize("loss", ["binary_cross_entropy", "mse"])
def test_backpropagation_for_the_other_losses(loss):
    rng = np.random.default_rng(6)
    X = rng.normal(size=(8, 2))
    y = (X[:, 0] > 0).astype(float)
    model = nn.MLP([2, 6, 6, 1], activation="gelu", init="he", loss=loss, seed=3)
    result = check_model(model, X, y)
    assert result.passed, str(result)


def test_backpropagation_through_a_deep_tanh_network():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(5, 4))
    model = nn.MLP([4] + [6] * 6 + [2], activation="tanh", init="Xavier", seed=1)
    result = check_model(model, X, np.array([0, 1, 1, 0, 1]))
    assert result.passed, str(result)


def test_check_model_restores_the_parameters():
    rng = np.random.default_rng(8)
    model = nn.MLP([3, 4, 3], activation="tanh", seed=0)
    before = [p.copy() for p in model.parameters()]
    check_model(model, rng.normal(size=(5, 3)), np.array([0, 1, 2, 1, 0]))
    for a, b in zip(before, model.parameters(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_check_model_catches_a_small_backpropagation_error(monkeypatch):
    """The network check is not blind: a 0.1 % error in the first layer's dW fails it."""
    backward = nn.Dense.backward

    def slightly_wrong(self, delta):
        grad = backward(self, delta)
        if self is model.layers[0]:
            self.dW *= 1.001
        return grad

    monkeypatch.setattr(nn.Dense, "backward", slightly_wrong)
    rng = np.random.default_rng(8)
    model = nn.MLP([3, 5, 5, 3], activation="tanh", init="Xavier", seed=0)
    result = check_model(model, rng.normal(size=(7, 3)), np.array([0, 1, 2, 1, 0, 2, 2]))
    assert not result.passed
    assert result.parameter == 0  # the first layer's W


def test_softmax_backward_is_the_jacobian_transpose_times_the_gradient():
    g = np.random.default_rng(9).normal(size=4)
    result = check_grad(lambda z: act.softmax(z) @ g, lambda z: act.softmax_backward(z, g), LOGITS[0])
    assert result.passed, str(result)


def test_backpropagation_for_softmax_mse():
    rng = np.random.default_rng(10)
    model = nn.MLP([3, 5, 4], activation="tanh", loss="softmax_mse", seed=2)
    result = check_model(model, rng.normal(size=(6, 3)), np.array([0, 3, 1, 2, 2, 0]))
    assert result.passed, str(result)


@pytest.mark.parametrize("unit", [act.glu, act.geglu, act.swiglu], ids=lambda u: u.name)
def test_gated_unit_partial_derivatives(unit):
    rng = np.random.default_rng(11)
    a, g = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    d_a, _ = unit.grad(a, g)
    assert check_grad(lambda v: unit(v, g), lambda v: unit.grad(v, g)[0], a).passed
    assert check_grad(lambda v: unit(a, v), lambda v: unit.grad(a, v)[1], g).passed
    np.testing.assert_allclose(d_a, unit.activation(g))


@pytest.mark.parametrize("unit", ["glu", "geglu", "swiglu"])
def test_backpropagation_through_gated_layers(unit):
    rng = np.random.default_rng(12)
    model = nn.MLP([3, 4, 4, 3], activation=unit, init="Xavier", seed=1)
    result = check_model(model, rng.normal(size=(6, 3)), np.array([0, 1, 2, 1, 0, 2]))
    assert result.passed, str(result)


def test_check_model_fails_on_a_nan_gradient_in_any_parameter():
    model = nn.MLP([2, 3, 2], activation="tanh", seed=0)
    backward = model.backward

    def nan_in_last_bias(grad_logits):
        backward(grad_logits)
        model.layers[-1].db = np.full_like(model.layers[-1].db, np.nan)

    model.backward = nan_in_last_bias
    result = check_model(model, np.array([[0.5, -1.0], [1.0, 2.0]]), np.array([0, 1]))
    assert not result.passed
    assert result.parameter == len(model.parameters()) - 1


def test_check_grad_points_at_the_nan():
    result = check_grad(np.sin, lambda x: np.where(x > 0.9, np.nan, np.cos(x)), [0.5, 1.0])
    assert result.worst_index == (1,)
