from __future__ import annotations

import math

import pytest

from ltx2_character.report import metrics, table
from ltx2_character.report.metrics import SIGMAS, ReportPoint, StreamNumbers


def test_ratio_edges():
    assert metrics.ratio(0.0, 0.0) == 1.0
    assert math.isinf(metrics.ratio(1.0, 0.0))
    assert metrics.ratio(1.0, 4.0) == 0.25


def test_progress_text():
    audio = StreamNumbers({s: 0.82 for s in SIGMAS}, {s: 0.006 for s in SIGMAS})
    assert metrics.progress_text(ReportPoint(10, audio, audio)) == "voice: learned −18% · base drift 0.6%"
    worse = StreamNumbers({s: 1.05 for s in SIGMAS}, {s: 0.0 for s in SIGMAS})
    assert metrics.progress_text(ReportPoint(10, worse, worse)) == "voice: learned +5% · base drift 0.0%"
    none = StreamNumbers(None, {s: 0.0 for s in SIGMAS})
    assert "n/a" in metrics.progress_text(ReportPoint(10, none, none))


def test_learned_and_drift_average_the_grid():
    numbers = StreamNumbers({0.1: 0.5, 0.9: 1.5}, {0.1: 0.0, 0.9: 0.2})
    assert numbers.learned == pytest.approx(1.0) and numbers.drift == pytest.approx(0.1)


def test_csv_round_trip_and_append(tmp_path):
    path = tmp_path / table.FILE_NAME
    a = ReportPoint(10, StreamNumbers({s: 0.9 for s in SIGMAS}, {s: 0.01 for s in SIGMAS}),
                    StreamNumbers({s: 0.8 for s in SIGMAS}, {s: 0.02 for s in SIGMAS}), 1.5, ("talk_02.mp4",))
    b = ReportPoint(20, StreamNumbers(None, {s: 0.03 for s in SIGMAS}), StreamNumbers(None, {s: 0.04 for s in SIGMAS}))
    table.append(path, a)
    table.append(path, b)
    lines = path.read_text().splitlines()
    assert lines[0].split(",") == table.header() and len(lines) == 3
    back = table.read(path)
    assert [p.step for p in back] == [10, 20]
    assert back[0].audio.learned == pytest.approx(0.9) and back[0].held_out == ("talk_02.mp4",)
    assert back[1].audio.learned is None and back[1].video.drift == pytest.approx(0.04)
