from __future__ import annotations

import math

import pytest
import torch

from ltx2_character.audio import timesteps as ts


def test_shift_is_linear_through_lightricks_anchor_points_and_capped():
    assert ts.shift_for_tokens(1024) == pytest.approx(0.95)
    assert ts.shift_for_tokens(4096) == pytest.approx(2.05)
    assert ts.shift_for_tokens(8192) == pytest.approx(2.05)
    # ~5 s of audio is 126 tokens: shift ~0.63, i.e. lower noise than any video length
    assert ts.shift_for_tokens(126) == pytest.approx(0.95 - (1024 - 126) * 1.1 / 3072)


def test_uniform_covers_the_range_on_the_1000_scale():
    g = torch.Generator().manual_seed(0)
    t = ts.sample_audio_timesteps("uniform", 20000, 100, generator=g)
    assert t.shape == (20000,)
    assert t.min() >= 1.0 and t.max() <= 1000.0
    assert abs(t.mean().item() - 500.5) < 10
    hist = torch.histc(t, bins=10, min=0, max=1000)
    assert (hist > 1700).all()  # flat


def test_shifted_logit_normal_matches_its_definition():
    g = torch.Generator().manual_seed(1)
    n, tokens = 200000, 126
    s = ts.shifted_logit_normal_sigmas(n, tokens, generator=g)
    assert s.min() >= ts.EPS and s.max() <= 1.0
    mu = ts.shift_for_tokens(tokens)
    lo = 1 / (1 + math.exp(-(mu - 2.5758)))
    hi = 1 / (1 + math.exp(-(mu + 3.0902)))
    # 90% stretched logit-normal: its median maps sigmoid(mu) through the stretch
    expected_median_stretched = (1 / (1 + math.exp(-mu)) - lo) / (hi - lo)
    # the 10% uniform part shifts the median only slightly towards 0.5
    assert abs(s.median().item() - expected_median_stretched) < 0.03


def test_more_tokens_mean_more_noise():
    g = torch.Generator().manual_seed(2)
    short = ts.shifted_logit_normal_sigmas(50000, 84, generator=g).mean()
    long = ts.shifted_logit_normal_sigmas(50000, 4096, generator=g).mean()
    assert long > short + 0.1


def test_unknown_distribution_is_an_error():
    with pytest.raises(ValueError, match="unknown audio timestep distribution"):
        ts.sample_audio_timesteps("beta", 2, 10)
