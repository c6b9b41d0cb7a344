"""The base model as the trainer sees it, and a LoRA as a user's loader applies it.

Encoding (text, video, audio) goes through ai-toolkit's own LTX-2 model class, so the lab's
latents are the latents the trainer trains on. Predictions call the diffusers transformer
directly with the arguments the trainer passes. A LoRA file is applied the way diffusers'
loader applies it: keys converted by diffusers' LTX-2 conversion, then ``W += scale * B @ A``
(times ``alpha / rank`` when the file stores alpha) -- outside the fork's LoRA code, merged for
a block by the voice report's ``merged``."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

# W + dW for a block, restored exactly after: the voice report's own (one mechanism for both).
from ltx2_character.report.measure import merged  # noqa: F401

from ltx2_tools.lab.voice import world


def load(model_dir: Path, tree: Path):
    """ai-toolkit's LTX-2 model (from the ai-toolkit checkout ``tree``) on the CPU, in fp32."""
    if str(tree) not in sys.path:
        sys.path.insert(0, str(tree))
    from toolkit.config_modules import ModelConfig
    from toolkit.util.get_model import get_model_class

    from ltx2_tools.workbench import model_section

    cfg = ModelConfig(**model_section(Path(model_dir), "ltx2"))
    sd = get_model_class(cfg)(device="cpu", model_config=cfg, dtype="fp32")
    sd.load_model()
    sd.transformer.eval()
    return sd


@dataclass
class Context:
    """The connectors' output for one caption: what the transformer cross-attends to."""
    video: torch.Tensor
    audio: torch.Tensor
    mask: torch.Tensor


@torch.no_grad()
def context(sd, captions: list[str]) -> Context:
    embeds = sd.pad_embeds(sd.get_prompt_embeds(captions))
    video, audio, mask = sd.pipeline.connectors(embeds.text_embeds, embeds.attention_mask.to(sd.transformer.dtype),
                                                padding_side="left")
    return Context(video, audio, mask)


def stack(contexts: list[Context]) -> Context:
    return Context(torch.cat([c.video for c in contexts]), torch.cat([c.audio for c in contexts]),
                   torch.cat([c.mask for c in contexts]))


@torch.no_grad()
def encode_audio(sd, samples: list[np.ndarray], rate: int = world.SAMPLE_RATE) -> torch.Tensor:
    """Mono float arrays → normalised packed latents (B, frames, 16), as the trainer encodes them."""
    data = [{"waveform": torch.from_numpy(np.stack([s, s])), "sample_rate": rate} for s in samples]
    return sd.encode_audio(data).float()


@torch.no_grad()
def encode_video(sd, clips: list[np.ndarray]) -> torch.Tensor:
    """uint8 (F, H, W, 3) clips → normalised video latents (B, C, F', H', W')."""
    tensors = [torch.from_numpy(c).float().div(127.5).sub(1).permute(0, 3, 1, 2) for c in clips]
    return sd.encode_images(tensors, device=torch.device("cpu"), dtype=torch.float32).float()


def predict(sd, ctx: Context, video: torch.Tensor, audio: torch.Tensor, sigma: torch.Tensor,
            audio_sigma: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Velocity predictions (noise - clean) for noisy latents at ``sigma`` (per item, 0..1)."""
    pipe = sd.pipeline
    b, _, frames, height, width = video.shape
    audio_sigma = sigma if audio_sigma is None else audio_sigma
    packed = pipe._pack_latents(video, patch_size=pipe.transformer_spatial_patch_size,
                                patch_size_t=pipe.transformer_temporal_patch_size)
    transformer = sd.transformer
    video_coords = transformer.rope.prepare_video_coords(b, frames, height, width, packed.device, fps=world.FPS)
    audio_coords = transformer.audio_rope.prepare_audio_coords(b, audio.shape[1], audio.device)
    out_video, out_audio = transformer(
        hidden_states=packed, audio_hidden_states=audio, encoder_hidden_states=ctx.video,
        audio_encoder_hidden_states=ctx.audio, timestep=sigma * 1000, sigma=sigma * 1000,
        audio_timestep=audio_sigma * 1000, encoder_attention_mask=ctx.mask, audio_encoder_attention_mask=ctx.mask,
        num_frames=frames, height=height, width=width, fps=world.FPS, audio_num_frames=audio.shape[1],
        video_coords=video_coords, audio_coords=audio_coords, isolate_modalities=False,
        spatio_temporal_guidance_blocks=None, perturbation_mask=None, use_cross_timestep=False,
        attention_kwargs=None, return_dict=False)
    unpacked = pipe._unpack_latents(latents=out_video, num_frames=frames, height=height, width=width,
                                    patch_size=pipe.transformer_spatial_patch_size,
                                    patch_size_t=pipe.transformer_temporal_patch_size)
    return unpacked, out_audio


@dataclass(frozen=True)
class Shapes:
    video: tuple[int, ...]
    audio: tuple[int, ...]


@torch.no_grad()
def sample(sd, ctx: Context, shapes: Shapes, seed: int, steps: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    """Euler sampling of the flow from pure noise (sigma 1) to data (sigma 0), both streams
    together, as at inference; fixed noise per seed so base and LoRA start from the same point."""
    b = ctx.video.shape[0]
    g = torch.Generator().manual_seed(seed)
    video = torch.randn((b, *shapes.video), generator=g)
    audio = torch.randn((b, *shapes.audio), generator=g)
    sigmas = torch.linspace(1.0, 0.0, steps + 1)
    for s, s_next in zip(sigmas[:-1], sigmas[1:]):
        v_video, v_audio = predict(sd, ctx, video, audio, s.repeat(b))
        video = video + (s_next - s) * v_video
        audio = audio + (s_next - s) * v_audio
    return video, audio


def lora_deltas(path: Path, scale: float = 1.0, drop_streams: frozenset[str] = frozenset()) -> dict[str, torch.Tensor]:
    """ΔW per diffusers transformer parameter name, from a saved LoRA file."""
    from diffusers.loaders.lora_conversion_utils import _convert_non_diffusers_ltx2_lora_to_diffusers
    from safetensors.torch import load_file

    from ltx2_tools.lora.streams import classify_key

    raw = load_file(str(path))
    kept = {k: v for k, v in raw.items() if classify_key(k) not in drop_streams}
    converted = _convert_non_diffusers_ltx2_lora_to_diffusers(kept)
    deltas: dict[str, torch.Tensor] = {}
    for key, down in converted.items():
        if not key.endswith(".lora_A.weight"):
            continue
        module = key[len("transformer."):-len(".lora_A.weight")]
        up = converted[f"transformer.{module}.lora_B.weight"].float()
        alpha = converted.get(f"transformer.{module}.alpha")
        factor = scale * (float(alpha) / down.shape[0] if alpha is not None else 1.0)
        deltas[f"{module}.weight"] = factor * (up @ down.float())
    return deltas
