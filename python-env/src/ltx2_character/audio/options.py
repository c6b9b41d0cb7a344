"""The audio training keys the fork adds to ``train:`` (docs/config-reference.md).

Their types, defaults, bounds and choices come from the generated ``fork_keys`` (the Java
schema records are the one source) and each value is checked against its spec by
``key_values``; this module adds what a table cannot say: the one rule that spans two keys,
and what the options mean together. Parsed once from the kwargs ai-toolkit's ``TrainConfig``
receives, so a bad value fails at config time rather than mid-training.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping

from ltx2_character.fork_keys import TRAIN, TrainKeys
from ltx2_character.key_values import KeyValueError, checked


class AudioOptionError(KeyValueError):
    """The rule that spans two keys; a single key's bad value raises ``KeyValueError``."""


@dataclass(frozen=True)
class AudioTrainingOptions(TrainKeys):
    def __post_init__(self) -> None:
        for f in fields(self):
            checked(TRAIN[f.name], getattr(self, f.name))
        if self.auto_balance_audio_max < self.auto_balance_audio_min:
            raise AudioOptionError(f"train.auto_balance_audio_max = {self.auto_balance_audio_max!r}: "
                                   "must be >= auto_balance_audio_min")

    @classmethod
    def from_train_kwargs(cls, kwargs: Mapping[str, Any]) -> "AudioTrainingOptions":
        """Absent and null keys take the schema's default."""
        return cls(**{name: checked(spec, kwargs[name]) for name, spec in TRAIN.items()
                      if kwargs.get(name) is not None})

    @property
    def uses_base_prediction(self) -> bool:
        return self.voice_preservation == "base" and self.voice_preservation_weight > 0
