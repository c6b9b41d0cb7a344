"""Helpers shared by the LoRA tests: original LTX-2 names and applying a LoRA with diffusers."""
from __future__ import annotations

from dataclasses import dataclass

import torch

# diffusers name component -> original LTX-2 (ComfyUI checkpoint) component: the inverse of
# diffusers' single-file rename for LTX-2 transformers. test_demo_lora checks it round-trips
# through diffusers' own convert_ltx2_transformer_to_diffusers.
DIFFUSERS_TO_ORIGINAL = {
    "proj_in": "patchify_proj",
    "audio_proj_in": "audio_patchify_proj",
    "time_embed": "adaln_single",
    "audio_time_embed": "audio_adaln_single",
    "av_cross_attn_video_scale_shift": "av_ca_video_scale_shift_adaln_single",
    "av_cross_attn_video_a2v_gate": "av_ca_a2v_gate_adaln_single",
    "av_cross_attn_audio_scale_shift": "av_ca_audio_scale_shift_adaln_single",
    "av_cross_attn_audio_v2a_gate": "av_ca_v2a_gate_adaln_single",
    "video_a2v_cross_attn_scale_shift_table": "scale_shift_table_a2v_ca_video",
    "audio_a2v_cross_attn_scale_shift_table": "scale_shift_table_a2v_ca_audio",
    "norm_q": "q_norm",
    "norm_k": "k_norm",
    "prompt_adaln": "prompt_adaln_single",
    "audio_prompt_adaln": "audio_prompt_adaln_single",
}

LORA_A, LORA_B = ".lora_A.weight", ".lora_B.weight"


def to_original(diffusers_key: str) -> str:
    return ".".join(DIFFUSERS_TO_ORIGINAL.get(part, part) for part in diffusers_key.split("."))


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
