"""From per-seed results to the lab's answer: per-arm means, paired comparisons with upstream
(95% bootstrap over seeds), the targets, the controls, a Markdown table and the plots."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from ltx2_tools.lab.voice import stats
from ltx2_tools.lab.voice.evaluate import SIGMAS

# Targets of the issue, for the fork's defaults.
D1_DRIFT_RATIO_MAX = 0.25  # fork drift / upstream drift, upper end of the 95% interval
D1_ACCURACY_POINTS = 0.02  # base readout accuracy within 2 points of the base model
D2_ACCURACY_LOSS_MAX = 0.05  # fork - upstream character accuracy, lower end must be above -5 points
POSITIVE_CONTROL_FACTOR = 5.0  # the aggressive arm's drift must exceed the fork's this many times


def _by(results: list[dict], dataset: str, arm: str, key: str) -> dict[int, float]:
    return {r["seed"]: r[key] for r in results
            if r.get("dataset") == dataset and r.get("arm") == arm and key in r}


def _mean_bucket(results: list[dict], dataset: str, arm: str, key: str) -> dict[str, float]:
    rows = [r[key] for r in results if r.get("dataset") == dataset and r.get("arm") == arm and key in r]
    return {str(s): float(np.mean([row[str(s)] for row in rows])) for s in SIGMAS} if rows else {}


def summarise(results: list[dict], base_meta: dict, **extra) -> dict:
    ok = [r for r in results if "error" not in r]
    datasets = sorted({r["dataset"] for r in ok})
    arms = list(dict.fromkeys(r["arm"] for r in ok))
    reference = ok[0]["reference"] if ok else {}
    table: dict = {}
    for d in datasets:
        table[d] = {}
        for a in arms:
            row = {}
            for key in ("base_drift", "base_readout_accuracy", "base_leakage", "char_readout_accuracy"):
                values = _by(ok, d, a, key)
                if values:
                    row[key] = {"mean": float(np.mean(list(values.values()))), "per_seed": values}
            row["base_mse_ratio"] = _mean_bucket(ok, d, a, "base_mse_ratio")
            row["char_mse_ratio"] = _mean_bucket(ok, d, a, "char_mse_ratio")
            if a != "upstream" and _by(ok, d, "upstream", "base_drift"):
                row["vs_upstream"] = {
                    "drift_ratio": stats.paired_ratio(_by(ok, d, a, "base_drift"),
                                                      _by(ok, d, "upstream", "base_drift")).to_json(),
                    "base_accuracy_diff": stats.paired_difference(_by(ok, d, a, "base_readout_accuracy"),
                                                                  _by(ok, d, "upstream", "base_readout_accuracy")).to_json(),
                    "char_accuracy_diff": stats.paired_difference(_by(ok, d, a, "char_readout_accuracy"),
                                                                  _by(ok, d, "upstream", "char_readout_accuracy")).to_json(),
                }
            table[d][a] = row
    return {"base": {k: base_meta[k] for k in ("probe_accuracy", "gate_accuracy", "gate", "recipe", "seconds")
                     if k in base_meta},
            "reference": reference, "arms": table, "targets": _targets(table, reference),
            "controls": _controls(ok, table), "errors": [r["error"] for r in results if "error" in r], **extra}


def _targets(table: dict, reference: dict) -> dict:
    out = {}
    fork_d1 = table.get("D1", {}).get("fork", {})
    if "vs_upstream" in fork_d1:
        ratio = fork_d1["vs_upstream"]["drift_ratio"]
        acc = fork_d1["base_readout_accuracy"]["mean"]
        out["D1_drift_ratio"] = {"value": ratio, "target": f"<= {D1_DRIFT_RATIO_MAX} (upper 95%)",
                                 "met": ratio["high"] <= D1_DRIFT_RATIO_MAX}
        out["D1_base_accuracy"] = {"value": acc, "base_model": reference.get("base_readout_accuracy"),
                                   "target": "within 2 points of the base model",
                                   "met": abs(acc - reference.get("base_readout_accuracy", 0)) <= D1_ACCURACY_POINTS}
    fork_d2 = table.get("D2", {}).get("fork", {})
    if "vs_upstream" in fork_d2:
        diff = fork_d2["vs_upstream"]["char_accuracy_diff"]
        ratios = fork_d2["char_mse_ratio"]
        out["D2_char_accuracy_vs_upstream"] = {"value": diff, "target": f"lower 95% > -{D2_ACCURACY_LOSS_MAX}",
                                               "met": diff["low"] > -D2_ACCURACY_LOSS_MAX}
        out["D2_char_loss_ratio"] = {"value": ratios, "target": "< 1 in every sigma bucket",
                                     "met": bool(ratios) and all(v < 1 for v in ratios.values())}
    return out


def _controls(ok: list[dict], table: dict) -> dict:
    negative = [r for r in ok if "control_scale0_drift" in r]
    neg_ok = bool(negative) and all(r["control_scale0_drift"] == 0.0 and r["control_scale0_same_labels"]
                                    for r in negative)
    out = {"negative": {"runs": len(negative), "max_drift_at_scale_0": max((r["control_scale0_drift"] for r in negative),
                                                                           default=None), "ok": neg_ok}}
    positive = {}
    for d, arms in table.items():
        if "aggressive" in arms and "fork" in arms and "base_drift" in arms["aggressive"]:
            a, f = arms["aggressive"]["base_drift"]["mean"], arms["fork"]["base_drift"]["mean"]
            positive[d] = {"aggressive_drift": a, "fork_drift": f, "visible": a > POSITIVE_CONTROL_FACTOR * f}
    out["positive"] = positive
    out["ok"] = neg_ok and all(p["visible"] for p in positive.values())
    return out


def _fmt(iv: dict | None, pct: bool = False) -> str:
    if not iv:
        return "–"
    k = 100 if pct else 1
    return f"{iv['estimate'] * k:.3g} [{iv['low'] * k:.3g}, {iv['high'] * k:.3g}]"


def markdown(summary: dict) -> str:
    lines = [f"Command: `{summary.get('command', '')}`", "",
             f"Base: probe accuracy on clean clips {summary['base'].get('probe_accuracy')}, gate accuracy "
             f"{summary['base'].get('gate_accuracy')} (gate {summary['base'].get('gate')}); base model readout on "
             f"held-out base prompts {summary['reference'].get('base_readout_accuracy')}, character prompts "
             f"{summary['reference'].get('char_readout_accuracy')}.", ""]
    for d, arms in summary["arms"].items():
        lines += [f"### {d}", "",
                  "| arm | base drift | drift ratio vs upstream [95%] | base readout acc | leakage | character acc | "
                  "Δ character acc vs upstream, points [95%] | char loss ratio (σ 0.1…0.9) |",
                  "|---|---|---|---|---|---|---|---|"]
        for a, row in arms.items():
            vs = row.get("vs_upstream", {})
            ratios = " ".join(f"{v:.2f}" for v in row.get("char_mse_ratio", {}).values())
            lines.append(f"| {a} | {row.get('base_drift', {}).get('mean', float('nan')):.4f} | "
                         f"{_fmt(vs.get('drift_ratio'))} | {row.get('base_readout_accuracy', {}).get('mean', float('nan')):.2f} | "
                         f"{row.get('base_leakage', {}).get('mean', float('nan')):.2f} | "
                         f"{row.get('char_readout_accuracy', {}).get('mean', float('nan')):.2f} | "
                         f"{_fmt(vs.get('char_accuracy_diff'), pct=True)} | {ratios} |")
        lines.append("")
    lines += ["Targets:", ""]
    for name, t in summary["targets"].items():
        lines.append(f"- {name}: {'met' if t['met'] else 'NOT met'} ({t['target']})")
    c = summary["controls"]
    lines += ["", f"Controls: negative (LoRA scale 0 reproduces the base) {'ok' if c['negative']['ok'] else 'FAILED'}; "
              f"positive (aggressive lr damages the base visibly) "
              f"{', '.join(f'{d}: ' + ('visible' if p['visible'] else 'NOT visible') for d, p in c['positive'].items()) or 'not run'}.",
              ""]
    return "\n".join(lines)


def plots(summary: dict, results: list[dict], out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    ok = [r for r in results if "error" not in r]
    for d, arms in summary["arms"].items():
        names = list(arms)
        fig, axes = plt.subplots(1, 3, figsize=(15, 4))
        for ax, key, title in ((axes[0], "base_drift", "base-voice drift (lower keeps)"),
                               (axes[1], "char_readout_accuracy", "character voice readout (higher learns)")):
            for i, a in enumerate(names):
                values = list(_by(ok, d, a, key).values())
                ax.scatter([i] * len(values), values, alpha=0.6)
                ax.bar(i, np.mean(values) if values else 0, alpha=0.3)
            ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
            ax.set_title(f"{d}: {title}")
        for a in names:
            ratios = arms[a].get("char_mse_ratio", {})
            if ratios:
                axes[2].plot([float(s) for s in ratios], list(ratios.values()), marker="o", label=a)
        axes[2].axhline(1.0, color="grey", lw=0.8)
        axes[2].set_xlabel("σ")
        axes[2].set_title(f"{d}: character audio loss, LoRA / base")
        axes[2].legend(fontsize=7)
        fig.tight_layout()
        path = out / f"voice_lab_{d}.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        written.append(path)
    return written
