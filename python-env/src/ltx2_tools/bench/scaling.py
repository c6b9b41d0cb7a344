"""Data-parallel scaling of the full-size LTX-2 LoRA step: 1, 2, 4, 8 GPUs through torchrun.

Every rank builds the step benchmark's model (``step_benchmark.build_model``: the fork's
``LTX2Model``, full-size random weights, a rank-r LoRA) on its own GPU and trains on its own
inputs; between backward and the optimizer step the LoRA gradients are averaged with the
runtime's ``collectives.average_gradients``, the one all-reduce training does (patch 0017).
A step's time is the slowest rank's. Rank 0 appends one JSON record per timed step to
``--out``; at the end the driver prints the table: per-GPU step time, samples/s and scaling
efficiency against one GPU.

    python -m ltx2_tools.bench.scaling --fork DIR --out steps.jsonl [--gpus 1,2,4,8] [--frames 81]

World sizes above the machine's GPU count are skipped (and said so). ``--size tiny
--device cpu`` runs the same on CPU processes with gloo (the harness's own test).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import torch

RECORD_TYPE = "ddp_step"


@dataclass(frozen=True)
class Row:
    gpus: int
    frames: int
    steps: int
    median_seconds: float
    samples_per_second: float
    efficiency: float | None  # throughput / (gpus x one GPU's throughput)


def scaling_table(records: list[dict]) -> list[Row]:
    """One row per (frames, world size) from the step records; efficiency needs a 1-GPU row."""
    groups: dict[tuple[int, int], list[float]] = {}
    for r in records:
        if r.get("type") == RECORD_TYPE:
            groups.setdefault((r["frames"], r["gpus"]), []).append(r["seconds"])
    rows = []
    for (frames, gpus), seconds in sorted(groups.items()):
        median = statistics.median(seconds)
        rows.append(Row(gpus, frames, len(seconds), median, gpus / median, None))
    single = {row.frames: row.samples_per_second for row in rows if row.gpus == 1}
    return [Row(**{**row.__dict__, "efficiency": row.samples_per_second / (row.gpus * single[row.frames])})
            if row.frames in single else row for row in rows]


def format_table(rows: list[Row]) -> str:
    lines = ["| GPUs | frames | steps | s/step (slowest rank, median) | samples/s | scaling efficiency |",
             "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        eff = "n/a (no 1-GPU run)" if r.efficiency is None else f"{r.efficiency:.0%}"
        lines.append(f"| {r.gpus} | {r.frames} | {r.steps} | {r.median_seconds:.3f} | {r.samples_per_second:.3f} | {eff} |")
    return "\n".join(lines)


class _AveragingOptimizer:
    """The optimizer with training's gradient all-reduce in front of its step."""

    def __init__(self, optimizer, params) -> None:
        self.optimizer, self.params = optimizer, params

    def step(self):
        from ltx2_character.parallel import collectives

        collectives.average_gradients(self.params)
        self.optimizer.step()

    def zero_grad(self, set_to_none: bool = True):
        self.optimizer.zero_grad(set_to_none=set_to_none)


def worker(args) -> None:
    import torch.distributed as dist

    from ltx2_character.parallel import collectives
    from ltx2_tools.bench import step_benchmark as sb

    rank, world, local = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"]), int(os.environ["LOCAL_RANK"])
    if args.device == "cuda":
        torch.cuda.set_device(local)
        args.device = f"cuda:{local}"
    dist.init_process_group("nccl" if args.device.startswith("cuda") else "gloo")
    built = sb.build_model(args)
    network, params = sb.add_lora(built.model, built.transformer, args.rank, args.checkpointing)
    trainable = collectives.trainable(params)
    collectives.broadcast_from_main(trainable)
    optimizer = _AveragingOptimizer(torch.optim.AdamW(trainable, lr=1e-4), trainable)
    g = torch.Generator(device=built.model.device_torch).manual_seed(1000 + rank)
    device_name = torch.cuda.get_device_name(local) if args.device.startswith("cuda") else "cpu"
    for frames in args.frames:
        for i in range(args.warmup + args.steps):
            inputs = sb._draw_inputs(g, built, args, frames)
            seconds, loss = sb._timed_step(built.model, inputs, optimizer, frames)
            slowest = collectives._all_reduce([seconds], "MAX")[0]
            if rank == 0 and i >= args.warmup:
                record = {"type": RECORD_TYPE, "gpus": world, "frames": frames, "step": i - args.warmup,
                          "seconds": slowest, "rank0_seconds": seconds, "loss": loss, "rank": args.rank,
                          "width": args.width, "height": args.height, "checkpointing": args.checkpointing,
                          "size": args.size, "layers": args.layers or None, "device": device_name,
                          "torch": torch.__version__, "backend": dist.get_backend(), "time": time.time()}
                with open(args.out, "a") as f:
                    f.write(json.dumps(record) + "\n")
    dist.destroy_process_group()


def available(device: str) -> int:
    if device.startswith("cuda"):
        return torch.cuda.device_count()
    return os.cpu_count() or 1


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fork", type=Path, required=True, help="the patched ai-toolkit tree")
    p.add_argument("--out", type=Path, required=True, help="JSON lines: one record per timed step")
    p.add_argument("--gpus", type=lambda v: [int(x) for x in v.split(",")], default=[1, 2, 4, 8])
    p.add_argument("--frames", type=lambda v: [int(x) for x in v.split(",")], default=[81])
    p.add_argument("--arch", choices=("ltx2", "ltx2.3"), default="ltx2")
    p.add_argument("--size", choices=("full", "tiny"), default="full")
    p.add_argument("--width", type=int, default=768)
    p.add_argument("--height", type=int, default=512)
    p.add_argument("--fps", type=float, default=24.0)
    p.add_argument("--text-tokens", type=int, default=256)
    p.add_argument("--rank", type=int, default=32)
    p.add_argument("--checkpointing", choices=("on", "off"), default="on")
    p.add_argument("--layers", type=int, default=0, help="override the layer count (0: as the config)")
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--device", default="cuda", help="cuda (NCCL, one GPU per rank) or cpu (gloo)")
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    args.checkpointing = args.checkpointing == "on"
    # what step_benchmark.build_model reads besides these
    args.qtype, args.offload_percent, args.memory_cap_gib, args.compile, args.profile = "", 0.0, 0.0, [False], False
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse(argv)
    if args.worker:
        worker(args)
        return 0
    have = available(args.device)
    status = 0
    for n in args.gpus:
        if n > have:
            print(f"skipping {n} ranks: this machine has {have} {'GPU' if args.device == 'cuda' else 'CPU'}(s)")
            continue
        print(f"» {n} rank(s)", flush=True)
        cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={n}",
               "-m", "ltx2_tools.bench.scaling", "--worker", *argv]
        status = subprocess.run(cmd).returncode or status
    records = [json.loads(line) for line in args.out.read_text().splitlines() if line.strip()] if args.out.exists() else []
    print(format_table(scaling_table(records)))
    return status


if __name__ == "__main__":
    sys.exit(main())
