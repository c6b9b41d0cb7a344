from __future__ import annotations

import pytest

from ltx2_tools.bench.scaling import RECORD_TYPE, format_table, scaling_table


def _records(gpus: int, seconds: list[float], frames: int = 81) -> list[dict]:
    return [{"type": RECORD_TYPE, "gpus": gpus, "frames": frames, "seconds": s} for s in seconds]


def test_efficiency_is_throughput_against_one_gpu_times_n():
    rows = scaling_table(_records(1, [2.0, 2.2, 1.8]) + _records(2, [2.5, 2.5]) + [{"type": "other", "gpus": 4}])
    assert [(r.gpus, r.steps, r.median_seconds) for r in rows] == [(1, 3, 2.0), (2, 2, 2.5)]
    assert rows[0].efficiency == pytest.approx(1.0)
    assert rows[1].samples_per_second == pytest.approx(0.8)
    assert rows[1].efficiency == pytest.approx(0.8)  # 0.8 samples/s of a possible 2 x 0.5


def test_without_a_one_gpu_run_there_is_no_efficiency():
    rows = scaling_table(_records(2, [1.0]))
    assert rows[0].efficiency is None
    assert "n/a (no 1-GPU run)" in format_table(rows)
