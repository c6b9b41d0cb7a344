"""The ltx-trainer peer benchmark runs Lightricks' real training step (CPU smoke test at --tiny widths).

Needs a Lightricks/LTX-2 checkout (or a folder with ltx_core/ and ltx_trainer/) named by
LTX2_TRAINER_SRC, and pydantic, which ltx-trainer's configs are made of.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ltx2_tools.bench.ltx_trainer_step import source_paths

SRC_ENV = "LTX2_TRAINER_SRC"
PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "src"
KEYS = ("arch", "frames", "width", "height", "video_tokens", "audio_tokens", "rank", "checkpointing", "compile",
        "fork", "steps_timed", "seconds_per_step", "seconds_min", "seconds_max", "tokens_per_second",
        "peak_vram_gib", "train_tflops_per_step", "mfu", "transformer_params", "lora_params", "gpu", "torch")


def test_source_paths_accept_a_checkout_or_a_flat_folder(tmp_path):
    assert source_paths(tmp_path) == [tmp_path]
    (tmp_path / "packages").mkdir()
    assert source_paths(tmp_path) == [tmp_path / "packages" / "ltx-core" / "src",
                                      tmp_path / "packages" / "ltx-trainer" / "src"]


@pytest.mark.slow
def test_tiny_step_trains_the_lora_through_ltx_trainer(tmp_path):
    src = os.environ.get(SRC_ENV)
    if not src:
        pytest.skip(f"{SRC_ENV} not set: point it at a Lightricks/LTX-2 checkout "
                    "(or a folder holding ltx_core/ and ltx_trainer/)")
    out = tmp_path / "result.jsonl"
    # A subprocess: the Accelerator state, the stand-ins and sys.path are per process.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(
        [sys.executable, "-m", "ltx2_tools.bench.ltx_trainer_step", "--ltx2-src", src, "--tiny", "--layers", "1",
         "--frames", "9", "--width", "256", "--height", "192", "--warmup", "1", "--steps", "1", "--device", "cpu",
         "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    result = json.loads(out.read_text().splitlines()[-1])
    assert set(KEYS) <= result.keys()
    assert result["fork"] == "ltx-trainer" and result["size"] == "tiny" and result["steps_timed"] == 1
    assert math.isfinite(result["loss"])
    assert result["lora_params"] > 0
    # the norm LtxvTrainer clips: over the LoRA parameters only, so nonzero means they got gradients
    assert math.isfinite(result["grad_norm"]) and result["grad_norm"] > 0
    assert result["video_tokens"] == 2 * 6 * 8 and result["text_tokens"] == 1024
