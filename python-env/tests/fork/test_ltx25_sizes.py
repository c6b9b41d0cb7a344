"""LTX-2.5 module sizes read from the checkpoint (patch 0020, ltx2_character.fork.ltx25_sizes).

On a shape-only description of the 22B checkpoint, built from the pin's own table, the sizes
read back are the table: for the release the patch changes nothing. On the tiny files they are
the tiny model's. The load and training runs of test_ltx2_load / test_connectors / the demo test
show the patched path loading a checkpoint the table does not describe.
"""
from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
import torch

from ltx2_character.fork import ltx25_sizes
from ltx2_tools.demo import tiny_model as tm

pytestmark = pytest.mark.fork

_GETTERS = {
    "transformer": "get_ltx2_transformer_config",
    "connectors": "get_ltx2_connectors_config",
    "video_vae": "get_ltx2_video_vae_config",
    "audio_vae": "get_ltx2_audio_vae_config",
    "vocoder": "get_ltx2_vocoder_config",
}


def _shapes(module) -> dict:
    return {k: SimpleNamespace(shape=tuple(v.shape)) for k, v in module.state_dict().items()}


def _checkpoint_shapes(configs: dict, text: tuple[int, int]) -> dict[str, dict]:
    """Per component, the key names and shapes of a 2.5 checkpoint whose modules have these
    configs, as the converters receive them (original naming, file prefixes stripped). The modules
    are built on the meta device: no weights, any size."""
    from accelerate import init_empty_weights
    from diffusers import AutoencoderKLLTX2Audio, AutoencoderKLLTX2Video, LTX2VideoTransformer3DModel
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors
    from diffusers.pipelines.ltx2.vocoder import LTX2VocoderWithBWE

    with init_empty_weights():
        transformer = LTX2VideoTransformer3DModel.from_config(configs["transformer"])
        connectors = LTX2TextConnectors.from_config(configs["connectors"])
        video_vae = AutoencoderKLLTX2Video.from_config(configs["video_vae"])
        audio_vae = AutoencoderKLLTX2Audio.from_config(configs["audio_vae"])
        vocoder = LTX2VocoderWithBWE.from_config(configs["vocoder"])
    dit = {tm.original_transformer_key(k): v for k, v in tm._drop_video_ff_biases(_shapes(transformer)).items()}
    dit.update({tm.original_connectors_key(k): v for k, v in _shapes(connectors).items()})
    blocks = len(configs["video_vae"]["block_out_channels"])
    hidden, layers = text
    return {
        "transformer": dit,
        "connectors": dit,
        "text_encoder": {"model.norm.weight": SimpleNamespace(shape=(hidden,)),
                         **{f"model.layers.{i}.input_layernorm.weight": SimpleNamespace(shape=(hidden,))
                            for i in range(layers)}},
        "video_vae": {tm.original_video_vae_key(k, blocks): v for k, v in _shapes(video_vae).items()},
        "audio_vae": {tm.original_audio_vae_key(k): v for k, v in _shapes(audio_vae).items()},
        "vocoder": {tm.original_vocoder_key(k): v for k, v in _shapes(vocoder).items()},
    }


def _table(fork) -> dict:
    from extensions_built_in.diffusion_models.ltx2 import convert_ltx2_to_diffusers as conv

    return {c: getattr(conv, getter)("2.5")[0] for c, getter in _GETTERS.items()}


def _read(table: dict, shapes: dict) -> dict:
    return {c: ltx25_sizes.sized(c, table[c], shapes[c],
                                 shapes["text_encoder"] if c == "connectors" else None)["diffusers_config"]
            for c in _GETTERS}


def test_the_22b_checkpoint_reads_back_as_the_pins_table(fork):
    table = _table(fork)
    configs = {c: table[c]["diffusers_config"] for c in _GETTERS}
    # Gemma-4 12B: 3840 wide, 48 layers (the table's 3840 x 49 stacked inputs)
    shapes = _checkpoint_shapes(configs, text=(3840, 48))
    assert _read(table, shapes) == configs


def test_the_tiny_files_read_back_as_the_tiny_model(fork, tiny_ltx25):
    """From the files build_ltx25 wrote: every size entry the generator set (LTX25_DIMENSION_KEYS)
    that a tensor carries is the generator's."""
    from safetensors import safe_open

    from extensions_built_in.diffusion_models.ltx2.convert_ltx2_to_diffusers import (
        get_model_state_dict_from_combined_ckpt,
    )

    def shapes(component: str) -> dict:
        with safe_open(str(tiny_ltx25 / tm.LTX25_FILES[component]), framework="pt") as f:
            return {k: SimpleNamespace(shape=tuple(f.get_slice(k).get_shape())) for k in f.keys()}

    dit = get_model_state_dict_from_combined_ckpt(shapes("dit"), "model.diffusion_model.")
    te = shapes("text_encoder")
    dit.update({k: v for k, v in te.items() if k.startswith("text_embedding_projection.")})
    audio = shapes("audio_vae")
    files = {
        "transformer": dit, "connectors": dit, "text_encoder": te, "video_vae": shapes("video_vae"),
        "audio_vae": get_model_state_dict_from_combined_ckpt(audio, "audio_vae."),
        "vocoder": get_model_state_dict_from_combined_ckpt(audio, "vocoder."),
    }
    read = _read(_table(fork), files)
    # in no tensor: the transformer's caption width (no caption projection in 2.3/2.5), rates and hops
    not_in_tensors = {"transformer": {"caption_channels"}, "audio_vae": {"resolution"},
                      "vocoder": {"hop_length", "input_sampling_rate", "output_sampling_rate"}}
    for component, dims in tm.ltx25_dimensions().items():
        expected = {k: v for k, v in dims.items() if k not in not_in_tensors.get(component, set())}
        got = {k: read[component][k] for k in expected}
        normalise = lambda d: json.loads(json.dumps(d))  # noqa: E731 (tuples and lists alike)
        assert normalise(got) == normalise(expected), component


def test_widths_skip_quantized_inputs_and_honour_nvfp4_packing():
    marker = torch.tensor(list(json.dumps({"format": "nvfp4"}).encode()), dtype=torch.uint8)
    state = {"proj.weight": torch.empty(8, 16), "proj.comfy_quant": marker}
    assert ltx25_sizes._in_features(state, "proj") == 32
    int8 = torch.tensor(list(json.dumps({"format": "int8_tensorwise"}).encode()), dtype=torch.uint8)
    assert ltx25_sizes._in_features({"proj.weight": torch.empty(8, 16), "proj.comfy_quant": int8}, "proj") == 16


def test_a_missing_or_gapped_block_is_named():
    with pytest.raises(KeyError, match="proj_out.bias"):
        ltx25_sizes.transformer_sizes({
            "transformer_blocks.0.attn1.to_q.bias": torch.empty(16),
            "transformer_blocks.0.attn1.to_gate_logits.bias": torch.empty(2),
            "transformer_blocks.0.audio_attn1.to_q.bias": torch.empty(8),
            "transformer_blocks.0.audio_attn1.to_gate_logits.bias": torch.empty(2),
            "patchify_proj.weight": torch.empty(16, 8),
        })
    with pytest.raises(ValueError, match="gaps"):
        ltx25_sizes._count({"b.0.w": 0, "b.2.w": 0}, "b.")
    with pytest.raises(ValueError, match="component"):
        ltx25_sizes.sized("vae", {"diffusers_config": {}}, {})


def test_the_text_projection_width_must_match_the_text_encoder():
    """A text encoder whose stacked states do not fit the projections is refused by name."""
    state = {}
    for stream, width in (("video", 16), ("audio", 8)):
        c = f"{stream}_embeddings_connector.transformer_1d_blocks.0.attn1"
        state.update({f"{c}.to_q.bias": torch.empty(width), f"{c}.to_gate_logits.bias": torch.empty(2),
                      f"text_embedding_projection.{stream}_aggregate_embed.bias": torch.empty(width),
                      f"text_embedding_projection.{stream}_aggregate_embed.weight": torch.empty(width, 96)})
    te = {"model.norm.weight": torch.empty(32), **{f"model.layers.{i}.w": torch.empty(1) for i in range(3)}}
    with pytest.raises(ValueError, match=re.escape("96 inputs, not 32 x 4")):
        ltx25_sizes.connectors_sizes(state, te, {})
    te.pop("model.layers.2.w")
    assert ltx25_sizes.connectors_sizes(state, te, {})["text_proj_in_factor"] == 3


def test_for_version_sizes_only_25_and_leaves_other_tables_alone():
    table = {"diffusers_config": {"num_layers": 48}}
    assert ltx25_sizes.for_version("2.3", "transformer", table, {}) is table
    assert ltx25_sizes.for_version("2.0", "vae-name-not-checked", table, {}) is table
    with pytest.raises(ValueError):
        ltx25_sizes.for_version("2.5", "vae", table, {})
