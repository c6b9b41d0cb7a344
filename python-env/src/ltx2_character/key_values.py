"""A fork key's value read from a job, checked against its generated ``KeySpec`` (``fork_keys``).

The spec (type, default, bounds, choices) is the Java schema record's; this module is the one
place that applies it, so every runtime reader of a fork key gives the same default and the
same error, naming the key, for a bad value.
"""
from __future__ import annotations

from typing import Any, Mapping

from ltx2_character.fork_keys import KeySpec


class KeyValueError(ValueError):
    pass


def checked(spec: KeySpec, raw: Any) -> Any:
    """``raw`` converted to the key's type (ints widen to floats), or an error naming the key."""
    def fail(why: str) -> KeyValueError:
        return KeyValueError(f"{spec.section}.{spec.name} = {raw!r}: {why}")

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


def read(spec: KeySpec, kwargs: Mapping[str, Any]) -> Any:
    """The key's value in a section's kwargs, checked; absent or null: the schema's default."""
    raw = kwargs.get(spec.name)
    return spec.default if raw is None else checked(spec, raw)
