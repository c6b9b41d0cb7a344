"""The tiny LTX-2 builds, reloads with diffusers and satisfies the couplings ai-toolkit relies on."""
from __future__ import annotations

import json
import re

import pytest
import torch

from ltx2_tools.demo import tiny_model as tm


def test_rejects_unknown_arch():
    with pytest.raises(ValueError, match="arch must be one of"):
        tm.TinyModelSpec(arch="ltx2.4")


def test_knows_the_three_architectures():
    assert tm.ARCHES == ("ltx2", "ltx2.3", "ltx2.5")
    assert tm.TinyModelSpec("ltx2.5").is_split_files
    assert not tm.TinyModelSpec("ltx2.3").is_split_files


@pytest.mark.parametrize("arch", tm.ARCHES)
def test_couplings_hold(arch):
    spec = tm.TinyModelSpec(arch)
    t = tm.transformer_config(spec)
    c = tm.connectors_config(spec)
    a = tm.audio_vae_config()
    assert t["audio_in_channels"] == a["base_channels"] == a["latent_channels"] * a["mel_bins"] // 4
    assert t["in_channels"] == tm.video_vae_config(spec)["latent_channels"]
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


# --- LTX-2.5: split files in the original key naming -----------------------------------------

def _load(path):
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as f:
        return {k: f.get_tensor(k) for k in f.keys()}, f.metadata() or {}


def test_ltx25_writes_the_four_split_files_at_their_comfy_paths(tiny_ltx25):
    assert sorted(p.relative_to(tiny_ltx25).as_posix() for p in tiny_ltx25.rglob("*.safetensors")) == sorted(
        tm.LTX25_FILES.values())
    assert json.loads((tiny_ltx25 / "tiny_ltx2.json").read_text())["arch"] == "ltx2.5"
    assert tm.ltx25_model_kwargs(tiny_ltx25)["dit_path"] == str(tiny_ltx25 / tm.LTX25_FILES["dit"])
    assert not (tiny_ltx25 / "transformer").exists(), "no diffusers folders for 2.5"


def test_ltx25_dit_file_holds_transformer_and_connectors_in_original_names(tiny_ltx25):
    dit, _ = _load(tiny_ltx25 / tm.LTX25_FILES["dit"])
    assert all(k.startswith("model.diffusion_model.") for k in dit)
    keys = {k.removeprefix("model.diffusion_model.") for k in dit}
    for original in ("patchify_proj.weight", "audio_patchify_proj.weight", "adaln_single.linear.weight",
                     "audio_adaln_single.linear.weight", "prompt_adaln_single.linear.weight",
                     "av_ca_video_scale_shift_adaln_single.linear.weight",
                     "transformer_blocks.0.scale_shift_table_a2v_ca_video", "transformer_blocks.0.attn1.q_norm.weight",
                     "video_embeddings_connector.transformer_1d_blocks.0.attn1.k_norm.weight",
                     "audio_embeddings_connector.learnable_registers", "keyframes_abs_pos_embedding"):
        assert original in keys, original
    diffusers_names = re.compile(r"(^|\.)(proj_in|time_embed|norm_q|norm_k|video_connector|prompt_adaln)(\.|$)")
    assert not [k for k in keys if diffusers_names.search(k)]
    # 2.5's checkpoint-level delta: the video feedforward has no biases, the audio one keeps them
    assert "transformer_blocks.0.ff.net.0.proj.weight" in keys
    assert "transformer_blocks.0.ff.net.0.proj.bias" not in keys and "transformer_blocks.0.ff.net.2.bias" not in keys
    assert "transformer_blocks.0.audio_ff.net.2.bias" in keys
    assert dit["model.diffusion_model.keyframes_abs_pos_embedding"].shape == (1, tm.VIDEO_HEADS * tm.VIDEO_HEAD_DIM)


def test_ltx25_text_encoder_file_holds_gemma4_projections_tokenizer_and_config(tiny_ltx25):
    te, metadata = _load(tiny_ltx25 / tm.LTX25_FILES["text_encoder"])
    text_config = json.loads(metadata["gemma_config"])["text_config"]
    assert text_config["hidden_size"] == tm.CAPTION_CHANNELS
    assert text_config["num_hidden_layers"] == tm.TEXT_LAYERS
    assert "model.embed_tokens.weight" in te and "model.layers.1.self_attn.q_proj.weight" in te
    assert {k for k in te if k.startswith("text_embedding_projection.")} == {
        f"text_embedding_projection.{m}_aggregate_embed.{p}" for m in ("video", "audio") for p in ("weight", "bias")}
    tokenizer = json.loads(bytes(te["tokenizer_json"].numpy().tobytes()))
    assert tokenizer["post_processor"] is None  # as 2.5's file: the loader restores BOS
    assert te["hf_asset__tokenizer_config.json"].dtype == torch.uint8
    assert b"bos_token" in bytes(te["hf_asset__chat_template.jinja"].numpy().tobytes())


def test_ltx25_vae_files_in_original_names(tiny_ltx25):
    video, _ = _load(tiny_ltx25 / tm.LTX25_FILES["video_vae"])
    assert {"per_channel_statistics.mean-of-means", "per_channel_statistics.std-of-means"} <= video.keys()
    assert "encoder.down_blocks.8.res_blocks.0.conv1.conv.weight" in video  # the encoder's mid block
    assert "decoder.up_blocks.0.res_blocks.0.conv1.conv.weight" in video  # the decoder's mid block
    assert "decoder.up_blocks.8.res_blocks.0.conv1.conv.weight" in video  # 2.3/2.5's fourth decoder block
    audio, _ = _load(tiny_ltx25 / tm.LTX25_FILES["audio_vae"])
    assert {k.split(".")[0] for k in audio} == {"audio_vae", "vocoder"}
    assert "audio_vae.per_channel_statistics.mean-of-means" in audio
    assert "vocoder.vocoder.conv_pre.weight" in audio and "vocoder.bwe_generator.ups.0.weight" in audio
    assert any(".downsample.lowpass.filter" in k for k in audio)


@pytest.mark.parametrize("key, original", [
    ("encoder.down_blocks.0.resnets.0.conv1.conv.weight", "encoder.down_blocks.0.res_blocks.0.conv1.conv.weight"),
    ("encoder.down_blocks.1.downsamplers.0.conv.conv.bias", "encoder.down_blocks.3.conv.conv.bias"),
    ("encoder.mid_block.resnets.0.conv2.conv.weight", "encoder.down_blocks.8.res_blocks.0.conv2.conv.weight"),
    ("decoder.mid_block.resnets.0.conv1.conv.weight", "decoder.up_blocks.0.res_blocks.0.conv1.conv.weight"),
    ("decoder.up_blocks.0.upsamplers.0.conv.conv.weight", "decoder.up_blocks.1.conv.conv.weight"),
    ("decoder.up_blocks.3.resnets.0.conv1.conv.weight", "decoder.up_blocks.8.res_blocks.0.conv1.conv.weight"),
    ("decoder.conv_in.conv.weight", "decoder.conv_in.conv.weight"),
    ("latents_std", "per_channel_statistics.std-of-means"),
])
def test_video_vae_blocks_are_numbered_flat_as_in_the_checkpoint(key, original):
    assert tm.original_video_vae_key(key, num_down_blocks=4) == original


def test_ltx25_video_vae_compresses_like_the_others():
    from diffusers import AutoencoderKLLTX2Video

    vae = AutoencoderKLLTX2Video(**tm.video_vae_config(tm.TinyModelSpec("ltx2.5")))
    latents = vae.encode(torch.randn(1, 3, 9, 64, 64)).latent_dist.mode()
    assert latents.shape == (1, tm.VIDEO_LATENT_CHANNELS, 2, 2, 2)
    assert vae.decode(latents).sample.shape == (1, 3, 9, 64, 64)


def test_ltx25_dimensions_cover_every_sizing_key_with_tiny_values():
    dims = tm.ltx25_dimensions()
    assert {k: set(v) for k, v in dims.items()} == {k: set(v) for k, v in tm.LTX25_DIMENSION_KEYS.items()}
    assert dims["transformer"]["num_layers"] == 2 and dims["connectors"]["video_hidden_dim"] == 16
    assert dims["vocoder"]["num_mel_channels"] == tm.MEL_BINS


def test_ltx25_seeded_build_is_deterministic(tmp_path):
    a = tm.build(tmp_path / "a", tm.TinyModelSpec("ltx2.5", seed=3))
    b = tm.build(tmp_path / "b", tm.TinyModelSpec("ltx2.5", seed=3))
    c = tm.build(tmp_path / "c", tm.TinyModelSpec("ltx2.5", seed=4))
    for rel in tm.LTX25_FILES.values():
        (wa, ma), (wb, mb), (wc, _) = _load(a / rel), _load(b / rel), _load(c / rel)
        assert wa.keys() == wb.keys() and ma == mb
        assert all(torch.equal(wa[k], wb[k]) for k in wa), rel
    dit = tm.LTX25_FILES["dit"]
    wa, wc = _load(a / dit)[0], _load(c / dit)[0]
    key = "model.diffusion_model.patchify_proj.weight"
    assert not torch.equal(wa[key], wc[key])


def test_the_ltx25_template_names_the_files_the_tiny_model_writes():
    """examples/templates/ltx2.5-character.yaml and the tests' configs (workbench.model_section)
    point at the same four files under the folder of the split files."""
    import yaml
    from pathlib import Path

    template = Path(__file__).resolve().parents[3] / "examples" / "templates" / "ltx2.5-character.yaml"
    model = yaml.safe_load(template.read_text())["config"]["process"][0]["model"]
    assert model["arch"] == "ltx2.5" and model["name_or_path"] == "${LTX25_FILES}"
    assert model["model_kwargs"] == tm.ltx25_model_kwargs(Path("${LTX25_FILES}"))
