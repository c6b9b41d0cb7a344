"""Noise offset for image and video latents (SOP item T).

Offset noise adds one random shift per sample and channel, constant over every other axis,
so the model can learn to change overall brightness. Upstream raised ``ValueError`` for
latents with more than four dimensions, i.e. every LTX-2 video latent (B, C, F, H, W). The
shift here is (B, C, 1, ...) for any rank, so a video's offset is shared by its frames and
pixels, as an image's is by its pixels.
"""
from __future__ import annotations

import torch


def apply_noise_offset(noise: torch.Tensor, noise_offset: float | None,
                       generator: torch.Generator | None = None) -> torch.Tensor:
    if noise_offset is None or abs(noise_offset) < 1e-6:
        return noise
    if noise.dim() < 3:
        raise ValueError(f"noise offset needs (B, C, ...) latents, got shape {tuple(noise.shape)}")
    shape = (noise.shape[0], noise.shape[1]) + (1,) * (noise.dim() - 2)
    offset = torch.randn(shape, generator=generator, device=noise.device if generator is None else "cpu")
    return noise + noise_offset * offset.to(noise.device, dtype=noise.dtype)
