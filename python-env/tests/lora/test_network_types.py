"""What ai-toolkit really saves for LTX-2 with `network.type: dora` and `lokr`, and what
inspect and diffusers make of it. Trains the demo job for 2 steps per type."""
from __future__ import annotations

import pytest
from safetensors import safe_open

from .conftest import DEMO_CONFIG
from .support import apply_with_diffusers

pytestmark = pytest.mark.slow

EXPECTED = {
    # DoRA: PEFT lora_A/lora_B plus the magnitude under ai-toolkit's own name (not dora_scale).
    "dora": ({".lora_A.weight", ".lora_B.weight", ".magnitude"}, "DoRA",
             {"ComfyUI": "partial", "diffusers LTX2Pipeline.load_lora_weights": "fails",
              "Lightricks ltx-pipelines": "partial"}),
    # LoKr: full-rank Kronecker factors (lokr_full_rank defaults to true) and an alpha tensor.
    "lokr": ({".lokr_w1", ".lokr_w2", ".alpha"}, "LoKr",
             {"ComfyUI": "ok", "KJNodes LTX2LoraLoaderAdvanced": "caveats",
              "diffusers LTX2Pipeline.load_lora_weights": "fails", "Lightricks ltx-pipelines": "fails"}),
}


@pytest.fixture(scope="module")
def trained(demo_lora, orchestrator, tmp_path_factory):
    """name -> LoRA file; depends on demo_lora so it is skipped for the same reasons."""
    out = {}
    for network in EXPECTED:
        work = tmp_path_factory.mktemp(f"train-{network}")
        config = (DEMO_CONFIG.read_text().replace("type: lora", f"type: {network}")
                  .replace("name: demo_character", f"name: demo_{network}").replace("steps: 30", "steps: 2"))
        (work / "job.yaml").write_text(config)
        done = orchestrator("train", "job.yaml", cwd=work, timeout=1800)
        lora = work / "output" / f"demo_{network}" / f"demo_{network}.safetensors"
        assert done.returncode == 0 and lora.exists(), f"{network}: {done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        out[network] = lora
    return out


@pytest.mark.parametrize("network", sorted(EXPECTED))
def test_saved_keys_inspect_and_loader_verdicts(network, trained, inspect_json, tiny_pipeline):
    suffixes, label, verdicts = EXPECTED[network]
    with safe_open(str(trained[network]), "pt") as f:
        keys = list(f.keys())
    assert all(k.startswith("diffusion_model.transformer_blocks.") for k in keys)
    assert {next(s for s in suffixes if k.endswith(s)) for k in keys} == suffixes

    report = inspect_json(trained[network])
    assert report["networks"] == {label: len(keys) // len(suffixes)}
    assert report["unrecognisedKeys"] == []
    got = {v["loader"]: v["verdict"] for v in report["loaders"]}
    assert {k: got[k] for k in verdicts} == verdicts

    applied = apply_with_diffusers(tiny_pipeline(), str(trained[network]))
    assert isinstance(applied.error, ValueError)  # "all LoRA param names contain 'lora'"
