"""activations: the package behind the book on neural-network activation functions.

>>> import activations as act
>>> float(act.sigmoid(0.0)), float(act.relu.grad(2.0))
(0.5, 1.0)
>>> [f.name for f in act.ALL][:5]
['identity', 'step', 'sigmoid', 'tanh', 'relu']

Modules, one idea each:

- ``activations.functions``: every activation with its derivative (also here at the top level)
- ``activations.losses``: softmax, log-softmax, log-sum-exp and the losses (also at the top level)
- ``activations.gradcheck``: finite-difference gradient checking
- ``activations.nn``: a small multilayer perceptron with explicit backpropagation
- ``activations.data``: seeded toy data sets and the 8 x 8 digits
- ``activations.linear``: stacks of affine layers and their collapse into one (chapter 1)
- ``activations.exercises``: the checkers of the book's exercises
- ``activations.plotting`` and ``activations.widgets`` (imported on their own): the book's
  figure style and its interactive explorers

Integer inputs are computed in float64; float32 stays float32.
"""

from . import data, exercises, gradcheck, linear, nn
from .functions import (
    ALL,
    SELU_ALPHA,
    SELU_LAMBDA,
    Activation,
    elu,
    gelu,
    get,
    identity,
    leaky_relu,
    mish,
    prelu,
    relu,
    relu6,
    selu,
    sigmoid,
    silu,
    softplus,
    step,
    swish,
    tanh,
)
from .gradcheck import check_grad, numerical_gradient
from .losses import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy,
    cross_entropy_grad,
    log_softmax,
    logsumexp,
    mse,
    mse_grad,
    softmax,
)

__version__ = "0.1.0"

__all__ = [
    "ALL",
    "SELU_ALPHA",
    "SELU_LAMBDA",
    "Activation",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_with_logits_grad",
    "check_grad",
    "cross_entropy",
    "cross_entropy_grad",
    "data",
    "elu",
    "exercises",
    "gelu",
    "get",
    "gradcheck",
    "identity",
    "leaky_relu",
    "linear",
    "log_softmax",
    "logsumexp",
    "mish",
    "mse",
    "mse_grad",
    "nn",
    "numerical_gradient",
    "prelu",
    "relu",
    "relu6",
    "selu",
    "sigmoid",
    "silu",
    "softmax",
    "softplus",
    "step",
    "swish",
    "tanh",
]
