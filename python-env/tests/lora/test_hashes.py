"""sshs_* hashes: the model hash of the tensor data, and no legacy hash of nothing."""
from __future__ import annotations

import hashlib
import json

from ltx2_character.lora.hashes import LEGACY_HASH, MODEL_HASH, legacy_hash, model_hash, with_addnet_hashes

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def safetensors_bytes(data: bytes) -> bytes:
    """A valid safetensors layout: one uint8 tensor holding ``data``."""
    header = json.dumps({"t": {"dtype": "U8", "shape": [len(data)], "data_offsets": [0, len(data)]}}).encode()
    return len(header).to_bytes(8, "little") + header + data


def test_a_file_smaller_than_the_legacy_window_gets_no_legacy_hash():
    small = safetensors_bytes(bytes(range(256)) * 16)
    meta = with_addnet_hashes({"ss_network_dim": "8"}, small)
    assert LEGACY_HASH not in meta
    assert meta[MODEL_HASH] == hashlib.sha256(bytes(range(256)) * 16).hexdigest()
    assert meta["ss_network_dim"] == "8"


def test_a_stale_legacy_hash_of_nothing_is_dropped():
    meta = with_addnet_hashes({LEGACY_HASH: EMPTY_SHA256[:8]}, safetensors_bytes(b"\x01" * 100))
    assert LEGACY_HASH not in meta


def test_a_large_file_gets_the_hash_of_its_window():
    data = bytes((i * 7) % 251 for i in range(0x120000))
    serialized = safetensors_bytes(data)
    meta = with_addnet_hashes({}, serialized)
    expected = hashlib.sha256(serialized[0x100000:0x110000]).hexdigest()[:8]
    assert meta[LEGACY_HASH] == expected
    assert meta[LEGACY_HASH] != EMPTY_SHA256[:8]
    assert meta[MODEL_HASH] == hashlib.sha256(data).hexdigest()


def test_the_window_starts_at_one_mebibyte():
    assert legacy_hash(b"\0" * 0x100000) is None
    assert legacy_hash(b"\0" * 0x100001) == hashlib.sha256(b"\0").hexdigest()[:8]
    assert model_hash(safetensors_bytes(b"")) == EMPTY_SHA256
