"""What the fork's loader takes from a dataset entry: ``do_audio`` resolved per dataset (SOP
item I), and the files it leaves out (patch 0019).

The SOP made ``do_audio`` default to true for every video dataset. That would make Wan and
every other video model decode audio (slower, and failed decodes now raise) and change
MiniMax-H3. Instead ``do_audio`` is tri-state: unset resolves to true only for LTX-2 models
and video datasets (``num_frames > 1`` or ``auto_frame_count``); an explicit value wins.
"""
from __future__ import annotations

import os
from typing import Any, Iterable

AUDIO_VIDEO_ARCHES = ("ltx2", "ltx2.3", "ltx2.5")


def resolve_do_audio(do_audio: bool | None, arch: str | None, is_video: bool) -> bool:
    if do_audio is not None:
        return bool(do_audio)
    return arch in AUDIO_VIDEO_ARCHES and is_video


def resolve_dataset(dataset_config: Any, sd: Any) -> None:
    """Fix ``dataset_config.do_audio`` to a bool before anything reads it."""
    is_video = int(getattr(dataset_config, "num_frames", 1)) > 1 or bool(getattr(dataset_config, "auto_frame_count", False))
    dataset_config.do_audio = resolve_do_audio(getattr(dataset_config, "do_audio", None), getattr(sd, "arch", None), is_video)


# The dataset keys the orchestrator writes before training, read by patch 0019 (typed in the Java
# schema, DatasetConfig.HELD_OUT_FILES / SKIPPED_FILES): the voice report's held-out clips, and
# the files `train`'s dataset check found unusable (named on the user's screen with the reason).
HELD_OUT_KEY = "held_out_files"
SKIPPED_KEY = "skipped_files"


def left_out(dataset_config: Any) -> set[str]:
    """The real paths of the files this dataset must not train on."""
    paths: Iterable[str] = [*(getattr(dataset_config, HELD_OUT_KEY, None) or ()),
                            *(getattr(dataset_config, SKIPPED_KEY, None) or ())]
    return {os.path.realpath(p) for p in paths}


def training_files(file_list: list[str], dataset_config: Any) -> list[str]:
    """Patch 0019: the dataset's files minus those held out by the voice report or skipped as unusable."""
    excluded = left_out(dataset_config)
    if not excluded:
        return file_list
    return [f for f in file_list if os.path.realpath(f) not in excluded]
