"""Building blocks for tests that run the patched trainer on tiny LTX-2 models."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import torch

from ltx2_character.audio.options import AudioTrainingOptions
from ltx2_character.fork import ltx2_audio

# Shared with the checklist and the experiments.
from ltx2_tools.workbench import Flag, ListSink, job, make_dataset, model_section, train  # noqa: E402,F401

# The tiny models every integration test runs on; test ids read test_x[ltx2] and test_x[ltx2.3].
ARCHES = ["ltx2", "ltx2.3"]
# Tests whose behaviour depends on the load path (loading, freezing, a training run with audio,
# resume) also run LTX-2.5's split files; the rest share its 2.3 transformer and stay on ARCHES
# to keep CI time down.
ALL_ARCHES = [*ARCHES, "ltx2.5"]

def load_model(model_dir: Path, arch: str):
    from toolkit.config_modules import ModelConfig
    from toolkit.util.get_model import get_model_class

    cfg = ModelConfig(**model_section(model_dir, arch))
    model = get_model_class(cfg)(device="cpu", model_config=cfg, dtype="fp32")
    model.load_model()
    # no trainer configures a model loaded here: state the audio options it runs with
    ltx2_audio.configure(model, AudioTrainingOptions())
    return model


class FakeBatch(SimpleNamespace):
    """The attributes of DataLoaderBatchDTO that get_noise_prediction reads and writes."""

    def set_secondary_audio_pred(self, pred):
        if self.audio_pred_slot is not None:
            setattr(self, self.audio_pred_slot, pred)


def fake_batch(num_frames: int, audio: list[Any] | None, do_audio: bool = True) -> FakeBatch:
    present = None if audio is None else torch.tensor([a is not None for a in audio])
    fields = dict(
        dataset_config=SimpleNamespace(do_audio=do_audio, do_i2v=False, fps=24), num_frames=num_frames,
        audio_latents=None, audio_data=audio, audio_present=present, first_frame_latents=None,
        audio_noise=None, audio_target=None, audio_pred=None, audio_pred_slot=None, audio_pred_prior=None,
        audio_pred_uncond=None, audio_pred_preservation=None, audio_sigma=None, audio_timestep=None,
        audio_loss_mask=None, audio_preserve_mask=None, audio_real_mask=None, audio_clean=None,
    )
    return FakeBatch(**fields)


def speech(seconds: float = 17 / 24, rate: int = 44100) -> dict:
    t = torch.arange(int(seconds * rate)) / rate
    wave = 0.3 * torch.sin(2 * torch.pi * 220 * t)
    return {"waveform": torch.stack([wave, wave]), "sample_rate": rate}


def capture_transformer_calls(model) -> list[dict]:
    calls: list[dict] = []
    forward = model.model.forward

    def spy(*args, **kwargs):
        calls.append({k: (v.detach().clone() if torch.is_tensor(v) else v) for k, v in kwargs.items()})
        return forward(*args, **kwargs)

    model.model.forward = spy
    return calls


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst
