"""activations: the package behind the book on neural-network activation functions.

>>> import activations as act
>>> float(act.sigmoid(0.0)), float(act.relu.grad(2.0))
(0.5, 1.0)
>>> [f.name for f in act.ALL][:5]
['identity', 'step', 'sigmoid', 'tanh', 'relu']

What a student reads to learn, one idea a module:

- ``classic``, ``relu_family``, ``smooth``: every activation, one class each,
  with its derivative (all of them also here at the top level; ``functions``
  lists them in ``ALL`` and finds one by name with ``get``)
- ``losses``: softmax, log-softmax, log-sum-exp and the losses (also here)
- ``gradcheck``: finite-difference gradient checking, for a function or a whole network
- ``gated``: the gated linear units GLU, GEGLU and SwiGLU, functions of two inputs
- ``nn``: a small multilayer perceptron, layer by layer, with explicit backpropagation
- ``training``: the optimisers (SGD, Adam) and the training loop (also reached as ``nn.train``)
- ``diagnostics``: what the chapters measure inside a network (gradient norms, dead units)
- ``data``: seeded toy data sets and the 8 x 8 digits

The textbook built on it keeps its own machinery (figure style, widgets,
exercise checkers, chapter helpers) in a separate package, ``textbook``,
beside this one in the book's repository; nothing here imports it.
Integer inputs are computed in float64; float32 stays float32.
"""

from . import data, gated, gradcheck, nn
from .functions import (
    ALL,
    SELU_ALPHA,
    SELU_LAMBDA,
    Activation,
    elu,
    gelu,
    get,
    hard_sigmoid,
    hard_swish,
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
from .gated import geglu, glu, swiglu
from .gradcheck import check_grad, check_model, numerical_gradient
from .losses import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy,
    cross_entropy_and_grad,
    cross_entropy_grad,
    log_softmax,
    logsumexp,
    mse,
    mse_grad,
    softmax,
    softmax_backward,
    softmax_mse,
    softmax_mse_grad,
)

__version__ = "0.5.0"

__all__ = [
    "ALL",
    "SELU_ALPHA",
    "SELU_LAMBDA",
    "Activation",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_with_logits_grad",
    "check_grad",
    "check_model",
    "cross_entropy",
    "cross_entropy_and_grad",
    "cross_entropy_grad",
    "data",
    "elu",
    "gated",
    "geglu",
    "gelu",
    "get",
    "glu",
    "gradcheck",
    "hard_sigmoid",
    "hard_swish",
    "identity",
    "leaky_relu",
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
    "softmax_backward",
    "softmax_mse",
    "softmax_mse_grad",
    "softplus",
    "step",
    "swiglu",
    "swish",
    "tanh",
]
