"""The audio stream of ``LTX2Model.get_noise_prediction`` (SOP items C, D, E, H, L, placeholder fix).

Per step and batch it decides the clean audio (real latents, silence for items without
audio, or nothing), draws the audio noise and the audio timestep once (every secondary
pass reuses them through the batch), builds the target and the per-item masks, and returns
what the transformer needs. Called from ``extensions_built_in/diffusion_models/ltx2/ltx2.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from ltx2_character.audio.options import AudioTrainingOptions
from ltx2_character.audio.tensors import fill_missing_audio, match_length, silence_waveform
from ltx2_character.audio.timesteps import NUM_TRAIN_TIMESTEPS, sample_audio_timesteps

OPTIONS_ATTR = "ltx2_audio_options"


@dataclass
class AudioStreamInputs:
    latents: torch.Tensor  # noisy packed audio tokens (B, T, C)
    num_frames: int  # audio latent frames T
    timestep: torch.Tensor  # (B,) on the 0-1000 scale; also passed as the transformer's audio_sigma


class AudioOptionsMissing(RuntimeError):
    """The audio path ran on a model the trainer never configured: a silent fallback to the
    defaults would train with settings the job did not ask for."""


def configured_options(model: Any) -> AudioTrainingOptions | None:
    """The trainer's audio options, or None for a model loaded outside a training job."""
    return getattr(model, OPTIONS_ATTR, None)


def options_of(model: Any) -> AudioTrainingOptions:
    """The trainer's audio options; an error when the trainer never configured this model."""
    options = configured_options(model)
    if options is None:
        raise AudioOptionsMissing(
            f"{type(model).__name__} has no audio training options: SDTrainer configures them before loading "
            "the model (trainer_audio.configure); outside a training job call ltx2_audio.configure(model, options)")
    return options


def configure(model: Any, options: AudioTrainingOptions) -> None:
    """Give the model the trainer's audio options (the model has no train config of its own)."""
    setattr(model, OPTIONS_ATTR, options)


def latent_frames_for(model: Any, num_frames: int, frame_rate: float) -> int:
    """Audio latent frames for a clip of ``num_frames`` at ``frame_rate`` (upstream's formula)."""
    pipe = model.pipeline
    per_second = pipe.audio_sampling_rate / pipe.audio_hop_length / float(pipe.audio_vae_temporal_compression_ratio)
    return max(1, round(num_frames / frame_rate * per_second))


def silence_latents(model: Any, frames: int, batch_size: int, device, dtype) -> torch.Tensor:
    """Normalised audio latents of digital silence, (B, frames, C); encoded once per length."""
    cache = model.__dict__.setdefault("_ltx2_silence_latents", {})
    key = (frames, str(device), dtype)
    if key not in cache:
        pipe = model.pipeline
        samples = frames * pipe.audio_vae_temporal_compression_ratio * pipe.audio_hop_length
        with torch.no_grad():
            encoded = model.encode_audio([silence_waveform(samples, pipe.audio_sampling_rate)])
        cache[key] = match_length(encoded.to(device=device, dtype=dtype), frames)
    return cache[key].expand(batch_size, -1, -1)


def with_silence_for_missing(audio_data_list: list) -> list:
    """``encode_audio`` input for mixed batches (item D): ``None`` entries become silence."""
    if any(a is None for a in audio_data_list):
        return fill_missing_audio(audio_data_list)
    return list(audio_data_list)


def _clean_audio(model: Any, batch: Any, present: torch.Tensor, device, dtype) -> torch.Tensor:
    """Real audio latents for items with audio, silence latents for the others (input only)."""
    if batch.audio_latents is not None:
        clean = batch.audio_latents.to(device, dtype=dtype)
    else:
        clean = model.encode_audio(batch.audio_data).to(device, dtype=dtype)
    if not bool(present.all()):
        silence = silence_latents(model, clean.shape[1], clean.shape[0], device, dtype)
        keep = present.to(device).view(-1, 1, 1)
        # Cached batches zero-fill missing items; never let zero latents stand as audio.
        clean = torch.where(keep, clean, silence)
    return clean


def prepare_audio_stream(model: Any, batch: Any, video_timestep: torch.Tensor, frame_rate: float,
                         batch_size: int) -> AudioStreamInputs:
    opts = options_of(model)
    device, dtype = model.device_torch, model.torch_dtype
    present = real_audio_mask(batch, batch_size)
    has_real_audio = bool(present.any())

    if has_real_audio:
        # Encoded once per step: the VAE samples its posterior, so re-encoding in every
        # pass would give each pass (and the stored target) different clean audio.
        clean = getattr(batch, "audio_clean", None)
        if clean is None:
            clean = _clean_audio(model, batch, present, device, dtype)
            batch.audio_clean = clean
        frames = clean.shape[1]
    else:
        frames = latent_frames_for(model, getattr(batch, "num_frames", 1), frame_rate)
        # Audio-free batches (images, silent clips, do_audio off): silence as the clean audio
        # when a voice-preservation mode needs a realistic input, else no clean audio at all.
        clean = silence_latents(model, frames, batch_size, device, dtype) if opts.voice_preservation != "none" else None

    latent_channels = model.pipeline.audio_vae.config.latent_channels
    mel = model.pipeline.audio_vae.config.mel_bins // model.pipeline.audio_vae_mel_compression_ratio
    channels = latent_channels * mel
    noise = batch.audio_noise
    if noise is None or noise.shape != (batch_size, frames, channels):
        if clean is None:
            # the placeholder, drawn as the pin draws it (unpacked, then packed), so that an
            # audio-free batch sees the same noise as upstream (tests/fork/test_upstream_parity.py)
            noise = model.pipeline._pack_audio_latents(
                torch.randn(batch_size, latent_channels, frames, mel, device=device, dtype=torch.float32))
        else:
            noise = torch.randn(batch_size, frames, channels, device=device, dtype=dtype)
        batch.audio_noise = noise
    noise = noise.to(device, dtype=dtype)

    audio_timestep = batch.audio_timestep
    if audio_timestep is None:
        audio_timestep = draw_audio_timestep(opts, clean is not None, video_timestep, batch_size, frames, device)
        batch.audio_timestep = audio_timestep
        batch.audio_sigma = audio_timestep / NUM_TRAIN_TIMESTEPS

    if clean is None:
        noisy = noise  # pure noise, labelled sigma = 1 by its timestep
    else:
        noisy = model.add_noise(clean, noise, audio_timestep).to(device, dtype=dtype)
        if batch.audio_target is None:
            supervised = present.clone()
            if opts.voice_preservation == "silence":
                supervised[:] = True  # the SOP regulariser: audio-free items learn silence
            if bool(supervised.any()):
                batch.audio_target = (noise - clean).detach()
                batch.audio_loss_mask = supervised
            if opts.uses_base_prediction and not bool(present.all()):
                batch.audio_preserve_mask = ~present
    batch.audio_real_mask = present
    return AudioStreamInputs(latents=noisy, num_frames=frames, timestep=audio_timestep.to(device))


def draw_audio_timestep(opts: AudioTrainingOptions, has_clean_audio: bool, video_timestep: torch.Tensor,
                        batch_size: int, frames: int, device) -> torch.Tensor:
    if not has_clean_audio:
        # Placeholder audio is pure noise, which is sigma = 1 (timestep 1000), whatever the
        # video timestep; upstream labelled it with the video timestep.
        return torch.full((batch_size,), NUM_TRAIN_TIMESTEPS, device=device)
    if opts.independent_audio_timestep:
        return sample_audio_timesteps(opts.audio_timestep_distribution, batch_size, frames, device=device)
    return video_timestep.detach().reshape(batch_size, -1)[:, 0].to(device).float()


def real_audio_mask(batch: Any, batch_size: int) -> torch.Tensor:
    """(B,) bool: items whose real audio trains this step.

    Upstream's gate: only video batches of datasets with ``do_audio`` train audio (images
    never pick up a soundtrack, and caches made with audio stay silent when do_audio is
    off). Within such a batch, items without an audio track are masked out (item C).
    """
    none = torch.zeros(batch_size, dtype=torch.bool)
    if getattr(batch, "num_frames", 1) <= 1 or batch.dataset_config is None or not batch.dataset_config.do_audio:
        return none
    if batch.audio_latents is None and batch.audio_data is None:
        return none
    present = getattr(batch, "audio_present", None)
    return torch.ones(batch_size, dtype=torch.bool) if present is None else present.to(torch.bool)


def record_audio_prediction(batch: Any, prediction: torch.Tensor, is_primary: bool) -> None:
    """Keep the audio prediction when any loss will read it (target or preservation)."""
    if batch.audio_target is None and getattr(batch, "audio_preserve_mask", None) is None:
        return
    if is_primary:
        batch.audio_pred = prediction
    else:
        batch.set_secondary_audio_pred(prediction)


def freeze_auxiliary_modules(pipeline: Any) -> None:
    """Item H: the audio VAE, vocoder and connectors never train (F adds LoRA on top)."""
    for name in ("audio_vae", "vocoder", "connectors"):
        module = getattr(pipeline, name, None)
        if module is not None:
            module.requires_grad_(False)
            module.eval()
