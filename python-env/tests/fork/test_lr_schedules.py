"""V: learning-rate curves through toolkit.scheduler.get_lr_scheduler, point by point."""
from __future__ import annotations

import math

import pytest
import torch

pytestmark = pytest.mark.fork


def _curve(name: str, params: dict, steps: int, lr: float = 1.0) -> list[float]:
    from toolkit.scheduler import get_lr_scheduler

    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)
    sched = get_lr_scheduler(name, opt, **{"total_iters": steps, **params})
    out = []
    for _ in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


def test_linear_decays_to_zero(fork):
    assert _curve("linear", {}, 10) == pytest.approx([1 - i / 10 for i in range(10)])


def test_constant_with_warmup(fork):
    assert _curve("constant_with_warmup", {}, 40) == pytest.approx([min(1.0, i / 2) for i in range(40)])


def test_cosine(fork):
    assert _curve("cosine", {}, 10) == pytest.approx([(1 + math.cos(math.pi * i / 10)) / 2 for i in range(10)], abs=1e-9)


def test_cosine_with_restarts_makes_three_cycles(fork):
    curve = _curve("cosine_with_restarts", {}, 30)
    expected = [(1 + math.cos(math.pi * (i % 10) / 10)) / 2 for i in range(30)]
    assert curve == pytest.approx(expected, abs=1e-9)


def test_constant(fork):
    assert _curve("constant", {}, 5) == [1.0] * 5
