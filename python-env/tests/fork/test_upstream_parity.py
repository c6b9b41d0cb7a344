"""A config with none of the fork's keys trains as the pin does, apart from the documented
default changes: L (independent audio timestep on), I (do_audio resolved on for LTX-2 video),
E (base voice preservation on audio-free items) and the placeholder-audio label (0007).

The pin runs with the infrastructure patches only (they let ai-toolkit import without CUDA and
change no training code). Each run is a fresh process: two ai-toolkit trees cannot share one
interpreter. Per-step losses must match to float32 round-off.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import ARCHES

pytestmark = pytest.mark.fork

PYTHON_ENV = Path(__file__).resolve().parents[2]


def _train(tree: Path, model: Path, data: Path, out: Path, keys: dict, *flags: str) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": f"{PYTHON_ENV}{os.pathsep}{PYTHON_ENV / 'src'}"}
    done = subprocess.run([sys.executable, "-m", "tests.fork.parity_child", str(tree), str(model), str(data), str(out),
                           json.dumps(keys), *flags], cwd=PYTHON_ENV, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["outcome"] == "completed", result["failed"]
    assert len(result["losses"]) == 3
    return result["losses"]


def _totals(losses: list[dict]) -> list[float]:
    return [step["loss"] for step in losses]


@pytest.mark.parametrize("arch", ARCHES)
def test_audio_clips_with_do_audio_train_as_the_pin(arch, fork, pin_tree, model_dirs, datasets, tmp_path):
    """do_audio: true is an upstream key; only L differs, and turning it off gives the pin's losses."""
    data, model, flag = datasets["talking"], model_dirs[arch], f"--arch={arch}"
    pin = _train(pin_tree, model, data, tmp_path / "pin", {"dataset": {"do_audio": True}}, flag)
    same = _train(fork, model, data, tmp_path / "fork", {"dataset": {"do_audio": True},
                                                         "train": {"independent_audio_timestep": False}}, flag)
    assert _totals(same) == pytest.approx(_totals(pin), rel=1e-6, abs=1e-7)
    assert [s["loss/audio"] for s in same] == pytest.approx([s["loss/audio"] for s in pin], rel=1e-6, abs=1e-7)
    # with the default (L on) the audio timestep, hence the audio loss, differs
    default = _train(fork, model, data, tmp_path / "default", {"dataset": {"do_audio": True}}, flag)
    assert [s["loss/audio"] for s in default] != pytest.approx([s["loss/audio"] for s in pin], rel=1e-3)


@pytest.mark.parametrize("arch", ARCHES)
def test_a_config_without_new_keys_differs_only_by_the_documented_defaults(arch, fork, pin_tree, model_dirs, datasets,
                                                                          tmp_path):
    """No do_audio (the pin reads it as off), no fork keys: reverting I, L, E and the placeholder
    label gives the pin's losses exactly."""
    data, model, flag = datasets["talking"], model_dirs[arch], f"--arch={arch}"
    pin = _train(pin_tree, model, data, tmp_path / "pin", {}, flag)
    reverted = _train(fork, model, data, tmp_path / "fork",
                      {"dataset": {"do_audio": False},
                       "train": {"independent_audio_timestep": False, "voice_preservation": "none"}},
                      "--upstream-placeholder", flag)
    assert _totals(reverted) == pytest.approx(_totals(pin), rel=1e-6, abs=1e-7)
    # the placeholder label alone already changes the video loss (audio reaches video through a2v)
    relabelled = _train(fork, model, data, tmp_path / "relabelled",
                        {"dataset": {"do_audio": False},
                         "train": {"independent_audio_timestep": False, "voice_preservation": "none"}}, flag)
    assert _totals(relabelled) != pytest.approx(_totals(pin), rel=1e-4)
