"""Which part of LTX-2 a LoRA key adapts ("stream"), and which KJNodes slider controls it.

The rules are data, ``stream-rules.json`` in the orchestrator's resources, read here and by
``orchestrator/.../lora/StreamRules.java``; both are tested against ``tests/fixtures/lora_stream_keys.json``.

A key is ``<prefix><module path><suffix>``:

* prefix: ``diffusion_model.`` (ComfyUI / original LTX names, what ai-toolkit and the
  Lightricks trainer save), ``transformer.`` (diffusers), ``lora_unet_`` (kohya, dots
  written as ``_``), ``base_model.model.`` (raw PEFT) or none;
* suffix: the tensor's role in the adapter (``.lora_A.weight``, ``.alpha``, ``.lokr_w1``...).

Both lists are ``key_names``, generated from the Java enums ``KeyFormat`` and ``Part``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ltx2_tools.lora.key_names import NO_PREFIX, PREFIXES, SUFFIXES

# The rules, written once for Java and Python (the jar carries the same file).
RULES_FILE = (Path(__file__).resolve().parents[4] / "orchestrator" / "src" / "main" / "resources" / "dev" / "ltx2"
              / "orchestrator" / "lora" / "stream-rules.json")
_RULES = json.loads(RULES_FILE.read_text(encoding="utf-8"))

# Stream ids, in report order, with labels naming the module each one covers.
STREAMS: dict[str, str] = {s["id"]: s["label"] for s in _RULES["streams"]}

# Groups that `orchestrator lora strip --streams` also accepts.
GROUPS: dict[str, tuple[str, ...]] = {name: tuple(members) for name, members in _RULES["groups"].items()}

# The five sliders of KJNodes' LTX2LoraLoaderAdvanced.
KJNODES_GROUPS: tuple[str, ...] = tuple(_RULES["kjnodes_groups"])


@dataclass(frozen=True)
class LoraKey:
    key: str
    format: str  # a format of key_names.PREFIXES, or NO_PREFIX
    module: str  # module path without prefix and suffix
    part: str  # role, from key_names.SUFFIXES


def parse_key(key: str) -> LoraKey | None:
    """Split a LoRA tensor name; ``None`` when the suffix is not a known adapter part."""
    fmt, rest = NO_PREFIX, key
    for prefix, name in PREFIXES:
        if key.startswith(prefix):
            fmt, rest = name, key[len(prefix):]
            break
    for suffix, part in SUFFIXES:
        if rest.endswith(suffix) and len(rest) > len(suffix):
            return LoraKey(key, fmt, rest[: -len(suffix)], part)
    return None


def _matches(rule: dict[str, str], module: str) -> bool:
    if "contains" in rule:
        return rule["contains"] in module
    if "name" in rule:
        # a whole name between separators; kohya keys use "_" where the model uses "."
        return re.search(rf"(?:^|[._]){re.escape(rule['name'])}(?:[._]|$)", module) is not None
    return re.search(rule["regex"], module) is not None


def classify_module(module: str) -> str:
    """The stream a module path belongs to: the first of the ordered rules that matches."""
    return next((r["stream"] for r in _RULES["stream_rules"] if _matches(r, module)), "other")


def kjnodes_group(module: str) -> str:
    """The KJNodes ``LTX2LoraLoaderAdvanced`` slider for a module, by its substring rules."""
    return next((r["group"] for r in _RULES["kjnodes_rules"] if _matches(r, module)), "other")


def classify_key(key: str) -> str | None:
    parsed = parse_key(key)
    return None if parsed is None else classify_module(parsed.module)

