"""``voice_report.csv``: one row per report point (pure). Long format columns per stream and
sigma, so a spreadsheet or the HTML page can plot any of them without parsing names."""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from .metrics import SIGMAS, STREAMS, ReportPoint, StreamNumbers

FILE_NAME = "voice_report.csv"


def header() -> list[str]:
    columns = ["step"]
    for stream in STREAMS:
        columns += [f"{stream}_learned", f"{stream}_drift"]
    for stream in STREAMS:
        columns += [f"{stream}_learned_s{s}" for s in SIGMAS] + [f"{stream}_drift_s{s}" for s in SIGMAS]
    return columns + ["seconds", "held_out"]


def row(point: ReportPoint) -> list[str]:
    streams = {"audio": point.audio, "video": point.video}
    cells = [str(point.step)]
    for stream in STREAMS:
        cells += [_cell(streams[stream].learned), _cell(streams[stream].drift)]
    for stream in STREAMS:
        numbers = streams[stream]
        learned = numbers.learned_by_sigma or {}
        cells += [_cell(learned.get(s)) for s in SIGMAS] + [_cell(numbers.drift_by_sigma.get(s)) for s in SIGMAS]
    return cells + [f"{point.seconds:.3f}", ";".join(point.held_out)]


def _cell(value: float | None) -> str:
    return "" if value is None or not math.isfinite(value) else f"{value:.6g}"


def append(path: Path, point: ReportPoint) -> None:
    """Append one row; writes the header when the file is new. A resumed run continues the file."""
    fresh = not path.exists() or path.stat().st_size == 0
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if fresh:
        writer.writerow(header())
    writer.writerow(row(point))
    with path.open("a", encoding="utf-8") as f:
        f.write(buffer.getvalue())


def read(path: Path) -> list[ReportPoint]:
    if not path.exists():
        return []
    points = []
    with path.open(encoding="utf-8") as f:
        for record in csv.DictReader(f):
            points.append(ReportPoint(
                step=int(record["step"]),
                audio=_stream(record, "audio"), video=_stream(record, "video"),
                seconds=float(record["seconds"] or 0),
                held_out=tuple(x for x in record["held_out"].split(";") if x)))
    return points


def _stream(record: dict, stream: str) -> StreamNumbers:
    learned = {s: float(record[f"{stream}_learned_s{s}"]) for s in SIGMAS if record[f"{stream}_learned_s{s}"]}
    drift = {s: float(record[f"{stream}_drift_s{s}"]) for s in SIGMAS if record[f"{stream}_drift_s{s}"]}
    return StreamNumbers(learned or None, drift)
