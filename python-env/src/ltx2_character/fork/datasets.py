"""``do_audio`` resolution per dataset (SOP item I).

The SOP made ``do_audio`` default to true for every video dataset. That would make Wan and
every other video model decode audio (slower, and failed decodes now raise) and change
MiniMax-H3. Instead ``do_audio`` is tri-state: unset resolves to true only for LTX-2 models
and video datasets (``num_frames > 1`` or ``auto_frame_count``); an explicit value wins.
"""
from __future__ import annotations

from typing import Any

AUDIO_VIDEO_ARCHES = ("ltx2", "ltx2.3", "ltx2.5")


def resolve_do_audio(do_audio: bool | None, arch: str | None, is_video: bool) -> bool:
    if do_audio is not None:
        return bool(do_audio)
    return arch in AUDIO_VIDEO_ARCHES and is_video


def resolve_dataset(dataset_config: Any, sd: Any) -> None:
    """Fix ``dataset_config.do_audio`` to a bool before anything reads it."""
    is_video = int(getattr(dataset_config, "num_frames", 1)) > 1 or bool(getattr(dataset_config, "auto_frame_count", False))
    dataset_config.do_audio = resolve_do_audio(getattr(dataset_config, "do_audio", None), getattr(sd, "arch", None), is_video)
