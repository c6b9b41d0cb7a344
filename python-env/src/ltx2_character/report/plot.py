"""``voice_report.png``: the loss curves and the two voice curves against steps (matplotlib,
headless)."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from .metrics import ReportPoint, learned_percent

FILE_NAME = "voice_report.png"


def draw(path: Path, losses: Sequence[tuple[int, Mapping[str, float]]], points: Sequence[ReportPoint]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 7), sharex=True)
    steps = [s for s, _ in losses]
    for key, label in (("loss/video", "video loss"), ("loss/audio_raw", "audio loss (raw)")):
        ys = [l.get(key) for _, l in losses]
        if any(y is not None for y in ys):
            top.plot([s for s, y in zip(steps, ys) if y is not None], [y for y in ys if y is not None], label=label)
    top.set_ylabel("training loss")
    top.set_yscale("log")
    multipliers = [(s, l["audio/multiplier"]) for s, l in losses if l.get("audio/multiplier") is not None]
    if multipliers:
        twin = top.twinx()
        twin.plot(*zip(*multipliers), color="grey", linestyle=":", label="audio multiplier (balance)")
        twin.set_ylabel("audio multiplier")
        twin.legend(loc="upper right", fontsize=8)
    top.legend(loc="upper left", fontsize=8)
    top.set_title("Training losses")

    report_steps = [p.step for p in points]
    for stream, style in (("audio", "-o"), ("video", "--s")):
        learned = [(p.step, learned_percent(getattr(p, stream).learned)) for p in points
                   if getattr(p, stream).learned is not None]
        if learned:
            bottom.plot(*zip(*learned), style, label=f"{stream}: held-out loss change with LoRA (%)")
        bottom.plot(report_steps, [getattr(p, stream).drift * 100 for p in points], style, alpha=0.6,
                    label=f"{stream}: base drift (%)")
    bottom.axhline(0, color="black", linewidth=0.5)
    bottom.set_xlabel("step")
    bottom.set_ylabel("%")
    bottom.legend(fontsize=8)
    bottom.set_title("Voice: learned (below 0 is better) and base kept (drift near 0 is better)")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
