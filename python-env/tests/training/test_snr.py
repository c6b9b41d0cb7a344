from __future__ import annotations

import pytest
import torch

from ltx2_character.training import snr


def test_snr_of_flow_matching():
    t = torch.tensor([500.0, 100.0, 900.0])
    assert snr.flow_matching_snr(t).tolist() == pytest.approx([1.0, 81.0, (0.1 / 0.9) ** 2])


@pytest.mark.parametrize("t, expected", [
    (500.0, 1.0 * 0.25),            # SNR 1 < 5: weight SNR * sigma^2 = (1 - sigma)^2
    (100.0, 5.0 * 0.01),            # SNR 81 capped at gamma 5: 5 * 0.1^2
    (900.0, (0.1 / 0.9) ** 2 * 0.81),
    (0.0, 5.0 * 1e-6),              # sigma clamped at 1e-3
])
def test_min_snr_weights_match_hand_computed_values(t, expected):
    assert snr.min_snr_weights(torch.tensor([t]), gamma=5.0).item() == pytest.approx(expected, rel=1e-6)


def test_fixed_variant_is_gamma_sigma_squared():
    assert snr.min_snr_weights(torch.tensor([300.0]), 2.0, fixed=True).item() == pytest.approx(2.0 * 0.09)


def test_weights_broadcast_over_elements():
    loss = torch.ones(2, 3, 4)
    out = snr.apply_min_snr(loss, torch.tensor([500.0, 100.0]), 5.0)
    assert torch.allclose(out[0], torch.full((3, 4), 0.25)) and torch.allclose(out[1], torch.full((3, 4), 0.05))


def test_gamma_must_be_positive():
    with pytest.raises(ValueError):
        snr.min_snr_weights(torch.tensor([1.0]), 0.0)


def test_flow_matching_detection():
    class DDPM:
        alphas_cumprod = torch.ones(3)

    assert not snr.is_flow_matching(DDPM()) and snr.is_flow_matching(object())
