"""H: the audio VAE, the vocoder and the connectors are frozen and in eval mode on every load path.

2.0 and 2.3 load the tiny diffusers folders through LTX2Model.load_model. There is no tiny
LTX-2.5 (its load path reads ComfyUI single files: one DiT+connectors file, a Gemma-4 text
encoder file, VAE files), so LTX25Model.load_model runs for real with only its file readers and
converters stubbed: they hand it copies of the tiny 2.3 modules, set to train mode with
gradients on, as a fresh conversion would leave them. What the test checks is what the 2.5
path does with them after loading (patch 0004's second hunk).
"""
from __future__ import annotations

import copy

import pytest

from .harness import ARCHES

pytestmark = pytest.mark.fork
AUXILIARY = ("audio_vae", "vocoder", "connectors")


def _assert_frozen(pipeline) -> None:
    for name in AUXILIARY:
        module = getattr(pipeline, name)
        assert not module.training, name
        assert not any(m.training for m in module.modules()), name
        assert not any(p.requires_grad for p in module.parameters()), name


@pytest.mark.parametrize("arch", ARCHES)
def test_auxiliary_modules_are_frozen_and_in_eval(arch, ltx_models):
    _assert_frozen(ltx_models[arch].pipeline)


def _trainable(module):
    module = copy.deepcopy(module)
    module.train()
    module.requires_grad_(True)
    return module


def _load_ltx25(monkeypatch, source):
    """LTX25Model.load_model with its file reading replaced by copies of ``source``'s modules."""
    from extensions_built_in.diffusion_models.ltx2 import ltx2
    from toolkit.config_modules import ModelConfig

    pipe = source.pipeline
    stubs = {
        "load_file": lambda path: {},
        "get_model_state_dict_from_combined_ckpt": lambda state_dict, prefix: {},
        "convert_ltx2_transformer": lambda sd, version, load: (copy.deepcopy(pipe.transformer), {}),
        "convert_ltx2_connectors": lambda sd, version, load: (_trainable(pipe.connectors), {}),
        "convert_ltx2_video_vae": lambda sd, version: copy.deepcopy(pipe.vae),
        "convert_ltx2_audio_vae": lambda sd, version: _trainable(pipe.audio_vae),
        "convert_ltx2_vocoder": lambda sd, version: _trainable(pipe.vocoder),
    }
    for name, stub in stubs.items():
        assert hasattr(ltx2, name), f"ltx2.py no longer has {name}: update the stubs"
        monkeypatch.setattr(ltx2, name, stub)
    methods = {
        "_resolve_dit_path": lambda self: "dit.safetensors",
        "_resolve_te_path": lambda self: "te.safetensors",
        "_resolve_comfy_file": lambda self, component: f"{component}.safetensors",
        "_load_quantized_module": lambda self, module, state_dict, name: 0,
        "_load_gemma4_tokenizer": lambda self, te_path, te_sd: pipe.tokenizer,
        "_load_gemma4_text_encoder": lambda self, te_path, te_sd: (copy.deepcopy(pipe.text_encoder), 0),
    }
    for name, stub in methods.items():
        assert hasattr(ltx2.LTX25Model, name), f"LTX25Model no longer has {name}: update the stubs"
        monkeypatch.setattr(ltx2.LTX25Model, name, stub)

    cfg = ModelConfig(arch="ltx2.5", name_or_path="dit.safetensors", quantize=False, quantize_te=False, low_vram=False)
    model = ltx2.LTX25Model(device="cpu", model_config=cfg, dtype="fp32")
    assert type(model).load_model is not ltx2.LTX2Model.load_model, "2.5 has its own load path"
    model.load_model()
    return model


def test_auxiliary_modules_are_frozen_on_the_ltx25_load_path(ltx_models, monkeypatch):
    model = _load_ltx25(monkeypatch, ltx_models["ltx2.3"])
    assert model.ltx_version == "2.5"
    _assert_frozen(model.pipeline)
    # the copies, not the shared 2.3 modules, went through it
    assert model.pipeline.connectors is not ltx_models["ltx2.3"].pipeline.connectors


def test_the_ltx25_check_sees_a_missing_freeze(ltx_models, monkeypatch):
    """Control: with the freeze call of patch 0004 made a no-op, the same load leaves the modules
    trainable and the check above fails, so it does not pass by construction."""
    from ltx2_character.fork import ltx2_audio

    monkeypatch.setattr(ltx2_audio, "freeze_auxiliary_modules", lambda pipeline: None)
    model = _load_ltx25(monkeypatch, ltx_models["ltx2.3"])
    with pytest.raises(AssertionError):
        _assert_frozen(model.pipeline)
    assert all(getattr(model.pipeline, name).training for name in AUXILIARY)
