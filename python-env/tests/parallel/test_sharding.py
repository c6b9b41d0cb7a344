from __future__ import annotations

from ltx2_character.parallel.ranks import Rank
from ltx2_character.parallel.sharding import ShardSampler, loader_order, shard_indices


def test_ranks_partition_one_shuffle():
    shards = [shard_indices(10, r, 2, seed=7, epoch=0) for r in range(2)]
    assert sorted(shards[0] + shards[1]) == list(range(10))
    assert len(shards[0]) == len(shards[1]) == 5


def test_uneven_sizes_are_padded_so_every_rank_runs_as_many_batches():
    shards = [shard_indices(5, r, 4, seed=0, epoch=0) for r in range(4)]
    assert [len(s) for s in shards] == [2, 2, 2, 2]
    assert set(sum(shards, [])) == set(range(5))


def test_fewer_items_than_ranks_still_gives_each_rank_an_item():
    shards = [shard_indices(1, r, 3, seed=0, epoch=0) for r in range(3)]
    assert shards == [[0], [0], [0]]


def test_the_order_changes_with_the_epoch_and_not_with_the_rank_s_rng():
    assert shard_indices(50, 0, 2, seed=1, epoch=0) != shard_indices(50, 0, 2, seed=1, epoch=1)
    assert shard_indices(50, 1, 2, seed=1, epoch=3) == shard_indices(50, 1, 2, seed=1, epoch=3)


def test_the_sampler_advances_its_epoch_per_iterator():
    sampler = ShardSampler(list(range(20)), Rank(1, 2, 1), seed=5)
    first, second = list(sampler), list(sampler)
    assert first == shard_indices(20, 1, 2, 5, 0) and second == shard_indices(20, 1, 2, 5, 1)
    assert len(sampler) == 10


def test_one_process_keeps_upstream_shuffle():
    assert loader_order([1, 2, 3], Rank()) == {"shuffle": True}
    assert isinstance(loader_order([1, 2, 3], Rank(0, 2, 0))["sampler"], ShardSampler)
