"""The values ranks must agree on, each exchanged once per step.

Pure combining rules (``mean_of_dicts``, ``flatten_grads`` ...) are separate from the
exchange, so they are tested without a process group. Every function returns its input
unchanged when torch.distributed is not initialised or has one rank.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence


def _group_size() -> int:
    import torch.distributed as dist

    return dist.get_world_size() if dist.is_available() and dist.is_initialized() else 1


def is_parallel() -> bool:
    return _group_size() > 1


def mean_of_dicts(per_rank: Sequence[dict[str, float]]) -> dict[str, float]:
    """Per key, the mean over the ranks that logged it (a rank may lack a key this step, e.g.
    voice preservation only runs on batches with audio-free items)."""
    keys: list[str] = []
    for d in per_rank:
        keys += [k for k in d if k not in keys]
    return {k: sum(d[k] for d in per_rank if k in d) / sum(1 for d in per_rank if k in d) for k in keys}


def mean_logs(logs: dict[str, float]) -> dict[str, float]:
    """This step's logged losses, averaged over ranks (what a single process with the whole
    batch would log, for per-item means of equal weight)."""
    if not is_parallel():
        return logs
    import torch.distributed as dist

    gathered: list[Any] = [None] * _group_size()
    dist.all_gather_object(gathered, logs)
    return mean_of_dicts(gathered)


def _all_reduce(values: Sequence[float], op: str) -> list[float]:
    import torch
    import torch.distributed as dist

    device = "cuda" if dist.get_backend() == "nccl" else "cpu"
    t = torch.tensor(list(values), dtype=torch.float64, device=device)
    dist.all_reduce(t, op=getattr(dist.ReduceOp, op))
    return [float(v) for v in t.cpu()]


def world_size() -> int:
    return _group_size()


def combine_weighted(per_rank: Sequence[Sequence[tuple[float, float]]]) -> list[tuple[float | None, float]]:
    """Per position, the weighted mean over ranks of (value, weight) pairs and the total
    weight; the mean is None where the total weight is 0."""
    out = []
    for column in zip(*per_rank):
        total = sum(w for _, w in column)
        out.append((sum(v * w for v, w in column) / total if total else None, total))
    return out


def weighted_means(*pairs: tuple[float, float]) -> list[tuple[float | None, float]]:
    """``combine_weighted`` over the ranks in one all-reduce: e.g. the video loss (weight 1
    per rank) and the raw audio loss (weight: this rank's supervised items), which give the
    masked mean a single process would compute over the whole batch. Every rank calls it,
    with weight 0 when it has nothing to add, so no rank waits for another."""
    if not is_parallel():
        return combine_weighted([pairs])
    clean = [(v if (w and v == v) else 0.0, float(w) if v == v else 0.0) for v, w in pairs]
    reduced = _all_reduce([v * w for v, w in clean] + [w for _, w in clean], "SUM")
    n = len(pairs)
    return [(reduced[i] / reduced[n + i] if reduced[n + i] else None, reduced[n + i]) for i in range(n)]


def gradient_share(local_weight: float, total_weight: float) -> float:
    """The factor on this rank's masked-mean term so that the gradient all-reduce (a mean
    over ranks) yields the masked mean over all ranks' items: ``world * local / total``."""
    world = _group_size()
    if world == 1 or not total_weight:
        return 1.0
    return world * local_weight / total_weight


def sum_counts(*counts: int) -> tuple[int, ...]:
    """The sum over ranks of each count (strict audio mode's eligible/supervised items)."""
    if not is_parallel():
        return tuple(counts)
    return tuple(int(round(v)) for v in _all_reduce([float(c) for c in counts], "SUM"))


def any_rank(flag: bool) -> bool:
    """True on every rank when it is true on one: ranks stop at the same step end, or none do
    (a rank that stopped alone would leave the others waiting in the next all-reduce)."""
    if not is_parallel():
        return flag
    return _all_reduce([1.0 if flag else 0.0], "MAX")[0] > 0


def trainable(params: Any) -> list:
    """The parameters of ai-toolkit's ``self.params`` (a list of tensors or of param groups)."""
    out: list = []
    for item in params:
        if isinstance(item, dict):
            out += [p for p in item["params"] if getattr(p, "requires_grad", False)]
        elif getattr(item, "requires_grad", False):
            out.append(item)
    return out


def broadcast_from_main(params: Iterable) -> None:
    """Give every rank rank 0's trainable weights before the first step. Each rank builds its
    own LoRA (random down-projections), and accelerate's DDP wrapper, which would broadcast
    them, is never used for the network's forward (see ``average_gradients``)."""
    if not is_parallel():
        return
    import torch.distributed as dist

    for p in params:
        dist.broadcast(p.data, src=0)


def average_gradients(params: Iterable) -> None:
    """All-reduce the LoRA gradients once per optimizer step: one flat buffer, SUM, / world.

    ai-toolkit hands the LoRA network to ``accelerator.prepare`` (DDP), but the network is
    never called through the DDP wrapper (its modules patch the transformer's forwards), so
    DDP's reducer never arms and each rank would step on its own gradients. A missing
    gradient counts as zeros so that every rank contributes a buffer of the same layout.
    """
    world = _group_size()
    if world == 1:
        return
    import torch
    import torch.distributed as dist

    params = list(params)
    if not params:
        return
    for p in params:
        if p.grad is None:
            p.grad = torch.zeros_like(p)
    by_device: dict[tuple, list] = {}
    for p in params:
        by_device.setdefault((p.grad.device, p.grad.dtype), []).append(p)
    for group in by_device.values():
        flat = torch.cat([p.grad.reshape(-1) for p in group])
        dist.all_reduce(flat, op=dist.ReduceOp.SUM)
        flat /= world
        offset = 0
        for p in group:
            n = p.grad.numel()
            p.grad.copy_(flat[offset:offset + n].view_as(p.grad))
            offset += n
