"""The GPU step benchmark's harness, run on a CPU with the tiny LTX-2: the interleaved
patched/pin comparison really runs each tree's own model file on one shared model, and the
in-process runner's callbacks are timed. (Its figures come from a GPU: docs/benchmarks.md.)"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.fork

PYTHON_ENV = Path(__file__).resolve().parents[2]


def _bench(tmp_path: Path, *args: str) -> list[dict]:
    out = tmp_path / "steps.jsonl"
    env = {**os.environ, "PYTHONPATH": str(PYTHON_ENV / "src")}
    done = subprocess.run([sys.executable, "-m", "ltx2_tools.bench.step_benchmark", "--size", "tiny", "--device",
                           "cpu", "--frames", "9", "--width", "64", "--height", "64", "--text-tokens", "16",
                           "--warmup", "1", "--steps", "3", "--out", str(out), *args],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_interleaved_comparison_times_both_trees_on_one_model(fork, pin_tree, tmp_path):
    records = _bench(tmp_path, "--fork", str(fork), "--compare-fork", str(pin_tree))
    setup, patched, upstream, ratio = records
    assert setup["type"] == "setup"
    assert patched["fork"] == "patched" and upstream["fork"] == "upstream"
    assert patched["model_file"].startswith(str(fork)) and upstream["model_file"].startswith(str(pin_tree))
    assert patched["steps_timed"] == upstream["steps_timed"] == 3
    assert patched["lora_params"] == upstream["lora_params"] > 0  # one LoRA, shared
    assert ratio["type"] == "ratio" and ratio["pairs"] == 3
    assert ratio["ratio_q1"] <= ratio["ratio_median"] <= ratio["ratio_q3"]
    expected = patched["seconds_per_step"] / upstream["seconds_per_step"]
    assert ratio["ratio_of_medians"] == pytest.approx(expected, rel=1e-3)


def test_fast_arm_alternates_with_eager_on_one_model(fork, tmp_path):
    """The fast path's pair (bin/gpu-bench fast): two arms, one LoRA, a paired ratio with an interval.
    On a CPU nothing is compiled; the switching and the records are what is checked."""
    setup, fast, eager, ratio = _bench(tmp_path, "--fork", str(fork), "--fast-arm")
    assert (fast["fork"], eager["fork"], ratio["fork"]) == ("fast", "patched", "fast/patched")
    assert fast["fast_arm"] and fast["steps_timed"] == eager["steps_timed"] == 3
    assert fast["lora_params"] == eager["lora_params"] > 0 and len(fast["warmup_seconds"]) == 1
    assert fast["compile"] is False  # no inductor on the CPU run
    low, high = ratio["ratio_ci95"]
    assert low <= ratio["ratio_median"] <= high


def test_layer_offloading_keeps_the_step_running(fork, tmp_path):
    """ai-toolkit's MemoryManager on the transformer (the 32 GiB settings); on a CPU it moves nothing."""
    _, result = _bench(tmp_path, "--fork", str(fork), "--offload-percent", "0.5")
    assert result["offload_percent"] == 0.5 and result["steps_timed"] == 3 and "error" not in result


class _Sink:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def accept(self, line: str) -> None:
        self.lines.append(line)


class _Stop:
    def get(self) -> bool:
        return False


def test_callback_cost_is_timed_per_event_and_poll():
    from ltx2_tools.bench.step_benchmark import callback_cost_us

    sink = _Sink()
    cost = callback_cost_us(sink, _Stop(), calls=100)
    assert len(sink.lines) == 100 and json.loads(sink.lines[0])["type"] == "step"
    assert 0 < cost < 10_000


def test_summary_has_a_line_per_record_kind():
    from ltx2_tools.bench.summary import line

    base = {"arch": "ltx2", "frames": 81, "checkpointing": True, "compile": False, "qtype": "", "offload_percent": 0.6,
            "memory_cap_gib": 32}
    timed = line({**base, "fork": "patched", "seconds_per_step": 2.5, "seconds_min": 2.4, "seconds_max": 2.9,
                  "peak_vram_gib": 30.1, "mfu": 0.12, "runner": "jep", "callbacks_us_per_step": 8.5})
    assert timed == ("patched ltx2 81f ckpt eager bf16 offload 60% cap 32 GiB jep: 2.500 s/step (2.40-2.90) "
                     "peak 30.1 GiB mfu 0.120 callbacks 8.5 us/step")
    assert line({**base, "fork": "patched", "error": "CUDA out of memory", "peak_vram_gib": 31.9}).endswith(
        "CUDA out of memory (peak 31.9 GiB)")
    ratio = line({**base, "type": "ratio", "fork": "patched/upstream", "ratio_median": 0.99, "ratio_q1": 0.97,
                  "ratio_q3": 1.02, "pairs": 10, "ratio_of_medians": 1.0})
    assert "paired ratio 0.990 (IQR 0.970-1.020, 10 pairs)" in ratio


def test_host_overhead_probes_run_on_a_thread_too(tmp_path):
    from ltx2_tools.bench import host_overhead
    from ltx2_tools.bench.summary import line

    out = tmp_path / "probe.jsonl"
    assert host_overhead.main(["--device", "cpu", "--in-thread", "--out", str(out)]) == 0
    record = json.loads(out.read_text())
    assert record["main_thread"] is False and record["runner"] == "python"
    assert all(record[k] > 0 for k in ("python_call_us", "torch_op_us", "autograd_step_us", "failed_import_us"))
    assert line(record).startswith("host overhead python (python, other thread), us per call: python_call ")


def test_intervals_cover_the_median_and_are_seeded():
    from ltx2_tools.bench import intervals

    ratios = [0.9, 0.95, 1.0, 1.05, 1.1, 0.97, 1.02, 0.99]
    low, high = intervals.median_ci(ratios)
    assert low <= 0.995 <= high and (low, high) == intervals.median_ci(ratios)
    low, high = intervals.ratio_of_medians_ci([1.0, 1.1, 0.9, 1.0], [2.0, 2.1, 1.9, 2.0])
    assert 0.4 < low <= 0.5 <= high < 0.6


def test_comparisons_across_processes():
    from ltx2_tools.bench.summary import comparisons, line

    records = [{"fork": "fast", "frames": 81, "seconds_all": [1.0, 1.1, 0.9]},
               {"fork": "ltx-trainer", "frames": 81, "seconds_all": [2.0, 2.0, 2.0]},
               {"fork": "gap-python-1", "frames": 81, "seconds_all": [0.4, 0.4], "seconds_per_step": 0.4, "libpython": "x.so"},
               {"fork": "gap-jep-1", "frames": 81, "seconds_all": [0.44, 0.44], "seconds_per_step": 0.44, "libpython": "x.so"}]
    text = comparisons(records)
    assert text[0].startswith("fast/ltx-trainer 81f: ratio of medians 0.500")
    assert text[1].startswith("jep/python gap: ratio of medians 1.100") and "['x.so']" in text[1]
    assert line({"type": "skipped", "part": "peer", "needs_s": 90, "left_s": 40}) == \
        "peer: skipped, needs ~90 s, 40 s of the budget left"
