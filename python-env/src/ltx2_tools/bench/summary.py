"""One line per benchmark record of a steps.jsonl (what bin/gpu-bench prints last).

    python -m ltx2_tools.bench.summary RESULTS/steps.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


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
    if kind == "ratio":
        return (f"{r['fork']} {_settings(r)}: paired ratio {r['ratio_median']:.3f} "
                f"(IQR {r['ratio_q1']:.3f}-{r['ratio_q3']:.3f}, {r['pairs']} pairs), ratio of medians {r['ratio_of_medians']:.3f}")
    head = f"{r.get('fork')} {_settings(r)}"
    if "error" in r:
        return f"{head}: {r['error']} (peak {r.get('peak_vram_gib')} GiB)"
    mfu = f" mfu {r['mfu']:.3f}" if r.get("mfu") is not None else ""
    callbacks = f" callbacks {r['callbacks_us_per_step']} us/step" if "callbacks_us_per_step" in r else ""
    return (f"{head}: {r['seconds_per_step']:.3f} s/step ({r['seconds_min']:.2f}-{r['seconds_max']:.2f}) "
            f"peak {r['peak_vram_gib']} GiB{mfu}{callbacks}")


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    if not path.exists():
        print(f"no results in {path}")
        return 1
    for text in path.read_text().splitlines():
        if text.startswith("{"):
            print(line(json.loads(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
