"""Checklist items 7 and 8, which only a CUDA GPU can answer."""
from __future__ import annotations

import re
import statistics
import time

import torch

from ltx2_tools.checklist.items import FAIL, PASS, Context, Verdict

WARMUP_STEPS = 4  # the first compiled steps include compilation; neither run's are timed

# What BaseSDTrainProcess prints once it has wrapped blocks (or the whole transformer) in
# torch.compile, and what it prints when compiling failed and it trains eagerly instead.
# Not anchored to line starts: a progress bar's carriage returns can share the line.
COMPILED = re.compile(r"Compiled \d+ transformer block\(s\) with torch\.compile|"
                      r"falling back to whole-model torch\.compile|Compiling model with torch\.compile")
NOT_COMPILED = re.compile(r"Continuing without compilation")


def _steady_step_seconds(ctx: Context, name: str, compile_model: bool) -> tuple[list[float], str]:
    """Seconds of each step after the warm-up, and the trainer log."""
    from ltx2_tools import workbench

    out = ctx.work / "runs" / name
    log = out / "trainer.log"
    config = workbench.job(ctx.model, [{"folder_path": str(ctx.data["talking"])}], out, steps=12, name=name)
    process = config["config"]["process"][0]
    process["device"] = "cuda"
    process["train"]["dtype"] = "bf16"
    process["model"].update(compile=compile_model, block_compile=compile_model)
    outcome, sink = workbench.train(config, ctx.fork, str(log))
    if outcome != "completed":
        raise RuntimeError(sink.of("failed")[0]["error"])
    return [s["seconds"] for s in sink.of("step")][WARMUP_STEPS:], log.read_text(errors="ignore")


def compile_verdict(eager: list[float], compiled: list[float], compiled_log: str) -> Verdict:
    """Item 7 from its measurements. The SOP expects "Transformer compiled (log message
    confirms); training runs faster" and gives no threshold, so faster means a lower median
    steady step time than eager; medians, because one slow step (a recompile, a GC pause)
    would move a mean."""
    title = "model.compile: true"
    checks = ("the trainer log confirms the transformer was compiled, and the compiled median step time is "
              "below eager's (the SOP gives no threshold: any speed-up passes)")
    if not eager or not compiled:
        return Verdict(7, title, FAIL, checks, [f"no steady steps measured (eager {len(eager)}, compiled {len(compiled)})"])
    logged = bool(COMPILED.search(compiled_log)) and not NOT_COMPILED.search(compiled_log)
    eager_median, compiled_median = statistics.median(eager), statistics.median(compiled)
    faster = compiled_median < eager_median
    return Verdict(7, title, PASS if logged and faster else FAIL, checks,
                   [f"median steady step s: eager {eager_median:.4f}, compiled {compiled_median:.4f} "
                    f"(compiled/eager {compiled_median / eager_median:.2f}; {'faster' if faster else 'not faster'})",
                    "log: transformer compiled" if logged else "log: no compile confirmation (or compile fell back to eager)",
                    "full-size figures: docs/benchmarks.md"])


def compile_speed(ctx: Context) -> Verdict:
    eager, _ = _steady_step_seconds(ctx, "item7_eager", False)
    compiled, log = _steady_step_seconds(ctx, "item7_compiled", True)
    return compile_verdict(eager, compiled, log)


def checkpointing_vram(ctx: Context) -> Verdict:
    from diffusers import LTX2VideoTransformer3DModel

    from ltx2_tools.demo.tiny_model import TinyModelSpec, transformer_config

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
