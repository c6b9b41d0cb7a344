"""Raw frames and samples to mp4/png through ffmpeg (a Debian package): frames on stdin, audio from
a temporary WAV, H.264 + AAC like a phone clip."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np


def _ffmpeg() -> str:
    path = shutil.which("ffmpeg")
    if path is None:
        raise RuntimeError("ffmpeg not found on PATH (Debian package: ffmpeg)")
    return path


def _write_wav(samples: np.ndarray, rate: int, path: Path) -> None:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def write_mp4(frames: np.ndarray, samples: np.ndarray | None, path: Path, fps: int, rate: int) -> None:
    f, h, w, _ = frames.shape
    cmd = [_ffmpeg(), "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}",
           "-r", str(fps), "-i", "-"]
    with tempfile.TemporaryDirectory() as tmp:
        if samples is not None:
            wav = Path(tmp) / "a.wav"
            _write_wav(samples, rate, wav)
            cmd += ["-i", str(wav), "-ac", "2", "-ar", "44100", "-c:a", "aac", "-b:a", "128k"]
        else:
            cmd += ["-an"]
        cmd += ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-frames:v", str(f), str(path)]
        result = subprocess.run(cmd, input=frames.tobytes(), capture_output=True)
        if result.returncode != 0:
            raise RuntimeError(f"ffmpeg failed writing {path}: {result.stderr.decode(errors='replace')[-500:]}")


def write_png(image: np.ndarray, path: Path) -> None:
    h, w, _ = image.shape
    cmd = [_ffmpeg(), "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}",
           "-i", "-", "-frames:v", "1", str(path)]
    result = subprocess.run(cmd, input=image.tobytes(), capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"ffmpeg failed writing {path}: {result.stderr.decode(errors='replace')[-500:]}")
