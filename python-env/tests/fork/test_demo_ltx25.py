"""The demo trains LTX-2.5: examples/demo/character-ltx2.5.yaml, read from the file, run through
the bridge the orchestrator's `train` runs (ltx2_character.bridge.run) on the tiny 2.5 split
files, which the pin's own load path sizes from the files (patch 0020). Kept short for CI: two
steps, the voice report off (its own tests run it); the sample at the end, with sound, as the
demo config asks for it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from safetensors import safe_open

from . import harness

pytestmark = pytest.mark.fork
DEMO = Path(__file__).resolve().parents[3] / "examples" / "demo" / "character-ltx2.5.yaml"


def test_the_ltx25_demo_trains_a_lora_with_audio(fork, tiny_ltx25, tmp_path):
    demo_dir = tmp_path / "demo"
    demo_dir.mkdir()
    (demo_dir / "tiny-ltx2.5").symlink_to(tiny_ltx25)
    harness.make_dataset(demo_dir / "dataset", talking=1, silent=1)
    config = yaml.safe_load(DEMO.read_text().replace("${LTX2_DEMO_DIR}", str(demo_dir)))
    process = config["config"]["process"][0]
    assert process["model"]["arch"] == "ltx2.5"
    process["training_folder"] = str(tmp_path / "output")
    process["train"]["steps"] = 2
    process["save"]["save_every"] = 2
    process["voice_report"] = {"enabled": False}

    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")

    name = config["config"]["name"]
    out = tmp_path / "output" / name
    with safe_open(str(out / f"{name}.safetensors"), framework="pt") as f:
        keys = list(f.keys())
    for module in (".attn1.", ".audio_attn1.", ".audio_to_video_attn.", ".video_to_audio_attn."):
        assert any(module in k for k in keys), module
    assert [e["step"] for e in sink.of("step")][-1] == 2
    assert process["train"]["disable_sampling"] is False
    samples = sorted((out / "samples").glob("*.mp4"))
    assert len(samples) == 1, "one sample at the end of training"
    if shutil.which("ffprobe") is None:
        pytest.skip("ffprobe (ffmpeg) is not installed: the sample's streams are not checked")
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                            str(samples[0])], capture_output=True, text=True, check=True)
    assert probe.stdout.split() == ["video", "audio"]
