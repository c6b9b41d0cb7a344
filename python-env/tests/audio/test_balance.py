from __future__ import annotations

import pytest

from ltx2_character.audio.balance import AudioLossBalancer


def test_first_step_targets_the_ratio_immediately():
    b = AudioLossBalancer(target_ratio=0.33, lower=0.01, upper=20)
    m = b.update(video_loss=0.12, audio_loss=1.2)
    assert m == pytest.approx(0.033)  # audio 10x video: damped, not boosted


def test_ema_tracks_with_the_configured_decay():
    b = AudioLossBalancer(target_ratio=1.0, ema=0.9, lower=0.001, upper=1000)
    b.update(1.0, 1.0)
    m = b.update(1.0, 2.0)
    assert b.ema_audio == pytest.approx(0.9 * 1.0 + 0.1 * 2.0)
    assert m == pytest.approx(1.0 / 1.1)


@pytest.mark.parametrize("video, audio, expected", [(1.0, 1e-6, 20.0), (1e-6, 1.0, 0.05)])
def test_clamped_to_the_bounds(video, audio, expected):
    assert AudioLossBalancer(lower=0.05, upper=20.0).update(video, audio) == expected


def test_sop_bounds_cannot_damp():
    sop = AudioLossBalancer(lower=1.0, upper=20.0)
    assert sop.update(0.12, 1.2) == 1.0  # the SOP's clamp leaves 10x audio untouched


def test_nan_does_not_poison_the_state():
    b = AudioLossBalancer()
    before = b.update(1.0, 1.0)
    assert b.update(float("nan"), 1.0) == before
    assert b.ema_video == 1.0
