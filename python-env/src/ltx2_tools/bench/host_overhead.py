"""Host-side costs that decide a host-bound training step, timed in isolation.

A full-size LTX-2 LoRA step in eager mode is bound by the CPU that launches its kernels
(docs/benchmarks.md), so anything that makes Python or torch dispatch slower in one process
than in another shows in the step time. Each probe here times one such cost; running them in
plain Python and in-process through Jep (``orchestrator bench-step --module
ltx2_tools.bench.host_overhead``) says which cost differs.

    python -m ltx2_tools.bench.host_overhead [--device cuda] [--in-thread] [--out FILE]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import threading
import time
from typing import Callable

import torch

from ltx2_tools.bench import records


def _time(fn: Callable[[], None], repeats: int = 5) -> float:
    """Median seconds of ``fn`` over ``repeats`` runs after one warm-up."""
    fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def python_calls(n: int = 200_000) -> None:
    class Point:
        def __init__(self, x: float) -> None:
            self.x = x

        def scaled(self, k: float) -> float:
            return self.x * k

    total = 0.0
    for i in range(n):
        total += Point(float(i)).scaled(0.5)


def python_allocations(n: int = 20_000) -> None:
    for i in range(n):
        _ = {"step": i, "values": [i, i + 1, i + 2], "name": str(i)}


def failed_imports(n: int = 2_000) -> None:
    # optional-dependency probes made at call time walk every sys.meta_path finder
    for _ in range(n):
        importlib.util.find_spec("ltx2_bench_no_such_module")


def torch_ops(device: str, n: int = 20_000) -> Callable[[], None]:
    a = torch.ones(8, device=device)

    def run() -> None:
        for _ in range(n):
            a.add_(1.0)
        if device == "cuda":
            torch.cuda.synchronize()
    return run


def autograd_steps(device: str, n: int = 200) -> Callable[[], None]:
    layers = torch.nn.Sequential(*[torch.nn.Linear(64, 64) for _ in range(24)]).to(device)
    x = torch.randn(16, 64, device=device)

    def run() -> None:
        for _ in range(n):
            layers(x).square().mean().backward()
        if device == "cuda":
            torch.cuda.synchronize()
    return run


def checkpointed_steps(device: str, n: int = 100) -> Callable[[], None]:
    """As autograd_steps, with each layer under activation checkpointing: the backward pass then
    re-runs Python forwards on autograd's own device thread, as a checkpointed LTX-2 step does."""
    from torch.utils.checkpoint import checkpoint

    layers = [torch.nn.Linear(64, 64).to(device) for _ in range(24)]
    x = torch.randn(16, 64, device=device, requires_grad=True)

    def run() -> None:
        for _ in range(n):
            h = x
            for layer in layers:
                h = checkpoint(layer, h, use_reentrant=False)
            h.square().mean().backward()
        if device == "cuda":
            torch.cuda.synchronize()
    return run


def probe(device: str) -> dict:
    results_us = {
        "python_call_us": _time(python_calls) / 200_000 * 1e6,
        "python_alloc_us": _time(python_allocations) / 20_000 * 1e6,
        "failed_import_us": _time(failed_imports) / 2_000 * 1e6,
        "torch_op_us": _time(torch_ops(device)) / 20_000 * 1e6,
        "autograd_step_us": _time(autograd_steps(device)) / 200 * 1e6,
        "checkpointed_step_us": _time(checkpointed_steps(device)) / 100 * 1e6,
    }
    return {
        **{k: round(v, 3) for k, v in results_us.items()},
        "device": device, "main_thread": threading.current_thread() is threading.main_thread(),
        "torch_threads": torch.get_num_threads(), "cpus": len(os.sched_getaffinity(0)),
        "switch_interval_s": sys.getswitchinterval(), "meta_path": [type(f).__name__ for f in sys.meta_path],
        "malloc_arena_max": os.environ.get("MALLOC_ARENA_MAX"),
    }


def main(argv: list[str] | None = None, sink=None, stop=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--label", default="python")
    p.add_argument("--in-thread", action="store_true",
                   help="probe from a new Python thread, as the in-process runner runs Python off the main thread")
    p.add_argument("--out")
    args = p.parse_args(argv)
    found: dict = {}
    if args.in_thread:
        worker = threading.Thread(target=lambda: found.update(probe(args.device)))
        worker.start()
        worker.join()
    else:
        found = probe(args.device)
    record = {"type": "host_overhead", "label": args.label, "runner": "jep" if sink is not None else "python", **found}
    records.emit(record, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
