"""Where a profiled training step's time goes: the top GPU kernels and CPU ops of a torch.profiler
run, each with its share, as one JSON-ready record (``step_benchmark --profile``).

GPU shares are of the summed kernel time (device events, user annotations left out: they span
kernels and would count them twice); CPU shares are of the summed self CPU time of the ops.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

PHASE_PREFIX = "step: "  # the record_function ranges of step_benchmark._timed_step


@dataclass(frozen=True)
class OpTime:
    """One row of ``prof.key_averages()``; times in microseconds."""

    name: str
    calls: int
    self_cpu_us: float
    self_device_us: float
    cpu_total_us: float
    on_device: bool  # a kernel, copy or memset on the GPU (not a CPU op)
    annotation: bool  # a record_function range


def op_times(averages: Iterable[Any]) -> list[OpTime]:
    """The rows of ``prof.key_averages()`` as OpTime."""
    from torch.autograd import DeviceType

    return [OpTime(name=a.key, calls=a.count, self_cpu_us=a.self_cpu_time_total,
                   self_device_us=a.self_device_time_total, cpu_total_us=a.cpu_time_total,
                   on_device=a.device_type != DeviceType.CPU, annotation=bool(getattr(a, "is_user_annotation", False)))
            for a in averages]


def _top(ops: list[OpTime], value: Callable[[OpTime], float], total: float, top: int) -> list[dict]:
    ranked = sorted(ops, key=value, reverse=True)[:top]
    return [{"name": op.name[:120], "calls": op.calls, "ms": round(value(op) / 1e3, 2),
             "share": round(value(op) / total, 4) if total else 0.0} for op in ranked]


def summarize(ops: list[OpTime], top: int = 15) -> dict:
    """GPU busy time, CPU op time, the top kernels and CPU ops with their shares, and the wall time
    the main thread spent in each ``step: …`` phase (forward, backward, optimizer)."""
    kernels = [op for op in ops if op.on_device and not op.annotation]
    cpu_ops = [op for op in ops if not op.on_device and not op.annotation]
    gpu_us = sum(op.self_device_us for op in kernels)
    cpu_us = sum(op.self_cpu_us for op in cpu_ops)
    phases = {op.name[len(PHASE_PREFIX):]: round(op.cpu_total_us / 1e3, 1)
              for op in ops if op.annotation and not op.on_device and op.name.startswith(PHASE_PREFIX)}
    return {"gpu_kernel_ms": round(gpu_us / 1e3, 1), "cpu_op_ms": round(cpu_us / 1e3, 1), "phases_cpu_ms": phases,
            "top_gpu": _top(kernels, lambda op: op.self_device_us, gpu_us, top),
            "top_cpu": _top(cpu_ops, lambda op: op.self_cpu_us, cpu_us, top)}
