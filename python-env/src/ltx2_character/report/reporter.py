"""The voice report inside a training run: chosen material before the datasets are built,
measured at checkpoints, written to the job's output folder, sent as ``voice`` events.

Nothing here may stop a training: any problem with the report's data or its measurement is
said once (with the fix) and the report switches off; the checkpoint it follows is already on
disk (the report runs after the save)."""
from __future__ import annotations

import json
import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, MutableMapping

from ..fork.datasets import SKIPPED_KEY
from . import findings, holdout, media, metrics, table
from .options import ReportOptionError, VoiceReportOptions

EVENT = "voice"
SUMMARY_FILE = "voice_report.json"  # the newest line, every warning so far and the notes: read by `orchestrator report`


def event(step: int, line: str, point: metrics.ReportPoint | None = None,
          warnings: list[findings.ReportWarning] | None = None, spent: float | None = None) -> dict:
    """The bridge's ``voice`` event (docs/architecture.md#events); ``spent``: the report's seconds
    so far in this run, encoding the held-out material included (what the cost budget counts)."""
    out: dict[str, Any] = {"type": EVENT, "step": step, "line": line}
    if point is not None:
        out.update(audio_learned=point.audio.learned, audio_drift=point.audio.drift,
                   video_learned=point.video.learned, video_drift=point.video.drift, seconds=point.seconds,
                   spent_seconds=spent)
    out["warnings"] = [{"code": w.code, "message": w.message, "fix": w.fix} for w in warnings or []]
    return out


@dataclass
class Plan:
    """What ``prepare`` decided before ai-toolkit builds its datasets."""
    options: VoiceReportOptions
    selection: holdout.Selection
    dataset: Mapping[str, Any]
    trains_audio: bool


def _dataset_clips(dataset: Mapping[str, Any]) -> list[holdout.Clip]:
    skipped = {os.path.realpath(p) for p in dataset.get(SKIPPED_KEY) or ()}
    return media.folder_clips(Path(dataset["folder_path"]), dataset.get("caption_ext") or "txt", skipped)


def prepare(config: MutableMapping[str, Any], say: Callable[[str], None]) -> Plan | None:
    """Decide the report's material for the job's first process and mark the set-aside clips in
    its dataset entries (``held_out_files``, read by patch 0019). None: no report."""
    process = config.get("config", {}).get("process", [{}])[0]
    try:
        options = VoiceReportOptions.from_process(process)
    except ReportOptionError as exc:
        say(f"voice report off: {exc}")
        return None
    arch = (process.get("model") or {}).get("arch")
    if not options.is_on(arch, bool(process.get("network"))):
        return None
    datasets = [d for d in process.get("datasets") or [] if d.get("folder_path")]
    if not datasets or not os.path.isdir(datasets[0]["folder_path"]):
        say("voice report off: the first dataset has no folder_path the report can read")
        return None
    try:
        clips = _dataset_clips(datasets[0])
    except media.MediaError as exc:
        say(f"voice report off: {exc} (fix: orchestrator dataset check CONFIG names every clip that does not decode)")
        return None
    validation, problem = None, None
    if options.validation_folder:
        try:
            validation = media.folder_clips(Path(options.validation_folder), datasets[0].get("caption_ext") or "txt")
        except media.MediaError as exc:
            problem = f"voice_report.validation_folder unusable: {exc}"
    trains_audio = any(d.get("do_audio") is not False for d in datasets)
    selection = holdout.select(clips, validation, options.held_out if trains_audio else 0, problem)
    for message in selection.messages:
        say(message)
    if not selection.drift:
        return None
    if selection.set_aside:
        datasets[0][holdout.HELD_OUT_KEY] = list(selection.set_aside)
    return Plan(options, selection, datasets[0], trains_audio)


@dataclass
class VoiceReporter:
    plan: Plan
    emit: Callable[[dict], None]
    say: Callable[[str], None]
    bench: Any = None
    checkpoints: int = 0
    losses: list[tuple[int, dict[str, float]]] = field(default_factory=list)
    points: list[metrics.ReportPoint] = field(default_factory=list)
    warned: set[str] = field(default_factory=set)
    warnings: list[findings.ReportWarning] = field(default_factory=list)
    off: bool = False
    # the cost budget (options.max_cost): seconds spent by the report, seconds of training steps
    spent: float = 0.0
    trained: float = 0.0
    last_cost: float = 0.0
    _in_step: float = 0.0  # report seconds inside the current step (ai-toolkit saves mid-step)

    def _switch_off(self, step: int, why: str) -> None:
        self.off = True
        self.emit(event(step, f"voice report off: {why}; training continues"))

    def before_training(self, process: Any) -> None:
        """Encode the fixed material once the model is loaded; resumed runs continue the CSV."""
        from .measure import base_answers, build_bench

        out = Path(process.save_root)
        self.points = table.read(out / table.FILE_NAME)
        d = self.plan.dataset
        resolution = d.get("resolution") or 512
        resolution = resolution[0] if isinstance(resolution, (list, tuple)) else resolution
        started = time.perf_counter()
        try:
            self.bench = build_bench(process.sd, self.plan.selection.learn, self.plan.selection.drift,
                                     self.plan.options.drift_prompts, num_frames=int(d.get("num_frames") or 1),
                                     fps=float(d.get("fps") or 24), resolution=int(resolution))
        except Exception as exc:  # noqa: BLE001 -- a report problem must never stop the training
            self.say("".join(traceback.format_exception(exc)))
            self._switch_off(process.step_num, f"could not read the held-out material ({type(exc).__name__}: {exc})")
            return
        try:
            # the base's answers now. A report runs the same forwards with the LoRA on, which
            # measured 2.3x slower on the tiny model (the LoRA's share of compute is large there),
            # so the first report is priced at twice this; later ones at the last one's cost.
            self.last_cost = 2 * base_answers(process.sd, process.network, self.bench)
        except Exception as exc:  # noqa: BLE001
            self.say("".join(traceback.format_exception(exc)))
            self._switch_off(process.step_num, f"the base model's pass failed ({type(exc).__name__}: {exc})")
        self.spent += time.perf_counter() - started

    def observe_step(self, step: int, losses: Mapping[str, float], seconds: float | None = None) -> None:
        self.losses.append((step, dict(losses)))
        self.trained += max(0.0, (seconds or 0.0) - self._in_step)
        self._in_step = 0.0

    def after_save(self, process: Any, checkpoint: str | None) -> None:
        if self.off or self.bench is None:
            return
        self.checkpoints += 1
        step = int(process.step_num)
        final = step >= int(process.train_config.steps)
        if any(p.step == step for p in self.points):
            return
        if not self.plan.options.due(self.checkpoints, final, self.spent, self.last_cost, self.trained,
                                     reported=bool(self.points)):
            return
        from .measure import voice_numbers
        from .plot import FILE_NAME as PNG, draw

        try:
            point = voice_numbers(process.sd, process.network, self.bench, step)
        except Exception as exc:  # noqa: BLE001
            self.say("".join(traceback.format_exception(exc)))
            self._switch_off(step, f"measuring failed ({type(exc).__name__}: {exc})")
            return
        self.spent += point.seconds
        self._in_step += point.seconds
        self.last_cost = point.seconds
        out = Path(process.save_root)
        self.points.append(point)
        table.append(out / table.FILE_NAME, point)
        try:
            draw(out / PNG, self.losses, self.points)
        except Exception as exc:  # noqa: BLE001 -- a plot is not worth a training
            self.say(f"voice report: {PNG} not drawn ({type(exc).__name__}: {exc})")
        new = [w for w in findings.check(self.points, trains_audio=self.plan.trains_audio,
                                          not_learning_after=self.plan.options.not_learning_after,
                                          lora_name=os.path.basename(checkpoint or "LORA.safetensors"))
               if w.code not in self.warned]
        self.warned.update(w.code for w in new)
        self.warnings.extend(new)
        line = metrics.progress_text(point)
        _write_summary(out / SUMMARY_FILE, line, self.warnings, self.plan.selection.messages)
        self.emit(event(step, line, point, new, self.spent))


def _write_summary(path: Path, line: str, warnings: list[findings.ReportWarning], notes: tuple[str, ...]) -> None:
    summary = {"line": line, "notes": list(notes),
               "warnings": [{"code": w.code, "message": w.message, "fix": w.fix} for w in warnings]}
    path.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
