"""Rank and module dropout as first-class ``network`` keys (SOP item M).

Upstream's network classes accept ``rank_dropout`` and ``module_dropout`` but the config
reached them only through ``network.network_kwargs``. They are now ``network`` keys; the
same keys inside ``network_kwargs`` still work, and giving both is an error (passing them
twice would fail with a duplicate-keyword TypeError).
"""
from __future__ import annotations

from typing import Any, Mapping

from ltx2_character.fork_keys import NETWORK

DROPOUT_KEYS = ("rank_dropout", "module_dropout")


class NetworkDropoutError(ValueError):
    pass


def network_dropouts(kwargs: Mapping[str, Any]) -> dict[str, float | None]:
    nested = kwargs.get("network_kwargs") or {}
    out: dict[str, float | None] = {}
    for key in DROPOUT_KEYS:
        top, inner = kwargs.get(key), nested.get(key)
        if top is not None and inner is not None:
            raise NetworkDropoutError(f"network.{key} and network.network_kwargs.{key} are both set; keep one")
        value = top if top is not None else inner
        if value is not None:
            spec = NETWORK[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not spec.minimum <= value < spec.maximum:
                raise NetworkDropoutError(
                    f"network.{key} = {value!r}: must be a number in [{spec.minimum:g}, {spec.maximum:g})")
            value = float(value)
        out[key] = value
    return out


def without_dropouts(network_kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """``network_kwargs`` minus the dropout keys, which are passed explicitly."""
    return {k: v for k, v in network_kwargs.items() if k not in DROPOUT_KEYS}
