"""Time full-size LTX-2 LoRA training steps through the fork's own model code.

Builds the LTX-2 transformer (and text connectors) at full size with random weights directly
on the GPU, puts a rank-r LoRA on it with ai-toolkit's ``LoRASpecialNetwork`` as training
does, and runs training steps through ``LTX2Model.get_noise_prediction`` (connectors,
patched audio stream, transformer) with latents, audio latents and text embeddings of the
real shapes in place of the VAE and text encoder. Speed and memory do not depend on weight
values. Point ``--fork`` at the patched fork or at a checkout of the bare pin to compare.

    python -m ltx2_character.bench.step_benchmark --fork DIR --frames 81 --out result.json
"""
from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import torch

from ltx2_character.bench import flops, stubs

H100_BF16_DENSE_FLOPS = 989e12  # NVIDIA H100 SXM datasheet, dense bf16 tensor cores
AUDIO_TOKENS_PER_SECOND = 25


class _Batch(SimpleNamespace):
    def set_secondary_audio_pred(self, pred):
        if self.audio_pred_slot is not None:
            setattr(self, self.audio_pred_slot, pred)


def _batch(frames: int, audio_latents: torch.Tensor) -> _Batch:
    return _Batch(dataset_config=SimpleNamespace(do_audio=True, do_i2v=False, fps=24), num_frames=frames,
                  audio_latents=audio_latents, audio_data=None, audio_tensor=None,
                  audio_present=torch.ones(audio_latents.shape[0], dtype=torch.bool), first_frame_latents=None,
                  audio_noise=None, audio_target=None, audio_pred=None, audio_pred_slot=None, audio_pred_prior=None,
                  audio_pred_uncond=None, audio_pred_preservation=None, audio_sigma=None, audio_timestep=None,
                  audio_loss_mask=None, audio_preserve_mask=None, audio_real_mask=None, audio_clean=None)


def _init_random_(module: torch.nn.Module, seed: int) -> None:
    g = torch.Generator(device="cuda" if next(module.parameters()).is_cuda else "cpu").manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.normal_(0.0, 0.02, generator=g)
        for b in module.buffers():
            if b.is_floating_point():
                b.normal_(0.0, 0.02, generator=g)


def _on_device(cls, config: dict, device, dtype, seed: int):
    with torch.device("meta"):
        module = cls(**config)
    module = module.to(dtype=dtype).to_empty(device=device)
    _init_random_(module, seed)
    return module


def build_model(args):
    stubs.install(str(Path(args.fork).resolve()))
    from ltx2_character.bridge.run import prepare_process

    prepare_process(str(args.fork))
    from diffusers import AutoencoderKLLTX2Audio, LTX2Pipeline, LTX2VideoTransformer3DModel
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors
    from extensions_built_in.diffusion_models.ltx2 import convert_ltx2_to_diffusers as conv
    from extensions_built_in.diffusion_models.ltx2.ltx2 import LTX2Model, LTX23Model
    from toolkit.config_modules import ModelConfig

    version = "2.0" if args.arch == "ltx2" else "2.3"
    tcfg = dict(conv.get_ltx2_transformer_config(version)[0]["diffusers_config"])
    ccfg = dict(conv.get_ltx2_connectors_config(version)[0]["diffusers_config"])
    if args.layers:
        tcfg["num_layers"] = args.layers
    device, dtype = torch.device(args.device), torch.bfloat16
    transformer = _on_device(LTX2VideoTransformer3DModel, tcfg, device, dtype, 0)
    connectors = _on_device(LTX2TextConnectors, ccfg, device, dtype, 1)
    audio_vae = _on_device(AutoencoderKLLTX2Audio, {}, device, dtype, 2)
    cls = LTX2Model if args.arch == "ltx2" else LTX23Model
    model_config = ModelConfig(name_or_path="random-weights", arch=args.arch, quantize=bool(args.qtype),
                               qtype=args.qtype or "qfloat8", low_vram=False)
    model = cls(device=args.device, model_config=model_config, dtype="bf16")
    pipe = LTX2Pipeline(scheduler=cls.get_train_scheduler(), vae=None, audio_vae=audio_vae, text_encoder=None,
                        tokenizer=None, connectors=connectors, transformer=None, vocoder=None)
    pipe.transformer = transformer
    model.noise_scheduler = cls.get_train_scheduler()
    model.pipeline, model.model = pipe, transformer
    model.text_encoder, model.tokenizer = [None], [None]
    transformer.requires_grad_(False)
    connectors.requires_grad_(False).eval()
    audio_vae.requires_grad_(False).eval()
    if args.qtype:
        from toolkit.util.quantize import quantize_model

        quantize_model(model, transformer)
        transformer.to(device)  # as LTX2Model.load_model does after quantizing
    return model, transformer, tcfg, ccfg


def add_lora(model, transformer, rank: int, checkpointing: bool):
    from toolkit.config_modules import NetworkConfig
    from toolkit.lora_special import LoRASpecialNetwork

    network_config = NetworkConfig(type="lora", linear=rank, linear_alpha=rank)
    network = LoRASpecialNetwork(text_encoder=[], unet=transformer, lora_dim=rank, multiplier=1.0, alpha=rank,
                                 train_unet=True, train_text_encoder=False, network_config=network_config,
                                 network_type="lora", transformer_only=True, is_transformer=True, base_model=model,
                                 target_lin_modules=model.target_lora_modules)
    network.force_to(model.device_torch, dtype=torch.float32)
    network.apply_to([], transformer, False, True)
    network.prepare_grad_etc([], transformer)
    params = network.prepare_optimizer_params(text_encoder_lr=1e-4, unet_lr=1e-4, default_lr=1e-4)
    if checkpointing:
        transformer.enable_gradient_checkpointing()
        network.enable_gradient_checkpointing()
    model.network = network
    network.is_active = True  # what the trainer's `with network:` does around each step
    network._update_torch_multiplier()
    return network, params


def compile_blocks(transformer) -> None:
    # as ai-toolkit's model.block_compile: each transformer block, default mode, dynamic shapes
    blocks = transformer.transformer_blocks
    for i in range(len(blocks)):
        blocks[i] = torch.compile(blocks[i], mode="default", dynamic=True, fullgraph=False)


def _set_checkpointing(transformer, on: bool) -> None:
    if on:
        transformer.enable_gradient_checkpointing()
    elif transformer.is_gradient_checkpointing:
        transformer.disable_gradient_checkpointing()


def run_config(model, transformer, tcfg, ccfg, optimizer, params, args, frames: int, checkpointing: bool,
               compiled: bool, sink=None, stop=None) -> dict:
    from toolkit.prompt_utils import PromptEmbeds

    _set_checkpointing(transformer, checkpointing)
    device = model.device_torch
    lat_f, lat_h, lat_w = (frames - 1) // 8 + 1, args.height // 32, args.width // 32
    audio_tokens = round(frames / args.fps * AUDIO_TOKENS_PER_SECOND)
    text_width = ccfg["caption_channels"] * ccfg["text_proj_in_factor"]
    g = torch.Generator(device=device).manual_seed(3)
    times = []
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats()
    for step in range(args.warmup + args.steps):
        latents = torch.randn(1, tcfg["in_channels"], lat_f, lat_h, lat_w, device=device, dtype=torch.bfloat16, generator=g)
        noise = torch.randn_like(latents)
        t = torch.rand(1, device=device, generator=g) * 1000
        sigma = (t / 1000).view(1, 1, 1, 1, 1).to(latents.dtype)
        noisy = (1 - sigma) * latents + sigma * noise
        embeds = PromptEmbeds([torch.randn(1, args.text_tokens, text_width, device=device, dtype=torch.bfloat16,
                                           generator=g), None])
        embeds.attention_mask = torch.ones(1, args.text_tokens, device=device, dtype=torch.int64)
        batch = _batch(frames, torch.randn(1, audio_tokens, tcfg["audio_in_channels"], device=device,
                                           dtype=torch.bfloat16, generator=g))
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        pred = model.get_noise_prediction(noisy, t, embeds, batch=batch)
        loss = torch.nn.functional.mse_loss(pred.float(), (noise - latents).float())
        if batch.audio_pred is not None:
            loss = loss + torch.nn.functional.mse_loss(batch.audio_pred.float(), batch.audio_target.float())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        if device.type == "cuda":
            torch.cuda.synchronize()
        if sink is not None:
            sink.accept(json.dumps({"type": "step", "step": step + 1, "loss": loss.item()}))
        if stop is not None and stop.get():
            break
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    peak = torch.cuda.max_memory_allocated() / 2**30 if device.type == "cuda" else 0.0
    seconds = statistics.median(times)
    shape = flops.StepShape(video_tokens=lat_f * lat_h * lat_w, audio_tokens=audio_tokens)
    counts = flops.transformer_counts(tcfg, shape, ccfg)
    return {
        "arch": args.arch, "frames": frames, "width": args.width, "height": args.height,
        "audio_seconds": round(frames / args.fps, 2), "video_tokens": shape.video_tokens,
        "audio_tokens": audio_tokens, "layers": tcfg["num_layers"], "rank": args.rank,
        "checkpointing": checkpointing, "compile": compiled, "qtype": args.qtype, "memory_cap_gib": args.memory_cap_gib,
        "fork": args.label, "steps_timed": len(times), "seconds_per_step": seconds,
        "seconds_min": min(times), "seconds_max": max(times),
        "tokens_per_second": (shape.video_tokens + audio_tokens) / seconds,
        "peak_vram_gib": round(peak, 2), "train_tflops_per_step": round(counts.train_flops / 1e12, 1),
        "mfu": round(counts.train_flops / seconds / H100_BF16_DENSE_FLOPS, 4),
        "transformer_params": sum(p.numel() for p in transformer.parameters()),
        "lora_params": sum(p.numel() for group in params for p in group["params"]),
        "gpu": torch.cuda.get_device_name(0) if device.type == "cuda" else "cpu", "torch": torch.__version__,
    }


def run(args, sink=None, stop=None, emit=print) -> list[dict]:
    """Every (compile, frames, checkpointing) combination on one model: eager first, then
    compiled. ``sink``/``stop``: the Java event consumer and stop flag when run in-process
    (``bench-step``), called every step exactly as ``orchestrator train`` calls them."""
    model, transformer, tcfg, ccfg = build_model(args)
    if args.memory_cap_gib and torch.cuda.is_available():
        # The cap applies to training, after loading: ai-toolkit loads on the CPU and quantizes
        # block by block, so loading never holds the whole bf16 model on a small card.
        gc.collect()
        torch.cuda.empty_cache()
        total = torch.cuda.get_device_properties(0).total_memory / 2**30
        torch.cuda.set_per_process_memory_fraction(min(1.0, args.memory_cap_gib / total))
    network, params = add_lora(model, transformer, args.rank, checkpointing=True)
    optimizer = torch.optim.AdamW(params, lr=1e-4)
    results = []
    for compiled in args.compile:
        if compiled:
            compile_blocks(transformer)
        for frames in args.frames:
            for checkpointing in args.checkpointing:
                try:
                    result = run_config(model, transformer, tcfg, ccfg, optimizer, params, args, frames, checkpointing,
                                        compiled, sink, stop)
                except torch.OutOfMemoryError as exc:
                    result = {"arch": args.arch, "fork": args.label, "frames": frames, "checkpointing": checkpointing,
                              "compile": compiled, "qtype": args.qtype, "memory_cap_gib": args.memory_cap_gib,
                              "error": "CUDA out of memory", "detail": str(exc).splitlines()[0][:200]}
                    optimizer.zero_grad(set_to_none=True)
                    gc.collect()
                    torch.cuda.empty_cache()
                results.append(result)
                emit(json.dumps(result))
                if args.profile and "error" not in result:
                    emit_profile(model, transformer, tcfg, ccfg, optimizer, params, args, frames, checkpointing, compiled)
    return results


def emit_profile(model, transformer, tcfg, ccfg, optimizer, params, args, frames, checkpointing, compiled) -> None:
    """One more step under torch.profiler; the top CUDA kernels go to stdout (where the time goes)."""
    from torch.profiler import ProfilerActivity, profile

    quiet = argparse.Namespace(**{**vars(args), "warmup": 0, "steps": 1})
    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
        run_config(model, transformer, tcfg, ccfg, optimizer, params, quiet, frames, checkpointing, compiled)
    print(f"profile: frames {frames}, checkpointing {checkpointing}, compile {compiled}", flush=True)
    print(prof.key_averages().table(sort_by="cuda_time_total", row_limit=25, max_name_column_width=60), flush=True)


def _flags(text: str) -> list[bool]:
    return [v.strip() in ("on", "true", "1") for v in text.split(",")]


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fork", type=Path, required=True)
    p.add_argument("--label", default="patched", help="name of the fork in the result (patched / upstream)")
    p.add_argument("--arch", choices=("ltx2", "ltx2.3"), default="ltx2")
    p.add_argument("--frames", type=lambda v: [int(x) for x in v.split(",")], default=[81],
                   help="comma-separated frame counts (8k+1)")
    p.add_argument("--width", type=int, default=768)
    p.add_argument("--height", type=int, default=512)
    p.add_argument("--fps", type=float, default=24.0)
    p.add_argument("--text-tokens", type=int, default=256)
    p.add_argument("--rank", type=int, default=32)
    p.add_argument("--checkpointing", type=_flags, default=[True], help="on, off or on,off")
    p.add_argument("--compile", type=_flags, default=[False], help="off, on or off,on (eager runs first)")
    p.add_argument("--memory-cap-gib", type=float, default=0.0, help="limit this process's GPU memory (the 32 GiB question)")
    p.add_argument("--qtype", default="", help="quantize the base weights (e.g. qfloat8, as model.qtype)")
    p.add_argument("--layers", type=int, default=0, help="override the layer count (0: full size)")
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--device", default="cuda")
    p.add_argument("--profile", action="store_true", help="print a torch.profiler table after each configuration")
    p.add_argument("--out", type=Path)
    return p.parse_args(argv)


def main(argv: list[str] | None = None, sink=None, stop=None) -> int:
    args = parse(argv)

    def emit(line: str) -> None:
        print(line, flush=True)
        if args.out:
            with open(args.out, "a") as f:
                f.write(line + "\n")

    run(args, sink, stop, emit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
