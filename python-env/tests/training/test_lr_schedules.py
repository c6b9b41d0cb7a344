from __future__ import annotations

import pytest

from ltx2_character.training.lr_schedules import scheduler_arguments


def test_linear_defaults_to_decay_to_zero():
    assert scheduler_arguments("linear", {"total_iters": 100}) == {"total_iters": 100, "start_factor": 1.0, "end_factor": 0.0}


def test_warmup_defaults_to_five_percent():
    assert scheduler_arguments("constant_with_warmup", {"total_iters": 300})["num_warmup_steps"] == 15


def test_restarts_default_to_three_cycles():
    assert scheduler_arguments("cosine_with_restarts", {"total_iters": 300}) == {"T_0": 100}
    assert scheduler_arguments("cosine_with_restarts", {"total_iters": 300, "num_cycles": 2}) == {"T_0": 150}


def test_explicit_params_win():
    assert scheduler_arguments("linear", {"total_iters": 10, "start_factor": 0.5})["start_factor"] == 0.5
    assert scheduler_arguments("constant_with_warmup", {"total_iters": 10, "num_warmup_steps": 3})["num_warmup_steps"] == 3
    assert scheduler_arguments("cosine_with_restarts", {"total_iters": 10, "T_0": 7}) == {"total_iters": 10, "T_0": 7}


def test_other_schedulers_untouched():
    assert scheduler_arguments("cosine", {"total_iters": 10}) == {"total_iters": 10}


def test_bad_cycles():
    with pytest.raises(ValueError):
        scheduler_arguments("cosine_with_restarts", {"total_iters": 10, "num_cycles": 0})
