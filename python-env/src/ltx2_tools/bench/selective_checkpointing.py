"""Selective checkpointing: recompute only the blocks that memory requires.

Gradient checkpointing frees every transformer block's activations after its forward and runs the
forward again in the backward pass: a third more compute for the 48 blocks of LTX-2. A card with
room to spare can keep some blocks' activations instead. ``kept`` chooses which (the last ones:
their activations are the first the backward pass frees), ``install`` gives diffusers' checkpointing
hook a function that calls those blocks directly and checkpoints the others exactly as upstream
does (``torch.utils.checkpoint``, non-reentrant).

Keeping zero blocks is upstream's behaviour; keeping all of them is checkpointing off.

An experiment of the benchmark (``step_benchmark --keep-blocks``), not yet the trainer's: it moves
to the runtime package with the memory rule that would choose N for a job, once a GPU run has
measured what each kept block saves and costs (docs/benchmarks.md).
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import torch


def kept(num_blocks: int, keep: int) -> frozenset[int]:
    """Indices of the blocks whose activations are kept: the last ``keep`` (clamped to 0..num_blocks)."""
    keep = max(0, min(keep, num_blocks))
    return frozenset(range(num_blocks - keep, num_blocks))


def checkpointing_func(blocks: Sequence[torch.nn.Module], keep: frozenset[int]) -> Callable[..., Any]:
    """The function diffusers calls as ``_gradient_checkpointing_func(block, *args)``."""
    kept_ids = {id(block) for index, block in enumerate(blocks) if index in keep}

    def call(module: torch.nn.Module, *args: Any) -> Any:
        if id(module) in kept_ids:
            return module(*args)
        return torch.utils.checkpoint.checkpoint(module.__call__, *args, use_reentrant=False)

    return call


def install(transformer: torch.nn.Module, keep: int) -> frozenset[int]:
    """Turn checkpointing on for ``transformer`` keeping the last ``keep`` blocks' activations."""
    blocks = list(transformer.transformer_blocks)
    chosen = kept(len(blocks), keep)
    transformer.enable_gradient_checkpointing(gradient_checkpointing_func=checkpointing_func(blocks, chosen))
    return chosen
