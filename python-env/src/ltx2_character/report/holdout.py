"""Which clips the report measures on, and keeping them out of training (pure).

Held-out clips come from ``voice_report.validation_folder`` when the user gives one; else a
few voiced clips are set aside from the dataset -- removed from the trainer's file list by
patch 0019 (``fork.datasets.training_files``) and named in the log, never silently trained on."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Sequence

# The dataset key the bridge writes before ai-toolkit builds its datasets (read by patch 0019)
from ..fork.datasets import HELD_OUT_KEY

VIDEO_EXTENSIONS = (".mp4", ".mov", ".avi", ".mkv", ".webm")


@dataclass(frozen=True)
class Clip:
    path: str
    caption: str
    has_audio: bool


@dataclass(frozen=True)
class Selection:
    """The report's material: ``learn`` voiced held-out clips (voice learned), ``drift`` clips
    whose latents carry the prompts outside the character (base drift); ``set_aside`` are
    dataset files the trainer must skip; ``messages`` are said once in the log."""
    learn: tuple[Clip, ...]
    drift: tuple[Clip, ...]
    set_aside: tuple[str, ...]
    messages: tuple[str, ...]


def choose_set_aside(clips: Sequence[Clip], wanted: int) -> list[Clip]:
    """Up to ``wanted`` voiced clips, evenly spread over the sorted names (deterministic, so a
    resumed run sets aside the same ones), never more than half the voiced clips: the character
    must still be trained on most of its speech."""
    voiced = sorted((c for c in clips if c.has_audio), key=lambda c: c.path)
    count = min(wanted, len(voiced) // 2)
    if count <= 0:
        return []
    stride = len(voiced) / count
    return [voiced[int(i * stride + stride / 2)] for i in range(count)]


def select(dataset: Sequence[Clip], validation: Sequence[Clip] | None, wanted: int,
           validation_problem: str | None = None) -> Selection:
    """``validation`` is the validation folder's clips (None: no folder given);
    ``validation_problem`` says why a given folder could not be used."""
    messages = []
    if validation_problem is not None:
        messages.append(f"voice report: {validation_problem}; setting clips aside from the dataset instead")
    voiced_validation = [c for c in (validation or []) if c.has_audio]
    if validation is not None and validation_problem is None and not voiced_validation:
        messages.append("voice report: the validation folder has no clip with an audio stream; setting clips "
                        "aside from the dataset instead")
    if voiced_validation:
        learn = voiced_validation[:wanted] if wanted else []
        set_aside: list[Clip] = []
        messages.append(f"voice report: held-out clips from the validation folder: {_names(learn)}")
    else:
        learn = set_aside = choose_set_aside(dataset, wanted)
        if set_aside:
            messages.append(f"voice report: set aside from training (held out): {_names(set_aside)}")
        elif any(c.has_audio for c in dataset):
            messages.append("voice report: too few voiced clips to set one aside; 'voice learned' is not measured "
                            "(fix: give voice_report.validation_folder with a few clips of the character speaking)")
        else:
            messages.append("voice report: no clip has audio; only the base drift is measured")
    # Prompts outside the character need some latents to ride on: held-out clips first, then
    # any other clip (its caption is replaced, it teaches nothing).
    kept = [c for c in dataset if c not in set_aside]
    drift = tuple(learn) + tuple(c for c in kept if c.path.lower().endswith(VIDEO_EXTENSIONS))[:max(1, 2 - len(learn))]
    if not drift:
        messages.append("voice report: no video clip to measure on; the report is off for this run")
    return Selection(tuple(learn), drift, tuple(c.path for c in set_aside), tuple(messages))


def _names(clips: Iterable[Clip]) -> str:
    return ", ".join(os.path.basename(c.path) for c in clips)
