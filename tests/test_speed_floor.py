"""The package's promises about speed and memory, checked without timing anything.

Timings live in benchmarks/speed.py. Here: large arrays (computed block
by block) give exactly the values small ones do, no activation or derivative
holds more than three arrays of its input's size at once, float32 stays
float32 inside the computation, and the cross-entropy gives its loss and
gradient from one call without building a one-hot matrix.
"""

import numpy as np
import pytest

import activations as act
from activations import _core, losses
from tests import mp_reference as ref
from tests.measure import peak_arrays

BLOCK = _core.BLOCK_BYTES // 8  # float64 values in a block

CASES = [(f, params) for f in act.ALL for params in ref.SETTINGS.get(f.name, [{}])]
IDS = [f.name + "".join(f"-{k}={v}" for k, v in p.items()) for f, p in CASES]


@pytest.mark.parametrize(("f", "params"), CASES, ids=IDS)
def test_large_arrays_are_computed_block_by_block_with_the_same_values(f, params):
    """Each block is computed by the same formula, so the values cannot depend on the size."""
    n = 3 * BLOCK + 123  # three whole blocks and a partial one
    x = np.random.default_rng(1).uniform(-40, 40, n).reshape(3, -1)
    x[0, :5] = [np.nan, np.inf, -np.inf, 0.0, -1000.0]
    for method in (f, f.grad):
        whole = method(x, **params)
        assert whole.shape == x.shape
        pieces = np.concatenate(
            [method(row[k : k + 1000], **params) for row in x for k in range(0, row.size, 1000)]
        )
        np.testing.assert_array_equal(whole.ravel(), pieces)


@pytest.mark.parametrize(("f", "params"), CASES, ids=IDS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_no_derivative_holds_more_than_three_arrays_of_the_input(f, params, dtype):
    """The result included; blockwise evaluation keeps the temporaries to a block each."""
    x = np.random.default_rng(2).uniform(-10, 10, 40 * BLOCK).astype(dtype)
    assert peak_arrays(lambda v: f.grad(v, **params), x) <= 3
    assert peak_arrays(lambda v: f(v, **params), x) <= 3


@pytest.mark.parametrize("f", [act.sigmoid, act.swish, act.tanh], ids=lambda f: f.name)
def test_float32_reaches_the_sigmoid_as_float32(f, monkeypatch):
    """No float64 copy of a float32 input is made: the inputs the formula sees stay float32."""
    seen = []
    original = _core.expit

    def spy(z):
        seen.append(z.dtype)
        return original(z)

    monkeypatch.setattr("activations.classic.expit", spy)
    monkeypatch.setattr("activations.smooth.expit", spy)
    x = np.linspace(-5, 5, 11, dtype=np.float32)
    assert f(x).dtype == np.float32
    assert f.grad(x).dtype == np.float32
    assert all(d == np.float32 for d in seen)


@pytest.mark.parametrize(("f", "params"), CASES, ids=IDS)
def test_float32_is_computed_in_float32(f, params):
    """A float32 input makes no float64 temporaries (a np.float64 constant would cause them).

    Measured on one block in arrays of the input's size: a float64 temporary counts two
    arrays of a float32 input and one of a float64 input. A boolean mask adds a quarter of
    one in float32 and an eighth in float64, hence the margin.
    """
    for method in (f, f.grad):
        peak32 = peak_arrays(lambda v, m=method: m(v, **params), np.ones(BLOCK, np.float32))
        peak64 = peak_arrays(lambda v, m=method: m(v, **params), np.ones(BLOCK))
        assert peak32 <= peak64 + 0.5, f"{method} makes float64 temporaries from float32"


@pytest.mark.parametrize("targets", ["indices", "probabilities"])
@pytest.mark.parametrize("shape", [(64, 10), (10,)])
def test_cross_entropy_and_grad_is_the_loss_and_the_gradient(shape, targets):
    rng = np.random.default_rng(3)
    z = rng.normal(scale=5, size=shape)
    t = rng.integers(0, shape[-1], shape[:-1])
    if targets == "probabilities":
        t = rng.dirichlet(np.ones(shape[-1]), size=shape[:-1])
    loss, grad = act.cross_entropy_and_grad(z, t)
    assert loss == act.cross_entropy(z, t)
    np.testing.assert_array_equal(grad, act.cross_entropy_grad(z, t))
    np.testing.assert_allclose(grad.sum(axis=-1), 0, atol=1e-15)


def test_cross_entropy_checks_its_input_once_and_builds_no_one_hot(monkeypatch):
    calls = []
    original = losses._targets
    monkeypatch.setattr(losses, "_targets", lambda *a: calls.append(a[2]) or original(*a))
    monkeypatch.setattr(np, "eye", lambda *a, **k: pytest.fail("a dense one-hot matrix was built"))
    z = np.random.default_rng(4).normal(size=(256, 1000))
    act.cross_entropy_and_grad(z, np.arange(256))
    assert calls == ["cross_entropy_and_grad"]
    # the only arrays of z's size are the exponentials and the gradient made from them in place
    assert peak_arrays(lambda v: act.cross_entropy_and_grad(v, np.arange(256)), z) <= 2.1


def test_cross_entropy_and_grad_errors_name_it():
    with pytest.raises(ValueError, match="cross_entropy_and_grad: class label 5 is out of range"):
        act.cross_entropy_and_grad(np.zeros((2, 5)), [0, 5])
    with pytest.raises(ValueError, match="cross_entropy_and_grad: logits must be finite"):
        act.cross_entropy_and_grad([[0.0, np.nan]], [0])


def test_the_network_takes_loss_and_gradient_from_one_call(monkeypatch):
    model = act.nn.MLP([4, 5, 3], "tanh")
    X = np.random.default_rng(5).normal(size=(8, 4))
    y = np.arange(8) % 3
    expected = model.loss(X, y)
    loss = act.nn.LOSSES["cross_entropy"]
    monkeypatch.setattr(loss, "_value", lambda *a: pytest.fail("the loss was computed apart"))
    monkeypatch.setattr(loss, "_gradient", lambda *a: pytest.fail("the gradient was computed apart"))
    assert model.loss_and_backward(X, y) == expected


def test_one_row_at_a_time_changes_no_value_and_restores_the_buffer():
    """Softmax's speed-up sets NumPy's buffer to one row, only for long rows, and always restores it."""
    default = np.getbufsize()
    z = np.random.default_rng(6).normal(scale=3, size=(40, 1000))
    with _core.one_row_at_a_time(z, -1):
        assert np.getbufsize() == 1008  # 1000 rounded up to a multiple of 16
        inside = z - z.max(axis=-1, keepdims=True)
    assert np.getbufsize() == default
    np.testing.assert_array_equal(inside, z - z.max(axis=-1, keepdims=True))
    with pytest.raises(RuntimeError), _core.one_row_at_a_time(z, 1):
        raise RuntimeError
    assert np.getbufsize() == default
    # short rows, columns (axis 0) and rows longer than the buffer keep NumPy's default
    for shape, axis in [((40, 10), -1), ((1000, 40), 0), ((2, 9000), 1)]:
        with _core.one_row_at_a_time(np.zeros(shape), axis):
            assert np.getbufsize() == default
