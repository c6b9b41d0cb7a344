"""The checklist's verdict logic on CPU: the CUDA items say NOT RUN without --gpu, and item 7
passes only on a measured speed-up with the compile confirmed in the trainer log."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from ltx2_tools.checklist import gpu, items

COMPILED_LOG = ("Compiled 2 transformer block(s) with torch.compile (mode='default', fullgraph=False, dynamic=True).\n"
                "The first forward pass will be slow during compile. This is normal.\n")


def context(tmp_path: Path) -> items.Context:
    return items.Context(fork=tmp_path, work=tmp_path, model=tmp_path, data={}, gpu=False)


@pytest.mark.parametrize("item", [items.item_7, items.item_8])
def test_cuda_items_are_not_run_without_gpu(item, tmp_path):
    verdict = item(context(tmp_path))
    assert verdict.status == items.NOT_RUN
    assert "CUDA" in verdict.checks
    # the JSON that ChecklistCommand maps to JUnit (NOT RUN -> skipped, with `checks` as the reason)
    assert asdict(verdict) == {"number": verdict.number, "title": verdict.title, "status": "NOT RUN",
                               "checks": verdict.checks, "evidence": []}


def test_compile_passes_when_faster_and_logged():
    verdict = gpu.compile_verdict([0.10, 0.11, 0.10], [0.06, 0.07, 0.06], COMPILED_LOG)
    assert verdict.status == items.PASS
    assert "eager 0.1000, compiled 0.0600" in verdict.evidence[0]


@pytest.mark.parametrize("compiled", [[0.10, 0.10, 0.10], [0.12, 0.13, 0.12]], ids=["equal", "slower"])
def test_compile_fails_when_not_faster(compiled):
    verdict = gpu.compile_verdict([0.10, 0.10, 0.10], compiled, COMPILED_LOG)
    assert verdict.status == items.FAIL
    assert "not faster" in verdict.evidence[0]


def test_compile_uses_medians_so_one_slow_step_does_not_decide():
    # a mean would call compiled slower (0.25 s vs 0.10 s); its median (0.06 s) is faster
    verdict = gpu.compile_verdict([0.10] * 5, [0.06, 0.06, 0.06, 0.06, 1.0], COMPILED_LOG)
    assert verdict.status == items.PASS


@pytest.mark.parametrize("log", ["", COMPILED_LOG + "Failed to compile model: boom\nContinuing without compilation\n"],
                         ids=["no-message", "fell-back-to-eager"])
def test_compile_fails_without_log_confirmation(log):
    verdict = gpu.compile_verdict([0.10] * 3, [0.05] * 3, log)
    assert verdict.status == items.FAIL
    assert "no compile confirmation" in verdict.evidence[1]


def test_compile_fails_without_steady_steps():
    assert gpu.compile_verdict([], [0.05], COMPILED_LOG).status == items.FAIL
