"""The report's warnings on synthetic curves: each fires where it should and only there."""
from __future__ import annotations

from ltx2_character.report import findings
from ltx2_character.report.metrics import SIGMAS, ReportPoint, StreamNumbers


def point(step: int, learned: float | None, drift: float) -> ReportPoint:
    per = lambda v: {s: v for s in SIGMAS}  # noqa: E731
    numbers = StreamNumbers(per(learned) if learned is not None else None, per(drift))
    return ReportPoint(step, numbers, numbers)


def codes(history, trains_audio=True, after=200):
    return [w.code for w in findings.check(history, trains_audio=trains_audio, not_learning_after=after)]


def test_a_learning_run_that_keeps_the_base_voice_gives_no_warning():
    history = [point(s, 1 - s / 2000, 0.002 + s / 1e6) for s in range(100, 1001, 100)]
    assert codes(history) == []


def test_audio_not_learning_fires_only_after_the_set_steps():
    flat = [point(s, 0.995, 0.001) for s in range(50, 401, 50)]
    assert codes(flat[:3], after=200) == []  # step 150 < 200: too early to tell
    assert codes(flat[:4], after=200) == ["audio_not_learning"]
    warning = findings.check(flat, trains_audio=True, not_learning_after=200)[0]
    assert "audio_loss_multiplier" in warning.fix and "dataset check" in warning.fix


def test_audio_not_learning_needs_voiced_held_out_clips():
    assert codes([point(500, None, 0.001)]) == []


def test_drift_rising_needs_three_rising_points_above_the_floor():
    rising = [point(100, 0.9, 0.011), point(200, 0.8, 0.02), point(300, 0.7, 0.04)]
    assert codes(rising) == ["drift_rising"]
    assert "voice_preservation" in findings.check(rising, trains_audio=True, not_learning_after=200)[0].fix
    assert codes(rising[:2]) == []  # two points are not a trend
    low = [point(100, 0.9, 0.001), point(200, 0.8, 0.002), point(300, 0.7, 0.004)]
    assert codes(low) == []  # rising but harmless
    plateau = [point(100, 0.9, 0.03), point(200, 0.8, 0.031), point(300, 0.7, 0.032)]
    assert codes(plateau) == []  # high but not rising by 10% a point


def test_audio_changing_without_do_audio_names_lora_strip():
    history = [point(100, None, 0.02)]
    found = findings.check(history, trains_audio=False, not_learning_after=200, lora_name="x.safetensors")
    assert [w.code for w in found] == ["audio_changes_without_do_audio"]
    assert "orchestrator lora strip --streams audio,a2v,v2a x.safetensors" in found[0].fix
    assert codes([point(100, None, 0.001)], trains_audio=False) == []
    assert codes(history, trains_audio=True) == []


def test_no_history_no_warning():
    assert findings.check([], trains_audio=True, not_learning_after=1) == []
