"""LoRA forward in the base model's compute dtype: part of the fast path (docs/decisions.md).

ai-toolkit keeps LoRA weights in fp32 beside a bf16 base and, in every adapted linear, casts the
input activation (tokens x features) to fp32, runs both products in fp32, multiplies by the scale
and by the network multiplier in two more activation-sized kernels and casts the result back
(``toolkit/network_mixins.py``, ``ToolkitModuleMixin.forward``). Here the casts move from the
activations to the weights (rank x features, ~1,000x smaller): the weights stay fp32 parameters,
so the optimizer keeps fp32 values and receives fp32 gradients, while both products run in the
activation's dtype on tensor cores and the scale and multiplier are folded into the up weight.

Dropout, rank dropout and module dropout draw the same random numbers in the same order as
upstream, so a seeded run makes the same choices on both paths. Anything this path does not
cover (DoRA, LoKr, full-rank, conv, a biased up projection, per-sample multipliers, ...) returns
None and the caller runs upstream's code.
"""
from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F


def covers(module: Any) -> bool:
    """True when ``module`` is a plain linear LoRA whose forward this path reproduces."""
    down, up = getattr(module, "lora_down", None), getattr(module, "lora_up", None)
    return (type(module).__name__ == "LoRAModule"
            and type(down) is torch.nn.Linear and type(up) is torch.nn.Linear and up.bias is None
            and getattr(module, "lora_mid", None) is None and not hasattr(module, "scalar"))


def folded_up_weight(up_weight: torch.Tensor, scale: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """The up weight times every scalar factor, cast once: (out x rank) instead of (tokens x out) work."""
    return (up_weight * scale).to(dtype)


def lora_delta(x: torch.Tensor, down_weight: torch.Tensor, up_weight: torch.Tensor, scale: torch.Tensor,
               *, dropout: Any = None, rank_dropout: float | None = None, training: bool = False) -> torch.Tensor:
    """``scale * up(drop(down(x)))`` in ``x.dtype``; ``scale`` is a one-element tensor (LoRA scale
    times the network multiplier). Random draws match ``ToolkitModuleMixin._call_forward``."""
    lx = F.linear(x, down_weight.to(x.dtype))
    if isinstance(dropout, (torch.nn.Dropout, torch.nn.Identity)):
        lx = dropout(lx)
    elif dropout is not None and training:
        lx = F.dropout(lx, p=dropout)
    if rank_dropout is not None and rank_dropout > 0 and training:
        mask = torch.rand((lx.size(0), lx.size(-1)), device=lx.device) > rank_dropout
        if lx.dim() == 3:
            mask = mask.unsqueeze(1)
        lx = lx * mask.to(lx.dtype)
        scale = scale * (1.0 / (1.0 - rank_dropout))
    return F.linear(lx, folded_up_weight(up_weight, scale, x.dtype))


def forward(module: Any, x: torch.Tensor, base_output: torch.Tensor, multiplier: torch.Tensor) -> torch.Tensor | None:
    """The adapted linear's output (``base_output`` plus the LoRA term), or None when upstream's
    forward must run: a module this path does not cover or a multiplier per sample."""
    if not covers(module) or multiplier.numel() != 1 or not x.is_floating_point():
        return None
    if module.module_dropout is not None and module.training and torch.rand(1) < module.module_dropout:
        return base_output  # the module is dropped for this call, as upstream (patch 0010) does
    scale = module._runtime_scale * multiplier.reshape(())
    delta = lora_delta(x, module.lora_down.weight, module.lora_up.weight, scale, dropout=module.dropout,
                       rank_dropout=module.rank_dropout, training=module.training)
    return base_output + delta.to(base_output.dtype)
