"""Attach the orchestrator to a live ai-toolkit training process.

ai-toolkit already exposes hooks for this (``end_step_hook``, ``post_save_hook``, the
per-step loss dict and ``additional_logs``); we wrap them on the instance, so no patch is
needed to observe training or to stop it cleanly.
"""
from __future__ import annotations

import time
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from ..training import checkpoints
from ltx2_character.parallel import collectives, ranks

from . import events


class StopFlag(Protocol):
    def get(self) -> bool: ...


class TrainingStopped(Exception):
    """Raised at a step end after the stop checkpoint was written."""


@dataclass
class Monitor:
    emit: Callable[[dict], None]
    stop: StopFlag
    last_checkpoint: str | None = None
    last_step: int = 0
    _losses: dict[str, float] = field(default_factory=dict)
    _step_started: float = field(default_factory=time.perf_counter)


def newest_checkpoint(save_root: str) -> str | None:
    candidates = list(Path(save_root).glob("*.safetensors"))
    return str(max(candidates, key=lambda p: p.stat().st_mtime_ns)) if candidates else None


def _learning_rate(process: Any) -> float | None:
    optimizer = getattr(process, "optimizer", None)
    if optimizer is None or not getattr(optimizer, "param_groups", None):
        return None
    group = optimizer.param_groups[0]
    if "d" in group:  # Prodigy / D-Adaptation report lr * d, as ai-toolkit's progress bar does
        return float(group["d"]) * float(group["lr"])
    return float(group["lr"])


def attach(process: Any, emit: Callable[[dict], None], stop: StopFlag, reporter: Any = None) -> Monitor:
    """``reporter``: the voice report (``ltx2_character.report.reporter.VoiceReporter``) or None."""
    monitor = Monitor(emit=emit, stop=stop)

    def notice(message: str) -> None:
        print(f"warning: {message}", flush=True)  # the trainer log keeps it too
        emit(events.notice(message))

    checkpoints.report_to(notice)
    train_loop = process.hook_train_loop
    end_step = process.end_step_hook
    save = process.save
    before_train_loop = process.hook_before_train_loop

    def hook_before_train_loop(*args, **kwargs):
        result = before_train_loop(*args, **kwargs)
        # data parallelism: the same starting weights, then each rank its own noise stream
        collectives.broadcast_from_main(collectives.trainable(getattr(process, "params", None) or []))
        ranks.seed_this_rank(ranks.from_env())
        monitor.last_step = process.step_num
        emit(events.started(process.step_num, process.train_config.steps, process.save_root))
        if reporter is not None:
            reporter.before_training(process)
        if collectives.any_rank(stop.get()):
            raise TrainingStopped()
        monitor._step_started = time.perf_counter()
        return result

    def hook_train_loop(*args, **kwargs):
        loss_dict = train_loop(*args, **kwargs)
        monitor._losses = {k: float(v) for k, v in (loss_dict or {}).items()}
        # additional_logs is cleared only when ai-toolkit logs, so read it now.
        for key, value in (getattr(process, "additional_logs", None) or {}).items():
            if isinstance(value, (int, float)):
                monitor._losses[key] = float(value)
        monitor._losses = collectives.mean_logs(monitor._losses)
        return loss_dict

    def end_step_hook(*args, **kwargs):
        result = end_step(*args, **kwargs)
        now = time.perf_counter()
        monitor.last_step = process.step_num
        emit(events.step(process.step_num, process.train_config.steps, now - monitor._step_started,
                         _learning_rate(process), monitor._losses))
        if reporter is not None:
            reporter.observe_step(process.step_num, monitor._losses, now - monitor._step_started)
        monitor._step_started = now
        # every rank asks, so that all stop at this step end (rank 0 saves) or none does
        if collectives.any_rank(stop.get()) and process.step_num < process.train_config.steps:
            process.save(process.step_num)
            raise TrainingStopped()
        return result

    def save_and_report(*args, **kwargs):
        # post_save_hook would be the natural place, but upstream passes it the
        # optimizer's path; the LoRA is the newest .safetensors in save_root.
        result = save(*args, **kwargs)
        checkpoint = newest_checkpoint(process.save_root)
        if checkpoint is not None:
            monitor.last_checkpoint = checkpoint
            emit(events.saved(checkpoint, process.step_num))
        if reporter is not None and not stop.get():  # a stop must not wait for a report
            reporter.after_save(process, checkpoint)
        return result

    process.hook_before_train_loop = hook_before_train_loop
    process.hook_train_loop = hook_train_loop
    process.end_step_hook = end_step_hook
    process.save = save_and_report
    return monitor
