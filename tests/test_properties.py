"""Mathematical identities, checked on inputs chosen by hypothesis."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import activations as act

EPS = np.finfo(np.float64).eps
floats = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)
moderate = st.floats(min_value=-700, max_value=700, allow_nan=False)
logit_rows = hnp.arrays(
    np.float64,
    hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=6),
    elements=st.floats(min_value=-1e3, max_value=1e3, allow_nan=False),
)


@given(floats)
def test_sigmoid_symmetry(x):
    # sigma(-x) = 1 - sigma(x); 1 - sigma(x) is itself rounded, hence the absolute 1 eps
    assert abs(act.sigmoid(-x) - (1 - act.sigmoid(x))) <= EPS


@given(floats)
def test_tanh_is_a_rescaled_sigmoid(x):
    assert abs(act.tanh(x) - (2 * act.sigmoid(2 * x if abs(x) < 1e300 else x) - 1)) <= 4 * EPS


@given(floats)
def test_sigmoid_derivative_is_s_times_one_minus_s(x):
    s = act.sigmoid(x)
    assert abs(act.sigmoid.grad(x) - s * (1 - s)) <= EPS
    assert 0 <= act.sigmoid.grad(x) <= 0.25


@given(floats)
def test_tanh_derivative_is_one_minus_tanh_squared(x):
    assert abs(act.tanh.grad(x) - (1 - act.tanh(x) ** 2)) <= 4 * EPS
    assert 0 <= act.tanh.grad(x) <= 1


@given(floats)
def test_silu_is_swish_at_beta_one_and_relu_family_agrees(x):
    assert act.silu(x) == act.swish(x, beta=1.0)
    assert act.silu.grad(x) == act.swish.grad(x, beta=1.0)
    assert act.leaky_relu(x, alpha=0.0) == act.relu(x)
    assert act.prelu(x, alpha=0.01) == act.leaky_relu(x)
    assert act.selu(x) == act.SELU_LAMBDA * act.elu(x, alpha=act.SELU_ALPHA)


@given(moderate)
def test_softplus_minus_its_mirror_is_the_identity(x):
    # log(1 + e^x) - log(1 + e^-x) = x
    assert abs(act.softplus(x) - act.softplus(-x) - x) <= 4 * EPS * max(1.0, abs(x))


@given(logit_rows)
def test_softmax_rows_are_distributions(z):
    p = act.softmax(z)
    assert np.all(p >= 0)
    assert np.all(p <= 1)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=0, atol=8 * EPS)


@given(logit_rows, st.floats(min_value=-1e3, max_value=1e3))
def test_softmax_is_shift_invariant(z, c):
    np.testing.assert_allclose(act.softmax(z + c), act.softmax(z), rtol=0, atol=1e-12)


@given(logit_rows)
def test_log_softmax_is_the_log_of_softmax_where_that_is_finite(z):
    p = act.softmax(z)
    finite = p >= np.finfo(np.float64).tiny  # subnormal probabilities have lost digits
    with np.errstate(divide="ignore"):
        log_p = np.log(p)
    np.testing.assert_allclose(act.log_softmax(z)[finite], log_p[finite], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(act.logsumexp(z), np.max(z, axis=-1) - act.log_softmax(z).max(axis=-1))


@given(st.floats(min_value=-700, max_value=700), st.floats(min_value=-700, max_value=700))
def test_two_class_softmax_is_the_sigmoid_of_the_difference(a, b):
    p = act.softmax([a, b])
    assert abs(p[0] - act.sigmoid(a - b)) <= 2 * EPS


@settings(max_examples=50)
@given(logit_rows, st.data())
def test_cross_entropy_gradient_is_softmax_minus_one_hot_over_n(z, data):
    n, k = z.shape
    labels = np.array(data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    expected = (act.softmax(z) - np.eye(k)[labels]) / n
    np.testing.assert_allclose(act.cross_entropy_grad(z, labels), expected, rtol=0, atol=1e-15)
    # the same loss and gradient from one-hot probability rows
    assert np.isclose(act.cross_entropy(z, np.eye(k)[labels]), act.cross_entropy(z, labels), rtol=1e-14)


@given(st.floats(min_value=0.01, max_value=100), logit_rows)
def test_temperature_sharpens_and_flattens(t, z):
    p = act.softmax(z, temperature=t)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, atol=8 * EPS)
    np.testing.assert_allclose(p, act.softmax(z / t), rtol=1e-9, atol=1e-300)
