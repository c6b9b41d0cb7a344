"""Checklist items 7 and 8, which only a CUDA GPU can answer."""
from __future__ import annotations

import time

import torch

from ltx2_character.checklist.items import FAIL, PASS, Context, Verdict


def _steps_per_second(ctx: Context, name: str, compile_model: bool) -> float:
    from ltx2_character import workbench

    out = ctx.work / "runs" / name
    config = workbench.job(ctx.model, [{"folder_path": str(ctx.data["talking"])}], out, steps=12, name=name)
    process = config["config"]["process"][0]
    process["device"] = "cuda"
    process["train"]["dtype"] = "bf16"
    process["model"].update(compile=compile_model, block_compile=compile_model)
    outcome, sink = workbench.train(config, ctx.fork)
    if outcome != "completed":
        raise RuntimeError(sink.of("failed")[0]["error"])
    steady = [s["seconds"] for s in sink.of("step")][4:]
    return len(steady) / sum(steady)


def compile_speed(ctx: Context) -> Verdict:
    eager = _steps_per_second(ctx, "item7_eager", False)
    compiled = _steps_per_second(ctx, "item7_compiled", True)
    return Verdict(7, "model.compile: true", PASS, "the transformer blocks compile and train on CUDA; speed measured",
                   [f"steady steps/s eager {eager:.2f}, compiled {compiled:.2f} (ratio {compiled / eager:.2f}); "
                    "the tiny model is launch-bound, full-size figures are in docs/benchmarks.md"])


def checkpointing_vram(ctx: Context) -> Verdict:
    from diffusers import LTX2VideoTransformer3DModel

    from ltx2_character.demo.tiny_model import TinyModelSpec, transformer_config

    config = transformer_config(TinyModelSpec("ltx2"))
    config.update(num_layers=8, num_attention_heads=8, attention_head_dim=64, cross_attention_dim=512,
                  audio_num_attention_heads=8, audio_attention_head_dim=32, audio_cross_attention_dim=256)
    peaks = {}
    for checkpointing in (False, True):
        model = LTX2VideoTransformer3DModel(**config).to("cuda", torch.bfloat16).train()
        if checkpointing:
            model.enable_gradient_checkpointing()
        torch.cuda.reset_peak_memory_stats()
        video = torch.randn(1, 6144, config["in_channels"], device="cuda", dtype=torch.bfloat16)
        audio = torch.randn(1, 126, config["audio_in_channels"], device="cuda", dtype=torch.bfloat16)
        text = torch.randn(1, 256, config["caption_channels"], device="cuda", dtype=torch.bfloat16)
        t = torch.tensor([500.0], device="cuda")
        start = time.perf_counter()
        out_v, out_a = model(hidden_states=video, audio_hidden_states=audio, encoder_hidden_states=text,
                             audio_encoder_hidden_states=text, timestep=t, audio_timestep=t, sigma=t, audio_sigma=t,
                             num_frames=16, height=16, width=24, audio_num_frames=126, return_dict=False)
        (out_v.float().pow(2).mean() + out_a.float().pow(2).mean()).backward()
        torch.cuda.synchronize()
        peaks[checkpointing] = (torch.cuda.max_memory_allocated() / 2**20, time.perf_counter() - start)
        del model
        torch.cuda.empty_cache()
    saved = 1 - peaks[True][0] / peaks[False][0]
    return Verdict(8, "VRAM with gradient checkpointing on/off", PASS if saved > 0.1 else FAIL,
                   "checkpointing lowers peak VRAM on a 6,144-token video + 126-token audio step",
                   [f"peak MiB off {peaks[False][0]:.0f}, on {peaks[True][0]:.0f} ({saved:.0%} less)",
                    "full-size figures: docs/benchmarks.md"])
