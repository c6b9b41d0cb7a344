"""The LoRA our demo training saves loads everywhere: ComfyUI's LTX-AV key mapping accepts
its names, KJNodes' per-stream sliders split it as intended, diffusers' LTX-2 loader applies
every module, `orchestrator lora inspect` lists every stream with the right norms, and a
stripped copy changes only the streams it keeps.

The ComfyUI and KJNodes checks replay their key rules (comfy/lora.py model_lora_keys_unet and
LoRAAdapter.load; KJNodes LTX2LoraLoaderAdvanced) on the original LTX-2 weight names, which
are derived here and verified against diffusers' own single-file converter."""
from __future__ import annotations

import pytest
import torch
from safetensors.torch import load_file

from ltx2_tools.lora import streams

from .support import LORA_A, LORA_B, apply_with_diffusers, lora_modules, to_original

pytestmark = pytest.mark.slow

BLOCK_COMPONENT_STREAM = {
    "attn1": "video-self", "attn2": "video-cross", "ff": "video-ff",
    "audio_attn1": "audio-self", "audio_attn2": "audio-cross", "audio_ff": "audio-ff",
    "audio_to_video_attn": "a2v", "video_to_audio_attn": "v2a",
}
SLIDER_OF_STREAM = {
    "video-self": "video", "video-cross": "video", "video-ff": "video",
    "audio-self": "audio", "audio-cross": "audio", "audio-ff": "audio",
    "a2v": "audio_to_video", "v2a": "video_to_audio",
}


@pytest.fixture(scope="module")
def transformer(tiny_ltx2):
    from diffusers import LTX2VideoTransformer3DModel

    return LTX2VideoTransformer3DModel.from_pretrained(tiny_ltx2 / "transformer")


@pytest.fixture(scope="module")
def original_weights(transformer) -> dict[str, torch.Size]:
    """The tiny model's weights under original LTX-2 names, as a ComfyUI checkpoint names them."""
    from diffusers.loaders.single_file_utils import convert_ltx2_transformer_to_diffusers

    diffusers_sd = transformer.state_dict()
    original = {to_original(k): v.shape for k, v in diffusers_sd.items()}
    # diffusers' loader for original checkpoints must map our names back exactly.
    round_trip = convert_ltx2_transformer_to_diffusers({f"model.diffusion_model.{k}": None for k in original})
    assert set(round_trip) == set(diffusers_sd)
    return original


def comfy_ltxav_key_map(original_weights) -> dict[str, str]:
    """comfy/lora.py model_lora_keys_unet for an LTXAV model: generic diffusion_model.X,
    kohya lora_unet_X and the LTXV/LTXAV bare X, each -> the model weight key."""
    key_map = {}
    for name in original_weights:
        k = f"diffusion_model.{name}"
        if k.endswith(".weight"):
            stem = k[: -len(".weight")]
            key_map["lora_unet_" + stem[len("diffusion_model."):].replace(".", "_")] = k
            key_map[stem] = k
            key_map[stem[len("diffusion_model."):]] = k
        else:
            key_map[k] = k
    return key_map


def test_keys_are_diffusion_model_prefixed_original_names_that_comfyui_maps(demo_lora, original_weights):
    lora = load_file(demo_lora)
    assert lora and all(k.startswith("diffusion_model.") for k in lora)
    key_map = comfy_ltxav_key_map(original_weights)
    consumed = set()
    for stem, target in key_map.items():
        # LoRAAdapter.load's "diffusers2" style: <stem>.lora_B.weight (up) + <stem>.lora_A.weight (down).
        if stem + LORA_B in lora:
            up, down = lora[stem + LORA_B], lora[stem + LORA_A]
            weight_shape = original_weights[target[len("diffusion_model."):]]
            assert (up @ down).shape == weight_shape, stem
            consumed |= {stem + LORA_A, stem + LORA_B}
    assert consumed == set(lora), f"keys ComfyUI would not load: {sorted(set(lora) - consumed)[:5]}"


def test_every_block_linear_is_adapted_and_kjnodes_sliders_split_the_streams(demo_lora, transformer):
    lora = load_file(demo_lora)
    modules = set(lora_modules(lora))
    block_linears = {n for n, m in transformer.named_modules()
                     if isinstance(m, torch.nn.Linear) and n.startswith("transformer_blocks.")}
    assert modules == block_linears  # ai-toolkit adapts every linear of every block, nothing else

    by_slider: dict[str, set[str]] = {g: set() for g in streams.KJNODES_GROUPS}
    for module in modules:
        by_slider[streams.kjnodes_group(f"diffusion_model.{module}.weight")].add(module)
        intended = BLOCK_COMPONENT_STREAM[module.split(".")[2]]
        assert streams.classify_module(module) == intended
    for slider, members in by_slider.items():
        expected = {m for m in modules if SLIDER_OF_STREAM[BLOCK_COMPONENT_STREAM[m.split(".")[2]]] == slider}
        assert members == expected, slider
    assert all(by_slider[g] for g in ("video", "audio", "audio_to_video", "video_to_audio"))
    assert not by_slider["other"]


def test_diffusers_loads_it_and_changes_exactly_the_adapted_weights(demo_lora, tiny_pipeline):
    expected = {f"{m}.weight": delta for m, delta in lora_modules(load_file(demo_lora)).items()}
    applied = apply_with_diffusers(tiny_pipeline(), str(demo_lora))
    assert applied.error is None
    assert set(applied.transformer) == set(expected)
    assert not applied.connectors
    for key, delta in expected.items():
        torch.testing.assert_close(applied.transformer[key], delta, rtol=1e-4, atol=1e-6)


def test_inspect_lists_every_stream_with_the_norms_torch_computes(demo_lora, inspect_json):
    report = inspect_json(demo_lora)
    per_stream: dict[str, float] = {}
    for module, delta in lora_modules(load_file(demo_lora)).items():
        stream = streams.classify_module(module)
        per_stream[stream] = per_stream.get(stream, 0.0) + float(torch.linalg.matrix_norm(delta)) ** 2
    listed = {s["id"]: s for s in report["streams"]}
    assert list(listed) == list(streams.STREAMS)
    for stream_id in SLIDER_OF_STREAM:
        assert listed[stream_id]["modules"] > 0
        assert listed[stream_id]["deltaNorm"] == pytest.approx(per_stream[stream_id] ** 0.5, rel=1e-5)
        assert listed[stream_id]["kjnodesSliders"] == [SLIDER_OF_STREAM[stream_id]]
    assert listed["connectors"]["modules"] == listed["other"]["modules"] == 0
    assert report["formats"] == {"comfy": len(lora_modules(load_file(demo_lora)))}
    assert report["training"]["doAudio"] is True  # examples/demo/character.yaml trains audio
    assert report["training"]["software"].startswith("ai-toolkit")
    assert report["warnings"] == []
    assert {v["loader"]: v["verdict"] for v in report["loaders"]}["diffusers LTX2Pipeline.load_lora_weights"] == "ok"


@pytest.mark.parametrize("mode", ["remove", "zero"])
def test_a_stripped_copy_loads_in_diffusers_and_changes_only_the_kept_streams(
        mode, demo_lora, tiny_pipeline, orchestrator, inspect_json, tmp_path):
    out = tmp_path / f"{mode}.safetensors"
    args = ["lora", "strip", "--streams", "audio,a2v,v2a", str(demo_lora), "-o", str(out)]
    done = orchestrator(*args, *(["--zero"] if mode == "zero" else []))
    assert done.returncode == 0, done.stderr

    full = lora_modules(load_file(demo_lora))
    kept = {f"{m}.weight": d for m, d in full.items() if streams.classify_module(m) in streams.GROUPS["video"]}
    assert kept and len(kept) < len(full)
    applied = apply_with_diffusers(tiny_pipeline(), str(out))
    assert applied.error is None
    assert set(applied.transformer) == set(kept)
    for key, delta in kept.items():
        torch.testing.assert_close(applied.transformer[key], delta, rtol=1e-4, atol=1e-6)

    report = inspect_json(out)
    listed = {s["id"]: s for s in report["streams"]}
    for stream_id in ("audio-self", "audio-cross", "audio-ff", "a2v", "v2a"):
        assert not listed[stream_id]["deltaNorm"]  # None when removed, 0.0 when zeroed
    assert "ltx2_orchestrator_strip" in report["metadata"]
    assert report["metadata"]["ss_output_name"] == "demo_character"
