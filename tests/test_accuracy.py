"""Every activation and derivative against a 60-digit mpmath reference.

The standard: relative error at most ULPS units of eps, times the condition
number |x f'(x) / f(x)| where that exceeds 1 (rounding x to a float already
costs that much; no implementation can do better). Only where the true value
is below the smallest normal float is an absolute error of that size
accepted. Checked over the whole float range (subnormals to 1e308, +-0,
+-inf, nan) in float64, and in float32 against the float64 result.
"""

import numpy as np
import pytest
from scipy import special

import activations as act
from tests import mp_reference as ref

ULPS = 4

CASES = [(f.name, params) for f in act.ALL for params in ref.SETTINGS.get(f.name, [{}])]
IDS = [name + "".join(f"-{k}={v}" for k, v in params.items()) for name, params in CASES]


def _grid(dtype):
    info = np.finfo(dtype)
    low, high = np.log10(float(info.smallest_subnormal)), np.log10(float(info.max)) - 0.1
    magnitudes = np.logspace(low, high, 200)
    special_points = [
        info.smallest_subnormal,
        info.tiny,
        info.tiny / 3,
        1e-8,
        0.5,
        1.0,
        6.0,
        np.nextafter(6.0, 0),
        np.nextafter(6.0, 7),
        37.0,
        88.7,
        709.78,
        709.9,
        710.0,
        712.0,
        715.0,
        745.2,
        800.0,
    ]
    points = np.concatenate(
        [
            magnitudes,
            -magnitudes,
            np.linspace(-50, 50, 201),
            np.linspace(-800, 800, 81),
            special_points,
            -np.array(special_points),
            [0.0, -0.0],
        ]
    ).astype(dtype)
    return points[np.isfinite(points)]


GRID64 = _grid(np.float64)
GRID32 = _grid(np.float32)


def _assert_accurate(what, x, ours, expected, cond, dtype):
    info = np.finfo(dtype)
    ours, expected = np.asarray(ours, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    assert np.array_equal(np.isnan(ours), np.isnan(expected)), f"{what}: nan where none is due"
    error = np.abs(ours - expected)
    allowed = ULPS * info.eps * np.clip(cond, 1.0, 1e300) * np.abs(expected)
    underflow = np.abs(expected) < info.tiny
    ok = (error <= allowed) | (underflow & (error <= info.tiny)) | (ours == expected)
    if not np.all(ok):
        worst = np.argmax(np.where(ok, 0, error / np.maximum(allowed, info.tiny)))
        pytest.fail(
            f"{what} at x = {x[worst]!r}: got {ours[worst]!r}, expected {expected[worst]!r}, "
            f"relative error {error[worst] / abs(expected[worst]):.3g} "
            f"(allowed {ULPS} eps x condition number {max(1.0, cond[worst]):.3g})"
        )


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def case(request):
    name, params = request.param
    return act.get(name), params, ref.evaluate(name, GRID64, params), ref.evaluate(name, GRID32, params)


def test_float64_matches_reference(case):
    f, params, (value, grad, cond, grad_cond), _ = case
    _assert_accurate(f"{f.name}{params}", GRID64, f(GRID64, **params), value, cond, np.float64)
    _assert_accurate(f"{f.name}.grad{params}", GRID64, f.grad(GRID64, **params), grad, grad_cond, np.float64)


def test_float32_matches_float64(case):
    f, params, _, (_, _, cond, grad_cond) = case
    x64 = GRID32.astype(np.float64)
    out, dout = f(GRID32, **params), f.grad(GRID32, **params)
    assert out.dtype == np.float32
    assert dout.dtype == np.float32
    _assert_accurate(f"{f.name}{params} float32", GRID32, out, f(x64, **params), cond, np.float32)
    _assert_accurate(
        f"{f.name}.grad{params} float32", GRID32, dout, f.grad(x64, **params), grad_cond, np.float32
    )


def test_limits_at_infinity_and_nan(case):
    f, params, _, _ = case
    (f_low, g_low), (f_high, g_high) = ref.limits(f.name, params)
    x = np.array([-np.inf, np.inf, np.nan])
    np.testing.assert_array_equal(f(x, **params), [f_low, f_high, np.nan])
    np.testing.assert_array_equal(f.grad(x, **params), [g_low, g_high, np.nan])


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "softplus", "silu", "mish", "gelu", "swish"])
def test_reference_derivatives_match_differentiating_the_reference(name):
    """The hand-written reference derivatives agree with mpmath's own differentiation."""
    f, grad = ref.REFERENCES[name]
    for x in [-30, -3.7, -1.2784645, -0.3, 0.25, 2.0, 15.0]:
        x = ref.mp.mpf(x)
        assert abs(ref.mp.diff(f, x) - grad(x)) <= ref.mp.mpf(10) ** -40 * max(1, abs(grad(x)))


# --- agreement with SciPy where it has the same function ---------------------------------


def test_sigmoid_softplus_gelu_and_tanh_agree_with_scipy():
    x = np.concatenate([np.linspace(-50, 50, 1001), [-1e300, -745.0, 745.0, 1e300]])
    np.testing.assert_allclose(act.sigmoid(x), special.expit(x), rtol=4e-16, atol=5e-324)
    # below -709.78 SciPy returns 0; the package keeps the subnormal value e^x
    assert act.sigmoid(-745.0) == np.exp(-745.0) > 0
    assert special.expit(-745.0) == 0
    np.testing.assert_allclose(act.softplus(x), special.softplus(x), rtol=4e-16, atol=0)
    np.testing.assert_allclose(act.gelu(x), x * special.ndtr(x), rtol=4e-16, atol=0)
    np.testing.assert_allclose(act.tanh(x), np.tanh(x), rtol=0, atol=0)
    np.testing.assert_allclose(
        act.sigmoid.grad(x), special.expit(x) * special.expit(-x), rtol=1e-15, atol=5e-324
    )
    moderate = np.linspace(-5, 5, 101)
    erf_form = 0.5 * moderate * (1 + special.erf(moderate / np.sqrt(2)))
    np.testing.assert_allclose(act.gelu(moderate), erf_form, rtol=1e-14, atol=1e-15)  # 1 + erf cancels
