"""Checkers for the exercises at the end of every notebook, one module a chapter.

A notebook calls them as ``exercises.check_collapse_two(collapse_two)``: each
prints "not attempted yet", "correct" or a hint aimed at the usual mistake
(see ``_common.py``).
"""

from .chapter1 import check_collapse_two, check_rank_bound, check_xor_features, check_xor_weights
from .chapter2 import (
    check_learning_rate_limit,
    check_saturated_depth_bound,
    check_stable_sigmoid,
    check_tanh_slope,
)

__all__ = [
    "check_collapse_two",
    "check_learning_rate_limit",
    "check_rank_bound",
    "check_saturated_depth_bound",
    "check_stable_sigmoid",
    "check_tanh_slope",
    "check_xor_features",
    "check_xor_weights",
]
