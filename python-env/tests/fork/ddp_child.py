"""One tiny training whose randomness is fixed per clip, run alone or as one torchrun rank,
for tests/fork/test_data_parallel.py.

usage: [torchrun --nproc-per-node 2 -m] python -m tests.fork.ddp_child FORK MODEL DATA OUT BATCH

Data parallelism may change which process draws what, never the arithmetic: with every
random draw fixed per clip (the LoRA initialisation: a training_seed; video noise from the clip path: upstream's
``force_consistent_noise``; the timestep: a constant; the audio timestep: the video one; the
audio noise: seeded by the clip path here; VAE posteriors: their mode here), one step of 2
ranks with batch 1 must equal one step of 1 process with batch 2. Each rank writes the
LoRA gradients the optimizer receives to OUT/grads_rank<r>.pt and rank 0 the step events
to OUT/events.json.
"""
from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path

import torch

from ltx2_tools import workbench


def clip_seed(path: str) -> int:
    return zlib.crc32(os.path.basename(path).encode())


class PerClipNoise:
    """``torch`` for ltx2_audio, whose ``randn`` draws each batch row from its clip's seed."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __getattr__(self, name):
        return getattr(torch, name)

    def randn(self, *shape, device=None, dtype=None, **_):
        assert shape[0] == len(self.paths), (shape, self.paths)
        rows = [torch.randn(*shape[1:], generator=torch.Generator().manual_seed(clip_seed(p))) for p in self.paths]
        return torch.stack(rows).to(device=device, dtype=dtype or torch.float32)


def fix_randomness_per_clip() -> None:
    from diffusers.models.autoencoders.vae import DiagonalGaussianDistribution

    from ltx2_character.fork import ltx2_audio

    DiagonalGaussianDistribution.sample = lambda self, generator=None: self.mode()
    noise = PerClipNoise()
    prepare = ltx2_audio.prepare_audio_stream

    def prepare_with_clip_noise(model, batch, *args, **kwargs):
        noise.paths = [item.path for item in batch.file_items]
        return prepare(model, batch, *args, **kwargs)

    ltx2_audio.torch = noise
    ltx2_audio.prepare_audio_stream = prepare_with_clip_noise


def capture_gradients(out: Path, rank: int) -> None:
    from ltx2_character.bridge import run

    attach = run.attach

    def attach_and_capture(process, emit, stop, reporter=None):
        monitor = attach(process, emit, stop, reporter)
        before = process.hook_before_train_loop

        def hook_before_train_loop(*args, **kwargs):
            result = before(*args, **kwargs)
            step = process.optimizer.step

            def step_and_record(*a, **kw):
                grads = {n: p.grad.detach().clone() for n, p in process.network.named_parameters()
                         if p.requires_grad and p.grad is not None}
                torch.save(grads, out / f"grads_rank{rank}.pt")
                return step(*a, **kw)

            process.optimizer.step = step_and_record
            return result

        process.hook_before_train_loop = hook_before_train_loop
        return monitor

    run.attach = attach_and_capture


def config(model: Path, data: Path, out: Path, batch: int) -> dict:
    job = workbench.job(
        model, [{"folder_path": str(data), "caption_dropout_rate": 0.0, "batch_size": batch}], out, steps=1,
        name="ddp",
        train={"batch_size": batch, "force_consistent_noise": True, "min_denoising_steps": 500,
               "max_denoising_steps": 500, "independent_audio_timestep": False, "gradient_checkpointing": False},
    )
    job["config"]["process"][0]["training_seed"] = 0  # the same LoRA initialisation in every run
    return job


def main(argv: list[str]) -> None:
    fork, model, data, out, batch = argv[:5]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rank = int(os.environ.get("RANK", "0"))
    sys.path.insert(0, fork)
    fix_randomness_per_clip()
    capture_gradients(out, rank)
    outcome, sink = workbench.train(config(Path(model), Path(data), out, int(batch)), Path(fork))
    if rank == 0:
        (out / "events.json").write_text(json.dumps({"outcome": outcome, "events": sink.events}))


if __name__ == "__main__":
    main(sys.argv[1:])
