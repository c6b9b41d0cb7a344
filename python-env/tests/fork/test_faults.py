"""Faults of the machine during training, on the real trainer: a full disk, CUDA out of memory.

The orchestrator maps the ``failed`` events checked here to exit 2 (disk full) and 3 (out of
memory) with their advice (orchestrator FailureAdviceTest); these tests prove the trainer side:
the event names the fault, and the checkpoints written before stay complete.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ltx2_character.training import checkpoints

from . import harness
from .test_checkpoints import failure, run_trainer


def stills_job(model: Path, dataset: Path, output: Path, steps: int, name: str) -> dict:
    config = harness.job(model, [{"folder_path": str(dataset), "num_frames": 1}], output, steps=steps, name=name)
    config["config"]["process"][0]["save"].update(save_every=2, max_step_saves_to_keep=10)
    return config


@pytest.fixture(scope="module")
def stills(tmp_path_factory):
    return harness.make_dataset(tmp_path_factory.mktemp("fault-data") / "stills", stills=2)


def mount_tmpfs(folder: Path, size_bytes: int) -> None:
    folder.mkdir(parents=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_bytes}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs as the output folder (needs root and CAP_SYS_ADMIN): {done.stderr.strip()}")


def test_a_full_disk_during_a_save_names_the_folder_and_keeps_the_earlier_checkpoints(fork, tiny_ltx2, stills, tmp_path):
    # Measure what the first save occupies, then give the job a disk with room for it and half a LoRA more.
    probe = tmp_path / "probe"
    code, got = run_trainer(stills_job(tiny_ltx2, stills, probe, steps=2, name="full"), fork, tmp_path, None)
    assert code == 0, failure(got)
    used = sum(p.stat().st_size for p in (probe / "full").rglob("*") if p.is_file())
    lora = (probe / "full" / "full.safetensors").stat().st_size
    disk = tmp_path / "disk"
    mount_tmpfs(disk, used + lora // 2)
    try:
        code, got = run_trainer(stills_job(tiny_ltx2, stills, disk, steps=4, name="full"), fork, tmp_path, None)
        save_root = disk / "full"
        failed = [e for e in got if e["type"] == "failed"]
        assert code == 3 and failed, got
        assert failed[0]["error"].startswith("CheckpointSpaceError:"), failed[0]["error"]
        assert str(save_root) in failed[0]["error"] and "free at least" in failed[0]["error"]
        earlier = save_root / "full_000000002.safetensors"
        assert checkpoints.problem(str(earlier)) is None
        assert checkpoints.problem(str(save_root / "optimizer.pt")) is None
        assert not list(save_root.glob(".*.partial")), "a partial file was left on the full disk"
    finally:
        subprocess.run(["umount", str(disk)], check=False)
        shutil.rmtree(disk, ignore_errors=True)


def test_cuda_out_of_memory_is_reported_as_such_and_the_last_checkpoint_is_kept(fork, tiny_ltx2, stills, tmp_path):
    output = tmp_path / "out"
    # ai-toolkit skips a batch that runs out of memory and gives up at the fourth in a row: OOM from step 4 on.
    config = stills_job(tiny_ltx2, stills, output, steps=10, name="oom")
    code, got = run_trainer(config, fork, tmp_path, None, extra_env={"LTX2_TEST_OOM_AT_BACKWARD": "4"})
    failed = [e for e in got if e["type"] == "failed"]
    assert code == 3 and failed, got
    assert failed[0]["error"] == "RuntimeError: OOM during training step 3 times in a row, aborting training", failure(got)
    assert "Traceback" in failed[0]["traceback"]
    assert checkpoints.problem(str(output / "oom" / "oom_000000002.safetensors")) is None
