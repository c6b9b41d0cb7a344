"""The report's two numbers for a model and its LoRA (torch).

``Bench`` holds fixed material: clean latents of the held-out clips, the prompts' text
embeddings and one fixed noise draw per item, all made once. ``voice_numbers`` then runs the
transformer on that material at the fixed sigma grid with the LoRA off and on -- the LoRA is
switched through the network's ``is_active`` flag (what ai-toolkit's own prior prediction
does), so no weights are merged or copied -- and restores the network, the train/eval mode and
torch's random state after. The base model's answers never change while a LoRA trains, so they
are computed once and kept (on the CPU).

Forward passes per report: one per item with the LoRA on, each a batch of the grid's sigmas;
the first report adds the same with the LoRA off."""
from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import torch

from . import media
from .holdout import Clip
from .metrics import SIGMAS, ReportPoint, StreamNumbers, ratio

NOISE_SEED = 20_260_14
AUDIO_RATE = 16_000


@dataclass
class Item:
    """One input: clean latents, a caption's embeddings, fixed noise."""
    name: str
    video: torch.Tensor  # (1, C, F, H, W)
    audio: torch.Tensor  # (1, T, D)
    embeds: Any  # ai-toolkit PromptEmbeds, unpadded
    noise: tuple[torch.Tensor, torch.Tensor]


@dataclass
class Bench:
    learn: list[Item]
    drift: list[Item]
    fps: float
    sigmas: tuple[float, ...] = SIGMAS
    # base answers per item name: (video prediction, audio prediction) over the grid, CPU
    _base: dict[str, tuple[torch.Tensor, torch.Tensor]] = field(default_factory=dict)


@contextlib.contextmanager
def isolated(sd, network=None, active: bool | None = None):
    """Eval mode, no grad, torch's RNG forked, the LoRA forced on/off; all restored after."""
    transformer = sd.transformer
    was_training = transformer.training
    was_active = getattr(network, "is_active", None)
    was_multiplier = getattr(network, "multiplier", None)
    devices = [sd.device_torch] if getattr(sd.device_torch, "type", "cpu") == "cuda" else []
    with torch.random.fork_rng(devices=devices), torch.no_grad():
        try:
            transformer.eval()
            if network is not None and active is not None:
                network.is_active = active
                network.multiplier = 1.0  # training leaves a per-item list sized for its batch
            yield
        finally:
            if network is not None and active is not None:
                network.multiplier = was_multiplier
                network.is_active = was_active
            transformer.train(was_training)


def _size(resolution: int, divisor: int) -> tuple[int, int]:
    side = max(divisor, (resolution // divisor) * divisor)
    return side, side


def _audio_latents(sd, clip: Clip, num_frames: int, fps: float) -> torch.Tensor:
    """The clip's audio under its first ``num_frames`` frames, encoded as the trainer encodes it;
    a clip without audio gets the fork's silence (patch 0003)."""
    seconds = num_frames / fps
    if clip.has_audio:
        import torchaudio

        waveform, rate = torchaudio.load(clip.path)
        waveform = waveform[:, : int(round(seconds * rate))]
        data = [{"waveform": waveform, "sample_rate": rate}]
    else:
        data = [{"waveform": torch.zeros(2, int(round(seconds * AUDIO_RATE))), "sample_rate": AUDIO_RATE}]
    return sd.encode_audio(data).float()


def _video_latents(sd, clip: Clip, num_frames: int, resolution: int) -> torch.Tensor:
    size = _size(resolution, int(sd.get_bucket_divisibility()))
    frames = media.frames(Path(clip.path), num_frames, size)
    tensor = torch.from_numpy(frames).float().div(127.5).sub(1).permute(0, 3, 1, 2)  # (F, 3, H, W) in [-1, 1]
    return sd.encode_images([tensor], device=sd.device_torch, dtype=sd.torch_dtype).float()


def _noise(video: torch.Tensor, audio: torch.Tensor, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(video.shape, generator=g), torch.randn(audio.shape, generator=g)


def build_bench(sd, learn: Sequence[Clip], drift_clips: Sequence[Clip], drift_prompts: Sequence[str], *,
                num_frames: int, fps: float, resolution: int) -> Bench:
    """Encode the held-out clips (voice learned, with their own captions) and the prompts
    outside the character (base drift, each on a clip's latents in turn)."""
    with isolated(sd):
        encoded: dict[str, tuple[torch.Tensor, torch.Tensor]] = {}

        def latents(clip: Clip) -> tuple[torch.Tensor, torch.Tensor]:
            if clip.path not in encoded:
                encoded[clip.path] = (_video_latents(sd, clip, num_frames, resolution).cpu(),
                                      _audio_latents(sd, clip, num_frames, fps).cpu())
            return encoded[clip.path]

        def embeds(caption: str):
            return sd.get_prompt_embeds([caption]).to("cpu")

        learn_items, drift_items = [], []
        for i, clip in enumerate(learn):
            video, audio = latents(clip)
            learn_items.append(Item(Path(clip.path).name, video, audio, embeds(clip.caption),
                                    _noise(video, audio, NOISE_SEED + i)))
        for i, prompt in enumerate(drift_prompts):
            clip = drift_clips[i % len(drift_clips)]
            video, audio = latents(clip)
            drift_items.append(Item(f"prompt {i + 1}", video, audio, embeds(prompt),
                                    _noise(video, audio, NOISE_SEED + 1000 + i)))
    return Bench(learn_items, drift_items, fps)


def predict(sd, item: Item, sigmas: Sequence[float], fps: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Velocity predictions for ``item`` noised to each sigma (one batch, one row per sigma),
    with the arguments ai-toolkit's LTX-2 ``get_noise_prediction`` passes the transformer."""
    device, dtype = sd.device_torch, sd.transformer.dtype
    n = len(sigmas)
    s = torch.tensor(sigmas, dtype=torch.float32)
    e_v, e_a = item.noise
    video = ((1 - s.view(-1, 1, 1, 1, 1)) * item.video + s.view(-1, 1, 1, 1, 1) * e_v).to(device, dtype)
    audio = ((1 - s.view(-1, 1, 1)) * item.audio + s.view(-1, 1, 1) * e_a).to(device, dtype)
    pipe, transformer = sd.pipeline, sd.transformer
    _, _, frames, height, width = video.shape
    embeds = sd.pad_embeds(item.embeds.clone() if hasattr(item.embeds, "clone") else item.embeds).to(device, dtype)
    text = embeds.text_embeds.expand(n, -1, -1)
    mask = embeds.attention_mask.expand(n, -1).to(dtype)
    if pipe.connectors.device != transformer.device:
        pipe.connectors.to(transformer.device)
    ctx_video, ctx_audio, ctx_mask = pipe.connectors(text, mask, padding_side="left")
    packed = pipe._pack_latents(video, patch_size=pipe.transformer_spatial_patch_size,
                                patch_size_t=pipe.transformer_temporal_patch_size)
    timestep = (s * 1000).to(device, dtype)
    out_video, out_audio = transformer(
        hidden_states=packed, audio_hidden_states=audio, encoder_hidden_states=ctx_video,
        audio_encoder_hidden_states=ctx_audio, timestep=timestep, sigma=timestep, audio_timestep=timestep,
        audio_sigma=timestep, encoder_attention_mask=ctx_mask, audio_encoder_attention_mask=ctx_mask,
        num_frames=frames, height=height, width=width, fps=fps, audio_num_frames=audio.shape[1],
        video_coords=transformer.rope.prepare_video_coords(n, frames, height, width, packed.device, fps=fps),
        audio_coords=transformer.audio_rope.prepare_audio_coords(n, audio.shape[1], audio.device),
        isolate_modalities=False, spatio_temporal_guidance_blocks=None, perturbation_mask=None,
        use_cross_timestep=getattr(sd, "ltx_version", "2.0") in ("2.3", "2.5"), attention_kwargs=None,
        return_dict=False)
    unpacked = pipe._unpack_latents(latents=out_video, num_frames=frames, height=height, width=width,
                                    patch_size=pipe.transformer_spatial_patch_size,
                                    patch_size_t=pipe.transformer_temporal_patch_size)
    return unpacked.float().cpu(), out_audio.float().cpu()


def _per_sigma_sq(x: torch.Tensor) -> np.ndarray:
    return x.pow(2).flatten(1).sum(dim=1).double().numpy()


@contextlib.contextmanager
def merged(sd, deltas: Mapping[str, torch.Tensor]):
    """The transformer with ``W + dW`` for the block, restored exactly after: for a LoRA given
    as weight deltas (a file, as a user's loader applies it) rather than a live network. Keeps a
    copy of the adapted weights only, never of the model."""
    params = dict(sd.transformer.named_parameters())
    missing = sorted(set(deltas) - set(params))
    if missing:
        raise KeyError(f"LoRA modules not in the transformer: {missing[:5]}")
    saved = {name: params[name].detach().clone() for name in deltas}
    with torch.no_grad():
        for name, delta in deltas.items():
            params[name].add_(delta.to(params[name].device, params[name].dtype))
    try:
        yield
    finally:
        with torch.no_grad():
            for name, value in saved.items():
                params[name].copy_(value)


def base_answers(sd, network, bench: Bench) -> float:
    """Run the base model (LoRA off) on every item not yet answered and keep its predictions;
    returns the seconds it took -- the same forwards as one report's LoRA pass, so also what
    a report will cost."""
    started = time.perf_counter()
    missing = [i for i in bench.learn + bench.drift if i.name not in bench._base]
    if missing:
        with isolated(sd, network, active=False):
            for item in missing:
                bench._base[item.name] = predict(sd, item, bench.sigmas, bench.fps)
    return time.perf_counter() - started


def voice_numbers(sd, network, bench: Bench, step: int = 0,
                  deltas: Mapping[str, torch.Tensor] | None = None) -> ReportPoint:
    """The report's numbers for a LoRA on ``sd`` (ai-toolkit's LTX-2 model): the live ``network``
    as it is now (switched by ``is_active``; what the trainer does), or, with ``network`` None,
    the weight ``deltas`` of a LoRA file (parameter name -> dW; merged for the "on" pass and
    removed after) -- the function the voice lab's arms can be measured with."""
    if network is None and deltas is None:
        raise ValueError("voice_numbers needs a network or the LoRA's weight deltas")
    base_answers(sd, network, bench)
    started = time.perf_counter()
    items = bench.learn + bench.drift
    lora_on = merged(sd, deltas) if network is None else contextlib.nullcontext()
    with isolated(sd, network, active=True), lora_on:
        lora = {item.name: predict(sd, item, bench.sigmas, bench.fps) for item in items}

    def learned(stream: int) -> dict[float, float] | None:
        if not bench.learn:
            return None
        err_lora = np.zeros(len(bench.sigmas))
        err_base = np.zeros(len(bench.sigmas))
        for item in bench.learn:
            clean = (item.video, item.audio)[stream]
            target = (item.noise[stream] - clean).expand_as(lora[item.name][stream])
            err_lora += _per_sigma_sq(lora[item.name][stream] - target)
            err_base += _per_sigma_sq(bench._base[item.name][stream] - target)
        return {s: ratio(a, b) for s, a, b in zip(bench.sigmas, err_lora, err_base)}

    def drift(stream: int) -> dict[float, float]:
        changed = np.zeros(len(bench.sigmas))
        size = np.zeros(len(bench.sigmas))
        for item in bench.drift:
            base = bench._base[item.name][stream]
            changed += _per_sigma_sq(lora[item.name][stream] - base)
            size += _per_sigma_sq(base)
        return {s: ratio(a, b) for s, a, b in zip(bench.sigmas, changed, size)}

    return ReportPoint(step=step,
                       audio=StreamNumbers(learned(1), drift(1)),
                       video=StreamNumbers(learned(0), drift(0)),
                       seconds=time.perf_counter() - started,
                       held_out=tuple(i.name for i in bench.learn))
