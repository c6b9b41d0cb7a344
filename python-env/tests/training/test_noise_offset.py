from __future__ import annotations

import pytest
import torch

from ltx2_character.training.noise_offset import apply_noise_offset


def test_video_offset_is_constant_over_frames_and_pixels_per_sample_and_channel():
    noise = torch.zeros(2, 3, 4, 5, 6)
    out = apply_noise_offset(noise, 0.05, generator=torch.Generator().manual_seed(0))
    per_bc = out[:, :, :1, :1, :1]
    assert torch.equal(out, per_bc.expand_as(out))
    assert per_bc.flatten().unique().numel() == 6  # one value per (sample, channel)


def test_offset_scale():
    noise = torch.zeros(4000, 1, 2, 2, 2)
    out = apply_noise_offset(noise, 0.05, generator=torch.Generator().manual_seed(1))
    assert out[:, 0, 0, 0, 0].std().item() == pytest.approx(0.05, rel=0.05)


def test_images_keep_upstream_shape_semantics():
    noise = torch.zeros(2, 4, 8, 8)
    out = apply_noise_offset(noise, 0.1, generator=torch.Generator().manual_seed(2))
    assert torch.equal(out, out[:, :, :1, :1].expand_as(out))


def test_zero_offset_is_identity():
    noise = torch.randn(1, 2, 3, 4, 5)
    assert apply_noise_offset(noise, 0.0) is noise and apply_noise_offset(noise, None) is noise
