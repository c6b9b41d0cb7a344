"""The audio training keys the fork adds to ``train:`` (docs/config-reference.md).

Their types, defaults, bounds and choices come from the generated ``fork_keys`` (the Java
schema records are the one source); this module adds what a table cannot say: the check of
each value against its spec with the key's name in the message, the one rule that spans two
keys, and what the options mean together. Parsed once from the kwargs ai-toolkit's
``TrainConfig`` receives, so a bad value fails at config time rather than mid-training.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping

from ltx2_character.fork_keys import TRAIN, KeySpec, TrainKeys


class AudioOptionError(ValueError):
    pass


def checked(spec: KeySpec, raw: Any) -> Any:
    """``raw`` converted to the key's type (ints widen to floats), or an error naming the key."""
    def fail(why: str) -> AudioOptionError:
        return AudioOptionError(f"{spec.section}.{spec.name} = {raw!r}: {why}")

    if spec.kind == "bool":
        if not isinstance(raw, bool):
            raise fail("must be true or false")
        return raw
    if spec.kind in ("int", "float"):
        whole = spec.kind == "int"
        if isinstance(raw, bool) or not isinstance(raw, int if whole else (int, float)):
            raise fail("must be an integer" if whole else "must be a number")
        value = raw if whole else float(raw)
        if spec.minimum is not None and (value <= spec.minimum if spec.minimum_exclusive else value < spec.minimum):
            raise fail(f"must be {'>' if spec.minimum_exclusive else '>='} {spec.minimum:g}")
        if spec.maximum is not None and (value >= spec.maximum if spec.maximum_exclusive else value > spec.maximum):
            raise fail(f"must be {'<' if spec.maximum_exclusive else '<='} {spec.maximum:g}")
        return value
    if not isinstance(raw, str):
        raise fail("must be text")
    if spec.choices and raw not in spec.choices:
        raise fail(f"must be one of {', '.join(spec.choices)}")
    return raw


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
