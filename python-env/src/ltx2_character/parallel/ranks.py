"""The rank of this process, read from the environment torchrun (and accelerate) set."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

# A large prime keeps rank seeds apart from the nearby seeds users pick (0, 1, 42, ...).
RANK_SEED_STRIDE = 1_000_003


@dataclass(frozen=True)
class Rank:
    rank: int = 0
    world_size: int = 1
    local_rank: int = 0

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.world_size > 1


def from_env(env: Mapping[str, str] | None = None) -> Rank:
    env = os.environ if env is None else env
    world = int(env.get("WORLD_SIZE", "1"))
    rank = int(env.get("RANK", "0"))
    if not 0 <= rank < max(world, 1):
        raise ValueError(f"RANK={rank} is outside WORLD_SIZE={world}")
    return Rank(rank=rank, world_size=world, local_rank=int(env.get("LOCAL_RANK", str(rank))))


def accelerate_env(rank: Rank, cuda_available: bool, device: str = "") -> dict[str, str]:
    """What Accelerate must be told so that its ranks are ranks. Under torchrun without CUDA
    (or with ``device: cpu``), Accelerate initialises the gloo group but keeps
    ``DistributedType.NO``, so every rank believes it is the main process: each one saves the
    checkpoints and renders the samples into the same files, racing for them. ``ACCELERATE_USE_CPU``
    (what ``accelerate launch --cpu`` sets) makes it ``MULTI_CPU`` with the true process index."""
    if rank.distributed and (not cuda_available or device.startswith("cpu")):
        return {"ACCELERATE_USE_CPU": "true"}
    return {}


def rank_seed(base_seed: int, rank: int) -> int:
    """Each rank's seed for noise and timesteps: rank 0 keeps ``base_seed``, so a one-rank run
    draws exactly what it drew before; the others draw independent streams, not copies."""
    return (base_seed + rank * RANK_SEED_STRIDE) % (2**63 - 1)


def seed_this_rank(rank: Rank) -> None:
    """Reseed torch, numpy and random for ranks other than 0, at the start of the train loop
    (after the LoRA is built): with a ``training_seed`` every rank would otherwise draw the
    same noise and timesteps for its different clips."""
    if not rank.distributed or rank.is_main:
        return
    import random

    import numpy as np
    import torch

    seed = rank_seed(torch.initial_seed(), rank.rank)
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed % 2**32)
