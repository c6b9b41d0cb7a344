"""The compute-dtype LoRA forward against upstream's fp32 formula, on CPU."""
from __future__ import annotations

import math

import pytest
import torch

from ltx2_character.training import fast_lora


class LoRAModule(torch.nn.Module):
    """The attributes of ai-toolkit's LoRAModule that its forward reads (toolkit/lora_special.py)."""

    def __init__(self, in_dim=64, out_dim=48, rank=8, alpha=4.0, rank_dropout=None, module_dropout=None, dropout=None):
        super().__init__()
        self.lora_dim = rank
        self.lora_down = torch.nn.Linear(in_dim, rank, bias=False)
        self.lora_up = torch.nn.Linear(rank, out_dim, bias=False)
        torch.nn.init.kaiming_uniform_(self.lora_down.weight, a=math.sqrt(5))
        torch.nn.init.normal_(self.lora_up.weight, std=0.05)  # trained, not the zero init
        self.scale = alpha / rank
        self.register_buffer("_runtime_scale", torch.tensor(self.scale), persistent=False)
        self.rank_dropout, self.module_dropout, self.dropout = rank_dropout, module_dropout, dropout


def upstream(module, x, base, multiplier):
    """ToolkitModuleMixin.forward + _call_forward at the pin (patch 0010's module-dropout return)."""
    if module.module_dropout is not None and module.training and torch.rand(1) < module.module_dropout:
        return base
    lx = module.lora_down(x.to(module.lora_down.weight.dtype))
    if module.dropout is not None and module.training:
        lx = torch.nn.functional.dropout(lx, p=module.dropout)
    scale = module._runtime_scale
    if module.rank_dropout is not None and module.rank_dropout > 0 and module.training:
        mask = torch.rand((lx.size(0), module.lora_dim), device=lx.device) > module.rank_dropout
        lx = lx * mask.unsqueeze(1)
        scale = module._runtime_scale * (1.0 / (1.0 - module.rank_dropout))
    out = module.lora_up(lx) * scale
    out = out * multiplier.unsqueeze(-1).unsqueeze(-1)
    return base + out.to(base.dtype)


def _inputs(dtype, batch=2, tokens=32, in_dim=64, out_dim=48):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(batch, tokens, in_dim, generator=g).to(dtype)
    base = torch.randn(batch, tokens, out_dim, generator=g).to(dtype)
    return x, base


def test_fp32_matches_upstream_exactly_up_to_rounding():
    module = LoRAModule()
    x, base = _inputs(torch.float32)
    m = torch.tensor([0.7])
    torch.testing.assert_close(fast_lora.forward(module, x, base, m), upstream(module, x, base, m), rtol=1e-6, atol=1e-6)


def test_bf16_output_and_gradients_within_bf16_rounding_of_upstream():
    module = LoRAModule()
    x, base = _inputs(torch.bfloat16)
    m = torch.tensor([1.0])
    fast = fast_lora.forward(module, x, base, m)
    assert fast.dtype == torch.bfloat16
    fast.float().square().sum().backward()
    fast_grads = [p.grad.clone() for p in module.parameters()]
    module.zero_grad()
    upstream(module, x, base, m).float().square().sum().backward()
    for mine, ref in zip(fast_grads, [p.grad for p in module.parameters()]):
        assert mine.dtype == torch.float32  # the optimizer still sees fp32 gradients
        # bf16 has 8 significant bits: relative error of a product of bf16 operands ~ 2^-8
        assert (mine - ref).norm() / ref.norm() < 2 ** -6
    torch.testing.assert_close(fast, upstream(module, x, base, m), rtol=2 ** -6, atol=2 ** -6)


def test_the_lora_products_run_in_the_activation_dtype():
    module = LoRAModule()
    x, base = _inputs(torch.bfloat16)
    seen = []

    from torch.utils._python_dispatch import TorchDispatchMode

    class Spy(TorchDispatchMode):
        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            if func in (torch.ops.aten.mm.default, torch.ops.aten.addmm.default, torch.ops.aten.bmm.default):
                seen.append(out.dtype)
            return out

    with Spy():
        fast_lora.forward(module, x, base, torch.tensor([1.0]))
    assert seen and all(d == torch.bfloat16 for d in seen), seen


def test_rank_dropout_draws_the_same_mask_as_upstream():
    module = LoRAModule(rank_dropout=0.5)
    x, base = _inputs(torch.float32)
    m = torch.tensor([1.0])
    torch.manual_seed(5)
    fast = fast_lora.forward(module, x, base, m)
    torch.manual_seed(5)
    ref = upstream(module, x, base, m)
    torch.testing.assert_close(fast, ref, rtol=1e-6, atol=1e-6)
    torch.manual_seed(6)
    assert not torch.allclose(fast_lora.forward(module, x, base, m), ref)  # the mask is random, not fixed


def test_module_dropout_returns_the_base_output_when_it_drops():
    module = LoRAModule(module_dropout=0.999999)
    x, base = _inputs(torch.float32)
    assert fast_lora.forward(module, x, base, torch.tensor([1.0])) is base
    module.eval()
    assert fast_lora.forward(module, x, base, torch.tensor([1.0])) is not base


@pytest.mark.parametrize("change", ["dora", "conv", "up_bias", "full_rank", "scalar", "per_sample_multiplier"])
def test_what_it_does_not_cover_falls_back_to_upstream(change):
    module = LoRAModule()
    m = torch.tensor([1.0])
    if change == "dora":
        module.__class__ = type("DoRAModule", (LoRAModule,), {})
    elif change == "conv":
        module.lora_down = torch.nn.Conv2d(64, 8, 1, bias=False)
    elif change == "up_bias":
        module.lora_up = torch.nn.Linear(8, 48, bias=True)
    elif change == "full_rank":
        module.lora_up = torch.nn.Identity()
    elif change == "scalar":
        module.scalar = torch.nn.Parameter(torch.tensor(1.0))
    else:
        m = torch.tensor([1.0, 0.5])
    x, base = _inputs(torch.float32)
    assert fast_lora.forward(module, x, base, m) is None


def test_folding_multiplies_before_the_cast():
    up = torch.full((4, 2), 3.0)
    folded = fast_lora.folded_up_weight(up, torch.tensor(0.5), torch.bfloat16)
    assert folded.dtype == torch.bfloat16 and torch.equal(folded.float(), torch.full((4, 2), 1.5))
