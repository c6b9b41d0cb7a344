"""Which part of LTX-2 a LoRA key adapts ("stream"), and which KJNodes slider controls it.

One definition of the rules for Python; ``orchestrator/.../lora/StreamRules.java`` is the
Java one. Both are checked against ``tests/fixtures/lora_stream_keys.json``.

A key is ``<prefix><module path><suffix>``:

* prefix: ``diffusion_model.`` (ComfyUI / original LTX names, what ai-toolkit and the
  Lightricks trainer save), ``transformer.`` (diffusers), ``lora_unet_`` (kohya, dots
  written as ``_``), ``base_model.model.`` (raw PEFT) or none;
* suffix: the tensor's role in the adapter (``.lora_A.weight``, ``.alpha``, ``.lokr_w1``...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Stream ids, in report order. Labels name the module each one covers.
STREAMS: dict[str, str] = {
    "video-self": "video self-attention (attn1)",
    "video-cross": "video cross-attention (attn2)",
    "video-ff": "video feed-forward (ff)",
    "audio-self": "audio self-attention (audio_attn1)",
    "audio-cross": "audio cross-attention (audio_attn2)",
    "audio-ff": "audio feed-forward (audio_ff)",
    "a2v": "audio-to-video attention (audio_to_video_attn)",
    "v2a": "video-to-audio attention (video_to_audio_attn)",
    "connectors": "text connectors (embeddings_connector)",
    "other": "other",
}

# Groups that `orchestrator lora strip --streams` also accepts.
GROUPS: dict[str, tuple[str, ...]] = {
    "video": ("video-self", "video-cross", "video-ff"),
    "audio": ("audio-self", "audio-cross", "audio-ff"),
}

# The five sliders of KJNodes' LTX2LoraLoaderAdvanced.
KJNODES_GROUPS = ("video", "audio", "audio_to_video", "video_to_audio", "other")

# Known key formats, longest prefix first.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("base_model.model.", "peft"),
    ("diffusion_model.", "comfy"),
    ("transformer.", "diffusers"),
    ("lora_unet_", "kohya"),
)

# Suffix -> role of the tensor in its adapter; longest first so ".lora_A.default.weight"
# wins over ".weight"-style endings.
SUFFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            ".lora_A.default.weight": "down",
            ".lora_B.default.weight": "up",
            ".lora_A.weight": "down",
            ".lora_B.weight": "up",
            ".lora_down.weight": "down",
            ".lora_up.weight": "up",
            ".lora_mid.weight": "mid",
            ".alpha": "alpha",
            ".dora_scale": "dora_scale",
            ".magnitude": "magnitude",  # ai-toolkit's name for the DoRA magnitude
            ".lokr_w1": "lokr_w1",
            ".lokr_w2": "lokr_w2",
            ".lokr_w1_a": "lokr_w1_a",
            ".lokr_w1_b": "lokr_w1_b",
            ".lokr_w2_a": "lokr_w2_a",
            ".lokr_w2_b": "lokr_w2_b",
            ".lokr_t2": "lokr_t2",
            ".hada_w1_a": "hada_w1_a",
            ".hada_w1_b": "hada_w1_b",
            ".hada_w2_a": "hada_w2_a",
            ".hada_w2_b": "hada_w2_b",
            ".hada_t1": "hada_t1",
            ".hada_t2": "hada_t2",
            ".diff": "diff",
            ".diff_b": "diff_b",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)


@dataclass(frozen=True)
class LoraKey:
    key: str
    format: str  # comfy | diffusers | kohya | peft | bare
    module: str  # module path without prefix and suffix
    part: str  # role, from SUFFIXES


def parse_key(key: str) -> LoraKey | None:
    """Split a LoRA tensor name; ``None`` when the suffix is not a known adapter part."""
    fmt, rest = "bare", key
    for prefix, name in PREFIXES:
        if key.startswith(prefix):
            fmt, rest = name, key[len(prefix):]
            break
    for suffix, part in SUFFIXES:
        if rest.endswith(suffix) and len(rest) > len(suffix):
            return LoraKey(key, fmt, rest[: -len(suffix)], part)
    return None


def _has(token: str, module: str) -> bool:
    # A whole name between separators; kohya keys use "_" where the model uses ".".
    return re.search(rf"(?:^|[._]){re.escape(token)}(?:[._]|$)", module) is not None


def classify_module(module: str) -> str:
    """The stream a module path belongs to. Order matters: cross-modal attention and
    connectors contain attention names of their own, and audio names contain video ones."""
    if "video_to_audio_attn" in module:
        return "v2a"
    if "audio_to_video_attn" in module:
        return "a2v"
    if "connector" in module or "text_embedding_projection" in module:
        return "connectors"
    for token, stream in (
        ("audio_attn1", "audio-self"),
        ("audio_attn2", "audio-cross"),
        ("audio_ff", "audio-ff"),
        ("attn1", "video-self"),
        ("attn2", "video-cross"),
        ("ff", "video-ff"),
    ):
        if _has(token, module):
            return stream
    return "other"


def kjnodes_group(module: str) -> str:
    """The KJNodes ``LTX2LoraLoaderAdvanced`` slider for a module, by its substring rules
    (kijai/ComfyUI-KJNodes nodes/ltxv_nodes.py, 2026-08-14). KJNodes tests the ComfyUI
    model key, whose dots a kohya key writes as "_", so "ff.net" also matches "ff_net"."""
    if "video_to_audio_attn" in module:
        return "video_to_audio"
    if "audio_to_video_attn" in module:
        return "audio_to_video"
    if "audio_attn" in module or re.search(r"audio_ff[._]net", module):
        return "audio"
    if "attn" in module or re.search(r"ff[._]net", module):
        return "video"
    return "other"


def classify_key(key: str) -> str | None:
    parsed = parse_key(key)
    return None if parsed is None else classify_module(parsed.module)

