"""The lab's base model: the real LTX-2 architecture at small width, pretrained here on the base
voices (never the character) with flow matching, then gated.

Recipe. The text encoder, connectors, video VAE, audio VAE and vocoder are the demo's tiny random
components and stay frozen: they are fixed random features, which is all the experiment needs
(the trainer's LoRA never adapts them either). Only the transformer is trained, from random
initialisation, on clips of the four base voices with captions from the training half of the
grammar: a caption names the speaker, the clip's audio latent carries that speaker's band and the
video its colour. The loss is the trainer's (velocity = noise - clean, MSE, video and audio
summed), sigma uniform in (0, 1), AdamW. The transformer is a little wider than the demo's (two
heads of 16 in both streams instead of 8 and 4) because the demo's has too little capacity to tie
four speakers to their words.

VAEs made readable. The demo's random VAEs sample their latents with a posterior spread that
swamps the signal (a readout on clean clips reached 60%); a trained VAE has a narrow posterior and
ships latent statistics measured on data. So the lab sets each encoder's log-variance output to a
constant -12 (spread e^-6) and its ``latents_mean``/``latents_std`` to the statistics of the world's
clips. These are the only weights changed by hand; both VAEs stay frozen afterwards.

Gate. Sampled from noise (``model.sample``) on held-out captions (verbs and places never seen in
training), the audio must be read back as the captioned voice at least ``GATE`` of the time, else
building fails. The cache stamp covers the recipe and the code, so a change rebuilds."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch

from ltx2_tools.lab.voice import model as lab_model
from ltx2_tools.lab.voice import world
from ltx2_tools.lab.voice.readout import Probe

GATE = 0.90


@dataclass(frozen=True)
class Recipe:
    seed: int = 0
    clips_per_voice: int = 24
    steps: int = 1500
    batch: int = 16
    lr: float = 2e-3
    heads: int = 2
    head_dim: int = 16
    layers: int = 2
    probe_clips_per_voice: int = 12
    gate_prompts_per_voice: int = 8
    sample_steps: int = 16


class GateFailed(RuntimeError):
    pass


def stamp(recipe: Recipe) -> str:
    """Changes with the recipe and with every source file the base depends on."""
    h = hashlib.sha256(json.dumps(asdict(recipe), sort_keys=True).encode())
    here = Path(__file__).resolve().parent
    sources = [here / f"{m}.py" for m in ("world", "media_io", "model", "readout", "pretrain")]
    for f in [*sources, here.parents[1] / "demo" / "tiny_model.py"]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _transformer_config(recipe: Recipe) -> dict:
    from ltx2_tools.demo.tiny_model import TinyModelSpec, transformer_config

    cfg = transformer_config(TinyModelSpec("ltx2", recipe.seed))
    cfg.update(num_attention_heads=recipe.heads, attention_head_dim=recipe.head_dim,
               cross_attention_dim=recipe.heads * recipe.head_dim,
               audio_num_attention_heads=recipe.heads, audio_attention_head_dim=recipe.head_dim,
               audio_cross_attention_dim=recipe.heads * recipe.head_dim, num_layers=recipe.layers)
    return cfg


@dataclass
class Encoded:
    video: torch.Tensor
    audio: torch.Tensor
    labels: list[str]
    captions: list[str]


def encode_items(sd, items: list[world.Item]) -> Encoded:
    video = lab_model.encode_video(sd, [world.frames(i.voice, i.seed) for i in items])
    audio = lab_model.encode_audio(sd, [world.waveform(i.voice, i.seed) for i in items])
    return Encoded(video, audio, [i.voice.name for i in items], [i.caption for i in items])


def _narrow_posterior(encoder_out: torch.nn.Module, latent_channels: int) -> None:
    weights = [p for n, p in encoder_out.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in encoder_out.named_parameters() if n.endswith("bias")]
    # Channels past the means are log-variances: one per latent channel (audio VAE) or one shared
    # (LTX-2's video VAE writes a single log-variance channel).
    if len(weights) != 1 or len(biases) != 1 or weights[0].shape[0] <= latent_channels:
        raise RuntimeError(f"unexpected encoder output layer: {[tuple(w.shape) for w in weights]}")
    with torch.no_grad():
        weights[0][latent_channels:] = 0
        biases[0][latent_channels:] = -12.0


def calibrate_vaes(sd, recipe: Recipe) -> None:
    """Narrow posteriors, then latent statistics from clips of every voice."""
    audio_vae, video_vae = sd.pipeline.audio_vae, sd.pipeline.vae
    _narrow_posterior(audio_vae.encoder.conv_out, audio_vae.config.latent_channels)
    _narrow_posterior(video_vae.encoder.conv_out, video_vae.config.latent_channels)
    items = [world.Item(v, "", recipe.seed * 7 + vi * 100 + k, True)
             for vi, v in enumerate(world.VOICES) for k in range(8)]
    with torch.no_grad():
        audio_vae.latents_mean.zero_()
        audio_vae.latents_std.fill_(1.0)
        video_vae.latents_mean.zero_()
        video_vae.latents_std.fill_(1.0)
    audio = lab_model.encode_audio(sd, [world.waveform(i.voice, i.seed) for i in items])
    video = lab_model.encode_video(sd, [world.frames(i.voice, i.seed) for i in items])
    with torch.no_grad():
        audio_vae.latents_mean.copy_(audio.mean(dim=(0, 1)))
        audio_vae.latents_std.copy_(audio.std(dim=(0, 1)) + 1e-4)
        video_vae.latents_mean.copy_(video.mean(dim=(0, 2, 3, 4)))
        video_vae.latents_std.copy_(video.std(dim=(0, 2, 3, 4)) + 1e-4)


def fit_probe(sd, recipe: Recipe) -> tuple[Probe, float]:
    """A probe on clean clips of every voice (character included: leakage must be readable),
    and its accuracy on other clean clips."""
    def clips(seed: int) -> list[world.Item]:
        return [world.Item(v, "", seed * 100_000 + vi * 1000 + k, True)
                for vi, v in enumerate(world.VOICES) for k in range(recipe.probe_clips_per_voice)]

    fit, test = clips(recipe.seed + 101), clips(recipe.seed + 202)
    fit_latents = lab_model.encode_audio(sd, [world.waveform(i.voice, i.seed) for i in fit]).numpy()
    test_latents = lab_model.encode_audio(sd, [world.waveform(i.voice, i.seed) for i in test]).numpy()
    probe = Probe.fit(fit_latents, [i.voice.name for i in fit])
    return probe, probe.accuracy(test_latents, [i.voice.name for i in test])


def train_transformer(sd, data: Encoded, recipe: Recipe, log=print) -> list[float]:
    g = torch.Generator().manual_seed(recipe.seed)
    contexts = {c: lab_model.context(sd, [c]) for c in sorted(set(data.captions))}
    transformer = sd.transformer
    transformer.train()
    transformer.requires_grad_(True)
    opt = torch.optim.AdamW(transformer.parameters(), lr=recipe.lr, weight_decay=0.0)
    losses = []
    n = data.video.shape[0]
    for step in range(recipe.steps):
        idx = torch.randint(0, n, (recipe.batch,), generator=g)
        ctx = lab_model.stack([contexts[data.captions[i]] for i in idx.tolist()])
        x_v, x_a = data.video[idx], data.audio[idx]
        sigma = torch.rand(recipe.batch, generator=g)
        e_v, e_a = torch.randn(x_v.shape, generator=g), torch.randn(x_a.shape, generator=g)
        s_v, s_a = sigma.view(-1, 1, 1, 1, 1), sigma.view(-1, 1, 1)
        pred_v, pred_a = lab_model.predict(sd, ctx, (1 - s_v) * x_v + s_v * e_v, (1 - s_a) * x_a + s_a * e_a, sigma)
        loss = torch.nn.functional.mse_loss(pred_v, e_v - x_v) + torch.nn.functional.mse_loss(pred_a, e_a - x_a)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        losses.append(float(loss))
        if step % 100 == 0 or step == recipe.steps - 1:
            log(f"pretrain step {step}/{recipe.steps} loss {np.mean(losses[-100:]):.4f}")
    transformer.eval()
    transformer.requires_grad_(False)
    return losses


def shapes(data: Encoded) -> lab_model.Shapes:
    return lab_model.Shapes(tuple(data.video.shape[1:]), tuple(data.audio.shape[1:]))


def gate_accuracy(sd, probe: Probe, recipe: Recipe, shape: lab_model.Shapes) -> tuple[float, dict]:
    """Readout accuracy of sampled audio on held-out base captions."""
    items = world.base_items(recipe.gate_prompts_per_voice, held_out=True, seed=recipe.seed + 303)
    ctx = lab_model.stack([lab_model.context(sd, [i.caption]) for i in items])
    _, audio = lab_model.sample(sd, ctx, shape, seed=recipe.seed + 404, steps=recipe.sample_steps)
    predicted = probe.predict(audio.numpy())
    truth = [i.voice.name for i in items]
    confusion: dict[str, dict[str, int]] = {}
    for t, p in zip(truth, predicted):
        confusion.setdefault(t, {}).setdefault(p, 0)
        confusion[t][p] += 1
    return float(np.mean([t == p for t, p in zip(truth, predicted)])), confusion


def build(out: Path, tree: Path, recipe: Recipe = Recipe(), log=print) -> Path:
    """The gated base model in ``out`` (cached by stamp): diffusers layout plus ``lab.json``
    (recipe, probe, shapes, gate result)."""
    from diffusers import LTX2VideoTransformer3DModel

    from ltx2_tools.demo.tiny_model import TinyModelSpec
    from ltx2_tools.demo.tiny_model import build as build_tiny

    out = Path(out)
    key = stamp(recipe)
    meta_path = out / "lab.json"
    if meta_path.exists() and json.loads(meta_path.read_text()).get("stamp") == key:
        log(f"voice lab base: cached in {out} (stamp {key})")
        return out
    started = time.monotonic()
    torch.manual_seed(recipe.seed)
    build_tiny(out, TinyModelSpec("ltx2", recipe.seed))
    LTX2VideoTransformer3DModel(**_transformer_config(recipe)).save_pretrained(out / "transformer")
    sd = lab_model.load(out, tree)
    calibrate_vaes(sd, recipe)
    sd.pipeline.audio_vae.save_pretrained(out / "audio_vae")
    sd.pipeline.vae.save_pretrained(out / "vae")
    probe, probe_accuracy = fit_probe(sd, recipe)
    log(f"readout probe: accuracy {probe_accuracy:.3f} on clean held-out clips")
    data = encode_items(sd, world.base_items(recipe.clips_per_voice, held_out=False, seed=recipe.seed))
    losses = train_transformer(sd, data, recipe, log)
    shape = shapes(data)
    accuracy, confusion = gate_accuracy(sd, probe, recipe, shape)
    log(f"gate: sampled held-out base prompts read back as the right voice {accuracy:.3f} (needs {GATE})")
    meta = {"stamp": key, "recipe": asdict(recipe), "probe": probe.to_json(), "probe_accuracy": probe_accuracy,
            "gate_accuracy": accuracy, "gate": GATE, "confusion": confusion,
            "shapes": {"video": list(shape.video), "audio": list(shape.audio)},
            "final_loss": float(np.mean(losses[-100:])), "seconds": time.monotonic() - started}
    if accuracy < GATE:
        (out / "lab.failed.json").write_text(json.dumps(meta, indent=2))
        raise GateFailed(f"the pretrained base reads back only {accuracy:.1%} of held-out base prompts as the "
                         f"right voice (gate {GATE:.0%}); confusion {confusion}")
    sd.transformer.save_pretrained(out / "transformer")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return out
