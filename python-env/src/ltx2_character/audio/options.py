"""The audio training keys the fork adds to ``train:`` (docs/config-reference.md).

Parsed once from the kwargs ai-toolkit's ``TrainConfig`` receives, validated here so a bad
value fails at config time with the key's name rather than mid-training.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping

TIMESTEP_DISTRIBUTIONS = ("uniform", "shifted_logit_normal")
VOICE_PRESERVATION_MODES = ("none", "silence", "base")


class AudioOptionError(ValueError):
    pass


@dataclass(frozen=True)
class AudioTrainingOptions:
    # A (upstream) and B
    audio_loss_multiplier: float = 1.0
    auto_balance_audio_loss: bool = False
    auto_balance_audio_target_ratio: float = 0.33
    auto_balance_audio_ema: float = 0.99
    auto_balance_audio_min: float = 0.05
    auto_balance_audio_max: float = 20.0
    # L
    independent_audio_timestep: bool = True
    audio_timestep_distribution: str = "shifted_logit_normal"
    # J
    strict_audio_mode: bool = False
    strict_audio_min_supervised_ratio: float = 0.9
    strict_audio_warmup_steps: int = 50
    # E
    voice_preservation: str = "base"
    voice_preservation_weight: float = 1.0
    # F
    train_connectors: bool = False

    def __post_init__(self) -> None:
        def require(ok: bool, key: str, why: str) -> None:
            if not ok:
                raise AudioOptionError(f"train.{key} = {getattr(self, key)!r}: {why}")

        require(self.audio_loss_multiplier >= 0, "audio_loss_multiplier", "must be >= 0")
        require(self.auto_balance_audio_target_ratio > 0, "auto_balance_audio_target_ratio", "must be > 0")
        require(0 < self.auto_balance_audio_ema < 1, "auto_balance_audio_ema", "must be in (0, 1)")
        require(self.auto_balance_audio_min > 0, "auto_balance_audio_min", "must be > 0")
        require(self.auto_balance_audio_max >= self.auto_balance_audio_min, "auto_balance_audio_max",
                "must be >= auto_balance_audio_min")
        require(self.audio_timestep_distribution in TIMESTEP_DISTRIBUTIONS, "audio_timestep_distribution",
                f"must be one of {', '.join(TIMESTEP_DISTRIBUTIONS)}")
        require(0 <= self.strict_audio_min_supervised_ratio <= 1, "strict_audio_min_supervised_ratio",
                "must be in [0, 1]")
        require(self.strict_audio_warmup_steps >= 0, "strict_audio_warmup_steps", "must be >= 0")
        require(self.voice_preservation in VOICE_PRESERVATION_MODES, "voice_preservation",
                f"must be one of {', '.join(VOICE_PRESERVATION_MODES)}")
        require(self.voice_preservation_weight >= 0, "voice_preservation_weight", "must be >= 0")

    @classmethod
    def from_train_kwargs(cls, kwargs: Mapping[str, Any]) -> "AudioTrainingOptions":
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in kwargs or kwargs[f.name] is None:
                continue
            raw = kwargs[f.name]
            default = f.default
            if isinstance(default, bool):
                if not isinstance(raw, bool):
                    raise AudioOptionError(f"train.{f.name} = {raw!r}: must be true or false")
                values[f.name] = raw
            elif isinstance(default, int) and not isinstance(default, bool) and f.name.endswith("_steps"):
                if isinstance(raw, bool) or not isinstance(raw, int):
                    raise AudioOptionError(f"train.{f.name} = {raw!r}: must be an integer")
                values[f.name] = raw
            elif isinstance(default, float):
                if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                    raise AudioOptionError(f"train.{f.name} = {raw!r}: must be a number")
                values[f.name] = float(raw)
            else:
                values[f.name] = str(raw)
        return cls(**values)

    @property
    def uses_base_prediction(self) -> bool:
        return self.voice_preservation == "base" and self.voice_preservation_weight > 0
