"""Tensor helpers for the audio stream: masked losses, silence, presence masks (items C, D, G)."""
from __future__ import annotations

from typing import Any, Sequence

import torch


def masked_mse(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean squared error over the items where ``mask`` (shape (B,)) is true.

    Items without supervision contribute nothing, and the mean is over supervised elements
    only, so a batch with one real clip has the same loss scale as a batch of real clips.
    Returns a zero that keeps the graph when no item is supervised.
    """
    if pred.shape != target.shape:
        raise ValueError(f"audio prediction {tuple(pred.shape)} and target {tuple(target.shape)} differ")
    mask = mask.to(device=pred.device, dtype=torch.bool)
    if not bool(mask.any()):
        return (pred * 0.0).sum()
    err = (pred.float() - target.float()) ** 2
    return err[mask].mean()


def presence_mask(items: Sequence[Any], attribute: str) -> torch.Tensor:
    """(B,) bool: which file items carry a non-None ``attribute``."""
    return torch.tensor([getattr(item, attribute, None) is not None for item in items], dtype=torch.bool)


def silence_waveform(num_samples: int, sample_rate: int, channels: int = 2,
                     dtype: torch.dtype = torch.float32) -> dict:
    """Stereo digital silence in ai-toolkit's ``audio_data`` shape ({"waveform", "sample_rate"})."""
    return {"waveform": torch.zeros(channels, max(1, num_samples), dtype=dtype), "sample_rate": int(sample_rate)}


def fill_missing_audio(audio_data: Sequence[dict | None]) -> list[dict]:
    """Replace ``None`` entries with silence as long as the longest real entry (item D).

    Every item of a batch is sliced to the same video duration, so the longest real clip
    gives the duration. Silence is an input placeholder only; its loss is masked.
    """
    real = [a for a in audio_data if a is not None]
    if not real:
        raise ValueError("no item of the batch has audio")
    reference = max(real, key=lambda a: a["waveform"].shape[-1] / a["sample_rate"])
    seconds = reference["waveform"].shape[-1] / reference["sample_rate"]
    rate = reference["sample_rate"]
    return [a if a is not None else silence_waveform(round(seconds * rate), rate) for a in audio_data]


def match_length(latents: torch.Tensor, frames: int) -> torch.Tensor:
    """Crop or edge-pad packed audio latents (B, T, C) to ``frames`` tokens.

    Clips resampled from different source rates can differ by one mel frame and hence one
    latent frame; stacking them needs equal lengths.
    """
    t = latents.shape[1]
    if t == frames:
        return latents
    if t > frames:
        return latents[:, :frames]
    pad = latents[:, -1:].expand(-1, frames - t, -1)
    return torch.cat([latents, pad], dim=1)
