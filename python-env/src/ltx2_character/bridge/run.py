"""Run one ai-toolkit job from a resolved config, reporting to a sink."""
from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import OrderedDict
from typing import Iterator

from . import events
from .events import Sink
from .hooks import StopFlag, TrainingStopped, attach
from ..report import reporter as voice_report

COMPLETED, STOPPED, FAILED = "completed", "stopped", "failed"

# ai-toolkit's run.py sets these before importing anything; so do we.
_ENV_DEFAULTS = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "DISABLE_TELEMETRY": "YES",
    "NO_ALBUMENTATIONS_UPDATE": "1",
    "OPENCV_FFMPEG_LOGLEVEL": "-8",
}


@contextlib.contextmanager
def _redirected_output(log_path: str | None) -> Iterator[None]:
    """Send the trainer's Python-level output (tqdm, prints) to a log file."""
    if not log_path:
        yield
        return
    os.makedirs(os.path.dirname(os.path.abspath(log_path)), exist_ok=True)
    with open(log_path, "a", buffering=1, encoding="utf-8") as log:
        old_out, old_err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = log
        try:
            yield
        finally:
            sys.stdout, sys.stderr = old_out, old_err


def prepare_process(fork_dir: str) -> None:
    for key, value in _ENV_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if fork_dir not in sys.path:
        sys.path.insert(0, fork_dir)


def run_training(config_json: str, fork_dir: str, sink: Sink, stop: StopFlag, log_path: str | None = None) -> str:
    """Train; returns ``completed``, ``stopped`` or ``failed`` (after a ``failed`` event)."""
    def emit(event: dict) -> None:
        sink.accept(events.encode(event))

    prepare_process(fork_dir)
    with _redirected_output(log_path):
        job = None
        try:
            from toolkit.job import get_job

            config = json.loads(config_json, object_pairs_hook=OrderedDict)
            # before get_job: the report's held-out clips must be out of the datasets it builds
            plan = voice_report.prepare(config, lambda line: emit(voice_report.event(0, line)))
            job = get_job(config)
            reporter = voice_report.VoiceReporter(plan, emit, print) if plan else None
            monitor = attach(job.process[0], emit, stop, reporter)
            try:
                job.run()
            except TrainingStopped:
                emit(events.stopped(monitor.last_step, monitor.last_checkpoint))
                return STOPPED
            job.cleanup()
            emit(events.finished(monitor.last_step))
            return COMPLETED
        except BaseException as exc:  # report everything, KeyboardInterrupt included
            if job is not None:
                with contextlib.suppress(Exception):
                    job.process[0].on_error(exc)
            emit(events.failed(exc))
            return FAILED
