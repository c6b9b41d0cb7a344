"""The synthetic LoRA writer produces valid safetensors with LTX-2's real layer shapes."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from safetensors import safe_open

from ltx2_tools.demo import tiny_model
from ltx2_tools.lora import synthetic


def test_shapes_match_every_block_linear_of_an_ltx2_transformer(tiny_ltx2):
    from diffusers import LTX2VideoTransformer3DModel

    transformer = LTX2VideoTransformer3DModel.from_pretrained(tiny_ltx2 / "transformer")
    actual = {n: (m.in_features, m.out_features) for n, m in transformer.named_modules()
              if isinstance(m, torch.nn.Linear) and n.startswith("transformer_blocks.")}
    dims = synthetic.Ltx2Dims(blocks=2, video=tiny_model.VIDEO_HEADS * tiny_model.VIDEO_HEAD_DIM,
                              audio=tiny_model.AUDIO_HEADS * tiny_model.AUDIO_HEAD_DIM)
    assert {m: (i, o) for m, i, o in synthetic.linear_shapes(dims)} == actual


def test_full_size_ltx2_lora_at_rank_32_is_about_a_gigabyte():
    params = sum(32 * (i + o) for _, i, o in synthetic.linear_shapes(synthetic.Ltx2Dims()))
    assert 1.1e9 < params * 4 < 1.3e9  # F32


@pytest.mark.parametrize("dtype", ["F32", "F16", "BF16"])
def test_written_file_reads_back(dtype, tmp_path):
    dims = synthetic.Ltx2Dims(blocks=1, video=8, audio=4)
    shapes = list(synthetic.lora_tensors(dims, rank=2))
    path = tmp_path / "x.safetensors"
    size = synthetic.write(path, shapes, dtype, {"note": "test"}, seed=1)
    assert path.stat().st_size == size
    with safe_open(str(path), "pt") as f:
        assert f.metadata() == {"note": "test"}
        assert sorted(f.keys()) == sorted(name for name, _ in shapes)
        for name, shape in shapes:
            tensor = f.get_tensor(name)
            assert tuple(tensor.shape) == shape
            assert str(tensor.dtype) == {"F32": "torch.float32", "F16": "torch.float16", "BF16": "torch.bfloat16"}[dtype]
            assert np.isfinite(tensor.float().numpy()).all() and tensor.abs().max() > 0
