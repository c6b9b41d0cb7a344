"""Mixed-batch audio on ``DataLoaderBatchDTO`` (SOP item C).

Upstream built ``audio_data`` only when the batch's first item had audio, so a batch whose
first clip was silent dropped every clip's audio (and an uncached mixed batch crashed in
``encode_audio``). Here any item with audio keeps the list, with ``None`` for the others,
and ``audio_present`` records per item which audio is real, for caches too (where missing
items are zero-filled latents that must never serve as targets).
"""
from __future__ import annotations

from typing import Any, Sequence

import torch

from ltx2_character.audio.tensors import presence_mask

# Per-step audio bookkeeping the fork adds to the batch, cleared by DataLoaderBatchDTO.cleanup.
STEP_FIELDS = ("audio_present", "audio_clean", "audio_timestep", "audio_loss_mask", "audio_preserve_mask",
               "audio_real_mask")


def batch_audio(file_items: Sequence[Any], latents_cached: bool) -> tuple[list | None, torch.Tensor | None]:
    """``(audio_data, audio_present)`` for a batch of file items."""
    audio_data = None
    if any(item.audio_data is not None for item in file_items):
        audio_data = [item.audio_data for item in file_items]
    if latents_cached and any(getattr(item, "_cached_audio_latent", None) is not None for item in file_items):
        return audio_data, presence_mask(file_items, "_cached_audio_latent")
    if audio_data is not None:
        return audio_data, presence_mask(file_items, "audio_data")
    return None, None


def init_step_fields(batch: Any) -> None:
    for name in STEP_FIELDS[1:]:
        setattr(batch, name, None)


def clear_step_fields(batch: Any) -> None:
    for name in STEP_FIELDS:
        if hasattr(batch, name):
            delattr(batch, name)


def missing_audio_items(batch: Any) -> list[tuple[str, str]]:
    """(dataset folder, clip path) of the batch's items trained without real audio."""
    mask = getattr(batch, "audio_real_mask", None)
    out = []
    for i, item in enumerate(batch.file_items):
        if mask is None or not bool(mask[i]):
            folder = getattr(item.dataset_config, "folder_path", None) or "?"
            out.append((str(folder), str(getattr(item, "path", "?"))))
    return out
