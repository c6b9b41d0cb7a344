"""The stream rules (stream-rules.json) as Python reads them give the fixture's answers, which
the Java reader is tested against too, and
classify every linear of a real (tiny) LTX-2 as its place in the model says."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from ltx2_tools.lora import key_names, streams

from .support import to_original

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "lora_stream_keys.json"

# The block attribute a linear lives under -> its stream and KJNodes slider, from the model's structure.
BY_COMPONENT = {
    "attn1": ("video-self", "video"),
    "attn2": ("video-cross", "video"),
    "ff": ("video-ff", "video"),
    "audio_attn1": ("audio-self", "audio"),
    "audio_attn2": ("audio-cross", "audio"),
    "audio_ff": ("audio-ff", "audio"),
    "audio_to_video_attn": ("a2v", "audio_to_video"),
    "video_to_audio_attn": ("v2a", "video_to_audio"),
}


def fixture() -> dict:
    return json.loads(FIXTURE.read_text())


@pytest.mark.parametrize("key", sorted(fixture()["keys"]))
def test_fixture_key(key):
    expected = fixture()["keys"][key]
    parsed = streams.parse_key(key)
    if expected["stream"] is None:
        assert parsed is None
        return
    assert parsed is not None
    assert streams.classify_module(parsed.module) == expected["stream"]
    assert streams.kjnodes_group(parsed.module) == expected["kjnodes"]


def test_the_fixture_covers_every_stream_and_slider_of_the_rules():
    doc = fixture()
    assert {v["stream"] for v in doc["keys"].values()} >= set(streams.STREAMS)
    assert {v["kjnodes"] for v in doc["keys"].values()} >= set(streams.KJNODES_GROUPS)


@pytest.mark.parametrize("prefix, fmt", key_names.PREFIXES + (("", key_names.NO_PREFIX),))
def test_every_generated_prefix_and_suffix_splits_a_key(prefix, fmt):
    for suffix, part in key_names.SUFFIXES:
        assert streams.parse_key(f"{prefix}transformer_blocks.0.attn1.to_q{suffix}") == streams.LoraKey(
            f"{prefix}transformer_blocks.0.attn1.to_q{suffix}", fmt, "transformer_blocks.0.attn1.to_q", part)


@pytest.mark.parametrize("arch_fixture", ["tiny_ltx2", "tiny_ltx23"])
def test_every_block_linear_of_a_real_ltx2_lands_in_its_stream(arch_fixture, request):
    from diffusers import LTX2VideoTransformer3DModel

    transformer = LTX2VideoTransformer3DModel.from_pretrained(request.getfixturevalue(arch_fixture) / "transformer")
    seen = set()
    for name, module in transformer.named_modules():
        if not isinstance(module, torch.nn.Linear):
            continue
        parts = name.split(".")
        if parts[0] == "transformer_blocks":
            stream, slider = BY_COMPONENT[parts[2]]
        else:
            stream, slider = "other", "other"
        original = to_original(name)
        # KJNodes sees ComfyUI model keys, i.e. original names; diffusers names are not loaded there.
        for key, slider_applies in ((f"diffusion_model.{original}.lora_A.weight", True),
                                    (f"lora_unet_{original.replace('.', '_')}.lora_down.weight", True),
                                    (f"transformer.{name}.lora_B.weight", False)):
            parsed = streams.parse_key(key)
            assert streams.classify_module(parsed.module) == stream, key
            if slider_applies:
                assert streams.kjnodes_group(parsed.module) == slider, key
        seen.add(stream)
    assert seen == set(streams.STREAMS) - {"connectors"}


def test_every_connector_linear_is_a_connector(tiny_ltx2):
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors

    connectors = LTX2TextConnectors.from_pretrained(tiny_ltx2 / "connectors")
    names = [n for n, m in connectors.named_modules() if isinstance(m, torch.nn.Linear)]
    assert names
    for name in names:
        original = (name.replace("video_connector", "video_embeddings_connector")
                    .replace("audio_connector", "audio_embeddings_connector")
                    .replace("transformer_blocks", "transformer_1d_blocks")
                    .replace("text_proj_in", "text_embedding_projection.aggregate_embed"))
        for key in (f"connectors.{name}.lora_A.weight", f"diffusion_model.{original}.lora_A.weight"):
            assert streams.classify_key(key) == "connectors", key
