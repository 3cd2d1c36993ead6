"""The machinery every activation shares: input checks, dtypes, the stable sigmoid.

Students can skip this file: it holds no mathematics of its own. Every
public function turns its array arguments into NumPy arrays with
:func:`as_float_array` and its scalar settings into floats with
:func:`as_parameter`; both raise an error whose message starts with the
public function's name, says which argument was wrong and why, so a student
never has to guess where a ``nan`` came from.

:class:`Activation` is the base of every activation: a subclass writes the
formula (``function``) and its derivative (``derivative``) for a float
array, and the base checks the input and the settings and gives the result
the input's dtype.

Speed, explained once here so that the activations can be written as formulas:

- A formula of k NumPy operations makes k passes over its data. On a whole
  array of 10^7 values each pass goes through main memory; :func:`blockwise`
  evaluates the formula on blocks of ``BLOCK_BYTES``, which stay in the CPU's
  cache with their temporaries, so the formula costs about one trip through
  memory and holds only a block's worth of temporaries (PyTorch gets the same
  effect by fusing the operations into one loop). Inside a block an
  in-place operation (``out=``) saves a few percent at most, so the
  activations use plain expressions; each block gives exactly the values the
  whole array would.
- Softmax and the losses combine an (N, K) array with one value per row
  (z - max, e / sum). :func:`one_row_at_a_time` sets NumPy's ufunc buffer to
  one row for that, so each row's value is used as a scalar instead of being
  copied into the buffer again and again.
- Constants are Python floats: under NumPy 2's rules a ``np.float64`` scalar
  turns a float32 computation into a float64 one (twice the memory and time);
  a Python float follows the array's dtype.
"""

import contextlib
import inspect
import numbers
from dataclasses import dataclass

import numpy as np

# Beyond |z| = 800, exp(-|z|) is below the smallest float64 (about 4.9e-324), so
# sigmoid(z) is exactly 0 or 1 in every float type. Clipping arguments there
# changes no result and keeps exp, products and powers from overflowing.
SATURATE = 800.0


# --- input checks -------------------------------------------------------------------------


def as_float_array(x, func, arg="x"):
    """Return ``x`` as a floating-point array, or raise a clear error.

    Floating arrays keep their dtype (float32 stays float32). Integers and
    booleans are converted to float64. Strings, objects and complex numbers
    raise ``TypeError``. The input is never modified; when it already is a
    floating array it is returned without a copy.
    """
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{func}: {arg} must be a number or an array of numbers, got the string {x!r}")
    try:
        a = np.asarray(x)
    except (ValueError, TypeError) as error:  # ragged nested lists and the like
        raise TypeError(f"{func}: {arg} must be a number or an array of numbers ({error})") from None
    if a.dtype.kind == "f":
        return a
    if a.dtype.kind in "iub":
        return a.astype(np.float64)
    if a.dtype.kind == "c":
        raise TypeError(
            f"{func}: {arg} is complex; activation functions here are defined for real numbers only"
        )
    raise TypeError(f"{func}: {arg} must be a number or an array of numbers, got an array of dtype {a.dtype}")


def as_parameter(value, func, name, *, minimum=None, maximum=None, strict=False):
    """Return a scalar setting such as ``alpha`` or ``beta`` as a Python float.

    It must be a finite real number, at least ``minimum`` (greater than it
    when ``strict``) and at most ``maximum`` when those bounds are given.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{func}: {name} must be a real number, got {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{func}: {name} must be finite, got {value}")
    if minimum is not None and (value < minimum or (strict and value == minimum)):
        bound = "greater than" if strict else "at least"
        raise ValueError(f"{func}: {name} must be {bound} {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{func}: {name} must be at most {maximum}, got {value}")
    return value


def like_input(result, x):
    """Give ``result`` the dtype of ``x``, and return a scalar for a 0-d input."""
    result = np.asarray(result)
    if result.dtype != x.dtype:
        with np.errstate(over="ignore"):  # a value beyond float16's range is inf, as it should be
            result = result.astype(x.dtype)
    return result[()] if result.ndim == 0 else result


# --- numerical building blocks ------------------------------------------------------------


def expit(z):
    """sigmoid(z) = e^min(z, 0) / (1 + e^-|z|), in z's float dtype.

    This is 1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) for z < 0, written
    so that neither exponent is ever positive: exp cannot overflow (the
    textbook form's e^-z does, below z = -709.78) and no warning is possible.
    For very negative z the numerator e^z keeps the tiny (subnormal) value of
    the sigmoid, which SciPy's ``expit`` rounds to 0 below -709.78; times a
    large x, as in swish, that 0 would be a wrong normal-sized result.
    """
    return np.exp(np.minimum(z, 0.0)) / (1 + np.exp(-np.abs(z)))


def keep_nan(g, x):
    """Put nan into ``g`` wherever ``x`` is nan (for piecewise-constant derivatives)."""
    nan = np.isnan(x)
    if nan.any():
        np.copyto(g, np.nan, where=nan)
    return g


def positive(x):
    """1.0 where x > 0 and 0.0 elsewhere (nan stays nan), in x's dtype."""
    # The comparison written straight into a float array: one pass, no boolean array.
    return keep_nan(np.greater(x, 0, out=np.empty_like(x)), x)


# Large arrays are evaluated in blocks of this many bytes (16384 float64 values, 32768
# float32), small enough to stay in the cache with their temporaries (see the top of the file).
BLOCK_BYTES = 2**17


def blockwise(formula, x, settings):
    """formula(x, **settings) for an elementwise formula, computed block by block when x is large."""
    if x.ndim == 0:  # a 1-element array, so that a formula always works on an array
        return formula(x.reshape(1), **settings).reshape(())
    block = BLOCK_BYTES // x.itemsize
    if x.size <= block:
        return formula(x, **settings)
    flat = x.reshape(-1)
    out = np.empty(flat.shape, dtype=x.dtype)
    for start in range(0, flat.size, block):
        out[start : start + block] = formula(flat[start : start + block], **settings)
    return out.reshape(x.shape)


@contextlib.contextmanager
def one_row_at_a_time(z, axis):
    """A context in which NumPy combines z with one value per row (z - max, e / sum) fast.

    For z of shape (N, K) and a column of shape (N, 1), NumPy's ufuncs fill an 8192-value
    buffer with copies of the column's values whenever a row is shorter than that buffer,
    which doubles the cost of the operation; a buffer of one row avoids it. Rows shorter
    than 64 values are faster with the default.
    """
    length = z.shape[axis]
    if axis % z.ndim != z.ndim - 1 or not 64 <= length < np.getbufsize():
        yield
        return
    previous = np.setbufsize(-(-length // 16) * 16)  # a multiple of 16, as NumPy requires
    try:
        yield
    finally:
        np.setbufsize(previous)


def _working(x):
    """float16 is computed in float32 (x**3 or 1.05 x would overflow float16's 65504 early)."""
    return x.astype(np.float32) if x.dtype == np.float16 else x


# --- the base of every activation -----------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """The values an activation's setting (``alpha``, ``beta``, ...) may take.

    A number within [minimum, maximum] (``strict``: the minimum itself is
    excluded), or, with ``choices``, one of those strings.
    """

    minimum: float | None = None
    maximum: float | None = None
    strict: bool = False
    choices: tuple = ()

    def check(self, value, func, name):
        if self.choices:
            if not isinstance(value, str) or value not in self.choices:
                raise ValueError(f"{func}: {name} must be one of {self.choices}, got {value!r}")
            return value
        return as_parameter(value, func, name, minimum=self.minimum, maximum=self.maximum, strict=self.strict)


class Activation:
    """An elementwise activation f: call it as ``f(x)``, its derivative is ``f.grad(x)``.

    Both accept a number, a list or an array; floating arrays keep their
    dtype, integers are computed in float64, the input is never modified,
    and no floating-point warning is emitted for any input. Settings such as
    ``alpha`` are keywords: ``leaky_relu(x, alpha=0.1)``.

    A subclass defines one activation. It sets ``name``, the LaTeX formulas
    ``latex`` and ``grad_latex``, the citation key ``reference`` (in the
    book's ``references.bib``; None for classical functions) and
    ``settings`` (name -> :class:`Setting`), and writes two methods on a
    float array x whose settings are already checked:

    - ``function(self, x, **settings)``: f(x);
    - ``derivative(self, x, **settings)``: df/dx, the same shape.

    The defaults of the settings are those of ``function``'s signature.
    """

    name = ""
    latex = grad_latex = ""
    reference = None
    settings = {}  # noqa: RUF012 (read-only; each subclass has its own dict)

    def __init__(self):
        taken = list(inspect.signature(self.function).parameters.values())[1:]
        self.defaults = {p.name: p.default for p in taken}  # inspect.Parameter.empty: required
        shown = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in taken]
        # IPython's `leaky_relu?` and inspect.signature show (x, /, *, alpha=0.01); `sigmoid??`
        # and inspect.getsource(sigmoid) show the class that defines this activation.
        self.__signature__ = inspect.Signature(
            [inspect.Parameter("x", inspect.Parameter.POSITIONAL_ONLY), *shown]
        )
        self.__wrapped__ = type(self)

    def check_settings(self, given, func=None):
        """Check the keyword settings ``given`` and fill in the defaults."""
        func = func or self.name
        unknown = sorted(set(given) - set(self.defaults))
        if unknown:
            takes = ", ".join(self.defaults) or "no parameters"
            raise TypeError(f"{func}: unknown parameter {unknown[0]!r}; it takes {takes}")
        checked = {}
        for name, default in self.defaults.items():
            value = given.get(name, default)
            if value is inspect.Parameter.empty:
                raise TypeError(f"{func}: the parameter {name!r} is required")
            checked[name] = self.settings[name].check(value, func, name)
        return checked

    def __call__(self, x, /, **settings):
        x = as_float_array(x, self.name)
        return like_input(blockwise(self.function, _working(x), self.check_settings(settings)), x)

    def grad(self, x, /, **settings):
        """The derivative df/dx at every entry of ``x``; same settings as f."""
        func = f"{self.name}.grad"
        x = as_float_array(x, func)
        return like_input(blockwise(self.derivative, _working(x), self.check_settings(settings, func)), x)

    def __repr__(self):
        return f"<activation {self.name}>"
