"""Events sent to the orchestrator, one JSON object each (docs/architecture.md#events)."""
from __future__ import annotations

import json
import math
import traceback
from typing import Any, Mapping, Protocol, TextIO


class Sink(Protocol):
    def accept(self, line: str) -> None: ...


class LineSink:
    """A sink writing each event as one line to a text stream, flushed at once: the stream a
    child process gives its parent (the subprocess runner's trainer, ``python -m ltx2_tools``)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def accept(self, line: str) -> None:
        self._stream.write(line + "\n")
        self._stream.flush()


def _clean(value: float | None) -> float | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return float(value)


def encode(event: Mapping[str, Any]) -> str:
    return json.dumps(event, separators=(",", ":"), allow_nan=False)


def started(start_step: int, total_steps: int, output_dir: str) -> dict:
    return {"type": "started", "start_step": start_step, "total_steps": total_steps, "output_dir": output_dir}


def step(
    step: int,
    total_steps: int,
    seconds: float,
    lr: float | None,
    losses: Mapping[str, float],
) -> dict:
    """``losses`` holds the trainer's log keys; the audio loss reported is the raw (unscaled) one."""
    return {
        "type": "step",
        "step": step,
        "total_steps": total_steps,
        "seconds": _clean(seconds),
        "lr": _clean(lr),
        "video_loss": _clean(losses.get("loss/video", losses.get("loss/img", losses.get("loss")))),
        "audio_loss": _clean(losses.get("loss/audio_raw", losses.get("loss/audio"))),
        "losses": {k: _clean(v) for k, v in losses.items()},
    }


def saved(path: str, step: int) -> dict:
    return {"type": "saved", "path": path, "step": step}


def notice(message: str) -> dict:
    return {"type": "notice", "message": message}


def finished(step: int) -> dict:
    return {"type": "finished", "step": step}


def stopped(step: int, checkpoint: str | None) -> dict:
    return {"type": "stopped", "step": step, "checkpoint": checkpoint}


def failed(exc: BaseException) -> dict:
    return {
        "type": "failed",
        "error": f"{type(exc).__name__}: {exc}",
        "traceback": "".join(traceback.format_exception(exc)),
    }
