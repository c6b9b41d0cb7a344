"""J: strict audio mode stops a run whose clips lack audio, naming them."""
from __future__ import annotations

import pytest

from . import harness

pytestmark = pytest.mark.fork


def test_strict_mode_halts_after_warmup_naming_dataset_and_clips(fork, model_dirs, datasets, tmp_path):
    train = {"strict_audio_mode": True, "strict_audio_warmup_steps": 1, "strict_audio_min_supervised_ratio": 0.9}
    config = harness.job(model_dirs["ltx2"], [{"folder_path": str(datasets["silent"]), "do_audio": True}],
                         tmp_path / "out", steps=5, train=train)
    outcome, sink = harness.train(config, fork)
    assert outcome == "failed"
    error = sink.of("failed")[0]
    assert "StrictAudioError" in error["error"]
    assert str(datasets["silent"]) in error["error"] and "silent_0.mp4" in error["error"]
    assert len(sink.of("step")) <= 2  # stopped right after the warm-up


def test_strict_mode_passes_with_real_audio(fork, model_dirs, datasets, tmp_path):
    train = {"strict_audio_mode": True, "strict_audio_warmup_steps": 0}
    config = harness.job(model_dirs["ltx2"], [{"folder_path": str(datasets["talking"])}], tmp_path / "out",
                         steps=3, train=train)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert sink.of("step")[-1]["losses"]["audio/supervised_ratio"] == 1.0
