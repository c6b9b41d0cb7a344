"""The model hashes sd-webui-additional-networks reads from a LoRA's metadata (``sshs_*``).

ai-toolkit writes both when it saves a LoRA. The legacy hash is the SHA-256 of the 64 KiB
that start 1 MiB into the file; a LoRA smaller than 1 MiB (every tiny test LoRA, small
ranks) has no bytes there, and upstream then wrote the hash of nothing,
``e3b0c442...``, which looks like a real hash and matches every other small file. We write
it only when the file reaches that window, and drop a stale one carried in ``meta``.
"""
from __future__ import annotations

import hashlib
from collections.abc import MutableMapping

MODEL_HASH = "sshs_model_hash"
LEGACY_HASH = "sshs_legacy_hash"
# sd-webui-additional-networks' legacy window: 0x10000 bytes from offset 0x100000.
LEGACY_OFFSET = 0x100000
LEGACY_LENGTH = 0x10000


def model_hash(serialized: bytes) -> str:
    """SHA-256 of the tensor data: everything after the 8-byte length and the JSON header."""
    header_length = int.from_bytes(serialized[:8], "little")
    return hashlib.sha256(serialized[8 + header_length:]).hexdigest()


def legacy_hash(serialized: bytes) -> str | None:
    """The first 8 hex digits of the legacy window's SHA-256; None when the file ends before it."""
    if len(serialized) <= LEGACY_OFFSET:
        return None
    return hashlib.sha256(serialized[LEGACY_OFFSET:LEGACY_OFFSET + LEGACY_LENGTH]).hexdigest()[:8]


def with_addnet_hashes(meta: MutableMapping[str, str], serialized: bytes) -> MutableMapping[str, str]:
    """``meta`` with the hashes of ``serialized`` (a safetensors file as bytes); no legacy hash of nothing."""
    meta[MODEL_HASH] = model_hash(serialized)
    legacy = legacy_hash(serialized)
    if legacy is None:
        meta.pop(LEGACY_HASH, None)
    else:
        meta[LEGACY_HASH] = legacy
    return meta
