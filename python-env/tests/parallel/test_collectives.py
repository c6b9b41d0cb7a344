"""The combining rules, and the exchanges themselves over 2 gloo ranks on the CPU."""
from __future__ import annotations

import os
import socket

import pytest

from ltx2_character.parallel.collectives import combine_weighted, mean_of_dicts

torch = pytest.importorskip("torch")


def test_mean_of_dicts_averages_each_key_over_the_ranks_that_logged_it():
    got = mean_of_dicts([{"loss": 1.0, "voice": 4.0}, {"loss": 3.0}])
    assert got == {"loss": 2.0, "voice": 4.0}


def test_combine_weighted_is_the_masked_mean_over_all_ranks_items():
    # rank 0: video 1.0, audio 2.0 over 1 item; rank 1: video 3.0, no audio item
    got = combine_weighted([[(1.0, 1.0), (2.0, 1.0)], [(3.0, 1.0), (0.0, 0.0)]])
    assert got == [(2.0, 2.0), (2.0, 1.0)]
    assert combine_weighted([[(5.0, 0.0)], [(7.0, 0.0)]]) == [(None, 0.0)]


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
            "means": collectives.weighted_means((1.0 + rank, 1.0), (4.0 * rank, float(rank)), (9.0, 0.0)),
            "share": collectives.gradient_share(float(rank), 1.0),
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
        assert r["means"] == [(1.5, 2.0), (4.0, 1.0), (None, 0.0)]  # audio: rank 1's item only
        assert r["share"] == 2.0 * rank              # rank 1 holds the only audio item
        assert r["counts"] == (2, 1)
        assert r["any"] == (True, False)
        assert r["logs"] == {"loss": 1.0, "extra": 5.0}


def test_one_process_is_the_identity():
    from ltx2_character.parallel import collectives

    p = torch.nn.Parameter(torch.ones(2))
    p.grad = torch.full((2,), 5.0)
    collectives.average_gradients([p])
    assert p.grad.tolist() == [5.0, 5.0]
    assert collectives.weighted_means((1.0, 1.0), (2.0, 0.0)) == [(1.0, 1.0), (None, 0.0)]
    assert collectives.gradient_share(1.0, 3.0) == 1.0
    assert collectives.sum_counts(3) == (3,)
    assert collectives.any_rank(True) is True
