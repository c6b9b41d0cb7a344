"""The benchmark matrix (bin/gpu-bench → ltx2_tools.bench.matrix): the budget, the parts' command
lines against what the former bash script ran, skip records, unknown parts, the dry run."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ltx2_tools.bench import matrix
from ltx2_tools.bench.budget import Budget, left_s, run_timeout_s, skip_line, skip_record
from ltx2_tools.bench.matrix import PART_NAMES, Kind, Log, Runner, Where, command, parts

REPO = Path(__file__).resolve().parents[3]
# What bin/gpu-bench ran when it was bash (main before the matrix moved to Python), every part with
# and without --smoke: [timeout, PYTHONPATH, argv] per process and bench.log's lines, paths as
# placeholders. Made by running that script with `timeout` and the interpreter replaced by stubs
# that wrote their arguments down.
BASH = json.loads((REPO / "python-env/tests/fixtures/gpu_bench_bash.json").read_text())
PLACEHOLDERS = Where(python="{python}", src="{src}", work="{work}", bundle="{bundle}", results="{results}",
                     purelib="{purelib}", peer_revision="abc123")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- the budget ------------------------------------------------------------------------------------

def test_left_counts_whole_seconds_and_goes_negative():
    assert left_s(510, 0.0) == 510
    assert left_s(510, 9.99) == 501
    assert left_s(100, 130.5) == -30


def test_a_runs_timeout_is_its_cap_or_what_is_left_never_below_one_second():
    assert run_timeout_s(420, 510) == 420
    assert run_timeout_s(420, 100) == 100
    assert run_timeout_s(420, 0) == 1
    assert run_timeout_s(420, -30) == 1


def test_a_part_fits_when_exactly_its_need_is_left():
    assert skip_record("fast", 150, 150) is None
    record = skip_record("fast", 150, 149)
    assert record == {"type": "skipped", "part": "fast", "needs_s": 150, "left_s": 149}
    # the bytes the bash wrote to steps.jsonl
    assert json.dumps(record) == '{"type": "skipped", "part": "fast", "needs_s": 150, "left_s": 149}'
    assert skip_line(record) == "» fast skipped: needs ~150 s, 149 s of the budget left"


def test_budget_follows_its_clock():
    clock = Clock()
    budget = Budget(300, clock)
    clock.now += 250.4
    assert budget.left() == 50
    assert budget.timeout(420) == 50
    assert budget.skip("peer", 90) == {"type": "skipped", "part": "peer", "needs_s": 90, "left_s": 50}
    assert budget.skip("jep-gap round 1", 50) is None


# --- the parts: the bash script's command lines ----------------------------------------------------

def _runs(part: str, smoke: bool) -> list:
    out = []
    for stage in parts(PLACEHOLDERS, smoke)[part]:
        for run in stage.runs:
            argv, pythonpath = command(run, PLACEHOLDERS)
            out.append([str(min(run.cap_s, matrix.DEFAULT_BUDGET_S) if run.budgeted else run.cap_s),
                        pythonpath, argv])
    return out


def _announced(part: str, smoke: bool) -> list[str]:
    return [f"» {run.announce}" for stage in parts(PLACEHOLDERS, smoke)[part] for run in stage.runs]


def test_the_fixture_covers_every_part_both_ways():
    assert sorted(BASH) == sorted([p for p in PART_NAMES] + [f"--smoke {p}" for p in PART_NAMES])


@pytest.mark.parametrize("smoke", [False, True], ids=["full", "smoke"])
@pytest.mark.parametrize("part", PART_NAMES)
def test_each_part_runs_what_the_bash_ran(part: str, smoke: bool):
    expected = BASH[("--smoke " if smoke else "") + part]
    runs = expected["runs"]
    if part == "ddp":  # the bash ran the sweep with whatever python3 was on PATH; now the run's interpreter
        runs = [[t, p, ["{python}", *argv[1:]]] for t, p, argv in runs]
    assert _runs(part, smoke) == runs
    assert _announced(part, smoke) == expected["log"]


def test_the_parts_the_issue_names_in_full():
    # spelled out once, so that a reader sees what the table holds without the fixture
    (fast,) = _runs("fast", False)
    assert fast == ["420", "{work}/site:{src}",
                    ["{python}", "-m", "ltx2_tools.bench.step_benchmark", "--fork", "{work}/patched", "--label",
                     "patched", "--out", "{results}/steps.jsonl", "--warmup", "2", "--steps", "10", "--fast-arm",
                     "--frames", "81,121", "--checkpointing", "on", "--warmup", "2", "--steps", "8"]]
    (peer,) = _runs("peer", True)
    assert peer[1] == "{work}/peer-site:{src}"  # the peer runs without the ai-toolkit wheels
    assert peer[2][-len(matrix.PEER_SMOKE_SHAPE):] == list(matrix.PEER_SMOKE_SHAPE)
    gap = parts(PLACEHOLDERS, True)["jep-gap"]
    assert [(s.part, s.need_s) for s in gap] == [(f"jep-gap round {r}", 70) for r in (1, 2, 3)]
    jep_argv = command(gap[0].runs[1], PLACEHOLDERS)[0]
    assert jep_argv[:4] == ["{work}/jre/bin/java", "-jar", "{bundle}/orchestrator.jar", "bench-step"]
    assert jep_argv[jep_argv.index("--python-path") + 1] == "{work}/site:{src}:{purelib}"
    assert jep_argv[-len(matrix.SMOKE_SHAPE):] == list(matrix.SMOKE_SHAPE)
    (checklist,) = _runs("checklist-gpu", False)
    assert checklist[0] == "360" and "--gpu" in checklist[2] and "{results}/checklist-gpu.json" in checklist[2]
    assert [run.kind for s in parts(PLACEHOLDERS, False)["host"] for run in s.runs] == [Kind.PYTHON, Kind.JEP] * 3


# --- the runner: timeouts, skip records --------------------------------------------------------------

def _runner(tmp_path: Path, budget_s: int, clock: Clock, calls: list, monkeypatch, seconds_per_run: float = 0.0,
            peer_revision: str | None = "abc123") -> tuple[Runner, Where]:
    w = Where(python="py", src="src", work=str(tmp_path / "work"), bundle=str(tmp_path / "bundle"),
              results=str(tmp_path), purelib="purelib", peer_revision=peer_revision)
    (tmp_path / "work" / "peer-site").mkdir(parents=True)

    def fake_call(argv, env, timeout_s, log_path, tee=False):
        calls.append((argv, env["PYTHONPATH"], timeout_s))
        clock.now += seconds_per_run
        return 0

    monkeypatch.setattr(matrix, "call", fake_call)
    return Runner(w, Budget(budget_s, clock), Log(tmp_path), {"PYTHONPATH": "base"}), w


def _steps(tmp_path: Path) -> list[dict]:
    path = tmp_path / "steps.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_a_part_that_does_not_fit_is_a_skip_record_and_runs_nothing(tmp_path, monkeypatch, capsys):
    clock, calls = Clock(), []
    runner, w = _runner(tmp_path, 300, clock, calls, monkeypatch)
    clock.now += 160
    runner.part(parts(w, True)["fast"])  # needs 150, 140 left
    assert calls == []
    assert _steps(tmp_path) == [{"type": "skipped", "part": "fast", "needs_s": 150, "left_s": 140}]
    line = "» fast skipped: needs ~150 s, 140 s of the budget left"
    assert (tmp_path / "bench.log").read_text() == line + "\n"
    assert capsys.readouterr().out == line + "\n"


def test_runs_get_what_is_left_and_a_skipped_round_ends_the_part(tmp_path, monkeypatch):
    clock, calls = Clock(), []
    runner, w = _runner(tmp_path, 200, clock, calls, monkeypatch, seconds_per_run=40)
    runner.part(parts(w, False)["jep-gap"])
    # round 1 at 200 s left (caps 420 → 200, then 160), round 2 at 120 (120, 80), round 3 at 40: skipped
    assert [t for _, _, t in calls] == [200, 160, 120, 80]
    assert _steps(tmp_path) == [{"type": "skipped", "part": "jep-gap round 3", "needs_s": 70, "left_s": 40}]


def test_parts_without_a_need_run_even_past_the_budget_with_one_second(tmp_path, monkeypatch):
    clock, calls = Clock(), []
    runner, w = _runner(tmp_path, 100, clock, calls, monkeypatch)
    clock.now += 500
    runner.part(parts(w, False)["eager"])
    runner.part(parts(w, False)["ddp"])  # the sweep has its own cap, not the budget
    assert [t for _, _, t in calls] == [1, 1, 1, 3000]
    assert _steps(tmp_path) == []


def test_the_peer_without_ltx2_src_says_so_and_records_nothing(tmp_path, monkeypatch):
    clock, calls = Clock(), []
    runner, w = _runner(tmp_path, 300, clock, calls, monkeypatch, peer_revision=None)
    runner.part(parts(w, True)["peer"])
    assert calls == [] and _steps(tmp_path) == []
    assert (tmp_path / "bench.log").read_text() == matrix.NO_PEER_SOURCE + "\n"


def test_a_failed_run_is_a_line_with_its_exit_status(tmp_path, monkeypatch):
    clock, calls = Clock(), []
    runner, w = _runner(tmp_path, 300, clock, calls, monkeypatch)
    monkeypatch.setattr(matrix, "call", lambda *a, **k: 124)
    runner.part(parts(w, False)["compile"])
    assert (tmp_path / "bench.log").read_text().splitlines()[-1] == "  exit 124 (see bench.log)"


# --- call: a process under a timeout -----------------------------------------------------------------

def test_call_appends_output_and_times_out_with_124(tmp_path):
    log = tmp_path / "bench.log"
    log.write_text("before\n")
    code = "import sys, time; print('started', flush=True); sys.stderr.write('err\\n'); time.sleep(30)"
    started = time.monotonic()
    assert matrix.call([sys.executable, "-c", code], dict(os.environ), 1.0, log) == 124
    assert time.monotonic() - started < 10
    assert log.read_text().splitlines() == ["before", "started", "err"]
    assert matrix.call([sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ), 10, log) == 3
    assert matrix.call([str(tmp_path / "no-such-java")], dict(os.environ), 10, log) == 127


def test_call_with_tee_prints_and_logs(tmp_path, capfd):
    log = tmp_path / "bench.log"
    assert matrix.call([sys.executable, "-c", "print('table')"], dict(os.environ), 10, log, tee=True) == 0
    assert log.read_text() == "table\n"
    assert "table" in capfd.readouterr().out


# --- the command line ---------------------------------------------------------------------------------

def test_an_unknown_part_is_refused_before_anything_runs(tmp_path, capsys):
    results = tmp_path / "results"
    assert matrix.main([str(tmp_path / "bundle"), str(results), "fast", "bogus"]) == 1
    assert "unknown part bogus" in capsys.readouterr().err
    assert not results.exists()


def test_dry_run_prints_the_command_lines(tmp_path, capsys):
    bundle = tmp_path / "bundle"
    (bundle / "ltx2-src").mkdir(parents=True)
    (bundle / "ltx2-src" / "REVISION").write_text("abc123\n")
    assert matrix.main(["--dry-run", "--smoke", "--budget", "300", str(bundle), str(tmp_path / "r"), "peer",
                        "checklist-gpu"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "# peer: starts with at least 90 s of the budget left"
    assert out[1] == "» ltx-trainer abc123 "
    assert out[2].startswith("  timeout min(240, left of 300): PYTHONPATH=WORK/peer-site:")
    assert "--tiny --layers 1 --device cpu" in out[2]
    assert out[4] == "» checklist --gpu"
    assert out[-1].endswith(f"-m ltx2_tools.bench.summary {tmp_path}/r/steps.jsonl")
    assert not (tmp_path / "r").exists()


def test_the_launcher_runs_the_module(tmp_path):
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("PYTHONPATH", None)
    launcher = str(REPO / "bin" / "gpu-bench")
    dry = subprocess.run([launcher, "--dry-run", str(tmp_path), str(tmp_path / "r"), "fast"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    assert "-m ltx2_tools.bench.step_benchmark" in dry.stdout
    assert f"PYTHONPATH=WORK/site:{REPO}/python-env/src " in dry.stdout
    bad = subprocess.run([launcher, str(tmp_path), str(tmp_path / "r"), "nope"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 1 and "unknown part nope" in bad.stderr


def test_help_describes_every_part(capsys):
    with pytest.raises(SystemExit):
        matrix.main(["--help"])
    out = capsys.readouterr().out
    assert [p for p in PART_NAMES if f"\n  {p} " not in out] == []
