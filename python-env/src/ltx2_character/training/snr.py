"""Min-SNR loss weights for flow matching (SOP item S).

Upstream's ``apply_snr_weight`` reads ``alphas_cumprod``, which flow-matching schedulers do
not have, so ``min_snr_gamma`` crashed every LTX-2 run. For rectified flow
``x_t = (1 - sigma) x0 + sigma eps`` with ``sigma = t / 1000``:

    SNR(sigma) = ((1 - sigma) / sigma)^2

Min-SNR-gamma (Hang et al., 2023) weights the x0-reconstruction loss by ``min(SNR, gamma)``.
The model predicts the velocity ``v = eps - x0``; for a fixed ``x_t`` an x0 error equals
``sigma`` times the velocity error, so the same weighting on the velocity loss is

    w(sigma) = min(SNR, gamma) * sigma^2        (``snr_gamma``, fixed: gamma * sigma^2)

which is the flow-matching counterpart of the ``min(SNR, gamma) / (SNR + 1)`` used for
v-prediction. The weights are below one everywhere; Adam-type optimisers are insensitive to
that global scale, what matters is the relative weight across noise levels.
"""
from __future__ import annotations

import torch

SIGMA_FLOOR = 1e-3  # sigma = 0 has infinite SNR


def flow_matching_sigmas(timesteps: torch.Tensor) -> torch.Tensor:
    return (timesteps.float() / 1000.0).clamp(SIGMA_FLOOR, 1.0)


def flow_matching_snr(timesteps: torch.Tensor) -> torch.Tensor:
    sigma = flow_matching_sigmas(timesteps)
    return ((1.0 - sigma) / sigma) ** 2


def min_snr_weights(timesteps: torch.Tensor, gamma: float, fixed: bool = False) -> torch.Tensor:
    """Per-sample weights (B,) for the velocity loss."""
    if gamma <= 0:
        raise ValueError(f"min_snr_gamma must be > 0, got {gamma}")
    sigma = flow_matching_sigmas(timesteps)
    snr = ((1.0 - sigma) / sigma) ** 2
    x0_weight = torch.full_like(snr, float(gamma)) if fixed else torch.minimum(snr, torch.full_like(snr, float(gamma)))
    return x0_weight * sigma ** 2


def apply_min_snr(loss: torch.Tensor, timesteps: torch.Tensor, gamma: float, fixed: bool = False) -> torch.Tensor:
    """``loss`` is per sample (B,) or per element with the batch first; weights broadcast."""
    w = min_snr_weights(timesteps, gamma, fixed).to(loss.device, dtype=loss.dtype)
    return loss * w.view(-1, *([1] * (loss.dim() - 1)))


def is_flow_matching(noise_scheduler) -> bool:
    return not hasattr(noise_scheduler, "alphas_cumprod")
