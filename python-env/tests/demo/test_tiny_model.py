"""The tiny LTX-2 builds, reloads with diffusers and satisfies the couplings ai-toolkit relies on."""
from __future__ import annotations

import json

import pytest
import torch

from ltx2_tools.demo import tiny_model as tm


def test_rejects_unknown_arch():
    with pytest.raises(ValueError, match="arch must be one of"):
        tm.TinyModelSpec(arch="ltx2.5")


@pytest.mark.parametrize("arch", tm.ARCHES)
def test_couplings_hold(arch):
    spec = tm.TinyModelSpec(arch)
    t = tm.transformer_config(spec)
    c = tm.connectors_config(spec)
    a = tm.audio_vae_config()
    assert t["audio_in_channels"] == a["base_channels"] == a["latent_channels"] * a["mel_bins"] // 4
    assert t["in_channels"] == tm.video_vae_config()["latent_channels"]
    video_width = c["video_connector_num_attention_heads"] * c["video_connector_attention_head_dim"]
    audio_width = c["audio_connector_num_attention_heads"] * c["audio_connector_attention_head_dim"]
    if spec.is_v23:  # per-modality projections feed connectors as wide as each stream
        assert video_width == c["video_hidden_dim"] == t["num_attention_heads"] * t["attention_head_dim"]
        assert audio_width == c["audio_hidden_dim"] == t["audio_num_attention_heads"] * t["audio_attention_head_dim"]
    else:
        assert video_width == audio_width == c["caption_channels"]
    assert 1024 % c["video_connector_num_learnable_registers"] == 0
    assert c["text_proj_in_factor"] == tm.text_encoder_config()["text_config"]["num_hidden_layers"] + 1
    assert tm.vocoder_config(spec)["in_channels"] == 2 * a["mel_bins"]


def test_layout_and_compression(tiny_ltx2):
    from diffusers import AutoencoderKLLTX2Audio, AutoencoderKLLTX2Video, LTX2VideoTransformer3DModel

    for sub in ("transformer", "vae", "audio_vae", "connectors", "vocoder", "text_encoder", "tokenizer"):
        assert (tiny_ltx2 / sub).is_dir(), sub
    assert json.loads((tiny_ltx2 / "tiny_ltx2.json").read_text())["arch"] == "ltx2"

    vae = AutoencoderKLLTX2Video.from_pretrained(tiny_ltx2 / "vae")
    latents = vae.encode(torch.randn(1, 3, 9, 64, 64)).latent_dist.mode()
    assert latents.shape == (1, 8, 2, 2, 2)  # 8x temporal (9 -> 2), 32x spatial

    audio_vae = AutoencoderKLLTX2Audio.from_pretrained(tiny_ltx2 / "audio_vae")
    mel = torch.randn(1, 2, 100, tm.MEL_BINS)  # 1 s at hop 160, 16 kHz
    audio_latents = audio_vae.encode(mel).latent_dist.mode()
    assert audio_latents.shape == (1, tm.AUDIO_LATENT_CHANNELS, 25, tm.MEL_BINS // 4)  # 4x time and mel

    transformer = LTX2VideoTransformer3DModel.from_pretrained(tiny_ltx2 / "transformer")
    assert transformer.config.audio_in_channels == audio_vae.config.base_channels


def test_seeded_build_is_deterministic(tmp_path):
    from safetensors.torch import load_file

    a = tm.build(tmp_path / "a", tm.TinyModelSpec("ltx2", seed=3))
    b = tm.build(tmp_path / "b", tm.TinyModelSpec("ltx2", seed=3))
    wa = load_file(a / "transformer" / "diffusion_pytorch_model.safetensors")
    wb = load_file(b / "transformer" / "diffusion_pytorch_model.safetensors")
    assert wa.keys() == wb.keys()
    assert all(torch.equal(wa[k], wb[k]) for k in wa)


def test_tokenizer_encodes_empty_prompt_to_bos(tiny_ltx2):
    from transformers import GemmaTokenizerFast

    tok = GemmaTokenizerFast.from_pretrained(tiny_ltx2 / "tokenizer")
    assert tok.padding_side == "left"
    assert tok("").input_ids == [tok.bos_token_id]
