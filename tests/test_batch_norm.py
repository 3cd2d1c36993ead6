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


def _network(placement, activation="tanh"):
    """A network with batch normalisation whose gammas differ from 1, and a batch to check it on."""
    model = nn.MLP([3, 6, 6, 2], activation, batch_norm=placement, seed=3)
    for layer in model.layers:
        if isinstance(layer, nn.BatchNorm):
            layer.gamma[:] = np.linspace(0.5, 1.5, layer.gamma.size)
    X = np.random.default_rng(4).normal(size=(10, 3))
    return model, X, np.arange(10) % 2


@pytest.mark.parametrize("placement", ["before", "after"])
@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_networks_with_batch_norm_pass_the_gradient_check(placement, activation):
    # With "before", the first dense layers' biases have no effect (the batch mean absorbs
    # them): their gradients are 0 up to rounding, and the check passes them as 0.
    model, X, y = _network(placement, activation)
    result = act.check_model(model, X, y)
    assert result.passed, result


def test_a_bias_before_batch_norm_has_a_gradient_of_zero_up_to_rounding():
    model, X, y = _network("before")
    model.loss_and_backward(X, y)
    absorbed = [layer.db for layer in model.dense_layers[:-1]]
    largest = max(np.abs(g).max() for g in model.gradients())
    assert all(np.abs(db).max() < 1e-15 * largest for db in absorbed)
    assert np.abs(model.dense_layers[-1].db).max() > 1e-3 * largest  # no batch norm after the last


def _largest_gradient(model):
    return max(np.abs(g).max() for g in model.gradients())


def _double_the_last_bias_gradient(model):
    model.dense_layers[-1].db *= 2
    return len(model.parameters()) - 1


def _double_the_smallest_gradient_entry(model):
    """Doubles the smallest entry that is not 0 in exact arithmetic: below the check's floor."""
    largest = _largest_gradient(model)
    smallest, k = min(
        (abs(value), k)
        for k, g in enumerate(model.gradients())
        for value in g.ravel()
        if abs(value) > 1e-12 * largest
    )
    assert smallest < 1e-3 * largest  # compared in absolute terms, not relative to itself
    g = model.gradients()[k]
    g[np.abs(g) == smallest] *= 2
    return k


def _give_an_absorbed_bias_a_tiny_gradient(model):
    """A bias before batch normalisation, whose true gradient is 0, gets 1e-6 of the largest gradient."""
    model.dense_layers[0].db[0] = 1e-6 * _largest_gradient(model)
    return 1


def _put_a_beta_gradient_off_by_a_thousandth(model):
    model.layers[1].dbeta[0] *= 1.001
    return 3


WRONG_GRADIENTS = [
    _double_the_last_bias_gradient,
    _double_the_smallest_gradient_entry,
    _give_an_absorbed_bias_a_tiny_gradient,
    _put_a_beta_gradient_off_by_a_thousandth,
]


@pytest.mark.parametrize("spoil", WRONG_GRADIENTS, ids=lambda f: f.__name__.strip("_"))
def test_the_gradient_check_still_fails_a_wrong_gradient_with_batch_norm_before(spoil):
    model, X, y = _network("before")
    spoiled = []  # the position of the parameter whose gradient was spoiled
    backward = model.backward

    def wrong_backward(grad_logits):
        backward(grad_logits)
        spoiled.append(spoil(model))

    model.backward = wrong_backward
    result = act.check_model(model, X, y)
    assert not result.passed, result
    assert result.parameter == spoiled[0]


@pytest.mark.parametrize("placement", ["before", "after"])
def test_measuring_and_checking_leave_the_running_statistics_bit_identical(placement):
    model, X, y = _network(placement)
    model.forward(X)  # statistics that are not the initial zeros and ones
    before = [s.copy() for s in model.statistics()]
    assert len(before) == 4
    act.check_model(model, X, y)
    model.gradient_norms(X, y)
    model.unit_gradient_norms(X, y)
    model.dead_fraction(X)
    model.pre_activations(X)
    for kept, now in zip(before, model.statistics(), strict=True):
        np.testing.assert_array_equal(kept, now)
    model.forward(X)  # a forward pass in training mode does move them
    assert not np.array_equal(before[0], model.statistics()[0])


def test_recording_gradient_norms_does_not_change_training_with_batch_norm():
    runs = {}
    for record in ((), ("grad_norms", "dead_fraction")):
        model, X, y = _network("before")
        runs[record] = nn.train(model, X, y, nn.SGD(lr=0.1), epochs=5, batch_size=5, record=record)
    np.testing.assert_array_equal(runs[()].loss, runs[("grad_norms", "dead_fraction")].loss)


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
