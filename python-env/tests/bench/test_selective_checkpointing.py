"""Selective checkpointing: which blocks keep their activations, and that only the others recompute."""
from __future__ import annotations

import torch

from ltx2_tools.bench import selective_checkpointing as sc


def test_kept_are_the_last_blocks_clamped_to_the_model():
    assert sc.kept(48, 0) == frozenset()
    assert sc.kept(48, 3) == {45, 46, 47}
    assert sc.kept(4, 9) == {0, 1, 2, 3}
    assert sc.kept(4, -2) == frozenset()


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(4, 4)
        self.forwards = 0

    def forward(self, x):
        self.forwards += 1
        return torch.tanh(self.linear(x))


class Stack(torch.nn.Module):
    """The shape of diffusers' checkpointing hook: the model calls ``_gradient_checkpointing_func(block, *args)``."""

    def __init__(self, n):
        super().__init__()
        self.transformer_blocks = torch.nn.ModuleList(Block() for _ in range(n))
        self.gradient_checkpointing = False
        self._gradient_checkpointing_func = None

    def enable_gradient_checkpointing(self, gradient_checkpointing_func):
        self._gradient_checkpointing_func = gradient_checkpointing_func
        self.gradient_checkpointing = True

    def forward(self, x):
        for block in self.transformer_blocks:
            x = self._gradient_checkpointing_func(block, x)
        return x


def _train_step(stack, x):
    for block in stack.transformer_blocks:
        block.forwards = 0
    stack(x).square().sum().backward()
    return [block.forwards for block in stack.transformer_blocks]


def test_kept_blocks_run_once_the_others_are_recomputed_in_backward():
    torch.manual_seed(0)
    stack = Stack(4)
    chosen = sc.install(stack, keep=1)
    assert chosen == {3}
    x = torch.randn(2, 4, requires_grad=True)
    assert _train_step(stack, x) == [2, 2, 2, 1]


def test_gradients_equal_full_checkpointing():
    torch.manual_seed(0)
    stack = Stack(3)
    x = torch.randn(2, 4, requires_grad=True)
    grads = []
    for keep in (0, 2, 3):
        sc.install(stack, keep=keep)
        stack.zero_grad()
        _train_step(stack, x)
        grads.append([p.grad.clone() for p in stack.parameters()])
    for other in grads[1:]:
        for a, b in zip(grads[0], other):
            assert torch.equal(a, b)
