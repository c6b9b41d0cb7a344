"""Probe clips and images the way ai-toolkit's data loader reads them (``orchestrator dataset check``).

Stream facts come from PyAV, as ai-toolkit's own check for an audio track does
(``dataloader_mixins.py``: ``len(av.open(path).streams.audio) > 0``); the audio is decoded with
``torchaudio.load``, the very call the trainer makes, so a clip whose audio will not load in
training (an unsupported codec, a missing libtorchcodec) fails here first.

Reads one path per line on stdin and writes one JSON object per path on stdout.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

AudioLoader = Callable[[str], tuple[int, int, int]]  # path -> (channels, samples, sample_rate)


@dataclass
class VideoFacts:
    codec: str
    width: int
    height: int
    fps: float
    frames: int  # frames decoded
    duration: float


@dataclass
class AudioFacts:
    codec: str
    sample_rate: int
    channels: int
    frames: int  # audio samples per channel in the stream metadata (0 when unknown)
    duration: float


@dataclass
class Probe:
    path: str
    error: str | None = None  # the file cannot be opened at all
    decode_error: str | None = None  # a stream fails to decode
    video: VideoFacts | None = None
    audio: list[AudioFacts] = field(default_factory=list)
    duration: float = 0.0
    audio_loaded_samples: int = 0  # per channel, from torchaudio.load


def first_line(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    return text.splitlines()[0][:300]


def _seconds(value: Any, time_base: Any) -> float:
    if value is None or time_base is None:
        return 0.0
    return float(value * time_base)


def torchaudio_loader() -> AudioLoader:
    """``torchaudio.load`` as the trainer calls it; an import failure is reported for every clip."""
    try:
        import torchaudio
    except Exception as exc:  # noqa: BLE001 - any import failure means audio cannot load in training
        message = f"torchaudio cannot be imported: {first_line(exc)}"

        def unavailable(_path: str) -> tuple[int, int, int]:
            raise RuntimeError(message)

        return unavailable

    def load(path: str) -> tuple[int, int, int]:
        waveform, sample_rate = torchaudio.load(path)
        return int(waveform.shape[0]), int(waveform.shape[-1]), int(sample_rate)

    return load


def probe(path: str, load_audio: AudioLoader) -> Probe:
    import av

    result = Probe(path=path)
    try:
        container = av.open(path)
    except Exception as exc:  # noqa: BLE001 - every failure to open is a finding
        result.error = first_line(exc)
        return result
    with container:
        result.duration = container.duration / 1_000_000 if container.duration else 0.0
        video = next((s for s in container.streams.video
                      if not (s.disposition & av.stream.Disposition.attached_pic)), None)
        for s in container.streams.audio:
            ctx = s.codec_context
            result.audio.append(AudioFacts(codec=ctx.name, sample_rate=int(ctx.sample_rate or 0),
                                           channels=int(ctx.channels or 0), frames=int(s.frames or 0),
                                           duration=_seconds(s.duration, s.time_base)))
        if video is not None:
            video.thread_type = "AUTO"
            frames = 0
            try:
                for _ in container.decode(video):
                    frames += 1
            except Exception as exc:  # noqa: BLE001
                result.decode_error = "video: " + first_line(exc)
            rate = video.average_rate or video.guessed_rate
            result.video = VideoFacts(codec=video.codec_context.name, width=int(video.codec_context.width or 0),
                                      height=int(video.codec_context.height or 0),
                                      fps=float(rate) if rate else 0.0, frames=frames,
                                      duration=_seconds(video.duration, video.time_base))
    if result.audio and result.error is None:
        try:
            _, samples, _ = load_audio(path)
            result.audio_loaded_samples = samples
        except Exception as exc:  # noqa: BLE001
            result.decode_error = "audio: " + first_line(exc)
    return result


def run(paths: Iterable[str], out: TextIO, load_audio: AudioLoader) -> int:
    count = 0
    for path in paths:
        out.write(json.dumps(asdict(probe(path, load_audio))) + "\n")
        out.flush()
        count += 1
    return count


def main() -> int:
    paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    run(paths, sys.stdout, torchaudio_loader() if paths else (lambda p: (0, 0, 0)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
