from __future__ import annotations

import pytest

from ltx2_character.parallel.ranks import Rank, accelerate_env, from_env, rank_seed


def test_one_process_without_launcher_variables():
    assert from_env({}) == Rank(0, 1, 0)
    assert from_env({}).is_main and not from_env({}).distributed


def test_torchrun_variables():
    r = from_env({"RANK": "3", "WORLD_SIZE": "4", "LOCAL_RANK": "1"})
    assert (r.rank, r.world_size, r.local_rank, r.is_main, r.distributed) == (3, 4, 1, False, True)


def test_a_rank_outside_the_world_is_an_error():
    with pytest.raises(ValueError, match="RANK=2 is outside WORLD_SIZE=2"):
        from_env({"RANK": "2", "WORLD_SIZE": "2"})


def test_rank_zero_keeps_the_seed_and_the_others_differ():
    assert rank_seed(42, 0) == 42
    seeds = {rank_seed(42, r) for r in range(8)}
    assert len(seeds) == 8
    assert rank_seed(42, 1) != rank_seed(43, 0)  # not the neighbour's seed


def test_accelerate_learns_the_ranks_on_the_cpu_only():
    two = Rank(1, 2, 1)
    assert accelerate_env(two, cuda_available=False) == {"ACCELERATE_USE_CPU": "true"}
    assert accelerate_env(two, cuda_available=True, device="cpu") == {"ACCELERATE_USE_CPU": "true"}
    assert accelerate_env(two, cuda_available=True, device="cuda:0") == {}  # MULTI_GPU by itself
    assert accelerate_env(Rank(), cuda_available=False) == {}  # one process: nothing to tell
