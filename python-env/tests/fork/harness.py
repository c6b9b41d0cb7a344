"""Building blocks for tests that run the patched trainer on tiny LTX-2 models."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import torch

from ltx2_character.demo import media


class Flag:
    def __init__(self) -> None:
        self.value = False

    def get(self) -> bool:
        return self.value


class ListSink:
    def __init__(self) -> None:
        self.events: list[dict] = []

    def accept(self, line: str) -> None:
        self.events.append(json.loads(line))

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.events if e["type"] == kind]


def make_dataset(folder: Path, talking: int = 0, silent: int = 0, stills: int = 0) -> Path:
    """Clips with speech, clips without an audio track, and still images, each with a caption."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(talking):
        clip = media.DemoClip(f"talk_{i}", f"Line number {i} of the test character.", "testsrc2")
        media.make_clip(clip, folder)
        (folder / f"talk_{i}.txt").write_text(f"ohwx talking, take {i}\n")
    for i in range(silent):
        media.make_clip(media.DemoClip(f"silent_{i}", None, "smptebars"), folder)
        (folder / f"silent_{i}.txt").write_text(f"ohwx silent, take {i}\n")
    for i in range(stills):
        still = media.make_still(folder)
        still.rename(folder / f"still_{i}.png")
        (folder / f"still_{i}.txt").write_text(f"a photo of ohwx, {i}\n")
    return folder


def model_section(model: Path, arch: str) -> dict:
    section = {"arch": arch, "name_or_path": str(model), "quantize": False, "quantize_te": False, "low_vram": False}
    if arch == "ltx2.3":
        section["te_name_or_path"] = str(model / "text_encoder")  # else Gemma comes from the hub
    return section


def job(model: Path, datasets: list[dict], output: Path, arch: str = "ltx2", steps: int = 3,
        train: dict | None = None, name: str = "t") -> dict:
    base_dataset = {"caption_ext": "txt", "resolution": [64], "num_frames": 17, "fps": 24, "buckets": True,
                    "batch_size": 1, "num_workers": 0, "shuffle_tokens": False}
    base_train = {"batch_size": 1, "steps": steps, "lr": 1e-4, "optimizer": "adamw", "gradient_checkpointing": True,
                  "noise_scheduler": "flowmatch", "timestep_type": "weighted", "dtype": "fp32",
                  "disable_sampling": True}
    base_train.update(train or {})
    return {
        "job": "extension",
        "config": {"name": name, "process": [{
            "type": "sd_trainer", "training_folder": str(output), "device": "cpu",
            "network": {"type": "lora", "linear": 4, "linear_alpha": 4},
            "save": {"dtype": "float32", "save_every": 1000, "max_step_saves_to_keep": 1},
            "datasets": [{**base_dataset, **d} for d in datasets],
            "train": base_train,
            "model": model_section(model, arch),
            "logging": {"log_every": 1},
        }]},
    }


def train(config: dict, fork: Path) -> tuple[str, ListSink]:
    from ltx2_character.bridge.run import run_training

    sink = ListSink()
    outcome = run_training(json.dumps(config), str(fork), sink, Flag())
    return outcome, sink


def load_model(model_dir: Path, arch: str):
    from toolkit.config_modules import ModelConfig
    from toolkit.util.get_model import get_model_class

    cfg = ModelConfig(**model_section(model_dir, arch))
    model = get_model_class(cfg)(device="cpu", model_config=cfg, dtype="fp32")
    model.load_model()
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
