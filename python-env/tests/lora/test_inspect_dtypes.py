"""inspect decodes half-precision files the way torch does: its per-stream norms of an F16 and
a BF16 copy of the demo LoRA match torch's, computed on the stored values."""
from __future__ import annotations

import pytest
import torch
from safetensors.torch import load_file, save_file

from ltx2_tools.lora import streams

from .support import lora_modules

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_norms_match_torch(dtype, demo_lora, inspect_json, tmp_path):
    stored = {k: (v * 37).to(dtype) for k, v in load_file(demo_lora).items()}  # scaled off F16's subnormals
    path = tmp_path / "half.safetensors"
    save_file(stored, str(path))
    expected: dict[str, float] = {}
    for module, delta in lora_modules(stored).items():
        stream = streams.classify_module(module)
        expected[stream] = expected.get(stream, 0.0) + float(torch.linalg.matrix_norm(delta)) ** 2
    report = inspect_json(path)
    assert report["dtypes"] == {{torch.float16: "F16", torch.bfloat16: "BF16"}[dtype]: len(stored)}
    for s in report["streams"]:
        if s["id"] in expected:
            assert s["deltaNorm"] == pytest.approx(expected[s["id"]] ** 0.5, rel=1e-5), s["id"]
