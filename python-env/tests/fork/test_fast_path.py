"""The fast path through the fork on tiny LTX-2, on the CPU.

What a CPU can check: the LoRA forward in the compute dtype (the tiny model in bf16, 50 steps
against upstream's fp32 adapter math), that the trainer's hunks run it, that the LoRA file is the
same, and that a job without the key trains as before (the plan turns everything off on a CPU).
What it cannot: block compile's speed and inductor's kernels (CUDA; the compile/recompile logic
is in tests/training/test_block_compile.py) and fused AdamW (CUDA only); bin/gpu-bench covers those.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from . import harness
from .harness import ARCHES

pytestmark = pytest.mark.fork

PYTHON_ENV = Path(__file__).resolve().parents[2]


def _numerics(fork: Path, arch: str, steps: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(PYTHON_ENV / "src"), "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-m", "ltx2_tools.bench.fast_path_numerics", "--fork", str(fork),
                           "--arch", arch, "--size", "tiny", "--device", "cpu", "--frames", "9", "--width", "64",
                           "--height", "64", "--text-tokens", "16", "--steps", str(steps)],
                          env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _relative_gaps(losses: list[float], reference: list[float]) -> list[float]:
    return [abs(a - b) / abs(b) for a, b in zip(losses, reference)]


def test_fifty_steps_in_bf16_stay_within_bf16_noise_of_upstream(fork):
    """Tolerance: the ``control`` arm is upstream's path started from the same LoRA rounded once
    through bf16, i.e. what one bf16 rounding does to the trajectory. The fast path rounds the
    adapter's products to bf16 at every call, so it may differ from eager by a few times that, but
    drift (an error that grows with the steps) would leave the band: every step within 5x the
    control's largest gap (floor 1e-4 relative), the last ten steps no further apart than the first ten
    allow (x10), and the trained weights as close to eager's as 5x the control's."""
    result = _numerics(fork, "ltx2", steps=50)
    eager, fast, control = (result["arms"][k] for k in ("eager", "fast", "control"))
    assert len(eager["losses"]) == len(fast["losses"]) == 50
    assert all(math.isfinite(x) for x in fast["losses"])
    assert fast["fast_calls"] > 0 and eager["fast_calls"] == control["fast_calls"] == 0  # the hunk ran, only there
    fast_gap, control_gap = _relative_gaps(fast["losses"], eager["losses"]), _relative_gaps(control["losses"], eager["losses"])
    band = max(5 * max(control_gap), 1e-4)
    assert max(fast_gap) <= band, (max(fast_gap), max(control_gap))
    assert sum(fast_gap[-10:]) <= 10 * max(sum(fast_gap[:10]), 1e-6)
    assert fast["weights_rel_diff"] <= max(5 * control["weights_rel_diff"], 1e-5)
    # the LoRA is still fp32 for the optimizer, and its file is the same keys, shapes and dtypes
    assert fast["param_dtypes"] == eager["param_dtypes"] == ["torch.float32"]
    assert fast["lora_file"] == eager["lora_file"] and len(fast["lora_file"]) > 0


def test_the_train_config_reads_the_key(fork):
    from toolkit.config_modules import TrainConfig

    assert TrainConfig().fast_path is True
    assert TrainConfig(fast_path=False).fast_path is False
    # One reader of the generated key table (key_values), whichever hunk calls it first, names the key.
    with pytest.raises(ValueError, match="train.fast_path = 'off': must be true or false"):
        TrainConfig(fast_path="off")


@pytest.mark.parametrize("arch", ARCHES)
def test_old_configs_train_and_the_trainer_runs_the_compute_dtype_lora(arch, fork, model_dirs, datasets, tmp_path,
                                                                        monkeypatch, capfd):
    from safetensors import safe_open

    from ltx2_character.training import fast_lora, fast_path

    def trained(name: str) -> dict:
        config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / name,
                             arch=arch, steps=2, name=name)
        outcome, sink = harness.train(config, fork)
        assert outcome == "completed", sink.of("failed")
        assert all(math.isfinite(s["losses"]["loss"]) for s in sink.of("step"))
        files = sorted((tmp_path / name).rglob(f"{name}.safetensors"))
        assert len(files) == 1, files
        with safe_open(str(files[0]), "pt") as f:
            return {k: (f.get_slice(k).get_shape(), f.get_slice(k).get_dtype()) for k in f.keys()}

    # a config without the key, on the CPU: the plan turns the fast path off and says why
    eager_file = trained("eager")
    assert "fast path: off; device cpu" in capfd.readouterr().out

    # the LoRA part forced on: the trainer's hunks route every adapted linear through it
    served = {"calls": 0}
    forward = fast_lora.forward

    def counting(*args, **kwargs):
        out = forward(*args, **kwargs)
        served["calls"] += out is not None
        return out

    monkeypatch.setattr(fast_lora, "forward", counting)
    monkeypatch.setattr(fast_path, "plan_for_process", lambda process: fast_path.FastPathPlan(compute_dtype_lora=True))
    fast_file = trained("fast")
    assert served["calls"] > 0
    assert "fast path: LoRA in the compute dtype" in capfd.readouterr().out
    assert fast_file == eager_file and all(k.startswith("diffusion_model.") for k in fast_file)
