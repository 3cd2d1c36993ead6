"""Every activation of the book in one list, and a look-up by name.

The activations themselves are defined one class each, by family, as the
chapters introduce them: ``classic.py`` (chapters 1 and 2),
``relu_family.py`` (chapter 3) and ``smooth.py`` (chapter 5).

>>> get("relu")
<activation relu>
>>> [f.name for f in ALL][:4]
['identity', 'step', 'sigmoid', 'tanh']
"""

from ._core import Activation
from .classic import identity, sigmoid, step, tanh
from .relu_family import SELU_ALPHA, SELU_LAMBDA, elu, leaky_relu, prelu, relu, relu6, selu
from .smooth import gelu, hard_sigmoid, hard_swish, mish, silu, softplus, swish

ALL = (
    identity, step, sigmoid, tanh, relu, leaky_relu, prelu, elu, selu, relu6,
    softplus, swish, silu, mish, gelu, hard_sigmoid, hard_swish,
)  # fmt: skip
_BY_NAME = {f.name: f for f in ALL}

__all__ = ["ALL", "SELU_ALPHA", "SELU_LAMBDA", "Activation", "get", *_BY_NAME]


def get(name):
    """Return the activation called ``name`` (see ``ALL`` for the list), or ``name`` itself if it is one."""
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(f"get: name must be a string such as 'relu', got {name!r}")
    if name not in _BY_NAME:
        raise ValueError(f"get: no activation called {name!r}; choose one of {', '.join(_BY_NAME)}")
    return _BY_NAME[name]
