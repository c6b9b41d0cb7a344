"""One line per benchmark record of a steps.jsonl (what bin/gpu-bench prints last).

    python -m ltx2_tools.bench.summary RESULTS/steps.jsonl
"""
from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from ltx2_tools.bench import intervals


def _settings(r: dict) -> str:
    parts = [str(r.get("arch")), f"{r.get('frames')}f", "ckpt" if r.get("checkpointing") else "no-ckpt",
             "compile" if r.get("compile") else "eager", r.get("qtype") or "bf16"]
    if r.get("offload_percent"):
        parts.append(f"offload {r['offload_percent']:.0%}")
    if r.get("memory_cap_gib"):
        parts.append(f"cap {r['memory_cap_gib']:g} GiB")
    if r.get("runner") == "jep":
        parts.append("jep")
    return " ".join(parts)


def line(r: dict) -> str:
    kind = r.get("type")
    if kind == "setup":
        return f"setup {r['seconds']} s, {r['memory_after_build_gib']} GiB after build, {r['memory_after_lora_gib']} GiB with LoRA"
    if kind == "host_overhead":
        probes = ", ".join(f"{k[:-3]} {v:.2f}" for k, v in r.items() if k.endswith("_us"))
        where = "main thread" if r["main_thread"] else "other thread"
        return f"host overhead {r['label']} ({r['runner']}, {where}), us per call: {probes}"
    if kind == "ddp_step":
        return (f"ddp {r['gpus']} rank(s) {r['frames']}f step {r['step']}: {r['seconds']:.3f} s "
                f"(slowest rank; rank 0 {r['rank0_seconds']:.3f} s) on {r['device']}")
    if kind == "profile":
        top = lambda side: ", ".join(f"{op['name'][:40]} {op['share']:.0%}" for op in r[side][:5])
        where = f"{r['frames']}f {'ckpt' if r['checkpointing'] else 'no-ckpt'} {'compile' if r['compile'] else 'eager'}"
        return (f"profile {r['fork']} {where}: step {r['profiled_step_s']} s profiled, GPU kernels "
                f"{r['gpu_kernel_ms']} ms, CPU ops {r['cpu_op_ms']} ms, phases (CPU ms) {r['phases_cpu_ms']}; "
                f"top GPU: {top('top_gpu')}; top CPU: {top('top_cpu')}")
    if kind == "skipped":
        return f"{r['part']}: skipped, needs ~{r['needs_s']} s, {r['left_s']} s of the budget left"
    if kind == "ratio":
        ci = f", 95% CI {r['ratio_ci95'][0]:.3f}-{r['ratio_ci95'][1]:.3f}" if "ratio_ci95" in r else ""
        return (f"{r['fork']} {_settings(r)}: paired ratio {r['ratio_median']:.3f} "
                f"(IQR {r['ratio_q1']:.3f}-{r['ratio_q3']:.3f}{ci}, {r['pairs']} pairs), ratio of medians {r['ratio_of_medians']:.3f}")
    head = f"{r.get('fork')} {_settings(r)}"
    if "error" in r:
        return f"{head}: {r['error']} (peak {r.get('peak_vram_gib')} GiB)"
    mfu = f" mfu {r['mfu']:.3f}" if r.get("mfu") is not None else ""
    callbacks = f" callbacks {r['callbacks_us_per_step']} us/step" if "callbacks_us_per_step" in r else ""
    return (f"{head}: {r['seconds_per_step']:.3f} s/step ({r['seconds_min']:.2f}-{r['seconds_max']:.2f}) "
            f"peak {r['peak_vram_gib']} GiB{mfu}{callbacks}")


def _timed(records: list[dict], fork: str, frames: int) -> list[float]:
    return [t for r in records if r.get("fork") == fork and r.get("frames") == frames and "seconds_all" in r
            for t in r["seconds_all"]]


def comparisons(records: list[dict]) -> list[str]:
    """Ratios across processes: the fast path against ltx-trainer (its default and its compile) per
    length, and the Jep gap (Jep processes against plain-Python processes). Unpaired, so the interval
    is a bootstrap over the recorded steps; drift between processes is not cancelled as in a paired ratio."""
    out = []
    for frames in sorted({r["frames"] for r in records if r.get("fork") == "fast" and "seconds_all" in r}):
        fast = _timed(records, "fast", frames)
        for peer in ("ltx-trainer", "ltx-trainer-compile"):
            other = _timed(records, peer, frames)
            if fast and other:
                low, high = intervals.ratio_of_medians_ci(fast, other)
                out.append(f"fast/{peer} {frames}f: ratio of medians {statistics.median(fast) / statistics.median(other):.3f} "
                           f"(95% CI {low:.3f}-{high:.3f}; {len(fast)} and {len(other)} steps, separate processes)")
    gap = {runner: [r for r in records if str(r.get("fork", "")).startswith(f"gap-{runner}-") and "seconds_all" in r]
           for runner in ("python", "jep")}
    if gap["python"] and gap["jep"]:
        jep = [t for r in gap["jep"] for t in r["seconds_all"]]
        plain = [t for r in gap["python"] for t in r["seconds_all"]]
        low, high = intervals.ratio_of_medians_ci(jep, plain)
        per_process = lambda rs: ", ".join(f"{r['seconds_per_step']:.3f}" for r in rs)
        libs = sorted({str(r.get("libpython")) for r in gap["python"] + gap["jep"]})
        out.append(f"jep/python gap: ratio of medians {statistics.median(jep) / statistics.median(plain):.3f} "
                   f"(95% CI {low:.3f}-{high:.3f}); per-process medians python [{per_process(gap['python'])}], "
                   f"jep [{per_process(gap['jep'])}]; libpython {libs}")
    return out


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    if not path.exists():
        print(f"no results in {path}")
        return 1
    records = [json.loads(text) for text in path.read_text().splitlines() if text.startswith("{")]
    for record in records:
        print(line(record))
    for text in comparisons(records):
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
