"""Data parallelism on the CPU: 2 ranks with gloo on the tiny LTX-2, through torchrun.

One step with per-rank batch 1 equals one single-process step with batch 2 (the loss and
every LoRA gradient); a 2-rank run stopped through its stop file saves once and the next
run continues the step count. The children are real processes, as in training.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from . import harness

PYTHON_ENV = Path(__file__).resolve().parents[2]
TIMEOUT = 900


def _env(fork: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PYTHON_ENV / "src"), str(PYTHON_ENV), str(fork)])
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


def _torchrun(ranks: int) -> list[str]:
    return [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={ranks}"]


def _run(cmd: list[str], fork: Path) -> None:
    done = subprocess.run(cmd, cwd=PYTHON_ENV, env=_env(fork), capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]


@pytest.fixture(scope="module")
def talking(tmp_path_factory) -> Path:
    return harness.make_dataset(tmp_path_factory.mktemp("ddp") / "talking", talking=2)


def _step(out: Path) -> dict:
    result = json.loads((out / "events.json").read_text())
    assert result["outcome"] == "completed", result
    return next(e for e in result["events"] if e["type"] == "step")


def test_two_ranks_with_batch_1_equal_one_process_with_batch_2(fork, tiny_ltx2, talking, tmp_path):
    child = ["-m", "tests.fork.ddp_child", str(fork), str(tiny_ltx2), str(talking)]
    _run([sys.executable, *child, str(tmp_path / "single"), "2"], fork)
    _run([*_torchrun(2), *child, str(tmp_path / "ranks"), "1"], fork)

    single, ranks = _step(tmp_path / "single"), _step(tmp_path / "ranks")
    for key in ("loss/video", "loss/audio_raw", "loss"):
        assert ranks["losses"][key] == pytest.approx(single["losses"][key], rel=1e-4, abs=1e-6), key
    expected = torch.load(tmp_path / "single" / "grads_rank0.pt")
    assert expected and any(float(g.abs().max()) > 0 for g in expected.values())
    for rank in (0, 1):
        got = torch.load(tmp_path / "ranks" / f"grads_rank{rank}.pt")
        assert got.keys() == expected.keys()
        worst = max(float((got[k] - expected[k]).abs().max() / (expected[k].abs().max() + 1e-12)) for k in expected)
        assert worst < 1e-3, f"rank {rank}: LoRA gradients differ from one process with batch 2 (worst {worst:.2e})"
