from __future__ import annotations

import pytest

from ltx2_character.audio.strict import StrictAudioError, StrictAudioMonitor


def test_warmup_then_stop_with_datasets_and_clips_named():
    m = StrictAudioMonitor(min_ratio=0.9, warmup_steps=3)
    m.record(0, eligible=True, supervised=True, missing=[])
    m.record(1, eligible=True, supervised=False, missing=[("/data/a", "/data/a/silent.mp4")])
    m.record(2, eligible=True, supervised=False, missing=[("/data/a", "/data/a/silent.mp4")])
    with pytest.raises(StrictAudioError) as err:
        m.record(3, eligible=True, supervised=True, missing=[])
    text = str(err.value)
    assert "only 2 of 4 video steps (50%) had real audio supervision at step 3" in text
    assert "/data/a" in text and "silent.mp4" in text and "strict_audio_min_supervised_ratio" in text


def test_image_steps_are_not_eligible():
    m = StrictAudioMonitor(min_ratio=1.0, warmup_steps=0)
    for step in range(5):
        m.record(step, eligible=False, supervised=False, missing=[])
    assert m.eligible_steps == 0 and m.ratio == 1.0


def test_enough_supervision_passes():
    m = StrictAudioMonitor(min_ratio=0.5, warmup_steps=0)
    for step in range(10):
        m.record(step, eligible=True, supervised=step % 2 == 0, missing=[])
    assert m.ratio == 0.5
