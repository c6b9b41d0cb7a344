"""What diffusers 0.39.0's LTX-2 loader really does with connector keys, alpha, DoRA, LoKr and
other namings, checked against the verdict `orchestrator lora inspect` predicts for it.

Verdicts: ok = every module applied exactly as trained; partial = loads, but some modules
are ignored or applied differently; fails = refused or nothing applied."""
from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from .support import LORA_A, LORA_B, apply_with_diffusers, lora_modules

pytestmark = pytest.mark.slow

DIFFUSERS = "diffusers LTX2Pipeline.load_lora_weights"
RANK = 4


def connector_lora(connectors, name: str, prefix: str, generator) -> dict[str, torch.Tensor]:
    """A rank-4 LoRA for one linear of the tiny connectors, under the given key stem."""
    weight = dict(connectors.named_modules())[name].weight
    return {
        prefix + LORA_A: torch.randn(RANK, weight.shape[1], generator=generator),
        prefix + LORA_B: torch.randn(weight.shape[0], RANK, generator=generator),
    }


def variants(demo: dict[str, torch.Tensor], connectors) -> dict[str, tuple[dict, str, dict[str, set[str]]]]:
    """name -> (state dict, predicted verdict, weights that must change exactly: transformer/connectors)."""
    g = torch.Generator().manual_seed(0)
    blocks = {f"{m}.weight" for m in lora_modules(demo)}
    as_diffusers = {"transformer." + k[len("diffusion_model."):]: v for k, v in demo.items()}
    video_q = "video_connector.transformer_blocks.0.attn1.to_q"
    comfy_connector = connector_lora(connectors, video_q,
                                     "diffusion_model.video_embeddings_connector.transformer_1d_blocks.0.attn1.to_q", g)
    diffusers_connector = connector_lora(connectors, video_q, f"connectors.{video_q}", g)
    projection = connector_lora(connectors, "text_proj_in", "text_embedding_projection.aggregate_embed", g)
    lokr = {}
    for module in lora_modules(demo):
        out, inp = demo[f"diffusion_model.{module}{LORA_B}"].shape[0], demo[f"diffusion_model.{module}{LORA_A}"].shape[1]
        lokr[f"diffusion_model.{module}.lokr_w1"] = torch.randn(2, 2, generator=g)
        lokr[f"diffusion_model.{module}.lokr_w2"] = torch.randn(out // 2, inp // 2, generator=g)
    kohya = {}
    for k, v in demo.items():
        stem = k[len("diffusion_model."):].rsplit(".lora_", 1)[0].replace(".", "_")
        kohya[f"lora_unet_{stem}" + (".lora_down.weight" if k.endswith(LORA_A) else ".lora_up.weight")] = v
    return {
        "demo": (demo, "ok", {"transformer": blocks, "connectors": set()}),
        "alpha tensors": ({**demo, **{k.replace(LORA_A, ".alpha"): torch.tensor(float(RANK)) for k in demo if k.endswith(LORA_A)}},
                          "fails", {}),
        "DoRA": ({**demo, **{k.replace(LORA_B, ".dora_scale"): torch.ones(v.shape[0], 1) for k, v in demo.items()
                             if k.endswith(LORA_B)}}, "partial", {"transformer": blocks, "connectors": set()}),
        "ai-toolkit DoRA (.magnitude)": ({**demo, **{k.replace(LORA_B, ".magnitude"): torch.ones(v.shape[0])
                                                 for k, v in demo.items() if k.endswith(LORA_B)}}, "fails", {}),
        "LoKr": (lokr, "fails", {}),
        "kohya names": (kohya, "fails", {}),
        "bare original names": ({k[len("diffusion_model."):]: v for k, v in demo.items()}, "fails", {}),
        "ComfyUI connector keys": ({**demo, **comfy_connector}, "partial", {"transformer": blocks, "connectors": set()}),
        "diffusers format with connectors": ({**as_diffusers, **diffusers_connector}, "ok",
                                             {"transformer": blocks, "connectors": {f"{video_q}.weight"}}),
        "text_embedding_projection": ({**demo, **projection}, "ok",
                                      {"transformer": blocks, "connectors": {"text_proj_in.weight"}}),
        "original names mixed with connectors.": ({**demo, **diffusers_connector}, "partial",
                                                  {"transformer": blocks, "connectors": set()}),
    }


@pytest.fixture(scope="module")
def cases(demo_lora, tiny_pipeline):
    return variants(load_file(demo_lora), tiny_pipeline().connectors)


@pytest.mark.parametrize("name", [
    "demo", "alpha tensors", "DoRA", "ai-toolkit DoRA (.magnitude)", "LoKr", "kohya names", "bare original names", "ComfyUI connector keys",
    "diffusers format with connectors", "text_embedding_projection", "original names mixed with connectors.",
])
def test_inspect_predicts_what_diffusers_does(name, cases, tiny_pipeline, inspect_json, tmp_path: Path):
    state, predicted, changes = cases[name]
    path = tmp_path / "lora.safetensors"
    save_file({k: v.contiguous() for k, v in state.items()}, str(path))
    verdict = {v["loader"]: v["verdict"] for v in inspect_json(path)["loaders"]}[DIFFUSERS]
    assert verdict == predicted

    applied = apply_with_diffusers(tiny_pipeline(), str(path))
    if predicted == "fails":
        assert applied.error is not None or (not applied.transformer and not applied.connectors)
        return
    assert applied.error is None
    assert set(applied.transformer) == changes["transformer"]
    assert set(applied.connectors) == changes["connectors"]
    if predicted == "ok":
        expected = {}
        for key, down in state.items():
            if key.endswith(LORA_A):
                stem = key[: -len(LORA_A)]
                expected[stem] = state[stem + LORA_B].double() @ down.double()
        changed = {**{f"transformer.{k}": v for k, v in applied.transformer.items()},
                   **{f"connectors.{k}": v for k, v in applied.connectors.items()}}
        assert len(changed) == len(expected)
        for stem, delta in expected.items():
            key = (stem.replace("diffusion_model.", "transformer.", 1)
                   .replace("text_embedding_projection.aggregate_embed", "connectors.text_proj_in")) + ".weight"
            torch.testing.assert_close(changed[key], delta, rtol=1e-4, atol=1e-6)
