"""The combining rules, and the exchanges themselves over 2 gloo ranks on the CPU."""
from __future__ import annotations

import os
import socket

import pytest

from ltx2_character.parallel.collectives import mean_of_dicts

torch = pytest.importorskip("torch")


def test_mean_of_dicts_averages_each_key_over_the_ranks_that_logged_it():
    got = mean_of_dicts([{"loss": 1.0, "voice": 4.0}, {"loss": 3.0}])
    assert got == {"loss": 2.0, "voice": 4.0}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker(rank: int, port: int, out) -> None:
    import torch.distributed as dist

    from ltx2_character.parallel import collectives

    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    dist.init_process_group("gloo", rank=rank, world_size=2)
    try:
        p = torch.nn.Parameter(torch.full((3,), float(rank + 1)))
        p.grad = torch.full((3,), 2.0 * (rank + 1))
        q = torch.nn.Parameter(torch.zeros(2))  # no gradient on rank 0, (6, 6) on rank 1
        q.grad = None if rank == 0 else torch.full((2,), 6.0)
        frozen = torch.nn.Parameter(torch.zeros(1), requires_grad=False)
        collectives.average_gradients(collectives.trainable([{"params": [p, q, frozen]}]))
        out.put((rank, {
            "grad_p": p.grad.tolist(), "grad_q": q.grad.tolist(), "frozen": frozen.grad,
            "mean": collectives.mean_present(1.0 + rank, None if rank == 0 else 4.0, None),
            "counts": collectives.sum_counts(1, rank),
            "any": (collectives.any_rank(rank == 1), collectives.any_rank(False)),
            "logs": collectives.mean_logs({"loss": 2.0 * rank} if rank else {"loss": 0.0, "extra": 5.0}),
        }))
    finally:
        dist.destroy_process_group()


def test_two_gloo_ranks_agree():
    import torch.multiprocessing as mp

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    port = _free_port()
    procs = [ctx.Process(target=_worker, args=(r, port, queue)) for r in range(2)]
    for p in procs:
        p.start()
    results = dict(queue.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    for rank in (0, 1):
        r = results[rank]
        assert r["grad_p"] == [3.0, 3.0, 3.0]        # (2 + 4) / 2
        assert r["grad_q"] == [3.0, 3.0]             # (0 + 6) / 2: a missing gradient is zeros
        assert r["frozen"] is None
        assert r["mean"] == (1.5, 4.0, None)         # the audio mean over the ranks that had audio
        assert r["counts"] == (2, 1)
        assert r["any"] == (True, False)
        assert r["logs"] == {"loss": 1.0, "extra": 5.0}


def test_one_process_is_the_identity():
    from ltx2_character.parallel import collectives

    p = torch.nn.Parameter(torch.ones(2))
    p.grad = torch.full((2,), 5.0)
    collectives.average_gradients([p])
    assert p.grad.tolist() == [5.0, 5.0]
    assert collectives.mean_present(1.0, None) == (1.0, None)
    assert collectives.sum_counts(3) == (3,)
    assert collectives.any_rank(True) is True
