"""Gated linear units: GLU, GEGLU and SwiGLU (section 5.3).

A gated unit is not a function of one number but of two: a layer computes
two projections of its input, a = W x + b and g = V x + c, and passes on

    out = a * f(g)        (elementwise)

where f is the gate's activation: the sigmoid for GLU, GELU for GEGLU and
SiLU (Swish) for SwiGLU. The gate f(g) decides, entry by entry, how much of
the linear signal a gets through. Its partial derivatives are

    d out / d a = f(g),        d out / d g = a f'(g).

In a network the two projections are usually one dense layer with twice the
width, whose output is split in half (``nn.GatedLayer``).

>>> swiglu([2.0, 2.0], [0.0, 1.0])
array([0.        , 1.46211716])
"""

import numpy as np

from ._core import as_float_array, like_input
from .functions import gelu, sigmoid, silu


class GatedUnit:
    """out = a * f(gate), elementwise; call it as ``unit(a, gate)``, its partials are ``unit.grad``."""

    def __init__(self, name, activation, reference, latex):
        self.name = name
        self.activation = activation
        self.reference = reference
        self.latex = latex

    def _inputs(self, a, gate, func):
        a = as_float_array(a, func, "a")
        gate = as_float_array(gate, func, "gate")
        if a.shape != gate.shape:
            raise ValueError(
                f"{func}: a has shape {a.shape} but gate has shape {gate.shape}; they must match"
            )
        dtype = np.result_type(a, gate)
        return a.astype(dtype, copy=False), gate.astype(dtype, copy=False)

    def __call__(self, a, gate):
        a, gate = self._inputs(a, gate, self.name)
        return like_input(a * self.activation.function(gate), a)

    def grad(self, a, gate):
        """(d out / d a, d out / d gate) = (f(gate), a f'(gate)), elementwise."""
        a, gate = self._inputs(a, gate, f"{self.name}.grad")
        opened = self.activation.function(gate)
        return like_input(opened, a), like_input(a * self.activation.derivative(gate), a)

    def __repr__(self):
        return f"<gated unit {self.name}: a * {self.activation.name}(gate)>"


glu = GatedUnit("glu", sigmoid, "dauphin2017language", r"a \otimes \sigma(g)")
geglu = GatedUnit("geglu", gelu, "shazeer2020glu", r"a \otimes \operatorname{GELU}(g)")
swiglu = GatedUnit("swiglu", silu, "shazeer2020glu", r"a \otimes \operatorname{SiLU}(g)")

GATED = {unit.name: unit for unit in (glu, geglu, swiglu)}
