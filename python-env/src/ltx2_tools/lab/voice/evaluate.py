"""The metrics of one LoRA file against the base, on held-out prompts.

Fixed everything: the held-out items, the noise, the sigma grid and the sampling seeds are the
same for every LoRA, so two arms' numbers differ only by their LoRA.

- base drift: relative change of the audio prediction on held-out *base* clips, LoRA on vs off,
  ``|v_lora - v_base|^2 / |v_base|^2`` per sigma bucket (0 = the base voice untouched); the
  denoising MSE ratio LoRA/base per bucket; readout accuracy of audio *sampled* for held-out base
  captions and the share read as the character (leakage).
- voice learned: audio denoising MSE ratio LoRA/base per bucket on held-out *character* clips
  (below 1: the LoRA predicts the character's audio better than the base); readout accuracy of
  audio sampled for held-out character captions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from ltx2_tools.lab.voice import model as lab_model
from ltx2_tools.lab.voice import world
from ltx2_tools.lab.voice.readout import Probe

SIGMAS = (0.1, 0.3, 0.5, 0.7, 0.9)
EVAL_SEED = 9_000


@dataclass
class Bench:
    """The held-out material and the base model's answers on it, computed once."""
    base_ctx: lab_model.Context
    base_video: torch.Tensor
    base_audio: torch.Tensor
    base_labels: list[str]
    char_ctx: lab_model.Context
    char_video: torch.Tensor
    char_audio: torch.Tensor
    noise: dict[str, tuple[torch.Tensor, torch.Tensor]]
    shapes: lab_model.Shapes


def _noise(video: torch.Tensor, audio: torch.Tensor, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(video.shape, generator=g), torch.randn(audio.shape, generator=g)


def bench(sd, shapes: lab_model.Shapes, per_voice: int = 4, character: int = 8) -> Bench:
    base_items = world.base_items(per_voice, held_out=True, seed=EVAL_SEED)
    char_items = world.character_items(character, 0, 0, held_out=True, seed=EVAL_SEED)
    enc = lambda items: (lab_model.encode_video(sd, [world.frames(i.voice, i.seed) for i in items]),  # noqa: E731
                         lab_model.encode_audio(sd, [world.waveform(i.voice, i.seed) for i in items]))
    torch.manual_seed(EVAL_SEED)  # the VAEs sample their latents
    bv, ba = enc(base_items)
    cv, ca = enc(char_items)
    ctx = lambda items: lab_model.stack([lab_model.context(sd, [i.caption]) for i in items])  # noqa: E731
    return Bench(ctx(base_items), bv, ba, [i.voice.name for i in base_items], ctx(char_items), cv, ca,
                 {"base": _noise(bv, ba, EVAL_SEED + 1), "char": _noise(cv, ca, EVAL_SEED + 2)}, shapes)


@torch.no_grad()
def _audio_predictions(sd, ctx, video, audio, noise) -> dict[float, tuple[torch.Tensor, torch.Tensor]]:
    """Per sigma: (audio prediction, audio target)."""
    e_v, e_a = noise
    out = {}
    for s in SIGMAS:
        sigma = torch.full((video.shape[0],), s)
        _, pred = lab_model.predict(sd, ctx, (1 - s) * video + s * e_v, (1 - s) * audio + s * e_a, sigma)
        out[s] = (pred, e_a - audio)
    return out


def _sampled_labels(sd, probe: Probe, ctx, shapes, seed: int) -> list[str]:
    _, audio = lab_model.sample(sd, ctx, shapes, seed=seed)
    return probe.predict(audio.numpy())


def measure(sd, probe: Probe, b: Bench, deltas: dict[str, torch.Tensor], reference: dict | None = None) -> dict:
    """Every number for one LoRA (``deltas``); ``reference`` is the same call with no deltas
    (the base), reused for the ratios."""
    with lab_model.merged(sd, deltas):
        base_pred = _audio_predictions(sd, b.base_ctx, b.base_video, b.base_audio, b.noise["base"])
        char_pred = _audio_predictions(sd, b.char_ctx, b.char_video, b.char_audio, b.noise["char"])
        base_sampled = _sampled_labels(sd, probe, b.base_ctx, b.shapes, EVAL_SEED + 3)
        char_sampled = _sampled_labels(sd, probe, b.char_ctx, b.shapes, EVAL_SEED + 4)
    result = {
        "base_readout_accuracy": float(np.mean([p == t for p, t in zip(base_sampled, b.base_labels)])),
        "base_leakage": float(np.mean([p == world.TRIGGER for p in base_sampled])),
        "char_readout_accuracy": float(np.mean([p == world.TRIGGER for p in char_sampled])),
        "base_mse": {str(s): float(torch.mean((p - t) ** 2)) for s, (p, t) in base_pred.items()},
        "char_mse": {str(s): float(torch.mean((p - t) ** 2)) for s, (p, t) in char_pred.items()},
        "_base_pred": base_pred,
    }
    if reference is not None:
        ref = reference["_base_pred"]
        drift = {str(s): float(torch.sum((p - ref[s][0]) ** 2) / torch.sum(ref[s][0] ** 2))
                 for s, (p, _) in base_pred.items()}
        result["base_drift_by_sigma"] = drift
        result["base_drift"] = float(np.mean(list(drift.values())))
        result["base_mse_ratio"] = {k: v / reference["base_mse"][k] for k, v in result["base_mse"].items()}
        result["char_mse_ratio"] = {k: v / reference["char_mse"][k] for k, v in result["char_mse"].items()}
    return result


def public(result: dict) -> dict:
    return {k: v for k, v in result.items() if not k.startswith("_")}


def evaluate_file(sd, probe: Probe, b: Bench, reference: dict, lora: Path, drop_streams=frozenset()) -> dict:
    return public(measure(sd, probe, b, lab_model.lora_deltas(lora, 1.0, drop_streams), reference))
