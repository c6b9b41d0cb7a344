"""H: the audio VAE, the vocoder and the connectors are frozen and in eval mode on every load path.

2.0 and 2.3 load the tiny diffusers folders through LTX2Model.load_model. 2.5 loads the tiny
split files (tiny_model.build_ltx25: DiT+connectors, Gemma-4 text encoder with the projections
and the tokenizer, conv video VAE, audio VAE with the vocoder) through LTX25Model.load_model with
its real file readers and converters, each module sized from the files (patch 0020; the pin's
own table holds the 22B sizes).
"""
from __future__ import annotations

import pytest
import torch
from safetensors.torch import load_file

from ltx2_tools.demo import tiny_model as tm

from . import harness
from .harness import ALL_ARCHES

pytestmark = pytest.mark.fork
AUXILIARY = ("audio_vae", "vocoder", "connectors")


def _assert_frozen(pipeline) -> None:
    for name in AUXILIARY:
        module = getattr(pipeline, name)
        assert not module.training, name
        assert not any(m.training for m in module.modules()), name
        assert not any(p.requires_grad for p in module.parameters()), name


@pytest.mark.parametrize("arch", ALL_ARCHES)
def test_auxiliary_modules_are_frozen_and_in_eval(arch, ltx_models):
    _assert_frozen(ltx_models[arch].pipeline)


def test_the_tiny_files_are_where_the_pin_looks_for_them(fork):
    from extensions_built_in.diffusion_models.ltx2 import ltx2

    assert tm.LTX25_FILES == ltx2.COMFY_LTX25_FILES


def test_ltx25_loads_through_its_own_path_and_every_tensor_lands_where_the_file_put_it(ltx_models, tiny_ltx25):
    """The pin's renames, run for real, are the inverse of the generator's: each loaded tensor
    is the file's tensor under its original name."""
    from extensions_built_in.diffusion_models.ltx2 import ltx2

    model = ltx_models["ltx2.5"]
    assert type(model) is ltx2.LTX25Model and model.ltx_version == "2.5"
    assert type(model).load_model is not ltx2.LTX2Model.load_model, "2.5 has its own load path"
    pipe = model.pipeline
    files = {c: load_file(str(tiny_ltx25 / rel)) for c, rel in tm.LTX25_FILES.items()}
    dit, te, audio = files["dit"], files["text_encoder"], files["audio_vae"]

    def file_tensor(name: str) -> torch.Tensor:
        return te[name] if name.startswith("text_embedding_projection.") else dit[f"model.diffusion_model.{name}"]

    modules = {
        "transformer": (pipe.transformer, lambda k: dit[f"model.diffusion_model.{tm.original_transformer_key(k)}"]),
        "connectors": (pipe.connectors, lambda k: file_tensor(tm.original_connectors_key(k))),
        "text encoder": (pipe.text_encoder, lambda k: te[f"model.{k}"]),
        "video vae": (pipe.vae, lambda k: files["video_vae"][tm.original_video_vae_key(k, 4)]),
        "audio vae": (pipe.audio_vae, lambda k: audio[f"audio_vae.{tm.original_audio_vae_key(k)}"]),
        "vocoder": (pipe.vocoder, lambda k: audio[f"vocoder.{tm.original_vocoder_key(k)}"]),
    }
    for name, (module, expected) in modules.items():
        state = module.state_dict()
        assert state, name
        misplaced = [k for k, v in state.items() if not torch.equal(v.float(), expected(k).float())]
        assert not misplaced, f"{name}: {misplaced[:8]}"
    # 2.5's deltas went through the pin's module surgery: a bias-free video feedforward and the
    # keyframe embedding, loaded and frozen
    block = pipe.transformer.transformer_blocks[0]
    assert block.ff.net[0].proj.bias is None and block.ff.net[2].bias is None
    assert block.audio_ff.net[2].bias is not None
    assert not pipe.transformer.keyframes_abs_pos_embedding.requires_grad
    # the tokenizer came out of the text encoder file, with Gemma's BOS restored on the empty prompt
    assert model.tokenizer[0]("").input_ids == [model.tokenizer[0].bos_token_id]


def test_the_ltx25_check_sees_a_missing_freeze(fork, tiny_ltx25, monkeypatch):
    """Control: with the freeze call of patch 0004 made a no-op, the same real load leaves the
    modules trainable and the check above fails, so it does not pass by construction."""
    from ltx2_character.fork import ltx2_audio

    monkeypatch.setattr(ltx2_audio, "freeze_auxiliary_modules", lambda pipeline: None)
    model = harness.load_model(tiny_ltx25, "ltx2.5")
    with pytest.raises(AssertionError):
        _assert_frozen(model.pipeline)
    # the converters build with requires_grad on; in eval or not, the freeze is what turns it off
    assert all(any(p.requires_grad for p in getattr(model.pipeline, name).parameters()) for name in AUXILIARY)
