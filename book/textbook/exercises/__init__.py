"""Checkers for the exercises at the end of every notebook, one module a chapter.

A notebook calls them as ``exercises.check_collapse_two(collapse_two)``: each
prints "not attempted yet", "correct" or a hint aimed at the usual mistake
(see ``_common.py``).
"""

from .chapter1 import (
    check_augment,
    check_rank_bound,
    check_smallest_width,
    check_xor_features,
    check_xor_weights,
)
from .chapter2 import (
    check_log_sigmoid,
    check_saturated_depth_bound,
    check_sigmoid_gradient_scale,
    check_tanh_sigmoid_factor,
    check_tanh_slope,
)
from .chapter3 import (
    check_alpha_gradient_per_unit,
    check_dead_unit_revival,
    check_elu_mean,
    check_relu_mean,
    check_relu_zero_fraction,
    check_selu_he_variance,
)
from .chapter4 import (
    check_confident_gradient_limit,
    check_score_variance,
    check_soft_target_gradient,
    check_temperature_for,
    check_three_class_logit,
    check_underflow_gap,
)
from .chapter5 import (
    check_chance_threshold,
    check_gated_width,
    check_gelu_minimum,
    check_hard_swish_slope,
    check_silu_max_slope,
    check_slope_matching_constant,
    check_softplus_gap,
    check_welch_t,
)
from .chapter6 import (
    check_checklist_finding,
    check_flops_per_value,
    check_fold_batch_norm,
    check_fused_bytes,
    check_leaky_he_variance,
    check_multilabel_loss,
    check_one_chance_separation,
    check_welch_from_table,
)

__all__ = [
    "check_alpha_gradient_per_unit",
    "check_augment",
    "check_chance_threshold",
    "check_checklist_finding",
    "check_confident_gradient_limit",
    "check_dead_unit_revival",
    "check_elu_mean",
    "check_flops_per_value",
    "check_fold_batch_norm",
    "check_fused_bytes",
    "check_gated_width",
    "check_gelu_minimum",
    "check_hard_swish_slope",
    "check_leaky_he_variance",
    "check_log_sigmoid",
    "check_multilabel_loss",
    "check_one_chance_separation",
    "check_rank_bound",
    "check_relu_mean",
    "check_relu_zero_fraction",
    "check_saturated_depth_bound",
    "check_score_variance",
    "check_selu_he_variance",
    "check_sigmoid_gradient_scale",
    "check_silu_max_slope",
    "check_slope_matching_constant",
    "check_smallest_width",
    "check_soft_target_gradient",
    "check_softplus_gap",
    "check_tanh_sigmoid_factor",
    "check_tanh_slope",
    "check_temperature_for",
    "check_three_class_logit",
    "check_underflow_gap",
    "check_welch_from_table",
    "check_welch_t",
    "check_xor_features",
    "check_xor_weights",
]
