"""Types, shapes and bad input: what every public function accepts and how it refuses."""

import numpy as np
import pytest

import activations as act
from activations import data, nn

PARAMS = {"prelu": {"alpha": 0.25}}


def _both(f):
    """f and f.grad, with the settings they need."""
    params = PARAMS.get(f.name, {})
    return [lambda x: f(x, **params), lambda x: f.grad(x, **params)]


@pytest.mark.parametrize("f", act.ALL, ids=lambda f: f.name)
def test_every_input_kind_gives_the_right_dtype_and_shape(f):
    for g in _both(f):
        x32 = np.linspace(-3, 3, 12, dtype=np.float32).reshape(3, 4)
        out = g(x32)
        assert out.dtype == np.float32
        assert out.shape == (3, 4)
        assert g(x32.astype(np.float16)).dtype == np.float16
        # integers and booleans are computed in float64
        assert g(np.arange(-2, 3)).dtype == np.float64
        np.testing.assert_array_equal(g(np.arange(-2, 3)), g(np.arange(-2.0, 3.0)))
        assert g(np.array([True, False])).dtype == np.float64
        # Python scalars give a NumPy float scalar, lists give arrays
        assert isinstance(g(0.5), np.float64)
        assert np.ndim(g(0.5)) == 0
        np.testing.assert_array_equal(g([[-1.0, 2.0]]), g(np.array([[-1.0, 2.0]])))
        assert g(np.empty((0, 3))).shape == (0, 3)


@pytest.mark.parametrize("f", act.ALL, ids=lambda f: f.name)
def test_input_is_never_modified_or_returned(f):
    for g in _both(f):
        x = np.linspace(-900, 900, 31)
        before = x.copy()
        out = g(x)
        np.testing.assert_array_equal(x, before)
        assert not np.shares_memory(out, x)


@pytest.mark.parametrize("f", act.ALL, ids=lambda f: f.name)
@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("1.0", "string"),
        (np.array(["a", "b"]), "dtype <U1"),
        ([1.0, 2.0j], "complex"),
        (np.array([object()]), "dtype object"),
        ([[1.0], [2.0, 3.0]], "array of numbers"),
    ],
    ids=["string", "string array", "complex", "objects", "ragged"],
)
def test_non_numeric_input_raises_type_error(f, bad, words):
    with pytest.raises(TypeError, match=f"^{f.name}: x .*{words}"):
        f(bad, **PARAMS.get(f.name, {}))
    with pytest.raises(TypeError, match=rf"^{f.name}\.grad: x"):
        f.grad(bad, **PARAMS.get(f.name, {}))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: act.leaky_relu(1.0, alpha=-0.1), ValueError, "leaky_relu: alpha must be at least 0"),
        (lambda: act.leaky_relu(1.0, alpha=2.0), ValueError, "leaky_relu: alpha must be at most 1"),
        (lambda: act.elu.grad(1.0, alpha=-1.0), ValueError, r"elu\.grad: alpha must be at least 0"),
        (lambda: act.softplus(1.0, beta=0.0), ValueError, "softplus: beta must be greater than 0"),
        (lambda: act.swish(1.0, beta=-1.0), ValueError, "swish: beta must be at least 0"),
        (lambda: act.swish(1.0, beta=np.inf), ValueError, "swish: beta must be finite"),
        (lambda: act.swish(1.0, beta="1"), TypeError, "swish: beta must be a real number"),
        (lambda: act.prelu(1.0), TypeError, "prelu: the parameter 'alpha' is required"),
        (
            lambda: act.prelu.grad_alpha(1.0, alpha=np.nan),
            ValueError,
            r"prelu\.grad_alpha: alpha must be finite",
        ),
        (
            lambda: act.relu(1.0, alpha=0.1),
            TypeError,
            "relu: unknown parameter 'alpha'; it takes no parameters",
        ),
        (lambda: act.gelu(1.0, approximate="fast"), ValueError, "gelu: approximate must be one of"),
        (lambda: act.get("relu7"), ValueError, "get: no activation called 'relu7'"),
        (lambda: act.get(3), TypeError, "get: name must be a string"),
    ],
)
def test_bad_settings_raise_clear_errors(call, error, message):
    with pytest.raises(error, match=f"^{message}"):
        call()


def test_every_activation_is_catalogued_with_formulas_and_a_docstring():
    assert [f.name for f in act.ALL] == [
        "identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu",
        "selu", "relu6", "softplus", "swish", "silu", "mish", "gelu", "hard_sigmoid", "hard_swish",
    ]  # fmt: skip
    for f in act.ALL:
        assert act.get(f.name) is f
        assert act.get(f) is f
        assert f.latex
        assert f.grad_latex
        assert f.__doc__
        assert f.name in repr(f)
        assert f.reference is None or f.reference.isidentifier()


# --- softmax and losses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: act.softmax([1.0, 2.0], axis=1), ValueError, "softmax: axis 1 is out of range"),
        (lambda: act.log_softmax([[1.0]], axis=-3), ValueError, "log_softmax: axis -3 is out of range"),
        (lambda: act.softmax([1.0, 2.0], axis=0.5), TypeError, "softmax: axis must be an integer"),
        (lambda: act.softmax(3.0), ValueError, "softmax: z must have at least one dimension"),
        (lambda: act.softmax([1.0, np.inf]), ValueError, r"softmax: z contains \+inf"),
        (lambda: act.logsumexp([-np.inf, -np.inf]), ValueError, "logsumexp: every entry"),
        (
            lambda: act.softmax([1.0], temperature=0),
            ValueError,
            "softmax: temperature must be greater than 0",
        ),
        (lambda: act.softmax(["a"]), TypeError, "softmax: z must be a number"),
        (
            lambda: act.cross_entropy([[1.0, 2.0]], [2]),
            ValueError,
            "cross_entropy: class label 2 is out of range",
        ),
        (
            lambda: act.cross_entropy([[1.0, 2.0]], [-1]),
            ValueError,
            "cross_entropy: class label -1 is out of",
        ),
        (lambda: act.cross_entropy([[1.0, 2.0]], [0.5]), ValueError, "cross_entropy: class labels must be"),
        (lambda: act.cross_entropy_grad([[1.0, 2.0]], [0, 1]), ValueError, "cross_entropy_grad: batch size"),
        (lambda: act.cross_entropy([[1.0, 2.0]], [[0.5, 0.6]]), ValueError, "cross_entropy: each row of"),
        (lambda: act.cross_entropy([[1.0, 2.0]], [[1.5, -0.5]]), ValueError, "cross_entropy: probability"),
        (lambda: act.cross_entropy([[1.0, np.nan]], [0]), ValueError, "cross_entropy: logits must be finite"),
        (lambda: act.cross_entropy([[[1.0]]], [0]), ValueError, r"cross_entropy: logits must have shape"),
        (lambda: act.cross_entropy([[1.0, 2.0]], ["a"]), TypeError, "cross_entropy: targets must be"),
        (lambda: act.binary_cross_entropy_with_logits([1.0], [2.0]), ValueError, r"binary_.*in \[0, 1\]"),
        (lambda: act.mse([1.0, 2.0], [1.0]), ValueError, r"mse: predictions has shape \(2,\)"),
        (lambda: act.mse_grad([], []), ValueError, "mse_grad: predictions is empty"),
        (lambda: act.softmax_backward([1.0, 2.0], [1.0]), ValueError, r"softmax_backward: grad_p has shape"),
        (lambda: act.softmax_mse([[1.0, 2.0]], [3]), ValueError, "softmax_mse: class label 3"),
    ],
)
def test_losses_refuse_bad_input_with_a_clear_error(call, error, message):
    with pytest.raises(error, match=f"^{message}"):
        call()


def test_softmax_is_exact_at_extremes_and_masks_minus_infinity():
    np.testing.assert_array_equal(act.softmax([1000.0, 1000.0]), [0.5, 0.5])
    np.testing.assert_array_equal(act.softmax([0.0, -np.inf, 0.0]), [0.5, 0.0, 0.5])
    np.testing.assert_array_equal(act.softmax([1.0, 2.0, 3.0], temperature=1e-300), [0.0, 0.0, 1.0])
    np.testing.assert_allclose(act.softmax([1.0, 2.0, 3.0], temperature=1e300), [1 / 3] * 3)
    assert act.softmax(np.ones((2, 3), dtype=np.float32), axis=0).dtype == np.float32
    np.testing.assert_allclose(act.softmax(np.zeros((2, 3)), axis=0), np.full((2, 3), 0.5))
    assert act.logsumexp([[1000.0, 1000.0]]).shape == (1,)
    assert act.cross_entropy([[0.0, 1000.0]], [0]) == 1000.0
    assert act.binary_cross_entropy_with_logits([1000.0], [0.0]) == 1000.0
    assert np.isnan(act.softmax([np.nan, 1.0])).all()


def test_losses_keep_dtype_and_accept_single_examples():
    z32 = np.array([[1.0, -1.0]], dtype=np.float32)
    assert act.cross_entropy(z32, [0]).dtype == np.float32
    assert act.cross_entropy_grad(z32, [0]).dtype == np.float32
    assert act.cross_entropy([0.0, 0.0], 1) == act.cross_entropy([[0.0, 0.0]], [1])
    assert act.cross_entropy_grad([0.0, 0.0], 1).shape == (2,)
    assert act.cross_entropy([[0.0, 0.0]], np.array([1.0])) == act.cross_entropy([[0.0, 0.0]], [1])


# --- network, optimisers, data -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: nn.MLP([2, 3, 2]).forward(np.ones((4, 3))), ValueError, r"MLP.forward: X must have shape"),
        (lambda: nn.MLP([2, 3, 2]).forward(np.ones(2)), ValueError, r"MLP.forward: X must have shape"),
        (lambda: nn.MLP([2]), ValueError, "MLP: widths must be"),
        (lambda: nn.MLP([2, 0, 1]), ValueError, "MLP: widths must be"),
        (lambda: nn.MLP([2, 2], init="magic"), ValueError, "MLP: unknown init 'magic'"),
        (lambda: nn.MLP([2, 2], loss="hinge"), ValueError, "MLP: unknown loss 'hinge'"),
        (lambda: nn.MLP([2, 2], loss="binary_cross_entropy"), ValueError, "MLP: binary_cross_entropy needs"),
        (
            lambda: nn.MLP([2, 3, 2], activation="leaky_relu", alpha=-1),
            ValueError,
            r"ActivationLayer\(leaky_relu\): alpha must be",
        ),
        (
            lambda: nn.MLP([2, 3, 2], activation="relu", beta=1),
            TypeError,
            r"ActivationLayer\(relu\): unknown parameter 'beta'",
        ),
        (lambda: nn.PReLULayer(alpha=np.nan), ValueError, "PReLULayer: alpha must be finite"),
        (lambda: nn.normal(-1.0), ValueError, "normal: std must be greater than 0"),
        (lambda: nn.SGD(lr=-0.1), ValueError, "SGD: lr must be greater than 0"),
        (lambda: nn.SGD(momentum=1.5), ValueError, "SGD: momentum must be at most"),
        (lambda: nn.Adam(lr=0), ValueError, "Adam: lr must be greater than 0"),
        (lambda: nn.train(nn.MLP([2, 2]), np.ones((3, 2)), [0, 1], nn.SGD()), ValueError, "train: X has 3"),
        (lambda: nn.train(nn.MLP([2, 2]), np.ones((2, 2)), [0, 1], nn.SGD(), epochs=-1), ValueError, "train"),
        (
            lambda: nn.train(nn.MLP([2, 2]), np.ones((2, 2)), [0, 1], nn.SGD(), batch_size=0),
            ValueError,
            "train",
        ),
        (lambda: nn.MLP([2, 2]).loss(np.ones((1, 2)), [5]), ValueError, "cross_entropy: class label 5"),
        (lambda: data.two_moons(1), ValueError, "two_moons: n_samples must be at least 2"),
        (lambda: data.xor(noise=-1), ValueError, "xor: noise must be at least 0"),
        (lambda: data.circles(factor=1.5), ValueError, "circles: factor must be at most 1"),
        (lambda: data.two_spirals(n_samples=2.5), ValueError, "two_spirals: n_samples must be a positive"),
        (lambda: data.train_test_split(np.ones((4, 2)), [0, 1]), ValueError, "train_test_split: X has 4"),
        (lambda: data.train_test_split(np.ones((4, 2)), [0] * 4, 0.01), ValueError, "train_test_split: test"),
    ],
)
def test_networks_and_data_refuse_bad_input_with_a_clear_error(call, error, message):
    with pytest.raises(error, match=f"^{message}"):
        call()


def test_gated_units_refuse_mismatched_inputs():
    with pytest.raises(ValueError, match=r"^swiglu: a has shape \(2,\) but gate has shape \(3,\)"):
        act.swiglu([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match=r"^glu\.grad: gate must be a number"):
        act.glu.grad([1.0], ["x"])


def test_gated_units_keep_float32_and_scalars():
    assert act.geglu(np.ones(3, np.float32), np.ones(3, np.float32)).dtype == np.float32
    assert np.ndim(act.glu(1.0, 0.0)) == 0
    assert act.glu(2.0, 0.0) == 1.0


@pytest.mark.parametrize("f", act.ALL, ids=lambda f: f.name)
def test_float16_extremes_raise_no_warning(f):
    params = PARAMS.get(f.name, {})
    x = np.array([-65000, -300, -50, 0, 50, 300, 65000], dtype=np.float16)
    assert f(x, **params).dtype == np.float16
    assert f.grad(x, **params).dtype == np.float16


def test_network_settings_errors_name_the_layer():
    with pytest.raises(TypeError, match=r"^GatedLayer: gated units take no settings"):
        nn.MLP([2, 4, 2], activation="geglu", approximate="tanh")
    with pytest.raises(TypeError, match=r"^PReLULayer: unknown parameter 'beta'"):
        nn.MLP([2, 4, 2], activation="prelu", beta=1.0)
    with pytest.raises(ValueError, match=r"^train: cannot record 'alpha': the model has no PReLU"):
        nn.train(nn.MLP([2, 2]), np.ones((2, 2)), [0, 1], nn.SGD(), record="alpha")
