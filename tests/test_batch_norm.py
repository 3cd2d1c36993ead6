"""The batch-normalisation layer of activations.nn (chapter 6)."""

import numpy as np
import pytest

import activations as act
from activations import nn


def _batch(seed=0, n=16, units=5):
    rng = np.random.default_rng(seed)
    return rng.normal(3.0, 2.0, size=(n, units)) * rng.uniform(0.5, 4, units)


def test_training_mode_standardises_every_unit_then_scales_and_shifts():
    bn = nn.BatchNorm(5)
    Z = _batch()
    out = bn.forward(Z)
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=0), 1 / (1 + bn.eps / Z.var(axis=0)), rtol=1e-12)
    bn.gamma[:] = np.arange(1.0, 6.0)
    bn.beta[:] = -2.0
    out = bn.forward(Z)
    np.testing.assert_allclose(out.mean(axis=0), -2.0, atol=1e-12)
    np.testing.assert_allclose(out.std(axis=0), np.arange(1.0, 6.0), rtol=1e-5)


def test_running_statistics_follow_the_exponential_average_with_unbiased_variance():
    bn = nn.BatchNorm(5, momentum=0.25)
    batches = [_batch(seed) for seed in range(3)]
    mean, var = np.zeros(5), np.ones(5)
    for Z in batches:
        bn.forward(Z)
        mean = 0.75 * mean + 0.25 * Z.mean(axis=0)
        var = 0.75 * var + 0.25 * Z.var(axis=0, ddof=1)
    np.testing.assert_allclose(bn.running_mean, mean, rtol=1e-13)
    np.testing.assert_allclose(bn.running_var, var, rtol=1e-13)


def test_inference_mode_uses_the_running_statistics_and_treats_rows_independently():
    bn = nn.BatchNorm(5)
    for seed in range(20):
        bn.forward(_batch(seed))
    bn.training = False
    before = (bn.running_mean.copy(), bn.running_var.copy())
    Z = _batch(99)
    out = bn.forward(Z)
    np.testing.assert_allclose(out, (Z - before[0]) / np.sqrt(before[1] + bn.eps), rtol=1e-13)
    np.testing.assert_array_equal(bn.forward(Z[:1]), out[:1])  # one example alone: same output
    np.testing.assert_array_equal(bn.running_mean, before[0])  # nothing updated


@pytest.mark.parametrize("training", [True, False])
def test_backward_matches_finite_differences(training):
    bn = nn.BatchNorm(4)
    rng = np.random.default_rng(1)
    bn.gamma[:] = rng.uniform(0.5, 2, 4)
    bn.beta[:] = rng.normal(size=4)
    bn.forward(_batch(5, units=4))  # running statistics that differ from the batch's
    bn.training = training
    weights = rng.normal(size=(8, 4))  # the loss sum(weights * output) makes every row count
    Z = _batch(2, n=8, units=4)
    momentum, bn.momentum = bn.momentum, 0.0  # the finite differences must not move the statistics

    def loss(z):
        return np.sum(weights * bn.forward(z))

    def grad(z):
        bn.forward(z)
        return bn.backward(weights)

    assert act.check_grad(loss, grad, Z).passed
    bn.momentum = momentum


@pytest.mark.parametrize("placement", ["before", "after"])
@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_networks_with_batch_norm_pass_the_gradient_check(placement, activation):
    model = nn.MLP([3, 6, 6, 2], activation, batch_norm=placement, seed=3)
    for layer in model.layers:
        if isinstance(layer, nn.BatchNorm):
            layer.momentum = 0.0
            layer.gamma[:] = np.linspace(0.5, 1.5, layer.gamma.size)
    X = np.random.default_rng(4).normal(size=(10, 3))
    y = np.arange(10) % 2
    # A bias just before batch normalisation has no effect (the batch mean absorbs it), so its
    # gradient is 0 up to rounding, which no relative comparison can check: it is checked
    # here to be 0, and every other parameter against finite differences.
    absorbed = [
        layer.b
        for layer, after in zip(model.layers, model.layers[1:], strict=False)
        if isinstance(layer, nn.Dense) and isinstance(after, nn.BatchNorm)
    ]
    model.loss_and_backward(X, y)
    for bias, gradient in zip(model.parameters(), model.gradients(), strict=True):
        if any(bias is b for b in absorbed):
            np.testing.assert_allclose(gradient, 0, atol=1e-15)
    result = act.check_model(_Without(model, absorbed), X, y)
    assert result.passed, result


class _Without:
    """The model, with some parameters left out of parameters() and gradients()."""

    def __init__(self, model, left_out):
        self.model, self.left_out = model, left_out

    def _kept(self, values):
        params = self.model.parameters()
        return [v for p, v in zip(params, values, strict=True) if not any(p is q for q in self.left_out)]

    def loss(self, X, y):
        return self.model.loss(X, y)

    def loss_and_backward(self, X, y):
        return self.model.loss_and_backward(X, y)

    def parameters(self):
        return self._kept(self.model.parameters())

    def gradients(self):
        return self._kept(self.model.gradients())


def test_layers_are_placed_before_or_after_the_activation():
    kinds = {
        placement: [
            type(layer).__name__ for layer in nn.MLP([2, 4, 4, 2], "tanh", batch_norm=placement).layers
        ]
        for placement in (None, "before", "after")
    }
    assert kinds[None] == ["Dense", "ActivationLayer", "Dense", "ActivationLayer", "Dense"]
    assert kinds["before"][:3] == ["Dense", "BatchNorm", "ActivationLayer"]
    assert kinds["after"][:3] == ["Dense", "ActivationLayer", "BatchNorm"]
    model = nn.MLP([2, 4, 4, 2], "tanh", batch_norm="after")
    assert len(model.activation_layers) == 2  # batch-norm layers are not activations
    assert len(model.parameters()) == 3 * 2 + 2 * 2


def test_training_with_batch_norm_is_seeded_and_bit_reproducible_and_evaluates_in_inference_mode():
    X, y = act.data.two_moons(200, seed=0)

    def run():
        model = nn.MLP([2, 16, 16, 2], "relu", batch_norm="before", seed=7)
        history = nn.train(model, X, y, nn.SGD(lr=0.1), epochs=15, batch_size=20, seed=1)
        return model, history

    (m1, h1), (_, h2) = run(), run()
    np.testing.assert_array_equal(h1.loss, h2.loss)
    assert h1.accuracy[-1] > 0.85
    assert m1.training  # evaluation switched inference mode on and off again
    m1.training = False
    assert m1.evaluate(X, y)[0] == h1.loss[-1]


def test_bad_input_is_refused_with_the_functions_name():
    with pytest.raises(ValueError, match="BatchNorm: n must be a positive"):
        nn.BatchNorm(0)
    with pytest.raises(ValueError, match="BatchNorm: eps must be greater than 0"):
        nn.BatchNorm(3, eps=0.0)
    with pytest.raises(ValueError, match="BatchNorm: momentum must be at most 1"):
        nn.BatchNorm(3, momentum=2.0)
    bn = nn.BatchNorm(3)
    with pytest.raises(ValueError, match=r"BatchNorm.forward: Z must have shape \(N, 3\)"):
        bn.forward(np.zeros((4, 2)))
    with pytest.raises(ValueError, match="at least 2 rows"):
        bn.forward(np.zeros((1, 3)))
    with pytest.raises(TypeError, match=r"BatchNorm\.forward"):
        bn.forward("abc")
    with pytest.raises(ValueError, match="MLP: batch_norm must be None, 'before' or 'after'"):
        nn.MLP([2, 3, 2], batch_norm="middle")


def test_a_constant_unit_gives_no_warning_and_a_finite_output():
    bn = nn.BatchNorm(2)
    with np.errstate(all="raise"):
        out = bn.forward(np.ones((5, 2)))
        grad = bn.backward(np.ones((5, 2)))
    assert np.all(out == 0)
    assert np.all(np.isfinite(grad))
