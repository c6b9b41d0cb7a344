"""Which dataset items each rank trains: one shared shuffle per epoch, dealt out by rank.

ai-toolkit's loader shuffles with the process's own RNG, so under torchrun every rank would
train the same items. Like ``torch.utils.data.DistributedSampler``, we draw one permutation
from a seed all ranks share, pad it to a multiple of the world size by repeating its start
(every rank runs the same number of batches per epoch) and give rank r every world-th item
from r. Unlike it, the epoch advances by itself on every new iterator, because ai-toolkit
calls ``iter(dataloader)`` again at each epoch end and never ``set_epoch``.
"""
from __future__ import annotations

import random
from typing import Iterator, Sized

from . import ranks
from .ranks import Rank


def shard_indices(n: int, rank: int, world_size: int, seed: int, epoch: int, shuffle: bool = True) -> list[int]:
    if n <= 0:
        return []
    order = list(range(n))
    if shuffle:
        random.Random(f"{seed}:{epoch}").shuffle(order)
    padded = order + order[: (-n) % world_size]
    while len(padded) % world_size:  # n < world_size: cycle until every rank has one
        padded += order[: world_size - len(padded) % world_size]
    return padded[rank::world_size]


class ShardSampler:
    """A torch ``Sampler`` over ``shard_indices``; the epoch counts its own iterators."""

    def __init__(self, dataset: Sized, rank: Rank, seed: int) -> None:
        self.dataset, self.rank, self.seed, self.epoch = dataset, rank, seed, 0

    def __iter__(self) -> Iterator[int]:
        indices = shard_indices(len(self.dataset), self.rank.rank, self.rank.world_size, self.seed, self.epoch)
        self.epoch += 1
        return iter(indices)

    def __len__(self) -> int:
        n, world = len(self.dataset), self.rank.world_size
        return -(-n // world) if n else 0


def loader_order(dataset: Sized, rank: Rank | None = None, seed: int = 0) -> dict:
    """The DataLoader keyword for the order: upstream's ``shuffle=True`` on one process, a
    shard per rank of one shuffle (``seed``, shared by all ranks) under torchrun."""
    rank = ranks.from_env() if rank is None else rank
    if not rank.distributed:
        return {"shuffle": True}
    return {"sampler": ShardSampler(dataset, rank, seed)}
