"""media_probe on clips made at test time with PyAV (no media files are stored)."""
from __future__ import annotations

import io
import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from ltx2_tools import media_probe

av = pytest.importorskip("av", reason="needs PyAV (in the locked environment)")


def make_clip(path: Path, seconds: float = 1.0, fps: int = 24, audio_rate: int | None = 16000,
              channels: int = 2, size: int = 64) -> Path:
    with av.open(str(path), "w") as out:
        v = out.add_stream("libx264" if "libx264" in av.codecs_available else "mpeg4", rate=fps)
        v.width = v.height = size
        v.pix_fmt = "yuv420p"
        a = None
        if audio_rate:
            a = out.add_stream("aac", rate=audio_rate, layout="stereo" if channels == 2 else "mono")
        for i in range(int(seconds * fps)):
            img = np.full((size, size, 3), (i * 7) % 255, dtype=np.uint8)
            for packet in v.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in v.encode():
            out.mux(packet)
        if a is not None:
            samples = int(seconds * audio_rate)
            t = np.arange(samples) / audio_rate
            tone = (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
            data = np.tile(tone, (channels, 1)) if channels == 2 else tone[None, :]
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(data), format="fltp",
                                               layout="stereo" if channels == 2 else "mono")
            frame.sample_rate = audio_rate
            frame.time_base = Fraction(1, audio_rate)
            frame.pts = 0
            for packet in a.encode(frame):
                out.mux(packet)
            for packet in a.encode():
                out.mux(packet)
    return path


def fake_loader(path: str) -> tuple[int, int, int]:
    with av.open(path) as c:
        samples = sum(f.samples for f in c.decode(audio=0))
        return 2, samples, c.streams.audio[0].codec_context.sample_rate


def test_reports_video_and_audio_streams(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "talk.mp4", seconds=1.0, fps=24, audio_rate=16000)
    p = media_probe.probe(str(clip), fake_loader)
    assert p.error is None and p.decode_error is None
    assert (p.video.width, p.video.height) == (64, 64)
    assert p.video.fps == pytest.approx(24.0)
    assert p.video.frames == 24
    assert len(p.audio) == 1 and p.audio[0].sample_rate == 16000 and p.audio[0].channels == 2
    assert p.audio_loaded_samples == pytest.approx(16000, rel=0.1)


def test_a_clip_without_audio_has_no_audio_streams(tmp_path: Path) -> None:
    p = media_probe.probe(str(make_clip(tmp_path / "silent.mp4", audio_rate=None)), fake_loader)
    assert p.audio == [] and p.decode_error is None and p.video.frames == 24


def test_an_audio_load_failure_is_a_decode_error(tmp_path: Path) -> None:
    def broken(_path: str) -> tuple[int, int, int]:
        raise RuntimeError("Could not load libtorchcodec")

    p = media_probe.probe(str(make_clip(tmp_path / "talk.mp4")), broken)
    assert p.decode_error == "audio: Could not load libtorchcodec"


def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "talk.mp4")
    truncated = tmp_path / "broken.mp4"
    truncated.write_bytes(clip.read_bytes()[: clip.stat().st_size // 3])
    p = media_probe.probe(str(truncated), fake_loader)
    assert p.error is not None or p.decode_error is not None


def test_run_writes_one_json_line_per_path(tmp_path: Path) -> None:
    a = make_clip(tmp_path / "a.mp4")
    out = io.StringIO()
    assert media_probe.run([str(a), str(tmp_path / "missing.mp4")], out, fake_loader) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["path"] == str(a) and lines[0]["video"]["width"] == 64
    assert lines[1]["error"]


def test_torchaudio_loader_reads_the_clip_as_the_trainer_does(tmp_path: Path) -> None:
    pytest.importorskip("torchaudio", reason="needs torchaudio (in the locked environment)")
    channels, samples, rate = media_probe.torchaudio_loader()(str(make_clip(tmp_path / "talk.mp4", audio_rate=44100)))
    assert channels == 2 and rate == 44100 and samples == pytest.approx(44100, rel=0.1)
