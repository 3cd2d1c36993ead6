"""Input checks shared by the whole package.

Every public function turns its array arguments into NumPy arrays with
:func:`as_float_array` and its scalar settings into floats with
:func:`as_parameter`. Both raise an error whose message starts with the
public function's name, says which argument was wrong and why, so a student
never has to guess where a ``nan`` came from.
"""

import numbers

import numpy as np


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
        result = result.astype(x.dtype)
    return result[()] if result.ndim == 0 else result
