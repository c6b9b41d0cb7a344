"""The ``voice_report:`` section of a process (docs/config-reference.md), read like the fork's
audio keys (``audio/options.py``): parsed once, bad values fail with the key's name."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


class ReportOptionError(ValueError):
    pass


DEFAULT_PROMPTS = (
    "a person talks to the camera in a quiet room",
    "a news presenter reads the evening headlines",
    "two friends chat at a kitchen table",
)


@dataclass(frozen=True)
class VoiceReportOptions:
    # None: on for LTX-2 LoRA jobs (the only ones the report can measure).
    enabled: bool | None = None
    # Report at every Nth checkpoint: the cadence follows save.save_every, so a report never
    # needs a checkpoint of its own and always describes a LoRA that exists on disk.
    # None: each checkpoint that keeps the report within max_cost of the training time.
    every: int | None = None
    max_cost: float = 0.05
    held_out: int = 2
    validation_folder: str | None = None
    prompts: tuple[str, ...] = field(default_factory=tuple)
    not_learning_after: int = 200

    def __post_init__(self) -> None:
        if self.every is not None and self.every < 1:
            raise ReportOptionError(f"voice_report.every = {self.every!r}: must be >= 1 (null: each checkpoint "
                                    "within voice_report.max_cost)")
        if not 0 < self.max_cost <= 1:
            raise ReportOptionError(f"voice_report.max_cost = {self.max_cost!r}: must be in (0, 1]")
        if self.held_out < 0:
            raise ReportOptionError(f"voice_report.held_out = {self.held_out!r}: must be >= 0")
        if self.not_learning_after < 1:
            raise ReportOptionError(f"voice_report.not_learning_after = {self.not_learning_after!r}: must be >= 1")

    @classmethod
    def from_process(cls, process: Mapping[str, Any]) -> "VoiceReportOptions":
        raw = process.get("voice_report") or {}
        if not isinstance(raw, Mapping):
            raise ReportOptionError(f"voice_report = {raw!r}: must be a mapping")

        def integer(key: str, default: int | None) -> int | None:
            value = raw.get(key)
            if value is None:
                return default
            if isinstance(value, bool) or not isinstance(value, int):
                raise ReportOptionError(f"voice_report.{key} = {value!r}: must be an integer")
            return value

        def number(key: str, default: float) -> float:
            value = raw.get(key)
            if value is None:
                return default
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ReportOptionError(f"voice_report.{key} = {value!r}: must be a number")
            return float(value)

        enabled = raw.get("enabled")
        if enabled is not None and not isinstance(enabled, bool):
            raise ReportOptionError(f"voice_report.enabled = {enabled!r}: must be true, false or null")
        prompts = raw.get("prompts") or []
        if not isinstance(prompts, list) or not all(isinstance(p, str) and p.strip() for p in prompts):
            raise ReportOptionError(f"voice_report.prompts = {prompts!r}: must be a list of non-empty captions")
        folder = raw.get("validation_folder")
        if folder is not None and not isinstance(folder, str):
            raise ReportOptionError(f"voice_report.validation_folder = {folder!r}: must be a folder path")
        return cls(enabled=enabled, every=integer("every", None), held_out=integer("held_out", 2),
                   validation_folder=folder, prompts=tuple(p.strip() for p in prompts),
                   not_learning_after=integer("not_learning_after", 200), max_cost=number("max_cost", 0.05))

    def is_on(self, arch: str | None, has_network: bool) -> bool:
        if self.enabled is not None:
            return self.enabled and has_network
        return has_network and (arch or "").startswith("ltx2")

    def due(self, checkpoint_number: int, final: bool, spent: float, expected: float, trained: float,
            reported: bool) -> bool:
        """Whether the ``checkpoint_number``-th checkpoint of this run (1-based) is a report point.

        With ``every``: every Nth, and the final one. Without: when the seconds the report has
        ``spent`` (encoding and the base's pass included) plus the ``expected`` cost of this one
        stay within ``max_cost`` of the seconds ``trained``; the final checkpoint reports within
        the same budget, or when the run has no report yet, so every run ends with at least one."""
        if self.every is not None:
            return final or checkpoint_number % self.every == 0
        if final and not reported:
            return True
        return spent + expected <= self.max_cost * trained

    @property
    def drift_prompts(self) -> tuple[str, ...]:
        return DEFAULT_PROMPTS + self.prompts
