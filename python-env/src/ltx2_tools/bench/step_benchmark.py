"""Time full-size LTX-2 LoRA training steps through the fork's own model code.

Builds the LTX-2 transformer (and text connectors) at full size with random weights directly
on the GPU, puts a rank-r LoRA on it with ai-toolkit's ``LoRASpecialNetwork`` as training
does, and runs training steps through ``LTX2Model.get_noise_prediction`` (connectors,
patched audio stream, transformer) with latents, audio latents and text embeddings of the
real shapes in place of the VAE and text encoder. Speed and memory do not depend on weight
values. Point ``--fork`` at the patched fork or at a checkout of the bare pin.

``--fast-arm`` times the fast path (``ltx2_character.training.fast_path``: blocks compiled in
place with static shapes, the LoRA in bf16 with its scale folded, fused AdamW) against the same
fork's eager step on the same model, alternating step by step the same way; the eager arm gets
upstream's LoRA forward, uncompiled blocks and foreach AdamW. Both optimizers' states stay
allocated, so the peak VRAM of each arm includes both (equal for both arms).

``--compare-fork DIR`` times a second tree's ``LTX2Model`` on the same weights, LoRA and
inputs in the same process, alternating the two step by step (ABBA), so that drift of the
machine falls on both alike and the ratio is paired. Only the model file differs between the
arms: the rest of ``toolkit`` (LoRA modules included) is the first tree's, see
docs/benchmarks.md.

    python -m ltx2_tools.bench.step_benchmark --fork DIR --frames 81 --out result.json
"""
from __future__ import annotations

import argparse
import gc
import importlib.util
import inspect
import itertools
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import torch
from torch.profiler import record_function

from ltx2_tools.bench import flops, intervals, profiling, records, stubs
from ltx2_tools.bench.profiling import PHASE_PREFIX
from ltx2_tools.bench.python_build import running_libpython

HOPPER_BF16_DENSE_FLOPS = 989e12  # NVIDIA H100/H200 SXM datasheet, dense bf16 tensor cores
AUDIO_TOKENS_PER_SECOND = 25
GIB = 2**30


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


@dataclass
class Arm:
    """One model implementation being timed; all arms share the transformer, LoRA and optimizer."""

    label: str
    model: Any
    times: list[float] = field(default_factory=list)
    optimizer: Any = None  # None: the run's shared optimizer
    activate: Callable[[], None] | None = None  # switches the shared model to this arm before its step
    warmup_times: list[float] = field(default_factory=list)
    peak_gib: float = 0.0
    compiled: bool = False  # the arm's blocks are compiled whatever --compile says (the fast arm)


@dataclass
class Built:
    model: Any
    transformer: torch.nn.Module
    tcfg: dict
    ccfg: dict
    memory_after_build_gib: float


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


def _allocated_gib() -> float:
    return round(torch.cuda.memory_allocated() / GIB, 2) if torch.cuda.is_available() else 0.0


def _configs(args) -> tuple[dict, dict, dict]:
    """Transformer, connector and audio VAE configs: ai-toolkit's own full-size ones, or the
    project's verified tiny set (``--size tiny``, for CPU tests of this harness)."""
    if args.size == "tiny":
        from ltx2_tools.demo import tiny_model

        spec = tiny_model.TinyModelSpec(args.arch)
        return (tiny_model.transformer_config(spec), tiny_model.connectors_config(spec),
                tiny_model.audio_vae_config())
    from extensions_built_in.diffusion_models.ltx2 import convert_ltx2_to_diffusers as conv

    version = "2.0" if args.arch == "ltx2" else "2.3"
    return (dict(conv.get_ltx2_transformer_config(version)[0]["diffusers_config"]),
            dict(conv.get_ltx2_connectors_config(version)[0]["diffusers_config"]), {})


def _model_config(args):
    from toolkit.config_modules import ModelConfig

    return ModelConfig(name_or_path="random-weights", arch=args.arch, quantize=bool(args.qtype),
                       qtype=args.qtype or "qfloat8", low_vram=False, layer_offloading=args.offload_percent > 0,
                       layer_offloading_transformer_percent=args.offload_percent)


def _model_class(tree: Path | None, arch: str):
    """``tree``'s LTX-2 model class; None: the fork on ``sys.path``. Another tree's ltx2 package
    is imported under a private name, so two trees' model files live in one process."""
    if tree is None:
        from extensions_built_in.diffusion_models.ltx2.ltx2 import LTX2Model, LTX23Model
    else:
        package = tree / "extensions_built_in" / "diffusion_models" / "ltx2"
        name = f"_bench_arm_{abs(hash(str(tree)))}_ltx2"
        spec = importlib.util.spec_from_file_location(name, package / "__init__.py",
                                                      submodule_search_locations=[str(package)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        LTX2Model, LTX23Model = module.LTX2Model, module.LTX23Model
    return LTX2Model if arch == "ltx2" else LTX23Model


_SHARED = ("noise_scheduler", "pipeline", "model", "text_encoder", "tokenizer")


def _new_model(cls, args, like=None):
    model = cls(device=args.device, model_config=_model_config(args), dtype="bf16")
    if like is not None:
        for name in _SHARED + ("network",):
            setattr(model, name, getattr(like, name))
    return model


def _offload(transformer, device, percent: float) -> None:
    """ai-toolkit's layer offloading, attached as LTX2Model.load_model does (scale-shift tables stay)."""
    from toolkit.memory_management import MemoryManager

    ignore = []
    for block in transformer.transformer_blocks:
        ignore += [block.scale_shift_table, block.audio_scale_shift_table,
                   block.video_a2v_cross_attn_scale_shift_table, block.audio_a2v_cross_attn_scale_shift_table]
    ignore += [transformer.scale_shift_table, transformer.audio_scale_shift_table]
    random.seed(0)  # MemoryManager picks the offloaded layers at random
    MemoryManager.attach(transformer, device, offload_percent=percent, ignore_modules=ignore)
    transformer.to(device)


def build_model(args) -> Built:
    stubs.install(str(Path(args.fork).resolve()))
    from ltx2_character.bridge.run import prepare_process

    prepare_process(str(args.fork))
    from diffusers import AutoencoderKLLTX2Audio, LTX2Pipeline, LTX2VideoTransformer3DModel
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors

    tcfg, ccfg, acfg = _configs(args)
    if args.layers:
        tcfg["num_layers"] = args.layers
    device, dtype = torch.device(args.device), torch.bfloat16
    transformer = _on_device(LTX2VideoTransformer3DModel, tcfg, device, dtype, 0)
    connectors = _on_device(LTX2TextConnectors, ccfg, device, dtype, 1)
    audio_vae = _on_device(AutoencoderKLLTX2Audio, acfg, device, dtype, 2)
    cls = _model_class(None, args.arch)
    model = _new_model(cls, args)
    pipe = LTX2Pipeline(scheduler=cls.get_train_scheduler(), vae=None, audio_vae=audio_vae, text_encoder=None,
                        tokenizer=None, connectors=connectors, transformer=None, vocoder=None)
    pipe.transformer = transformer
    model.noise_scheduler = cls.get_train_scheduler()
    # A model built outside a training job has no audio options until someone gives them; the
    # benchmark trains as a default job does (a missing configuration is an error, not a default).
    from ltx2_character.audio.options import AudioTrainingOptions
    from ltx2_character.fork import ltx2_audio

    ltx2_audio.configure(model, AudioTrainingOptions())
    model.pipeline, model.model = pipe, transformer
    model.text_encoder, model.tokenizer = [None], [None]
    transformer.requires_grad_(False)
    connectors.requires_grad_(False).eval()
    audio_vae.requires_grad_(False).eval()
    if args.qtype:
        from toolkit.util.quantize import quantize_model

        quantize_model(model, transformer)
        transformer.to(device)  # as LTX2Model.load_model does after quantizing
    if args.offload_percent > 0:
        _offload(transformer, device, args.offload_percent)
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    return Built(model, transformer, tcfg, ccfg, _allocated_gib())


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


def fast_and_eager_arms(args, built: Built, network, params) -> list[Arm]:
    """The fast path and the eager step as two arms of one model. The fast arm gets what the trainer's
    plan gives a CUDA job with these settings (layer offloading or a quantized base: no compile, and
    no fused AdamW with offloading); its blocks are compiled in place once, and each arm switches the
    compiled blocks and the LoRA forward on or off."""
    from ltx2_character.training import block_compile, fast_path
    from ltx2_tools.bench import selective_checkpointing

    plan = fast_path.plan(enabled=True, arch=args.arch, device_type="cuda", optimizer="adamw", network_type="lora",
                          layer_offloading=args.offload_percent > 0, quantized=bool(args.qtype))
    blocks = built.transformer.transformer_blocks
    cuda = built.model.device_torch.type == "cuda"
    compiled = []
    if cuda and plan.compile_blocks:  # on a CPU inductor takes minutes per shape; the smoke run checks the switching
        block_compile.compile_blocks(blocks)
        compiled = [b._compiled_call_impl for b in blocks]

    def switch(fast: bool) -> None:
        network.ltx2_compute_dtype_lora = fast and plan.compute_dtype_lora
        for block, impl in zip(blocks, compiled):
            block._compiled_call_impl = impl if fast else None
        if built.transformer.gradient_checkpointing:  # the fast arm keeps --keep-blocks blocks' activations
            selective_checkpointing.install(built.transformer, args.kept_now if fast else 0)

    return [Arm("fast", built.model, optimizer=torch.optim.AdamW(params, lr=1e-4, fused=cuda and plan.fused_adamw),
                activate=lambda: switch(True), compiled=bool(compiled)),
            Arm(args.label, built.model, optimizer=torch.optim.AdamW(params, lr=1e-4, foreach=cuda),
                activate=lambda: switch(False))]


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


@dataclass
class StepInputs:
    latents: torch.Tensor
    noise: torch.Tensor
    timestep: torch.Tensor
    text: torch.Tensor
    audio_latents: torch.Tensor


def _draw_inputs(g, built: Built, args, frames: int) -> StepInputs:
    device = built.model.device_torch
    lat_f, lat_h, lat_w = (frames - 1) // 8 + 1, args.height // 32, args.width // 32
    audio_tokens = round(frames / args.fps * AUDIO_TOKENS_PER_SECOND)
    text_width = built.ccfg["caption_channels"] * built.ccfg["text_proj_in_factor"]
    bf16 = torch.bfloat16
    latents = torch.randn(1, built.tcfg["in_channels"], lat_f, lat_h, lat_w, device=device, dtype=bf16, generator=g)
    return StepInputs(latents=latents,
                      noise=torch.randn(latents.shape, device=device, dtype=bf16, generator=g),
                      timestep=torch.rand(1, device=device, generator=g) * 1000,
                      text=torch.randn(1, args.text_tokens, text_width, device=device, dtype=bf16, generator=g),
                      audio_latents=torch.randn(1, audio_tokens, built.tcfg["audio_in_channels"], device=device,
                                                dtype=bf16, generator=g))


def _timed_step(model, inputs: StepInputs, optimizer, frames: int) -> tuple[float, float]:
    """One training step of ``model`` on ``inputs``: (seconds, loss)."""
    from toolkit.prompt_utils import PromptEmbeds

    device = inputs.latents.device
    sigma = (inputs.timestep / 1000).view(1, 1, 1, 1, 1).to(inputs.latents.dtype)
    noisy = (1 - sigma) * inputs.latents + sigma * inputs.noise
    embeds = PromptEmbeds([inputs.text, None])
    embeds.attention_mask = torch.ones(inputs.text.shape[:2], device=device, dtype=torch.int64)
    batch = _batch(frames, inputs.audio_latents)
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    with record_function(PHASE_PREFIX + "forward"):  # phases for --profile (~1 us each unprofiled)
        pred = model.get_noise_prediction(noisy, inputs.timestep, embeds, batch=batch)
        loss = torch.nn.functional.mse_loss(pred.float(), (inputs.noise - inputs.latents).float())
        if batch.audio_pred is not None:
            loss = loss + torch.nn.functional.mse_loss(batch.audio_pred.float(), batch.audio_target.float())
    with record_function(PHASE_PREFIX + "backward"):
        loss.backward()
    with record_function(PHASE_PREFIX + "optimizer"):
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start, loss.item()


def callback_cost_us(sink, stop, calls: int = 2000) -> float:
    """Microseconds per step of what the in-process runner adds: one event and one stop poll."""
    line = json.dumps({"type": "step", "step": 0, "loss": 0.0})
    start = time.perf_counter()
    for _ in range(calls):
        sink.accept(line)
        stop.get()
    return (time.perf_counter() - start) / calls * 1e6


def run_config(arms: list[Arm], built: Built, optimizer, params, args, frames: int, checkpointing: bool,
               compiled: bool, sink=None, stop=None) -> list[dict]:
    """Warm-up then timed steps; with two arms, alternating ABBA on the same inputs."""
    _set_checkpointing(built.transformer, checkpointing)
    device = built.model.device_torch
    g = torch.Generator(device=device).manual_seed(3)
    for arm in arms:
        arm.times, arm.warmup_times, arm.peak_gib = [], [], 0.0
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats()
    stopped = False
    for step in range(args.warmup + args.steps):
        inputs = _draw_inputs(g, built, args, frames)
        for arm in (arms if step % 2 == 0 else arms[::-1]):
            if arm.activate is not None:
                arm.activate()
            if device.type == "cuda":
                torch.cuda.reset_peak_memory_stats()
            seconds, loss = _timed_step(arm.model, inputs, arm.optimizer or optimizer, frames)
            if device.type == "cuda":
                arm.peak_gib = max(arm.peak_gib, torch.cuda.max_memory_allocated() / GIB)
            if sink is not None:
                sink.accept(json.dumps({"type": "step", "step": step + 1, "loss": loss}))
            (arm.times if step >= args.warmup else arm.warmup_times).append(seconds)
        if stop is not None and stop.get():
            stopped = True
            break
    peak = max(arm.peak_gib for arm in arms)
    reserved = torch.cuda.max_memory_reserved() / GIB if device.type == "cuda" else 0.0
    lat_f, lat_h, lat_w = (frames - 1) // 8 + 1, args.height // 32, args.width // 32
    audio_tokens = round(frames / args.fps * AUDIO_TOKENS_PER_SECOND)
    shape = flops.StepShape(video_tokens=lat_f * lat_h * lat_w, audio_tokens=audio_tokens)
    counts = flops.transformer_counts(built.tcfg, shape, built.ccfg if args.size == "full" else None)
    common = {
        "arch": args.arch, "size": args.size, "frames": frames, "width": args.width, "height": args.height,
        "audio_seconds": round(frames / args.fps, 2), "video_tokens": shape.video_tokens,
        "audio_tokens": audio_tokens, "layers": built.tcfg["num_layers"], "rank": args.rank,
        "checkpointing": checkpointing, "kept_blocks": getattr(args, "kept_now", 0), "compile": compiled, "qtype": args.qtype, "fast_arm": bool(args.fast_arm),
        "offload_percent": args.offload_percent, "memory_cap_gib": args.memory_cap_gib,
        "runner": "jep" if sink is not None else "python", "stopped": stopped,
        "peak_vram_gib": round(peak, 2), "peak_reserved_gib": round(reserved, 2),
        "memory_after_build_gib": built.memory_after_build_gib,
        "train_tflops_per_step": round(counts.train_flops / 1e12, 1),
        "transformer_params": sum(p.numel() for p in built.transformer.parameters()),
        "lora_params": sum(p.numel() for group in params for p in group["params"]),
        "gpu": torch.cuda.get_device_name(0) if device.type == "cuda" else "cpu", "torch": torch.__version__,
        "libpython": running_libpython(),  # "static" or the shared library (always under Jep)
    }
    if sink is not None:
        common["callbacks_us_per_step"] = round(callback_cost_us(sink, stop), 2)
    results = []
    for arm in arms:
        seconds = statistics.median(arm.times)
        results.append({**common, "fork": arm.label, "compile": compiled or arm.compiled,
                        "model_file": inspect.getsourcefile(type(arm.model)),
                        "arm_peak_vram_gib": round(arm.peak_gib, 2),
                        "warmup_seconds": [round(t, 3) for t in arm.warmup_times],
                        "interleaved_with": [a.label for a in arms if a is not arm],
                        "steps_timed": len(arm.times), "seconds_per_step": seconds, "seconds_min": min(arm.times),
                        "seconds_max": max(arm.times), "seconds_all": [round(t, 4) for t in arm.times],
                        "tokens_per_second": (shape.video_tokens + audio_tokens) / seconds,
                        "mfu": round(counts.train_flops / seconds / HOPPER_BF16_DENSE_FLOPS, 4)
                        if device.type == "cuda" else None})
    if len(arms) == 2:
        results.append({**common, "type": "ratio", **paired_ratio(arms[0], arms[1])})
    return results


def paired_ratio(a: Arm, b: Arm) -> dict:
    """a's step time over b's, step by step: the median and quartiles of the paired ratios."""
    ratios = sorted(x / y for x, y in zip(a.times, b.times))
    q = statistics.quantiles(ratios, n=4) if len(ratios) >= 2 else [ratios[0]] * 3
    low, high = intervals.median_ci(ratios)
    return {"fork": f"{a.label}/{b.label}", "pairs": len(ratios), "ratio_median": round(statistics.median(ratios), 4),
            "ratio_q1": round(q[0], 4), "ratio_q3": round(q[2], 4), "ratio_ci95": [round(low, 4), round(high, 4)],
            "ratio_of_medians": round(statistics.median(a.times) / statistics.median(b.times), 4)}


def run(args, sink=None, stop=None, emit=print) -> list[dict]:
    """Every (compile, frames, checkpointing) combination on one model: eager first, then
    compiled. ``sink``/``stop``: the Java event consumer and stop flag when run in-process
    (``bench-step``), called every step exactly as ``orchestrator train`` calls them."""
    start = time.perf_counter()
    built = build_model(args)
    arms = [Arm(args.label, built.model)]
    if args.compare_fork:
        stubs.install(str(Path(args.compare_fork).resolve()))
        arms.append(Arm(args.compare_label, None))
    if args.memory_cap_gib and torch.cuda.is_available():
        # The cap applies to training, after loading: ai-toolkit loads on the CPU and quantizes
        # block by block, so loading never holds the whole bf16 model on a small card.
        total = torch.cuda.get_device_properties(0).total_memory / GIB
        torch.cuda.set_per_process_memory_fraction(min(1.0, args.memory_cap_gib / total))
    network, params = add_lora(built.model, built.transformer, args.rank, checkpointing=True)
    if args.compare_fork:
        arms[1].model = _new_model(_model_class(Path(args.compare_fork), args.arch), args, like=built.model)
    optimizer = torch.optim.AdamW(params, lr=1e-4)
    if args.fast_arm:
        arms = fast_and_eager_arms(args, built, network, params)
    emit(json.dumps({"type": "setup", "seconds": round(time.perf_counter() - start, 1),
                     "memory_after_build_gib": built.memory_after_build_gib, "memory_after_lora_gib": _allocated_gib()}))
    results = []
    for compiled in args.compile:
        if compiled:
            compile_blocks(built.transformer)
        for frames, checkpointing, args.kept_now in itertools.product(args.frames, args.checkpointing, args.keep_blocks):
            try:
                records = run_config(arms, built, optimizer, params, args, frames, checkpointing, compiled,
                                     sink, stop)
            except torch.OutOfMemoryError as exc:
                records = [{"arch": args.arch, "fork": args.label, "frames": frames, "checkpointing": checkpointing,
                            "kept_blocks": args.kept_now, "compile": compiled, "qtype": args.qtype,
                            "offload_percent": args.offload_percent,
                            "memory_cap_gib": args.memory_cap_gib, "error": "CUDA out of memory",
                            "peak_vram_gib": round(torch.cuda.max_memory_allocated() / GIB, 2),
                            "detail": str(exc).splitlines()[0][:200]}]
                for arm in arms:
                    (arm.optimizer or optimizer).zero_grad(set_to_none=True)
                gc.collect()
                torch.cuda.empty_cache()
            for record in records:
                emit(json.dumps(record))
            results += records
            if args.profile and "error" not in records[0]:
                emit_profile(arms[0], built, optimizer, params, args, frames, checkpointing, compiled, emit)
    return results


def emit_profile(arm: Arm, built: Built, optimizer, params, args, frames, checkpointing, compiled,
                 emit: Callable[[str], None] = print) -> None:
    """One more step of ``arm`` (with --fast-arm: the fast one) under torch.profiler: the top GPU
    kernels and CPU ops as tables on stdout and as a ``profile`` record (profiling.summarize)."""
    from torch.profiler import ProfilerActivity, profile

    quiet = argparse.Namespace(**{**vars(args), "warmup": 0, "steps": 1})
    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
        step = run_config([arm], built, optimizer, params, quiet, frames, checkpointing, compiled)
    averages = prof.key_averages()
    print(f"profile: {arm.label}, frames {frames}, checkpointing {checkpointing}, compile {compiled or arm.compiled}",
          flush=True)
    for key in ("self_device_time_total", "self_cpu_time_total"):
        print(averages.table(sort_by=key, row_limit=25, max_name_column_width=60), flush=True)
    emit(json.dumps({"type": "profile", "fork": arm.label, "frames": frames, "checkpointing": checkpointing,
                     "compile": compiled or arm.compiled, "profiled_step_s": round(step[0]["seconds_per_step"], 3),
                     **profiling.summarize(profiling.op_times(averages))}))


def _flags(text: str) -> list[bool]:
    return [v.strip() in ("on", "true", "1") for v in text.split(",")]


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fork", type=Path, required=True)
    p.add_argument("--label", default="patched", help="name of the fork in the result (patched / upstream)")
    p.add_argument("--compare-fork", type=Path, help="a second ai-toolkit tree timed interleaved on the same model")
    p.add_argument("--compare-label", default="upstream")
    p.add_argument("--fast-arm", action="store_true",
                   help="time the fast path against this fork's eager step on the same model, alternating")
    p.add_argument("--arch", choices=("ltx2", "ltx2.3"), default="ltx2")
    p.add_argument("--size", choices=("full", "tiny"), default="full",
                   help="full: ai-toolkit's LTX-2 configs; tiny: the project's tiny LTX-2 (CPU tests of this harness)")
    p.add_argument("--frames", type=lambda v: [int(x) for x in v.split(",")], default=[81],
                   help="comma-separated frame counts (8k+1)")
    p.add_argument("--width", type=int, default=768)
    p.add_argument("--height", type=int, default=512)
    p.add_argument("--fps", type=float, default=24.0)
    p.add_argument("--text-tokens", type=int, default=256)
    p.add_argument("--rank", type=int, default=32)
    p.add_argument("--checkpointing", type=_flags, default=[True], help="on, off or on,off")
    p.add_argument("--keep-blocks", type=lambda v: [int(x) for x in v.split(",")], default=[0],
                   help="with --fast-arm and checkpointing: the fast arm keeps the activations of this many blocks "
                        "(comma-separated values run in turn; 0: every block recomputed, as eager)")
    p.add_argument("--compile", type=_flags, default=[False], help="off, on or off,on (eager runs first)")
    p.add_argument("--memory-cap-gib", type=float, default=0.0, help="limit this process's GPU memory (the 32 GiB question)")
    p.add_argument("--qtype", default="", help="quantize the base weights (e.g. qfloat8, as model.qtype)")
    p.add_argument("--offload-percent", type=float, default=0.0,
                   help="ai-toolkit layer offloading: share of the transformer's linears kept on the CPU (0: off)")
    p.add_argument("--layers", type=int, default=0, help="override the layer count (0: as the config)")
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--device", default="cuda")
    p.add_argument("--profile", action="store_true", help="print a torch.profiler table after each configuration")
    p.add_argument("--out", type=Path)
    return p.parse_args(argv)


def main(argv: list[str] | None = None, sink=None, stop=None) -> int:
    args = parse(argv)

    def emit(line: str) -> None:
        records.emit_line(line, args.out)

    run(args, sink, stop, emit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
