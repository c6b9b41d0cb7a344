"""Audio timestep sampling (SOP item L).

Timesteps are on ai-toolkit's 0-1000 scale (sigma x 1000). ``shifted_logit_normal``
follows the distribution of Lightricks' current trainer: a logit-normal whose mean shifts
linearly with the token count (0.95 at 1,024 tokens, 2.05 at 4,096, capped there), stretched
between its 0.5th and 99.9th percentiles to cover [0, 1], with 10% uniform samples mixed in.
Short audio sequences (about 25 tokens per second) therefore train at lower noise than video.
"""
from __future__ import annotations

import math

import torch

NUM_TRAIN_TIMESTEPS = 1000.0
EPS = 1e-3
LOW_PERCENTILE_Z = -2.5758  # 0.5th percentile of the standard normal
HIGH_PERCENTILE_Z = 3.0902  # 99.9th percentile
UNIFORM_SHARE = 0.1


def shift_for_tokens(tokens: int, min_tokens: int = 1024, max_tokens: int = 4096,
                     min_shift: float = 0.95, max_shift: float = 2.05) -> float:
    """Linear in the token count through (1024, 0.95) and (4096, 2.05); capped at 4096."""
    tokens = min(tokens, max_tokens)
    slope = (max_shift - min_shift) / (max_tokens - min_tokens)
    return min_shift + slope * (tokens - min_tokens)


def uniform_sigmas(n: int, generator: torch.Generator | None = None, device=None) -> torch.Tensor:
    u = torch.rand(n, generator=generator, device=device)
    return EPS + (1.0 - EPS) * u


def shifted_logit_normal_sigmas(n: int, tokens: int, generator: torch.Generator | None = None,
                                device=None, std: float = 1.0) -> torch.Tensor:
    mu = shift_for_tokens(tokens)
    logit = torch.randn(n, generator=generator, device=device) * std + mu
    raw = torch.sigmoid(logit)
    lo = 1.0 / (1.0 + math.exp(-(mu + LOW_PERCENTILE_Z * std)))
    hi = 1.0 / (1.0 + math.exp(-(mu + HIGH_PERCENTILE_Z * std)))
    stretched = (raw - lo) / (hi - lo)
    # Reflect values below eps back above it instead of piling them up at eps.
    stretched = torch.where(stretched >= EPS, stretched, 2 * EPS - stretched).clamp(EPS, 1.0)
    use_uniform = torch.rand(n, generator=generator, device=device) < UNIFORM_SHARE
    return torch.where(use_uniform, uniform_sigmas(n, generator, device), stretched)


def sample_audio_timesteps(distribution: str, batch_size: int, audio_tokens: int,
                           generator: torch.Generator | None = None, device=None) -> torch.Tensor:
    """One audio timestep per sample, on the 0-1000 scale."""
    if distribution == "uniform":
        sigmas = uniform_sigmas(batch_size, generator, device)
    elif distribution == "shifted_logit_normal":
        sigmas = shifted_logit_normal_sigmas(batch_size, audio_tokens, generator, device)
    else:
        raise ValueError(f"unknown audio timestep distribution {distribution!r}")
    return sigmas * NUM_TRAIN_TIMESTEPS
