"""A small character dataset made at run time: speech clips, a silent clip and a still.

Speech comes from espeak-ng and video from ffmpeg's test sources (Debian packages), so no
media is stored in the repository and nothing is downloaded.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CAPTION_PREFIX = "ohwx character"


# 49 frames at 24 fps: the demo trains on whole clips (num_frames: 49), so neither the
# picture nor the voice is time-stretched.
CLIP_SECONDS = 49 / 24


@dataclass(frozen=True)
class DemoClip:
    name: str
    line: str | None  # spoken text; None makes a clip without an audio track
    pattern: str  # ffmpeg lavfi source
    seconds: float = CLIP_SECONDS


DEMO_CLIPS = (
    DemoClip("talk_01", "Hello, I am the demo character. Nice to meet you.", "testsrc2"),
    DemoClip("talk_02", "Today we test audio and video training together.", "smptebars"),
    DemoClip("talk_03", "My voice should survive the LoRA.", "rgbtestsrc"),
    DemoClip("silent_01", None, "testsrc"),
)
STILL_NAME = "portrait"


class MissingTool(RuntimeError):
    pass


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise MissingTool(f"{tool} not found on PATH (Debian package: {tool})")
    return path


def _run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({result.returncode}): {result.stderr.strip()[-800:]}")


def _speech_wav(text: str, out: Path) -> None:
    _run([_require("espeak-ng"), "-s", "150", "-w", str(out), text])


def make_clip(clip: DemoClip, out_dir: Path, size: int = 64, fps: int = 24) -> Path:
    ffmpeg = _require("ffmpeg")
    target = out_dir / f"{clip.name}.mp4"
    video_src = f"{clip.pattern}=size={size}x{size}:rate={fps}:duration={clip.seconds}"
    cmd = [ffmpeg, "-y", "-loglevel", "error", "-f", "lavfi", "-i", video_src]
    with tempfile.TemporaryDirectory() as tmp:
        if clip.line is not None:
            wav = Path(tmp) / "speech.wav"
            _speech_wav(clip.line, wav)
            # Pad or cut speech to the clip length so audio and video durations agree.
            cmd += ["-i", str(wav), "-af", f"apad,atrim=0:{clip.seconds}", "-ac", "2", "-ar", "44100",
                    "-c:a", "aac", "-b:a", "96k"]
        else:
            cmd += ["-an"]
        cmd += ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-t", str(clip.seconds), "-shortest", str(target)]
        _run(cmd)
    return target


def make_still(out_dir: Path, size: int = 64) -> Path:
    target = out_dir / f"{STILL_NAME}.png"
    _run([_require("ffmpeg"), "-y", "-loglevel", "error", "-f", "lavfi", "-i",
          f"testsrc2=size={size}x{size}:rate=1", "-frames:v", "1", str(target)])
    return target


def generate(out_dir: Path, size: int = 64, fps: int = 24) -> Path:
    """Write clips, a still and one caption per item into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for clip in DEMO_CLIPS:
        make_clip(clip, out_dir, size, fps)
        spoken = f', saying "{clip.line}"' if clip.line else ", silent"
        (out_dir / f"{clip.name}.txt").write_text(f"{CAPTION_PREFIX} talking to the camera{spoken}\n")
    make_still(out_dir, size)
    (out_dir / f"{STILL_NAME}.txt").write_text(f"a portrait photo of {CAPTION_PREFIX}\n")
    return out_dir
