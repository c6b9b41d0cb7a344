"""Run one ai-toolkit job from a resolved config, reporting to a sink."""
from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import OrderedDict
from typing import Iterator

from ltx2_character.parallel import ranks

from . import events
from .events import Sink
from .hooks import StopFlag, TrainingStopped, attach
from .known_warnings import filter_known_warnings
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


def rank_log_path(log_path: str | None, rank: ranks.Rank) -> str | None:
    """Rank 0 writes the job's log; rank k writes ``<log>.rank<k>`` next to it."""
    if log_path is None or rank.is_main:
        return log_path
    return f"{log_path}.rank{rank.rank}"


def prepare_process(fork_dir: str, device: str = "") -> None:
    import torch

    environment = {**_ENV_DEFAULTS, **ranks.accelerate_env(ranks.from_env(), torch.cuda.is_available(), device)}
    for key, value in environment.items():
        os.environ.setdefault(key, value)
    filter_known_warnings()
    if fork_dir not in sys.path:
        sys.path.insert(0, fork_dir)


def _device(config_json: str) -> str:
    try:
        return str(json.loads(config_json)["config"]["process"][0].get("device", ""))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return ""  # the trainer reports a malformed config itself


def run_training(config_json: str, fork_dir: str, sink: Sink, stop: StopFlag, log_path: str | None = None) -> str:
    """Train; returns ``completed``, ``stopped`` or ``failed`` (after a ``failed`` event)."""
    rank = ranks.from_env()

    def emit(event: dict) -> None:
        # rank 0 speaks for the job; the others' failures go to their own log (rank_log_path)
        if rank.is_main:
            sink.accept(events.encode(event))
        elif event["type"] == "failed":
            print(f"rank {rank.rank}: {event['traceback']}", file=sys.stderr, flush=True)

    prepare_process(fork_dir, _device(config_json))
    log_path = rank_log_path(log_path, rank)
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
