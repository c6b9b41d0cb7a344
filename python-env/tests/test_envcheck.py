"""``env check``'s probe, the real producer of the JSON that Java's EnvironmentReport reads."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from ltx2_tools import envcheck

# The report as the Java side's tests read it (orchestrator's FakeVenv answers it): the real probe
# must print this shape, so a key renamed or added here breaks a test on both sides.
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "envcheck_report.json"

pytest.importorskip("torch", reason="the probe reports torch; run with the orchestrator's venv")


@pytest.fixture(scope="module")
def printed_report() -> dict:
    """The report ``python -m ltx2_tools envcheck`` answers, run as the orchestrator runs it: the
    venv's Python with python-env/src on the path (stderr, where imports warn, is not read); the
    value of its one ``result`` event."""
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "ltx2_tools", "envcheck"], capture_output=True, text=True,
                          check=True, env=env)
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert [e["type"] for e in events] == ["result"]
    return events[0]["value"]


def test_the_report_is_one_json_object_of_the_versions_installed(printed_report):
    report = printed_report
    import torch

    assert report["torch"] == torch.__version__
    assert report["diffusers"] == metadata.version("diffusers")
    assert report["jep"] == envcheck._version("jep")  # what Java compares with the jar
    assert report["cuda_available"] in ("true", "false")
    assert all(isinstance(value, str) for value in report.values())  # Java reads every value as text


def test_the_probe_prints_the_shape_of_the_sample_java_reads(printed_report):
    sample = json.loads(SAMPLE.read_text())
    assert list(printed_report) == list(sample)
    assert all(isinstance(value, str) for value in sample.values())


def test_the_locked_diffusers_provides_every_ltx2_class_ai_toolkit_imports():
    assert envcheck.ltx2_class_status() == "ok"


def test_a_missing_class_is_named(monkeypatch):
    monkeypatch.setattr(envcheck, "LTX2_CLASSES", envcheck.LTX2_CLASSES + (("diffusers", "LTX9Pipeline"),))
    assert envcheck.ltx2_class_status() == "missing: diffusers.LTX9Pipeline (AttributeError)"


def test_an_absent_distribution_reads_missing():
    assert envcheck._version("no-such-distribution-ltx2") == "missing"
