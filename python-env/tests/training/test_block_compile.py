"""Regional compile in place: names kept, one graph per shape, no recompile per step (CPU, eager backend)."""
from __future__ import annotations

import torch

from ltx2_character.training import block_compile


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = torch.nn.Linear(8, 8)

    def forward(self, x):
        return torch.nn.functional.gelu(self.proj(x)) + x


def test_blocks_keep_their_identity_and_state_dict_keys():
    blocks = torch.nn.ModuleList([Block() for _ in range(3)])
    before = list(blocks.state_dict())
    ids = [id(b) for b in blocks]
    assert block_compile.compile_blocks(blocks, backend="eager") == 3
    assert list(blocks.state_dict()) == before and [id(b) for b in blocks] == ids
    assert all(block_compile.is_compiled(b) for b in blocks)


def test_one_compile_per_shape_not_per_step():
    torch._dynamo.reset()
    blocks = torch.nn.ModuleList([Block() for _ in range(4)])
    frames = []

    def count(gm, example_inputs):  # a backend that records each graph it is given, then runs it eagerly
        frames.append(example_inputs)
        return gm.forward

    block_compile.compile_blocks(blocks, backend=count)

    def steps(tokens, n):
        for _ in range(n):
            x = torch.randn(1, tokens, 8)
            for block in blocks:
                x = block(x)

    steps(16, 5)
    first = len(frames)
    assert first >= 1
    steps(16, 5)
    assert len(frames) == first  # same shape: no recompiles
    steps(24, 5)
    second = len(frames)
    assert second > first  # a new shape compiles...
    steps(24, 5)
    steps(16, 5)
    assert len(frames) == second  # ...once, and both shapes stay cached
    # static shapes: no graph takes a symbolic size (automatic dynamic shapes would pass a SymInt)
    assert not any(isinstance(x, torch.SymInt) for inputs in frames for x in inputs)


def test_recompile_limit_covers_every_block():
    limit = block_compile.raise_recompile_limit(48)
    config = torch._dynamo.config
    name = "recompile_limit" if hasattr(config, "recompile_limit") else "cache_size_limit"
    assert limit >= 48 * block_compile.GRAPHS_PER_BLOCK and getattr(config, name) == limit
