"""The voice report inside a real training through the bridge (docs/voice-report.md): its
files and events, the held-out clip kept out of training (patch 0019), a bad validation
folder that does not stop training, and a training that is the same with and without it."""
from __future__ import annotations

import csv

import pytest

from ltx2_character.report import holdout

from . import harness
from .harness import ARCHES

pytestmark = pytest.mark.fork


@pytest.fixture(scope="module")
def voiced(tmp_path_factory):
    """Three talking clips and a silent one: one talking clip is set aside by default."""
    return harness.make_dataset(tmp_path_factory.mktemp("voiced"), talking=3, silent=1)


def _job(model_dir, dataset, out, arch="ltx2", steps=2, report=None):
    config = harness.job(model_dir, [{"folder_path": str(dataset), "do_audio": True}], out, arch=arch, steps=steps)
    process = config["config"]["process"][0]
    process["save"]["save_every"] = 1
    if report is not None:
        process["voice_report"] = report
    return config


@pytest.fixture(scope="module")
def runs(fork, model_dirs, voiced, tmp_path_factory):
    """One training per architecture, reporting at every checkpoint, with a validation folder
    that does not exist (so the report falls back to setting a clip aside)."""
    out = {}
    for arch in ARCHES:
        root = tmp_path_factory.mktemp(f"report-{arch}")
        config = _job(model_dirs[arch], voiced, root / "out", arch=arch,
                      report={"every": 1, "validation_folder": str(root / "no-such-folder")})
        log = root / "trainer.log"
        outcome, sink = harness.train(config, fork, str(log))
        out[arch] = (outcome, sink, root / "out" / "t", log.read_text())
    return out


@pytest.mark.parametrize("arch", ARCHES)
def test_report_writes_its_files_and_events_at_each_checkpoint(arch, runs):
    outcome, sink, out, _ = runs[arch]
    assert outcome == "completed", sink.of("failed")
    points = [e for e in sink.of("voice") if "audio_drift" in e]
    assert [e["step"] for e in points] == [1, 2], "one report per checkpoint (save_every 1, every 1)"
    for e in points:
        assert e["line"].startswith("voice: learned ") and "base drift" in e["line"]
        assert 0 <= e["audio_drift"] < 0.5 and 0.5 < e["audio_learned"] < 1.5
        assert e["video_learned"] is not None and e["video_drift"] >= 0
    # the LoRA starts at zero (lora_up), so after one step it barely moves the base; it moved it
    assert points[-1]["audio_drift"] > 0
    with (out / "voice_report.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert [int(r["step"]) for r in rows] == [1, 2] and rows[0]["held_out"] == "talk_1.mp4"
    assert (out / "voice_report.png").stat().st_size > 10_000


@pytest.mark.parametrize("arch", ARCHES)
def test_bad_validation_folder_is_said_and_training_continues(arch, runs):
    outcome, sink, _, _ = runs[arch]
    notes = [e["line"] for e in sink.of("voice") if "audio_drift" not in e]
    assert any("validation_folder unusable" in n and "no-such-folder" in n for n in notes), notes
    assert any("set aside from training (held out): talk_1.mp4" in n for n in notes), notes
    assert outcome == "completed"


def test_held_out_clip_is_not_trained_on(runs, voiced):
    _, _, _, log = runs["ltx2"]
    assert "Found 3 videos" in log, "4 clips in the folder, 1 set aside"
    assert holdout.choose_set_aside([holdout.Clip(str(p), "", "talk" in p.name) for p in voiced.glob("*.mp4")], 2)


def test_training_is_the_same_with_and_without_the_report(fork, model_dirs, voiced, tmp_path):
    """The report runs on fixed noise with torch's RNG forked, never touches the optimizer and
    switches the LoRA back: the losses of every step are those of a run without it. (The
    validation folder is the dataset itself so that nothing is set aside and both runs train
    on the same clips.)"""
    losses = {}
    for name, report in (("off", {"enabled": False}), ("on", {"every": 1, "validation_folder": str(voiced)})):
        config = _job(model_dirs["ltx2"], voiced, tmp_path / name, steps=3, report=report)
        config["config"]["process"][0]["training_seed"] = 7  # ai-toolkit seeds torch and random with it
        outcome, sink = harness.train(config, fork)
        assert outcome == "completed", sink.of("failed")
        losses[name] = [(e["video_loss"], e["audio_loss"]) for e in sink.of("step")]
        reports = [e for e in sink.of("voice") if "audio_drift" in e]
        assert len(reports) == (3 if name == "on" else 0)
    assert len(losses["on"]) == 3 and losses["on"] == losses["off"]


def test_demo_config_samples_with_sound(fork, model_dirs, voiced, tmp_path):
    """The demo config's sample section (examples/demo/character.yaml, read from the file)
    renders an mp4 with an audio stream through ai-toolkit's LTX-2 sampling."""
    import shutil
    import subprocess
    from pathlib import Path

    import yaml

    if shutil.which("ffprobe") is None:
        pytest.skip("ffprobe (ffmpeg) is not installed")
    demo = yaml.safe_load((Path(__file__).resolve().parents[3] / "examples/demo/character.yaml").read_text())
    demo_process = demo["config"]["process"][0]
    assert demo_process["train"]["disable_sampling"] is False
    config = _job(model_dirs["ltx2"], voiced, tmp_path / "out", steps=1, report={"enabled": False})
    process = config["config"]["process"][0]
    process["train"].update(disable_sampling=False, skip_first_sample=True)
    process["sample"] = demo_process["sample"]
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    samples = sorted((tmp_path / "out" / "t" / "samples").glob("*.mp4"))
    assert len(samples) == 1, "one sample at the end of training"
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                            str(samples[0])], capture_output=True, text=True, check=True)
    assert probe.stdout.split() == ["video", "audio"]


def test_numbers_for_a_lora_file_negative_control_and_restored_weights(fork, model_dirs, voiced):
    """The function the lab's arms can be measured with: zero deltas (a LoRA at scale 0) give
    exactly no drift and no learning; a delta on an audio module moves the audio prediction
    more than the video one; the weights are exactly the base's after."""
    import torch

    from ltx2_character.report import measure
    from ltx2_character.report.holdout import Clip

    sd = harness.load_model(model_dirs["ltx2"], "ltx2")
    clips = [Clip(str(p), p.with_suffix(".txt").read_text().strip(), True) for p in sorted(voiced.glob("talk_*.mp4"))]
    bench = measure.build_bench(sd, clips[:1], clips[1:2], ["a person talks"], num_frames=17, fps=24, resolution=64)
    params = dict(sd.transformer.named_parameters())
    before = {k: v.detach().clone() for k, v in params.items()}
    audio = [k for k in params if "audio_attn1.to_out.0.weight" in k]
    assert audio, "the tiny model has audio self-attention"
    zero = measure.voice_numbers(sd, None, bench, deltas={k: torch.zeros_like(params[k]) for k in audio})
    assert zero.audio.drift == 0 and zero.video.drift == 0 and zero.audio.learned == 1 and zero.video.learned == 1
    moved = measure.voice_numbers(sd, None, bench, deltas={k: 0.05 * torch.randn_like(params[k]) for k in audio})
    assert moved.audio.drift > 1e-4 and moved.audio.drift > moved.video.drift
    assert all(torch.equal(before[k], v) for k, v in params.items())
