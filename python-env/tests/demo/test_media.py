"""The demo dataset has speech clips, a clip without an audio track, a still and captions."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from ltx2_tools.demo import media

pytestmark = pytest.mark.skipif(
    shutil.which("ffmpeg") is None or shutil.which("espeak-ng") is None,
    reason="needs ffmpeg and espeak-ng (Debian packages; .ci/run installs them)",
)


def _streams(path):
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-of", "json", str(path)], capture_output=True, text=True, check=True
    )
    return {s["codec_type"]: s for s in json.loads(out.stdout)["streams"]}


def test_generates_expected_items(tmp_path):
    out = media.generate(tmp_path / "data")
    names = sorted(p.name for p in out.iterdir())
    for clip in media.DEMO_CLIPS:
        assert f"{clip.name}.mp4" in names and f"{clip.name}.txt" in names
    assert f"{media.STILL_NAME}.png" in names and f"{media.STILL_NAME}.txt" in names

    talk = _streams(out / "talk_01.mp4")
    assert talk["audio"]["channels"] == 2
    assert abs(float(talk["audio"]["duration"]) - media.CLIP_SECONDS) < 0.1
    assert int(talk["video"]["width"]) == 64

    silent = _streams(out / "silent_01.mp4")
    assert "audio" not in silent and "video" in silent


def test_speech_is_not_silence(tmp_path):
    import numpy as np

    out = media.generate(tmp_path / "data")
    pcm = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(out / "talk_01.mp4"), "-f", "s16le", "-ac", "1", "-"],
        capture_output=True, check=True,
    ).stdout
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768.0
    assert np.sqrt(np.mean(samples**2)) > 0.01


def test_missing_tool_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(media.shutil, "which", lambda tool: None)
    with pytest.raises(media.MissingTool, match="espeak-ng|ffmpeg"):
        media.generate(tmp_path / "data")
