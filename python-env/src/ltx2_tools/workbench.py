"""Small training runs on tiny models, shared by the checklist, the experiments and the tests."""
from __future__ import annotations

import json
from pathlib import Path

from ltx2_tools.demo import media


class Flag:
    """A stop flag that is never set."""

    def __init__(self) -> None:
        self.value = False

    def get(self) -> bool:
        return self.value


class ListSink:
    """Collects the bridge's events."""

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
        media.make_still(folder).rename(folder / f"still_{i}.png")
        (folder / f"still_{i}.txt").write_text(f"a photo of ohwx, {i}\n")
    return folder


def model_section(model: Path, arch: str) -> dict:
    section = {"arch": arch, "name_or_path": str(model), "quantize": False, "quantize_te": False, "low_vram": False}
    if arch == "ltx2.3":
        section["te_name_or_path"] = str(model / "text_encoder")  # else Gemma comes from the hub
    if arch == "ltx2.5":
        from ltx2_tools.demo.tiny_model import ltx25_model_kwargs

        # each split file named, as the 2.5 template does (else missing ones come from the hub)
        section["model_kwargs"] = ltx25_model_kwargs(model)
    return section


def job(model: Path, datasets: list[dict], output: Path, arch: str = "ltx2", steps: int = 3,
        train: dict | None = None, name: str = "t", network: dict | None = None) -> dict:
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
            "network": network or {"type": "lora", "linear": 4, "linear_alpha": 4},
            "save": {"dtype": "float32", "save_every": 1000, "max_step_saves_to_keep": 1},
            "datasets": [{**base_dataset, **d} for d in datasets],
            "train": base_train,
            "model": model_section(model, arch),
            "logging": {"log_every": 1},
            # Tiny trainings of tests and the checklist train on every clip they are given; the
            # voice report (on by default) would set voiced clips aside.
            "voice_report": {"enabled": False},
        }]},
    }


def train(config: dict, fork: Path, log_path: str | None = None) -> tuple[str, ListSink]:
    from ltx2_character.bridge.run import run_training

    sink = ListSink()
    outcome = run_training(json.dumps(config), str(fork), sink, Flag(), log_path)
    return outcome, sink
