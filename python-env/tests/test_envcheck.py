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

pytest.importorskip("torch", reason="the probe reports torch; run with the orchestrator's venv")


def test_the_report_is_one_json_object_of_the_versions_installed():
    # As the orchestrator runs it: the venv's Python with python-env/src on the path.
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "ltx2_tools.envcheck"], capture_output=True, text=True, check=True,
                          env=env)
    report = json.loads(done.stdout)
    import torch

    assert report["torch"] == torch.__version__
    assert report["diffusers"] == metadata.version("diffusers")
    assert report["jep"] == envcheck._version("jep")  # what Java compares with the jar
    assert report["cuda_available"] in ("true", "false")
    assert all(isinstance(value, str) for value in report.values())  # Java reads every value as text


def test_the_locked_diffusers_provides_every_ltx2_class_ai_toolkit_imports():
    assert envcheck.ltx2_class_status() == "ok"


def test_a_missing_class_is_named(monkeypatch):
    monkeypatch.setattr(envcheck, "LTX2_CLASSES", envcheck.LTX2_CLASSES + (("diffusers", "LTX9Pipeline"),))
    assert envcheck.ltx2_class_status() == "missing: diffusers.LTX9Pipeline (AttributeError)"


def test_an_absent_distribution_reads_missing():
    assert envcheck._version("no-such-distribution-ltx2") == "missing"
