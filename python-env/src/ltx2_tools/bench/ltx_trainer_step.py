"""Time LoRA training steps of Lightricks' own trainer (ltx-trainer + ltx-core) on our benchmark shapes.

A peer reference for ``step_benchmark``: the same LTX-2 (2.0, 19B) transformer at full size with
random bf16 weights built directly on the GPU, a rank-32 LoRA, and the same video/audio shapes,
but every step runs through Lightricks' code. The trainer object is a real ``LtxvTrainer`` whose
``__init__`` (checkpoint, Gemma and validation loading) is skipped; its own methods then set it
up as a run of ``configs/t2v_lora.yaml`` would (``_setup_accelerator``, ``_setup_lora`` through
``_collect_trainable_params``, ``_prepare_models_for_training``, ``_init_optimizer``,
``_init_timestep_sampler``), and each timed step is the body of ``LtxvTrainer.train``'s loop:
``_training_step`` (text connectors, ``FlexibleStrategy`` noising, transformer, masked MSE),
``accelerator.backward``, gradient clipping, AdamW step, ``zero_grad``, LR scheduler step. The
batch has the layout ``PrecomputedDataset`` gives after collation: VAE latents, audio latents
and Gemma features (``process_captions.py`` output) in place of the encoders. Speed and memory
do not depend on weight values.

    python -m ltx2_tools.bench.ltx_trainer_step --ltx2-src DIR --frames 81,121 --out result.jsonl

``DIR`` is a Lightricks/LTX-2 checkout (``packages/ltx-core/src`` and ``packages/ltx-trainer/src``
under it) or a folder holding ``ltx_core/`` and ``ltx_trainer/``; nothing of it is copied here.
``--tiny`` shrinks every width (a CPU smoke test of the code path, not a benchmark).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import torch

from ltx2_tools.bench import flops, records, stubs
from ltx2_tools.bench.step_benchmark import GIB, HOPPER_BF16_DENSE_FLOPS, _flags, _init_random_

# Imported at module level (trainer.py, video_utils.py) and never called by a training step.
STUBBED = ("wandb", "av")

# metadata["config"]["transformer"] in the safetensors header of ltx-2-19b-dev.safetensors, which
# LTXModelConfigurator and the connector configurators read. Every value agrees with ai-toolkit's
# convert_ltx2_to_diffusers config for version "2.0" (also taken from that checkpoint); keys the
# 2.0 header lacks (gated attention, cross-attention AdaLN, caption projection before the
# connector, audio_connector_*) take ltx-core's defaults, which are the 2.0 behaviour.
LTX2_19B_TRANSFORMER_CONFIG: dict[str, Any] = {
    "_class_name": "AVTransformer3DModel", "_diffusers_version": "0.25.1", "activation_fn": "gelu-approximate",
    "attention_bias": True, "attention_head_dim": 128, "attention_type": "default", "audio_attention_head_dim": 64,
    "audio_cross_attention_dim": 2048, "audio_num_attention_heads": 32, "audio_out_channels": 128,
    "audio_positional_embedding_max_pos": [20], "av_ca_timestep_scale_multiplier": 1000.0, "av_cross_ada_norm": True,
    "caption_channels": 3840, "causal_temporal_positioning": True, "connector_attention_head_dim": 128,
    "connector_norm_output": True, "connector_num_attention_heads": 30, "connector_num_layers": 2,
    "connector_num_learnable_registers": 128, "connector_positional_embedding_max_pos": [4096],
    "cross_attention_dim": 4096, "cross_attention_norm": True, "double_self_attention": False, "dropout": 0.0,
    "frequencies_precision": "float64", "in_channels": 128, "norm_elementwise_affine": False, "norm_eps": 1e-06,
    "norm_num_groups": 32, "num_attention_heads": 32, "num_embeds_ada_norm": 1000, "num_layers": 48,
    "num_vector_embeds": None, "only_cross_attention": False, "out_channels": 128,
    "positional_embedding_max_pos": [20, 2048, 2048], "positional_embedding_theta": 10000.0,
    "positional_embedding_type": "rope", "qk_norm": "rms_norm", "rope_type": "split", "share_ff": False,
    "standardization_norm": "rms_norm", "timestep_scale_multiplier": 1000, "upcast_attention": False,
    "use_audio_video_cross_attention": True, "use_embeddings_connector": True, "use_linear_projection": False,
    "use_middle_indices_grid": True,
}

# Smoke-test widths: each context width equals its stream's width and the connector width equals
# caption_channels, as in the real model; latent channels stay 128 (the strategy assumes them).
TINY: dict[str, Any] = {
    "num_attention_heads": 2, "attention_head_dim": 8, "cross_attention_dim": 16, "audio_num_attention_heads": 2,
    "audio_attention_head_dim": 4, "audio_cross_attention_dim": 8, "caption_channels": 16,
    "connector_num_attention_heads": 2, "connector_attention_head_dim": 8, "connector_num_layers": 1,
}


def source_paths(src: Path) -> list[Path]:
    """The import roots inside ``src``: a repository checkout or a folder with both packages."""
    packages = src / "packages"
    if packages.is_dir():
        return [packages / "ltx-core" / "src", packages / "ltx-trainer" / "src"]
    return [src]


def _import_lightricks(src: Path) -> None:
    src = src.resolve()
    for path in reversed(source_paths(src)):
        if not (path / "ltx_core").is_dir() and not (path / "ltx_trainer").is_dir():
            raise SystemExit(f"--ltx2-src: no ltx_core/ or ltx_trainer/ under {path}")
        sys.path.insert(0, str(path))
    stubs.install(str(src), STUBBED)


def _materialise(module: torch.nn.Module, device: torch.device, seed: int) -> torch.nn.Module:
    module = module.to(dtype=torch.bfloat16).to_empty(device=device)
    _init_random_(module, seed)
    return module


@dataclass
class Setup:
    trainer: Any  # ltx_trainer.trainer.LtxvTrainer
    config: dict[str, Any]  # metadata["config"]["transformer"] as built
    transformer_params: int  # before LoRA
    memory_after_build_gib: float


def build(args: argparse.Namespace) -> Setup:
    """An ``LtxvTrainer`` set up by its own methods around random-weight models."""
    from ltx_core.loader import create_meta_model
    from ltx_core.model.transformer import LTXModelConfigurator
    from ltx_core.text_encoders.gemma import EmbeddingsProcessor
    from ltx_core.text_encoders.gemma.embeddings_connector import (
        AudioEmbeddings1DConnectorConfigurator,
        Embeddings1DConnectorConfigurator,
    )
    from ltx_trainer.config import AccelerationConfig, FlowMatchingConfig, LoraConfig, OptimizationConfig
    from ltx_trainer.trainer import LtxvTrainer
    from ltx_trainer.training_strategies import get_training_strategy
    from ltx_trainer.training_strategies.flexible import FlexibleStrategyConfig, ModalityConfig

    if args.compile:
        # what `accelerate launch --config_file configs/accelerate/ddp_compile.yaml` exports
        os.environ.update(ACCELERATE_DYNAMO_BACKEND="INDUCTOR", ACCELERATE_DYNAMO_MODE="default",
                          ACCELERATE_DYNAMO_USE_FULLGRAPH="false", ACCELERATE_DYNAMO_USE_DYNAMIC="true")
    if args.device == "cpu":
        os.environ["ACCELERATE_USE_CPU"] = "true"  # `accelerate launch --cpu`
    device = torch.device(args.device)

    config = {**LTX2_19B_TRANSFORMER_CONFIG, **(TINY if args.tiny else {})}
    if args.layers:
        config["num_layers"] = args.layers
    metadata = {"config": {"transformer": config}}

    trainer = LtxvTrainer.__new__(LtxvTrainer)  # __init__ would load checkpoints, Gemma and validation models
    # configs/t2v_lora.yaml: lora 32/32 on the default target modules, lr 1e-4, batch 1, linear schedule
    trainer._config = SimpleNamespace(
        model=SimpleNamespace(training_mode="lora"),
        lora=LoraConfig(rank=args.rank, alpha=args.rank),
        optimization=OptimizationConfig(learning_rate=1e-4, steps=2000, batch_size=1,
                                        enable_gradient_checkpointing=args.checkpointing[0]),
        acceleration=AccelerationConfig(),
        flow_matching=FlowMatchingConfig(),
    )
    trainer._training_strategy = get_training_strategy(FlexibleStrategyConfig(
        video=ModalityConfig(is_generated=True, latents_dir="latents"),
        audio=ModalityConfig(is_generated=True, latents_dir="audio_latents")))
    # what _load_models leaves: bf16 transformer frozen; connectors without the feature extractor
    # (features are precomputed) and, as loaded there, with requires_grad left on.
    trainer._transformer = _materialise(create_meta_model(LTXModelConfigurator, metadata), device, 0)
    trainer._embeddings_processor = EmbeddingsProcessor(
        video_connector=_materialise(create_meta_model(Embeddings1DConnectorConfigurator, metadata), device, 1),
        audio_connector=_materialise(create_meta_model(AudioEmbeddings1DConnectorConfigurator, metadata), device, 2))
    trainer._transformer.requires_grad_(False)
    transformer_params = sum(p.numel() for p in trainer._transformer.parameters())

    trainer._setup_accelerator()
    trainer._collect_trainable_params()
    trainer._prepare_models_for_training()
    trainer._init_optimizer()
    trainer._init_timestep_sampler()
    memory = round(torch.cuda.memory_allocated() / GIB, 2) if device.type == "cuda" else 0.0
    return Setup(trainer, config, transformer_params, memory)


def make_batch(args: argparse.Namespace, frames: int, caption_channels: int, device: torch.device,
               g: torch.Generator) -> dict[str, Any]:
    """One collated ``PrecomputedDataset`` sample for the flexible strategy's data sources."""
    from ltx_core.text_encoders.gemma.gemma_assets import TOKENIZER_MAX_LENGTH
    from ltx_core.types import AudioLatentShape, VideoLatentShape, VideoPixelShape

    pixels = VideoPixelShape(batch=1, frames=frames, height=args.height, width=args.width, fps=args.fps)
    video = VideoLatentShape.from_pixel_shape(pixels)  # 32x32x8 VAE
    audio = AudioLatentShape.from_video_pixel_shape(pixels)  # 25 latent frames per second
    # LTXGemmaTokenizer left-pads to 1024; FeatureExtractorV1 zeroes the padded positions
    mask = torch.zeros(1, TOKENIZER_MAX_LENGTH, dtype=torch.int64, device=device)
    mask[:, -args.text_tokens:] = 1
    features = torch.randn(1, TOKENIZER_MAX_LENGTH, caption_channels, generator=g, device=device,
                           dtype=torch.bfloat16) * mask[..., None]

    def ints(value: int) -> torch.Tensor:
        return torch.tensor([value], device=device)

    return {
        "video_latents": {  # process_videos.py: bf16 VAE output [C, F, H, W] plus its grid and fps
            "latents": torch.randn(video.to_torch_shape(), generator=g, device=device, dtype=torch.bfloat16),
            "num_frames": ints(video.frames), "height": ints(video.height), "width": ints(video.width),
            "fps": torch.tensor([args.fps], dtype=torch.float64, device=device),
        },
        "audio_latents": {  # the audio VAE encoder runs in float32: [8, T, 16]
            "latents": torch.randn(audio.to_torch_shape(), generator=g, device=device, dtype=torch.float32),
            "num_time_steps": ints(audio.frames), "frequency_bins": ints(audio.mel_bins),
            "duration": torch.tensor([frames / args.fps], dtype=torch.float64, device=device),
        },
        "conditions": {"video_prompt_embeds": features, "audio_prompt_embeds": features.clone(),
                       "prompt_attention_mask": mask},
        "idx": ints(0),
    }


def train_step(trainer: Any, batch: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor]:
    """The body of ``LtxvTrainer.train``'s loop without validation, checkpoints and logging."""
    accelerator, max_grad_norm = trainer._accelerator, trainer._config.optimization.max_grad_norm
    with accelerator.accumulate(trainer._transformer):
        output = trainer._training_step(batch)
        accelerator.backward(output.loss.mean())
        grad_norm = accelerator.clip_grad_norm_(trainer._trainable_params, max_grad_norm)
        trainer._optimizer.step()
        trainer._optimizer.zero_grad()
        trainer._lr_scheduler.step()
    return output.loss.detach().mean(), grad_norm


def _connector_sizes(config: dict[str, Any]) -> dict[str, Any]:
    """The connectors in ``flops`` terms; the audio one falls back to the video sizes as its configurator does."""
    keys = ("num_attention_heads", "attention_head_dim", "num_layers")
    video = {k: config[f"connector_{k}"] for k in keys}
    # text_proj_in_factor 0: the Gemma feature projection ran offline, in process_captions.py
    return {"caption_channels": config["caption_channels"], "text_proj_in_factor": 0,
            "per_modality_projections": False, **{f"video_connector_{k}": v for k, v in video.items()},
            **{f"audio_connector_{k}": config.get(f"audio_connector_{k}", v) for k, v in video.items()}}


def run_config(setup: Setup, args: argparse.Namespace, frames: int, checkpointing: bool) -> dict[str, Any]:
    from ltx_core.model.transformer.attention import attention_label
    from ltx_core.model.transformer.transformer import DEFAULT_TRANSFORMER_OPS
    from ltx_core.text_encoders.gemma.gemma_assets import TOKENIZER_MAX_LENGTH

    trainer, config = setup.trainer, setup.config
    accelerator = trainer._accelerator
    accelerator.unwrap_model(trainer._transformer, keep_torch_compile=False).get_base_model() \
        .set_gradient_checkpointing(checkpointing)
    device = accelerator.device
    cuda = device.type == "cuda"
    base = make_batch(args, frames, config["caption_channels"], device, torch.Generator(device=device).manual_seed(3))
    video_tokens = base["video_latents"]["latents"][0, 0].numel()
    audio_tokens = base["audio_latents"]["latents"].shape[2]
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    times = []
    for step in range(args.warmup + args.steps):
        batch = {**base, "conditions": dict(base["conditions"])}  # _training_step overwrites the conditions
        if cuda:
            torch.cuda.synchronize()
        start = time.perf_counter()
        loss, grad_norm = train_step(trainer, batch)
        loss_value = loss.item()  # train() reads it every step
        if cuda:
            torch.cuda.synchronize()
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    peak = torch.cuda.max_memory_allocated() / GIB if cuda else 0.0
    reserved = torch.cuda.max_memory_reserved() / GIB if cuda else 0.0
    seconds = statistics.median(times)
    shape = flops.StepShape(video_tokens=video_tokens, audio_tokens=audio_tokens, text_tokens=TOKENIZER_MAX_LENGTH)
    counts = flops.transformer_counts(config, shape, _connector_sizes(config))
    return {
        "arch": "ltx2", "frames": frames, "width": args.width, "height": args.height,
        "audio_seconds": round(frames / args.fps, 2), "video_tokens": video_tokens, "audio_tokens": audio_tokens,
        "text_tokens": TOKENIZER_MAX_LENGTH, "layers": config["num_layers"], "rank": args.rank,
        "checkpointing": checkpointing, "compile": args.compile, "size": "tiny" if args.tiny else "full",
        "fork": args.label,
        "strategy": "flexible", "timestep_sampler": type(trainer._timestep_sampler).__name__,
        "attention": attention_label(DEFAULT_TRANSFORMER_OPS.attention_ops.attention_function),
        "steps_timed": len(times), "seconds_per_step": seconds, "seconds_min": min(times),
        "seconds_max": max(times), "tokens_per_second": (video_tokens + audio_tokens) / seconds,
        "peak_vram_gib": round(peak, 2), "peak_reserved_gib": round(reserved, 2),
        "memory_after_build_gib": setup.memory_after_build_gib,
        "train_tflops_per_step": round(counts.train_flops / 1e12, 1),
        "mfu": round(counts.train_flops / seconds / HOPPER_BF16_DENSE_FLOPS, 4) if cuda else None,
        "transformer_params": setup.transformer_params,
        "lora_params": sum(p.numel() for p in trainer._trainable_params),
        "loss": loss_value, "grad_norm": float(grad_norm),
        "gpu": torch.cuda.get_device_name(0) if cuda else "cpu", "torch": torch.__version__,
    }


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ltx2-src", type=Path, required=True,
                   help="Lightricks/LTX-2 checkout, or a folder with ltx_core/ and ltx_trainer/")
    p.add_argument("--label", default="ltx-trainer", help="name of the trainer in the result")
    p.add_argument("--frames", type=lambda v: [int(x) for x in v.split(",")], default=[81],
                   help="comma-separated frame counts (8k+1)")
    p.add_argument("--width", type=int, default=768)
    p.add_argument("--height", type=int, default=512)
    p.add_argument("--fps", type=float, default=24.0)
    p.add_argument("--text-tokens", type=int, default=256, help="valid prompt tokens (padded to 1024)")
    p.add_argument("--rank", type=int, default=32)
    p.add_argument("--checkpointing", type=_flags, default=[True], help="on, off or on,off")
    p.add_argument("--compile", type=lambda v: _flags(v)[0], default=False,
                   help="on: torch.compile through Accelerate's dynamo plugin, as ddp_compile.yaml")
    p.add_argument("--layers", type=int, default=0, help="override the layer count (0: full size)")
    p.add_argument("--tiny", action="store_true", help="shrink all widths: a CPU smoke test, not a benchmark")
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--device", default="cuda", choices=("cuda", "cpu"))
    p.add_argument("--out", type=Path, help="append the JSON lines to this file")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    _import_lightricks(args.ltx2_src)
    from accelerate.utils import set_seed

    setup = build(args)
    set_seed(42)  # train() seeds with the config's default seed before the loop
    setup.trainer._transformer.train()
    for frames in args.frames:
        for checkpointing in args.checkpointing:
            try:
                result = run_config(setup, args, frames, checkpointing)
            except torch.OutOfMemoryError as exc:
                result = {"arch": "ltx2", "fork": args.label, "frames": frames, "checkpointing": checkpointing,
                          "compile": args.compile, "error": "CUDA out of memory",
                          "detail": str(exc).splitlines()[0][:200]}
                setup.trainer._optimizer.zero_grad()
                torch.cuda.empty_cache()
            records.emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
