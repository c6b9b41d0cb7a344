"""J: strict audio mode stops a run whose clips lack audio, naming them (tiny 2.0 and 2.3)."""
from __future__ import annotations

import pytest

from . import harness
from .harness import ARCHES

pytestmark = pytest.mark.fork


@pytest.mark.parametrize("arch", ARCHES)
def test_strict_mode_halts_after_warmup_naming_dataset_and_clips(arch, fork, model_dirs, datasets, tmp_path):
    train = {"strict_audio_mode": True, "strict_audio_warmup_steps": 1, "strict_audio_min_supervised_ratio": 0.9}
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["silent"]), "do_audio": True}],
                         tmp_path / "out", arch=arch, steps=5, train=train)
    outcome, sink = harness.train(config, fork)
    assert outcome == "failed"
    error = sink.of("failed")[0]
    assert "StrictAudioError" in error["error"]
    assert str(datasets["silent"]) in error["error"] and "silent_0.mp4" in error["error"]
    # the warm-up step trains, the check after it stops the run before step 2 reports
    assert [e["step"] for e in sink.of("step")] == [1]


@pytest.mark.parametrize("arch", ARCHES)
def test_strict_mode_passes_with_real_audio(arch, fork, model_dirs, datasets, tmp_path):
    train = {"strict_audio_mode": True, "strict_audio_warmup_steps": 0}
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out",
                         arch=arch, steps=3, train=train)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    steps = sink.of("step")
    assert len(steps) == 3 and all(s["losses"]["audio/supervised_ratio"] == 1.0 for s in steps)
