"""Small data sets for the book's experiments, all seeded.

Every function returns ``X`` (float64, one row per example) and ``y``
(int64 class labels). The same seed always gives the same data.

>>> X, y = xor()
>>> X.tolist(), y.tolist()
([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0, 1, 1, 0])
"""

import numbers

import numpy as np

from ._core import as_float_array, as_parameter


def _count(n, func, name):
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"{func}: {name} must be a positive integer, got {n!r}")
    return int(n)


def _split_counts(n_samples, func):
    n_samples = _count(n_samples, func, "n_samples")
    if n_samples < 2:
        raise ValueError(f"{func}: n_samples must be at least 2 (one per class)")
    return n_samples // 2, n_samples - n_samples // 2


def _finish(rng, parts, noise):
    """Stack the classes, label them 0, 1, ... and add Gaussian noise."""
    X = np.concatenate(parts)
    y = np.concatenate([np.full(len(p), k, dtype=np.int64) for k, p in enumerate(parts)])
    return X + rng.normal(0.0, noise, size=X.shape), y


def xor(n_per_corner=1, noise=0.0, seed=0):
    """The XOR problem: label 1 when exactly one coordinate is 1.

    Book: section 1.2.

    With the defaults, the four corners of the unit square. ``n_per_corner``
    copies of each corner with Gaussian ``noise`` make a cloud version.
    """
    n = _count(n_per_corner, "xor", "n_per_corner")
    noise = as_parameter(noise, "xor", "noise", minimum=0.0)
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    X = np.repeat(corners, n, axis=0)
    y = np.repeat(np.array([0, 1, 1, 0], dtype=np.int64), n)
    return X + np.random.default_rng(seed).normal(0.0, noise, size=X.shape), y


def two_moons(n_samples=200, noise=0.1, seed=0):
    """Two interleaving half circles (class 0 on top, class 1 below and shifted).

    Book: the tests; later chapters.
    """
    n0, n1 = _split_counts(n_samples, "two_moons")
    noise = as_parameter(noise, "two_moons", "noise", minimum=0.0)
    rng = np.random.default_rng(seed)
    t0, t1 = rng.uniform(0, np.pi, n0), rng.uniform(0, np.pi, n1)
    top = np.column_stack([np.cos(t0), np.sin(t0)])
    bottom = np.column_stack([1 - np.cos(t1), 0.5 - np.sin(t1)])
    return _finish(rng, [top, bottom], noise)


def two_spirals(n_samples=200, noise=0.05, turns=1.5, seed=0):
    """Two interleaved spirals, each winding ``turns`` times around the origin (radius <= 1).

    Book: the tests; later chapters.
    """
    n0, n1 = _split_counts(n_samples, "two_spirals")
    noise = as_parameter(noise, "two_spirals", "noise", minimum=0.0)
    turns = as_parameter(turns, "two_spirals", "turns", minimum=0.0, strict=True)
    rng = np.random.default_rng(seed)
    parts = []
    for sign, n in ((1.0, n0), (-1.0, n1)):
        # sqrt spreads the points evenly along the spiral instead of crowding the centre
        t = np.sqrt(rng.uniform(0.02, 1.0, n)) * turns * 2 * np.pi
        radius = t / (turns * 2 * np.pi)
        parts.append(sign * np.column_stack([radius * np.cos(t), radius * np.sin(t)]))
    return _finish(rng, parts, noise)


def circles(n_samples=200, noise=0.05, factor=0.5, seed=0):
    """Two concentric circles: class 0 of radius 1, class 1 of radius ``factor`` (< 1).

    Book: the tests; later chapters.
    """
    n0, n1 = _split_counts(n_samples, "circles")
    noise = as_parameter(noise, "circles", "noise", minimum=0.0)
    factor = as_parameter(factor, "circles", "factor", minimum=0.0, maximum=1.0, strict=True)
    rng = np.random.default_rng(seed)
    t0, t1 = rng.uniform(0, 2 * np.pi, n0), rng.uniform(0, 2 * np.pi, n1)
    outer = np.column_stack([np.cos(t0), np.sin(t0)])
    inner = factor * np.column_stack([np.cos(t1), np.sin(t1)])
    return _finish(rng, [outer, inner], noise)


def digits():
    """The 8 x 8 handwritten digits (1,797 images, classes 0 to 9) bundled with scikit-learn.

    Book: section 2.2.

    Pixels are scaled from 0..16 to [0, 1]; each row of X is one image
    flattened to 64 values. No download: the data ships inside scikit-learn.
    """
    try:
        from sklearn.datasets import load_digits  # imported here: only this function needs it
    except ImportError as error:
        raise ImportError(
            "activations.data.digits needs scikit-learn, which holds the digits; "
            "install it with: pip install 'activations[digits]'"
        ) from error

    X, y = load_digits(return_X_y=True)
    return X.astype(np.float64) / 16.0, y.astype(np.int64)


def train_test_split(X, y, test_fraction=0.25, seed=0):
    """Shuffle with ``seed`` and split into X_train, X_test, y_train, y_test.

    Book: section 2.2.

    >>> X_train, X_test, y_train, y_test = train_test_split(*two_moons(100))
    >>> len(X_train), len(X_test)
    (75, 25)
    """
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"train_test_split: X has {len(X)} rows but y has {len(y)}")
    test_fraction = as_parameter(test_fraction, "train_test_split", "test_fraction", minimum=0.0, strict=True)
    n_test = round(test_fraction * len(X))
    if not 1 <= n_test < len(X):
        raise ValueError(
            f"train_test_split: test_fraction {test_fraction} leaves {n_test} of {len(X)} examples "
            "for testing; both parts must be non-empty"
        )
    order = np.random.default_rng(seed).permutation(len(X))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


def standardise(X, reference=None):
    """Shift and scale every column of X to mean 0 and standard deviation 1.

    The means and standard deviations come from ``reference`` (the training
    set, so that test data is scaled the same way) or from X itself. A column
    that is constant in the reference (a pixel that is always 0) is only
    shifted: dividing by its zero spread would give nan. Book: section 3.3.

    >>> standardise(np.array([[1.0, 5.0], [3.0, 5.0]])).tolist()
    [[-1.0, 0.0], [1.0, 0.0]]
    """
    X = as_float_array(X, "standardise", "X").astype(np.float64)
    reference = X if reference is None else as_float_array(reference, "standardise", "reference")
    if X.ndim != 2 or reference.ndim != 2 or X.shape[1] != reference.shape[1]:
        raise ValueError(
            f"standardise: X and reference must be 2-D with the same number of columns, "
            f"got shapes {X.shape} and {reference.shape}"
        )
    mean, std = reference.mean(axis=0), reference.std(axis=0)
    return (X - mean) / np.where(std > 0, std, 1.0)
