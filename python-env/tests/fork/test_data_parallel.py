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


def _launch(job: dict, fork: Path, out: Path, on_event=lambda event, child: None) -> tuple[list[dict], int]:
    """The orchestrator's multi-rank command line (SubprocessRunner.command): our launcher
    around torchrun, 2 ranks, a stop file; returns rank 0's events (and the launcher's)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "job.json").write_text(json.dumps(job))
    cmd = [sys.executable, "-u", "-m", "ltx2_character.bridge.launch", "--standalone", "--nproc-per-node=2",
           "-m", "ltx2_character.bridge.subprocess_main", "--config-json", str(out / "job.json"), "--fork", str(fork),
           "--log-file", str(out / "trainer.log"), "--stop-file", str(out / "stop")]
    seen: list[dict] = []
    with open(out / "stderr.log", "a") as err:
        child = subprocess.Popen(cmd, cwd=PYTHON_ENV, env=_env(fork), stdout=subprocess.PIPE, stderr=err, text=True)
        for line in child.stdout:
            seen.append(json.loads(line))
            on_event(seen[-1], child)
        code = child.wait(timeout=TIMEOUT)
    return seen, code


def _job(model: Path, data: Path, out: Path, steps: int, save_every: int = 1000) -> dict:
    job = harness.job(model, [{"folder_path": str(data)}], out, steps=steps, name="ddp_resume")
    job["config"]["process"][0]["save"]["save_every"] = save_every
    return job


def _of(events: list[dict], kind: str) -> list[dict]:
    return [e for e in events if e["type"] == kind]


def test_a_stopped_two_rank_run_saves_once_and_resumes_its_step_count(fork, tiny_ltx2, talking, tmp_path):
    job = _job(tiny_ltx2, talking, tmp_path / "out", steps=4)

    def stop_after_step_2(event, child):
        if event["type"] == "step" and event["step"] >= 2:
            (tmp_path / "run1" / "stop").touch()

    first, code = _launch(job, fork, tmp_path / "run1", stop_after_step_2)
    assert code == 0, (tmp_path / "run1" / "stderr.log").read_text()[-4000:]
    stopped = _of(first, "stopped")
    assert len(stopped) == 1 and stopped[0]["step"] in (2, 3), first
    assert [s["step"] for s in _of(first, "saved")] == [stopped[0]["step"]]  # one checkpoint, by rank 0
    # only rank 0 writes the job's files: two ranks saving (or sampling) into the same names race
    assert "Saved checkpoint to" in (tmp_path / "run1" / "trainer.log").read_text()
    assert "Saved checkpoint to" not in (tmp_path / "run1" / "trainer.log.rank1").read_text()

    second, code = _launch(job, fork, tmp_path / "run2")
    assert code == 0, (tmp_path / "run2" / "stderr.log").read_text()[-4000:]
    assert _of(second, "started")[0]["start_step"] == stopped[0]["step"]
    assert [s["step"] for s in _of(second, "step")] == list(range(stopped[0]["step"] + 1, 5))
    assert _of(second, "finished") == [{"type": "finished", "step": 4}]


def _rank_pid(launcher: subprocess.Popen, rank: int) -> int:
    for task in Path(f"/proc/{launcher.pid}/task").iterdir():
        for pid in (task / "children").read_text().split():
            environ = Path(f"/proc/{pid}/environ").read_text(errors="replace").split("\0")
            if f"RANK={rank}" in environ:
                return int(pid)
    raise AssertionError(f"no rank {rank} among the launcher's children")


def test_a_dead_rank_stops_the_job_keeping_the_last_checkpoint(fork, tiny_ltx2, talking, tmp_path):
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to find a rank's process")
    job = _job(tiny_ltx2, talking, tmp_path / "out", steps=6, save_every=2)

    def kill_rank_1_after_a_checkpoint(event, child):
        if event["type"] == "saved":
            os.kill(_rank_pid(child, 1), 9)

    events, code = _launch(job, fork, tmp_path / "run", kill_rank_1_after_a_checkpoint)
    assert code == 3
    dead = _of(events, "rank_failed")
    assert dead and dead[0] == {"type": "rank_failed", "rank": 1, "exit_code": -9}, events
    assert not _of(events, "finished")
    saved = _of(events, "saved")[0]
    from safetensors.torch import load_file

    assert load_file(saved["path"]), "the checkpoint written before the death must stay complete"
