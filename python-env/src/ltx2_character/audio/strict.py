"""Strict audio mode (SOP item J): stop when too few steps carry real audio supervision."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class StrictAudioError(RuntimeError):
    pass


@dataclass
class StrictAudioMonitor:
    min_ratio: float
    warmup_steps: int
    eligible_steps: int = 0
    supervised_steps: int = 0
    clips_without_audio: Counter = field(default_factory=Counter)  # (dataset, clip) -> times seen
    datasets: Counter = field(default_factory=Counter)

    @property
    def ratio(self) -> float:
        return self.supervised_steps / self.eligible_steps if self.eligible_steps else 1.0

    def record(self, step: int, eligible: int | bool, supervised: int | bool,
               missing: list[tuple[str, str]]) -> None:
        """Count one primary step; ``missing`` lists (dataset folder, clip) without audio.

        Under data parallelism ``eligible`` and ``supervised`` are counts summed over the
        ranks (each rank's batch is one step's worth of supervision), so every rank holds the
        same ratio and raises at the same step.

        Raises :class:`StrictAudioError` after the warm-up once the supervised share of
        eligible steps falls below ``min_ratio``.
        """
        if not eligible:
            return
        self.eligible_steps += int(eligible)
        self.supervised_steps += int(supervised)
        for dataset, clip in missing:
            self.clips_without_audio[(dataset, clip)] += 1
            self.datasets[dataset] += 1
        if step >= self.warmup_steps and self.ratio < self.min_ratio:
            raise StrictAudioError(self.message(step))

    def message(self, step: int) -> str:
        lines = [
            f"strict_audio_mode: only {self.supervised_steps} of {self.eligible_steps} video steps "
            f"({self.ratio:.0%}) had real audio supervision at step {step}; "
            f"strict_audio_min_supervised_ratio is {self.min_ratio:.0%}.",
        ]
        if self.datasets:
            lines.append("Datasets with clips lacking audio: " + ", ".join(
                f"{d} ({n} item(s))" for d, n in self.datasets.most_common()))
            lines.append("Clips without audio: " + ", ".join(
                sorted({clip for _, clip in self.clips_without_audio})))
        lines.append("Fix: add audio tracks to those clips, move them to a dataset with do_audio: false, "
                     "or lower strict_audio_min_supervised_ratio. Run `orchestrator dataset check` to list them.")
        return "\n".join(lines)
