"""The fork's LoRA metadata carries hashes of the real weights, never the hash of nothing (patch 0016)."""
from __future__ import annotations

import hashlib
from collections import OrderedDict

import pytest
import torch

pytestmark = pytest.mark.fork
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def saved(fork, state_dict: dict, tmp_path) -> tuple[dict, bytes]:
    """Metadata as ai-toolkit's save_weights builds it, and the file saved with it."""
    from safetensors.torch import save_file
    from toolkit.metadata import add_model_hash_to_meta

    meta = add_model_hash_to_meta(state_dict, OrderedDict({"ss_network_dim": "8", "name": "demo"}))
    path = tmp_path / "lora.safetensors"
    save_file(state_dict, str(path), meta)
    return meta, path.read_bytes()


def tensor_data(file: bytes) -> bytes:
    return file[8 + int.from_bytes(file[:8], "little"):]


def test_a_small_lora_has_no_legacy_hash_and_the_model_hash_of_its_weights(fork, tmp_path):
    weights = {"diffusion_model.blocks.0.attn.to_q.lora_A.weight": torch.arange(64, dtype=torch.float32).reshape(8, 8)}
    meta, file = saved(fork, weights, tmp_path)
    assert len(file) < 0x100000
    assert "sshs_legacy_hash" not in meta
    assert meta["sshs_model_hash"] == hashlib.sha256(tensor_data(file)).hexdigest()
    assert meta["sshs_model_hash"] != EMPTY_SHA256


def test_a_large_lora_has_the_legacy_hash_of_its_bytes(fork, tmp_path):
    weights = {"diffusion_model.blocks.0.attn.to_q.lora_A.weight": torch.arange(512 * 768, dtype=torch.float32).reshape(512, 768)}
    meta, file = saved(fork, weights, tmp_path)
    from safetensors.torch import save

    # as sd-webui-additional-networks computes it: the file with only the ss_* metadata, 64 KiB from 1 MiB
    as_indexed = save(weights, {"ss_network_dim": "8"})
    assert meta["sshs_legacy_hash"] == hashlib.sha256(as_indexed[0x100000:0x110000]).hexdigest()[:8]
    assert meta["sshs_legacy_hash"] != EMPTY_SHA256[:8]
    assert meta["sshs_model_hash"] == hashlib.sha256(tensor_data(file)).hexdigest()
