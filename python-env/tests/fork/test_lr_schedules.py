"""V: learning-rate curves through toolkit.scheduler.get_lr_scheduler, point by point, and the
schedule a tiny LTX-2 2.0 and 2.3 training job really runs with."""
from __future__ import annotations

import math

import pytest
import torch

from . import harness
from .harness import ARCHES

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


@pytest.mark.parametrize("arch", ARCHES)
def test_linear_schedule_drives_the_trainer(arch, fork, model_dirs, datasets, tmp_path):
    """The scheduler the trainer builds for an LTX-2 job: linear decays every step towards zero."""
    steps = 4
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=steps, train={"lr": 1e-3, "lr_scheduler": "linear"})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    # each step reports the rate after its scheduler step; upstream's linear ramped up from lr/3
    assert [e["lr"] for e in sink.of("step")] == pytest.approx([1e-3 * (1 - i / steps) for i in range(1, steps + 1)])
