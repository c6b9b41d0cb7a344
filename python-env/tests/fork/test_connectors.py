"""F: LoRA on the text connectors, on tiny 2.0 and 2.3 models; training with audio, saving and
resuming also on LTX-2.5's split files (its connectors come out of the DiT file)."""
from __future__ import annotations

import pytest
from safetensors import safe_open

from ltx2_character.fork import connector_lora

from . import harness
from .harness import ALL_ARCHES, ARCHES

pytestmark = pytest.mark.fork


@pytest.mark.parametrize("arch", ALL_ARCHES)
def test_connector_lora_is_created_trained_saved_and_loaded(arch, fork, model_dirs, datasets, tmp_path, monkeypatch):
    seen = {}
    from toolkit import lora_special

    init = lora_special.LoRASpecialNetwork.__init__

    def spy(self, *args, **kwargs):
        init(self, *args, **kwargs)
        seen["network"] = self
        seen["transformer"] = kwargs["unet"]

    monkeypatch.setattr(lora_special.LoRASpecialNetwork, "__init__", spy)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=2, train={"train_connectors": True})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")

    network = seen["network"]
    names = [m.lora_name for m in network.unet_loras]
    connector_modules = [n for n in names if "connectors" in n]
    assert connector_modules, "LoRA modules on the connectors"
    assert any("video_connector" in n for n in connector_modules) and any("audio_connector" in n for n in connector_modules)
    trained = [m for m in network.unet_loras if "connectors" in m.lora_name]
    # lora_up starts at zero; after two steps with gradients it is not
    assert any(m.lora_up.weight.abs().sum() > 0 for m in trained)
    connectors = seen["transformer"].connectors
    assert connectors.video_connector.gradient_checkpointing, "checkpointing reaches the connectors"
    assert connectors.audio_connector.gradient_checkpointing
    assert not any(p.requires_grad for p in connectors.parameters()), "the connectors' own weights stay frozen"

    saved = sink.of("saved")[-1]["path"]
    with safe_open(saved, "pt") as f:
        keys = list(f.keys())
    assert any(k.startswith("diffusion_model.video_embeddings_connector.transformer_1d_blocks.") for k in keys)
    assert any(k.startswith("diffusion_model.audio_embeddings_connector.transformer_1d_blocks.") for k in keys)
    assert not any(".connectors." in k for k in keys)

    config["config"]["process"][0]["train"]["steps"] = 3  # resume: the loader maps the keys back
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert sink.of("started")[0]["start_step"] == 2


@pytest.mark.parametrize("arch", ARCHES)
def test_without_the_flag_no_connector_module(arch, fork, model_dirs, datasets, tmp_path, monkeypatch):
    seen = {}
    from toolkit import lora_special

    init = lora_special.LoRASpecialNetwork.__init__

    def spy(self, *args, **kwargs):
        init(self, *args, **kwargs)
        seen["network"] = self

    monkeypatch.setattr(lora_special.LoRASpecialNetwork, "__init__", spy)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=1)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert seen["network"].unet_loras, "LoRA modules on the transformer"
    assert not [m for m in seen["network"].unet_loras if "connectors" in m.lora_name]


def test_key_mapping_round_trips():
    sd = {"diffusion_model.connectors.video_connector.transformer_blocks.0.attn1.to_q.lora_A.weight": 1,
          "diffusion_model.connectors.audio_connector.transformer_blocks.1.ff.net.0.proj.lora_B.weight": 2,
          "diffusion_model.transformer_blocks.0.attn1.to_q.lora_A.weight": 3}
    original = connector_lora.keys_to_original(sd)
    assert set(original) == {
        "diffusion_model.video_embeddings_connector.transformer_1d_blocks.0.attn1.to_q.lora_A.weight",
        "diffusion_model.audio_embeddings_connector.transformer_1d_blocks.1.ff.net.0.proj.lora_B.weight",
        "diffusion_model.transformer_blocks.0.attn1.to_q.lora_A.weight"}
    assert connector_lora.keys_from_original(original) == sd
