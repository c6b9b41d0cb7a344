"""The bridge's stop and save on the real patched trainer (tests/bridge/test_hooks.py covers
the hook logic on a stand-in): a stop requested during training ends the run at the next step
end with a checkpoint that loads, named by the ``stopped`` event."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from safetensors.torch import load_file

from ltx2_character.bridge.run import run_training

from . import harness

pytestmark = pytest.mark.fork


class StopAfterFirstStep(harness.ListSink):
    """Collects events and raises the stop flag once the first step is reported."""

    def __init__(self, flag: harness.Flag) -> None:
        super().__init__()
        self.flag = flag

    def accept(self, line: str) -> None:
        super().accept(line)
        if self.events[-1]["type"] == "step":
            self.flag.value = True


def test_a_stop_saves_a_loadable_checkpoint_and_ends_the_run(fork, model_dirs, datasets, tmp_path):
    config = harness.job(model_dirs["ltx2"], [{"folder_path": str(datasets["talking"])}], tmp_path / "out",
                         arch="ltx2", steps=10)
    flag = harness.Flag()
    sink = StopAfterFirstStep(flag)
    outcome = run_training(json.dumps(config), str(fork), sink, flag)
    assert outcome == "stopped", sink.of("failed")
    steps = sink.of("step")
    assert 1 <= len(steps) < 10, "the run ended early, at a step end"
    stopped = sink.of("stopped")
    assert len(stopped) == 1 and stopped[0]["step"] == steps[-1]["step"]
    assert stopped[0]["checkpoint"], "the stopped event names no checkpoint: nothing was saved"
    checkpoint = Path(stopped[0]["checkpoint"])
    assert checkpoint in [Path(s["path"]) for s in sink.of("saved")]
    weights = load_file(checkpoint)
    assert weights and all(t.isfinite().all() for t in weights.values())
