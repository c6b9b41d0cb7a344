"""The report's numbers, from sums the measuring code accumulates (pure; no torch).

Per stream (audio, video) and per sigma of the fixed grid:

- *learned*: denoising MSE with the LoRA / without it, on held-out clips of the character
  (below 1: the LoRA predicts the character better than the base does);
- *drift*: ``|v_lora - v_base|^2 / |v_base|^2`` on prompts outside the character (0: the base
  model's behaviour untouched) -- the voice lab's base drift (docs/voice-lab.md).

Each is then averaged over the grid, as the lab does."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

SIGMAS: tuple[float, ...] = (0.1, 0.3, 0.5, 0.7, 0.9)
STREAMS = ("audio", "video")


@dataclass(frozen=True)
class StreamNumbers:
    """One stream's numbers at one report point; None where there was nothing to measure
    (no voiced held-out clip: nothing to learn from)."""
    learned_by_sigma: Mapping[float, float] | None
    drift_by_sigma: Mapping[float, float]

    @property
    def learned(self) -> float | None:
        return mean(self.learned_by_sigma.values()) if self.learned_by_sigma else None

    @property
    def drift(self) -> float:
        return mean(self.drift_by_sigma.values())


@dataclass(frozen=True)
class ReportPoint:
    step: int
    audio: StreamNumbers
    video: StreamNumbers
    seconds: float = 0.0
    held_out: tuple[str, ...] = field(default_factory=tuple)


def mean(values) -> float:
    values = list(values)
    if not values:
        raise ValueError("mean of nothing")
    return sum(values) / len(values)


def ratio(numerator: float, denominator: float) -> float:
    """A ratio of two non-negative sums; 0/0 is 1 (no change), x/0 is infinite."""
    if denominator == 0:
        return 1.0 if numerator == 0 else float("inf")
    return numerator / denominator


def learned_percent(learned_ratio: float) -> float:
    """The change of the held-out loss with the LoRA, in percent (negative: learned)."""
    return (learned_ratio - 1.0) * 100.0


def progress_text(point: ReportPoint) -> str:
    """The one line a user reads while training, e.g. ``voice: learned −18% · base drift 0.6%``."""
    audio = point.audio
    learned = (f"learned {_signed(learned_percent(audio.learned))}" if audio.learned is not None
               else "learned n/a (no voiced held-out clip)")
    return f"voice: {learned} · base drift {audio.drift * 100:.1f}%"


def _signed(percent: float) -> str:
    # U+2212, the minus sign, as typeset; the plus is explicit so a worsening is not misread.
    return f"−{abs(percent):.0f}%" if percent < -0.5 else f"+{percent:.0f}%" if percent > 0.5 else "±0%"
