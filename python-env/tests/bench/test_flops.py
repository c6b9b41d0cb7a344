"""The analytic FLOP count, checked on a configuration small enough to count by hand."""
from __future__ import annotations

import pytest

from ltx2_tools.bench.flops import StepShape, transformer_counts

TINY = {"num_attention_heads": 1, "attention_head_dim": 2, "audio_num_attention_heads": 1,
        "audio_attention_head_dim": 1, "cross_attention_dim": 2, "audio_cross_attention_dim": 1, "num_layers": 1}


def test_counts_by_hand():
    # Dv = 2, Da = 1, Nv = 3, Na = 2, Lt = 4
    c = transformer_counts(TINY, StepShape(video_tokens=3, audio_tokens=2, text_tokens=4))
    dv, da, nv, na, lt = 2, 1, 3, 2, 4
    linear = (4 * nv * dv**2 + 2 * nv * dv**2 + 2 * lt * dv * dv + 4 * na * da**2 + 2 * na * da**2 + 2 * lt * da * da
              + nv * dv * da + 2 * na * da * da + nv * da * dv + na * da * da + 2 * nv * dv * da + na * da * da
              + 8 * nv * dv**2 + 8 * na * da**2)
    attention = 2 * nv * nv * dv + 2 * nv * lt * dv + 2 * na * na * da + 2 * na * lt * da + 4 * nv * na * da
    assert c.linear_macs == linear and c.attention_macs == attention
    assert c.forward_flops == 2 * (linear + attention)
    assert c.train_flops == 2 * (2 * linear + 3 * attention)


def test_full_size_81_frames_is_about_283_tflop_per_step():
    config = {"num_attention_heads": 32, "attention_head_dim": 128, "audio_num_attention_heads": 32,
              "audio_attention_head_dim": 64, "cross_attention_dim": 4096, "audio_cross_attention_dim": 2048,
              "num_layers": 48}
    connectors = {"caption_channels": 3840, "text_proj_in_factor": 49, "per_modality_projections": False,
                  "video_connector_num_attention_heads": 30, "video_connector_attention_head_dim": 128,
                  "video_connector_num_layers": 2, "audio_connector_num_attention_heads": 30,
                  "audio_connector_attention_head_dim": 128, "audio_connector_num_layers": 2}
    c = transformer_counts(config, StepShape(video_tokens=4224, audio_tokens=84), connectors)
    assert c.train_flops / 1e12 == pytest.approx(283.4, abs=0.5)  # the figure in docs/benchmarks.md
