"""Regional compile: each transformer block compiled in place, static shapes (the fast path).

``nn.Module.compile`` keeps every block the same module object, so parameter names, the LoRA's
references to its linears and checkpoint keys do not change (``torch.compile(block)`` would wrap
it and prefix every state-dict key with ``_orig_mod.``). The blocks of LTX-2 are identical, so
the graph compiled for the first block serves the other 47.

Static shapes (``dynamic=False``) give the fastest kernels. A new input shape (another frame count
or resolution bucket) compiles once and is then cached, so a run recompiles at most once per
distinct shape, never per step; the recompile limit is raised so that every block can hold that
many graphs (past the limit dynamo runs a block eagerly instead of failing).
"""
from __future__ import annotations

from typing import Any, Iterable

import torch

GRAPHS_PER_BLOCK = 8  # distinct shapes (buckets) x modes (LoRA on/off for preservation passes)


def raise_recompile_limit(blocks: int, graphs_per_block: int = GRAPHS_PER_BLOCK) -> int:
    """Set dynamo's per-function recompile limit to at least ``blocks * graphs_per_block``."""
    config = torch._dynamo.config
    name = "recompile_limit" if hasattr(config, "recompile_limit") else "cache_size_limit"
    limit = max(getattr(config, name), blocks * graphs_per_block)
    setattr(config, name, limit)
    for total in ("accumulated_recompile_limit", "accumulated_cache_size_limit"):
        if hasattr(config, total):
            setattr(config, total, max(getattr(config, total), limit))
    return limit


def compile_blocks(blocks: Iterable[torch.nn.Module], *, backend: Any = "inductor", mode: str | None = None) -> int:
    """Compile every block in place with static shapes; returns how many were compiled."""
    count = 0
    for block in blocks:
        block.compile(backend=backend, mode=mode, dynamic=False)
        count += 1
    raise_recompile_limit(count)
    return count


def is_compiled(block: torch.nn.Module) -> bool:
    return getattr(block, "_compiled_call_impl", None) is not None
