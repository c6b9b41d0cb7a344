"""Analytic FLOP count of one LTX-2 LoRA training step (docs/benchmarks.md, "FLOP count").

Counts multiply-adds of the transformer's matrix products per block and doubles them.
Forward: every projection and attention product. Backward of a LoRA run: the base weights
are frozen, so their linears need only the input gradient (one product, not two), while the
attention products, whose operands are both activations, need two. The text connectors run
once per step without gradients. Elementwise work (norms, RoPE, activations) is left out.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepShape:
    video_tokens: int
    audio_tokens: int
    text_tokens: int = 1024  # ai-toolkit pads prompts to 1024 for the connectors


@dataclass(frozen=True)
class Counts:
    linear_macs: float  # products with a frozen weight
    attention_macs: float  # products of two activations
    connector_macs: float  # text connectors, forward only

    @property
    def forward_flops(self) -> float:
        return 2 * (self.linear_macs + self.attention_macs)

    @property
    def train_flops(self) -> float:
        """Forward + backward of a LoRA step (frozen base), plus the connectors' forward."""
        return 2 * (2 * self.linear_macs + 3 * self.attention_macs) + 2 * self.connector_macs


def transformer_counts(config: dict, shape: StepShape, connectors: dict | None = None) -> Counts:
    dv = config["num_attention_heads"] * config["attention_head_dim"]
    da = config["audio_num_attention_heads"] * config["audio_attention_head_dim"]
    cv, ca = config["cross_attention_dim"], config["audio_cross_attention_dim"]
    nv, na, lt = shape.video_tokens, shape.audio_tokens, shape.text_tokens
    linear = (
        4 * nv * dv * dv                      # video self-attention q, k, v, out
        + 2 * nv * dv * dv + 2 * lt * cv * dv  # video text attention: q, out; k, v from text
        + 4 * na * da * da                     # audio self-attention
        + 2 * na * da * da + 2 * lt * ca * da  # audio text attention
        + nv * dv * da + 2 * na * da * da + nv * da * dv  # audio-to-video: q, k, v, out
        + na * da * da + 2 * nv * dv * da + na * da * da  # video-to-audio: q, k, v, out
        + 2 * nv * dv * 4 * dv                 # video feed-forward (4x)
        + 2 * na * da * 4 * da                 # audio feed-forward (4x)
    )
    attention = 2 * nv * nv * dv + 2 * nv * lt * dv + 2 * na * na * da + 2 * na * lt * da + 2 * nv * na * da * 2
    layers = config["num_layers"]
    connector = 0.0
    if connectors is not None:
        c = connectors
        text_in = c["caption_channels"] * c["text_proj_in_factor"]
        if c.get("per_modality_projections"):
            connector += lt * text_in * (c["video_hidden_dim"] + c["audio_hidden_dim"])
        else:
            connector += lt * text_in * c["caption_channels"]
        for prefix in ("video", "audio"):
            width = c[f"{prefix}_connector_num_attention_heads"] * c[f"{prefix}_connector_attention_head_dim"]
            per_layer = 4 * lt * width * width + 2 * lt * lt * width + 2 * lt * width * 4 * width
            connector += c[f"{prefix}_connector_num_layers"] * per_layer
    return Counts(linear_macs=layers * linear, attention_macs=layers * attention, connector_macs=connector)
