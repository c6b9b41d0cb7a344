"""S and T through the trainer: the SOP's min_snr_gamma 5.0 and noise_offset 0.05 train LTX-2."""
from __future__ import annotations

import math

import pytest

from . import harness
from .harness import ARCHES

pytestmark = pytest.mark.fork


@pytest.mark.parametrize("arch", ARCHES)
def test_sop_min_snr_and_noise_offset_train(arch, fork, model_dirs, datasets, tmp_path, monkeypatch):
    from toolkit import train_tools

    calls = {"snr": 0, "offset": 0}
    real_snr, real_offset = train_tools.apply_min_snr, train_tools.offset_noise

    def count_snr(*a, **k):
        calls["snr"] += 1
        return real_snr(*a, **k)

    def count_offset(noise, offset, *a, **k):
        calls["offset"] += 1
        assert noise.dim() == 5 and offset == 0.05
        return real_offset(noise, offset, *a, **k)

    monkeypatch.setattr(train_tools, "apply_min_snr", count_snr)
    monkeypatch.setattr(train_tools, "offset_noise", count_offset)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=2, train={"min_snr_gamma": 5.0, "noise_offset": 0.05})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert calls["snr"] >= 2 and calls["offset"] >= 2
    steps = sink.of("step")
    assert len(steps) == 2 and all(math.isfinite(s["losses"]["loss"]) for s in steps)
