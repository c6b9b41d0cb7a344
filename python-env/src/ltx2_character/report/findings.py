"""Warnings drawn from the report's history, each with the fix (pure).

Thresholds are chosen so that the noise of a fixed-noise, fixed-grid measurement (the same
inputs every time; only the LoRA changes) does not trip them: a LoRA at scale 0 measures
exactly 0 drift and a learned ratio of exactly 1."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .metrics import ReportPoint, learned_percent

# Audio counts as learning once the held-out loss fell by 2%.
LEARNING_MIN_GAIN = 0.02
# "Keeps rising": this many report points in a row, each at least RISE_FACTOR above the last,
# the newest above DRIFT_FLOOR (below it a rise is harmless).
RISING_POINTS = 3
RISE_FACTOR = 1.10
DRIFT_FLOOR = 0.01
# With do_audio off nothing should move the audio branch; above this it measurably did.
SILENT_AUDIO_DRIFT = 0.005


@dataclass(frozen=True)
class ReportWarning:
    code: str
    message: str
    fix: str

    def text(self) -> str:
        return f"{self.message} (fix: {self.fix})"


def check(history: Sequence[ReportPoint], *, trains_audio: bool, not_learning_after: int,
          lora_name: str = "LORA.safetensors") -> list[ReportWarning]:
    """Every warning that holds for ``history`` (report points in step order)."""
    if not history:
        return []
    found = []
    last = history[-1]
    learned = last.audio.learned
    if trains_audio and learned is not None and last.step >= not_learning_after and learned > 1 - LEARNING_MIN_GAIN:
        found.append(ReportWarning(
            "audio_not_learning",
            f"audio is not being learned: after {last.step} steps the held-out audio loss with the LoRA is "
            f"{learned_percent(learned):+.1f}% of the base model's",
            "check that the clips have speech (orchestrator dataset check CONFIG), raise "
            "train.audio_loss_multiplier or set train.auto_balance_audio_loss: true"))
    drifts = [p.audio.drift for p in history[-RISING_POINTS:]]
    if (len(drifts) == RISING_POINTS and drifts[-1] > DRIFT_FLOOR
            and all(b > a * RISE_FACTOR for a, b in zip(drifts, drifts[1:]))):
        found.append(ReportWarning(
            "drift_rising",
            f"the base voice drifts more at every report ({', '.join(f'{d * 100:.1f}%' for d in drifts)} "
            f"at steps {', '.join(str(p.step) for p in history[-RISING_POINTS:])})",
            "set train.voice_preservation: base with a higher train.voice_preservation_weight, lower train.lr, "
            "or keep an earlier checkpoint"))
    if not trains_audio and last.audio.drift > SILENT_AUDIO_DRIFT:
        found.append(ReportWarning(
            "audio_changes_without_do_audio",
            f"do_audio is off but the LoRA changes the audio branch (base drift {last.audio.drift * 100:.1f}%; "
            "ai-toolkit#1020)",
            f"remove the audio streams from the file: orchestrator lora strip --streams audio,a2v,v2a {lora_name} "
            "-o video-only.safetensors, or train with datasets[].do_audio: true and train.voice_preservation: base"))
    return found
