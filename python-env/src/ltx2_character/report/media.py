"""Reading the report's clips from disk (PyAV; no torch): which have audio, their captions,
their first frames and the audio under them."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Collection

import numpy as np

from .holdout import VIDEO_EXTENSIONS, Clip

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".bmp")


class MediaError(ValueError):
    pass


def has_audio(path: Path) -> bool:
    import av

    with av.open(str(path)) as container:
        return len(container.streams.audio) > 0


def caption(path: Path, caption_ext: str = "txt") -> str:
    sidecar = path.with_suffix("." + caption_ext.lstrip("."))
    return sidecar.read_text(encoding="utf-8").strip() if sidecar.is_file() else ""


def folder_clips(folder: Path, caption_ext: str = "txt", skipped: Collection[str] = ()) -> list[Clip]:
    """Every video and image under ``folder`` as ai-toolkit lists them (hidden entries skipped),
    but for the real paths in ``skipped`` (the files ``train``'s dataset check left out). A file
    that does not decode raises MediaError naming it."""
    if not folder.is_dir():
        raise MediaError(f"{folder} is not a folder")
    clips = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts) or not path.is_file():
            continue
        if os.path.realpath(path) in skipped:
            continue
        suffix = path.suffix.lower()
        if suffix in VIDEO_EXTENSIONS:
            try:
                voiced = has_audio(path)
            except Exception as exc:  # noqa: BLE001 -- PyAV raises many types; the user needs the file name
                raise MediaError(f"{path}: does not decode ({exc})") from exc
            clips.append(Clip(str(path), caption(path, caption_ext), voiced))
        elif suffix in IMAGE_EXTENSIONS:
            clips.append(Clip(str(path), caption(path, caption_ext), False))
    return clips


def frames(path: Path, num_frames: int, size: tuple[int, int]) -> np.ndarray:
    """The first ``num_frames`` frames of a video (or an image, repeated), resized to ``size``
    (width, height): uint8 (F, H, W, 3)."""
    import av

    out = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            out.append(frame.to_ndarray(width=size[0], height=size[1], format="rgb24"))
            if len(out) == num_frames:
                break
    if not out:
        raise MediaError(f"{path}: no video frame")
    while len(out) < num_frames:  # a short clip or a still: hold the last frame
        out.append(out[-1])
    return np.stack(out)
