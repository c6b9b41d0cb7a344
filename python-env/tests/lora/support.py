"""Helpers shared by the LoRA tests: original LTX-2 names and applying a LoRA with diffusers."""
from __future__ import annotations

from dataclasses import dataclass

from pathlib import Path

import torch

# diffusers name -> original LTX-2 (ComfyUI checkpoint) name: the inverse of diffusers' single-file
# rename for LTX-2 transformers, kept once, beside the tiny model that writes 2.5's original-named
# files; test_demo_lora checks it round-trips through diffusers' own convert_ltx2_transformer_to_diffusers.
from ltx2_tools.demo.tiny_model import original_transformer_key as to_original

LORA_A, LORA_B = ".lora_A.weight", ".lora_B.weight"


def lora_modules(state: dict[str, torch.Tensor], prefix: str = "diffusion_model.") -> dict[str, torch.Tensor]:
    """Module path (without prefix) -> ΔW = B·A, for a LoRA without alpha tensors (scale 1)."""
    out = {}
    for key, down in state.items():
        if key.startswith(prefix) and key.endswith(LORA_A):
            module = key[len(prefix):-len(LORA_A)]
            out[module] = state[prefix + module + LORA_B].double() @ down.double()
    return out


@dataclass
class Applied:
    """Weight changes a loaded-and-fused LoRA made, by diffusers state-dict key."""

    transformer: dict[str, torch.Tensor]
    connectors: dict[str, torch.Tensor]
    error: Exception | None = None


def apply_with_diffusers(pipe, lora) -> Applied:
    """``pipe.load_lora_weights`` then fuse at scale 1 and compare every weight."""
    before_t = {k: v.clone() for k, v in pipe.transformer.state_dict().items()}
    before_c = {k: v.clone() for k, v in pipe.connectors.state_dict().items()}
    try:
        if isinstance(lora, (str, Path)):
            # folder + weight_name: the form diffusers accepts with the hub offline
            pipe.load_lora_weights(str(Path(lora).parent), weight_name=Path(lora).name)
        else:
            pipe.load_lora_weights(lora)
    except ValueError as error:
        return Applied({}, {}, error)
    pipe.fuse_lora(components=["transformer", "connectors"], lora_scale=1.0)
    pipe.unload_lora_weights()
    after_t = pipe.transformer.state_dict()
    after_c = pipe.connectors.state_dict()
    return Applied(
        {k: (after_t[k] - v).double() for k, v in before_t.items() if not torch.equal(after_t[k], v)},
        {k: (after_c[k] - v).double() for k, v in before_c.items() if not torch.equal(after_c[k], v)},
    )
