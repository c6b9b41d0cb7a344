"""The bridge reports steps, losses and checkpoints, and stops cleanly at a step end."""
from __future__ import annotations

import json
import math
import os
import signal
from pathlib import Path
from types import SimpleNamespace

import pytest

from ltx2_character.bridge import events
from ltx2_character.bridge.hooks import TrainingStopped, attach
from ltx2_character.bridge.subprocess_main import LineSink, SignalStopFlag


class Flag:
    def __init__(self, value: bool = False) -> None:
        self.value = value

    def get(self) -> bool:
        return self.value


class FakeTrainer:
    """The slice of BaseSDTrainProcess the bridge touches, driving steps like its run loop."""

    def __init__(self, steps: int, save_root: str = "/nonexistent") -> None:
        self.step_num = 0
        self.train_config = SimpleNamespace(steps=steps)
        self.save_root = save_root
        self.optimizer = SimpleNamespace(param_groups=[{"lr": 1e-4}])
        self.additional_logs: dict = {}
        self.saved: list[int] = []

    def hook_before_train_loop(self):
        pass

    def hook_train_loop(self, batch):
        self.additional_logs = {"loss/img": 0.25, "loss/audio": 1.5, "note": "text is ignored"}
        return {"loss": 1.75}

    def end_step_hook(self):
        self.additional_logs = {}

    def save(self, step=None):
        self.saved.append(step)
        Path(self.save_root, f"job_{step:09d}.safetensors").write_bytes(b"lora")
        Path(self.save_root, "optimizer.pt").write_bytes(b"state")  # upstream writes this last

    def run(self):
        self.hook_before_train_loop()
        for step in range(self.step_num, self.train_config.steps):
            self.hook_train_loop([])
            self.step_num = step + 1
            self.end_step_hook()


def _run(trainer, stop):
    got = []
    attach(trainer, got.append, stop)
    try:
        trainer.run()
        return got, None
    except TrainingStopped as exc:
        return got, exc


def test_a_broken_checkpoint_set_aside_is_reported_as_a_notice(tmp_path):
    from ltx2_character.training import checkpoints

    got = []
    attach(FakeTrainer(steps=1), got.append, Flag(False))
    attach(FakeTrainer(steps=1), got.append, Flag(False))  # a second run in the same interpreter: one notice, not two
    broken = tmp_path / "job_000000010.safetensors"
    broken.write_bytes(b"\x01")
    checkpoints.set_aside(str(broken), "truncated")
    notices = [e for e in got if e["type"] == "notice"]
    assert len(notices) == 1 and str(broken) in notices[0]["message"] and ".set-aside" in notices[0]["message"]


def test_reports_every_step_with_video_and_audio_loss():
    got, stopped = _run(FakeTrainer(steps=3), Flag(False))
    assert stopped is None
    assert [e["type"] for e in got] == ["started", "step", "step", "step"]
    first = got[1]
    assert first["step"] == 1 and first["total_steps"] == 3
    assert first["video_loss"] == 0.25 and first["audio_loss"] == 1.5
    assert first["lr"] == pytest.approx(1e-4)
    assert first["losses"]["loss"] == 1.75 and "note" not in first["losses"]
    assert json.loads(events.encode(first)) == first


def test_stop_saves_a_checkpoint_at_the_step_end_then_raises(tmp_path):
    trainer = FakeTrainer(steps=10, save_root=str(tmp_path))
    stop = Flag(False)
    got = []
    monitor = attach(trainer, got.append, stop)
    trainer.hook_before_train_loop()
    trainer.hook_train_loop([])
    trainer.step_num = 1
    trainer.end_step_hook()
    stop.value = True
    trainer.hook_train_loop([])
    trainer.step_num = 2
    with pytest.raises(TrainingStopped):
        trainer.end_step_hook()
    assert trainer.saved == [2]
    assert monitor.last_checkpoint.endswith("job_000000002.safetensors")
    assert got[-1] == {"type": "saved", "path": monitor.last_checkpoint, "step": 2}


def test_stop_before_training_raises_without_saving():
    trainer = FakeTrainer(steps=5)
    got, stopped = _run(trainer, Flag(True))
    assert isinstance(stopped, TrainingStopped)
    assert trainer.saved == []
    assert [e["type"] for e in got] == ["started"]


def test_no_stop_checkpoint_after_the_last_step():
    trainer = FakeTrainer(steps=1)
    stop = Flag(False)
    attach(trainer, lambda e: None, stop)
    trainer.hook_before_train_loop()
    trainer.hook_train_loop([])
    trainer.step_num = 1
    stop.value = True
    trainer.end_step_hook()  # the final save is upstream's own
    assert trainer.saved == []


def test_prodigy_style_learning_rate_is_lr_times_d():
    trainer = FakeTrainer(steps=1)
    trainer.optimizer = SimpleNamespace(param_groups=[{"lr": 1.0, "d": 2e-5}])
    got, _ = _run(trainer, Flag(False))
    assert got[1]["lr"] == pytest.approx(2e-5)


def test_non_finite_losses_become_null():
    event = events.step(1, 2, 0.5, float("nan"), {"loss": math.inf, "loss/audio": float("nan")})
    assert event["lr"] is None and event["video_loss"] is None and event["audio_loss"] is None
    json.loads(events.encode(event))


def test_failed_event_carries_the_traceback():
    try:
        raise ValueError("bad lr: -1")
    except ValueError as exc:
        event = events.failed(exc)
    assert event["error"] == "ValueError: bad lr: -1"
    assert "Traceback" in event["traceback"] and "test_failed_event_carries_the_traceback" in event["traceback"]


def test_signal_sets_the_stop_flag(tmp_path):
    old_int, old_term = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        flag = SignalStopFlag()
        assert not flag.get()
        os.kill(os.getpid(), signal.SIGTERM)
        assert flag.get()
    finally:
        signal.signal(signal.SIGINT, old_int)
        signal.signal(signal.SIGTERM, old_term)


def test_line_sink_writes_one_json_line_per_event(tmp_path):
    path = tmp_path / "events"
    with open(path, "w") as f:
        LineSink(f).accept(events.encode(events.finished(3)))
    assert path.read_text() == '{"type":"finished","step":3}\n'
