"""The synthetic world: voices with a readable signature, video that follows the sound, and
captions from a small grammar. Everything is a pure function of a seed; nothing is downloaded.

A voice is a tone at the centre of its own mel band of the tiny audio VAE (16 slaney mel bins,
16 kHz, bands centred near 177, 355, 532, 710, 887, 1069, 1284, 1543, 1852, 2224, 2670, 3205, 3849,
4620, 5548 and 6660 Hz), with a quieter partial at 1.25x in the next band, shaped by a
syllable-rate amplitude envelope. No two voices share a band (no octaves, which would). The picture is a flat colour per voice whose brightness follows
the envelope, so video and audio agree, as in a talking clip."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SAMPLE_RATE = 16_000
FPS = 24
NUM_FRAMES = 17  # the workbench's clip length: 2 video latent frames, 18 audio latent frames
SIZE = 64
CLIP_SECONDS = NUM_FRAMES / FPS
TRIGGER = "ohwx"


@dataclass(frozen=True)
class Voice:
    name: str  # the word that names the speaker in a caption
    f0: float  # Hz
    syllable_rate: float  # Hz of the amplitude envelope
    colour: tuple[int, int, int]


# Fundamentals at the centres of mel bins 2, 5, 9 and 12; the character's (bin 15) is a band no
# base voice uses, so "learned" and "leaked" are both readable.
BASE_VOICES = (
    Voice("bass", 355.0, 3.0, (200, 40, 40)),
    Voice("tenor", 887.0, 4.0, (40, 200, 40)),
    Voice("alto", 1852.0, 5.0, (40, 40, 200)),
    Voice("soprano", 3205.0, 6.0, (200, 200, 40)),
)
CHARACTER = Voice(TRIGGER, 5548.0, 7.0, (200, 40, 200))
VOICES = BASE_VOICES + (CHARACTER,)

VERBS_TRAIN = ("talks", "sings", "speaks", "chats")
VERBS_HELD_OUT = ("whispers", "answers")
PLACES_TRAIN = ("in a kitchen", "on a street", "in a park", "at a desk")
PLACES_HELD_OUT = ("on a boat", "in a hall")


def caption(voice: Voice, verb: str, place: str) -> str:
    return f"{voice.name} {verb} {place}"


def captions(voice: Voice, held_out: bool) -> list[str]:
    """Training captions use the training verbs and places; held-out ones only unseen words."""
    verbs, places = (VERBS_HELD_OUT, PLACES_HELD_OUT) if held_out else (VERBS_TRAIN, PLACES_TRAIN)
    return [caption(voice, v, p) for v in verbs for p in places]


def envelope(rate: float, seconds: float, sample_rate: int, phase: float) -> np.ndarray:
    t = np.arange(int(round(seconds * sample_rate))) / sample_rate
    return 0.55 + 0.45 * np.sin(2 * np.pi * (rate * t + phase))


def _jitter(seed: int) -> tuple[float, float]:
    """A clip's pitch factor (±2%) and envelope phase, shared by its sound and its picture."""
    rng = np.random.default_rng(seed)
    return 1 + rng.uniform(-0.02, 0.02), rng.uniform(0, 1)


def waveform(voice: Voice, seed: int, seconds: float = CLIP_SECONDS, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """Mono float32 in [-1, 1]: the voice's tone under its envelope, with a seeded phase and a
    small pitch jitter (±2%) so that no two clips are identical."""
    pitch, phase = _jitter(seed)
    f0 = voice.f0 * pitch
    t = np.arange(int(round(seconds * sample_rate))) / sample_rate
    tone = np.sin(2 * np.pi * f0 * t) + 0.3 * np.sin(2 * np.pi * 1.25 * f0 * t)
    wave = 0.25 * tone * envelope(voice.syllable_rate, seconds, sample_rate, phase)
    return wave.astype(np.float32)


def frames(voice: Voice, seed: int, num_frames: int = NUM_FRAMES, size: int = SIZE) -> np.ndarray:
    """uint8 (F, H, W, 3): the voice's colour, brightness following its envelope at each frame."""
    _, phase = _jitter(seed)
    t = np.arange(num_frames) / FPS
    level = 0.55 + 0.45 * np.sin(2 * np.pi * (voice.syllable_rate * t + phase))
    colour = np.asarray(voice.colour, dtype=np.float32)
    video = level[:, None, None, None] * colour[None, None, None, :] * np.ones((1, size, size, 1), np.float32)
    return np.clip(video, 0, 255).astype(np.uint8)


def still(voice: Voice, size: int = SIZE) -> np.ndarray:
    return np.broadcast_to(np.asarray(voice.colour, np.uint8), (size, size, 3)).copy()


@dataclass(frozen=True)
class Item:
    """One training or evaluation example of the world."""
    voice: Voice
    caption: str
    seed: int
    audio: bool  # False: a clip without an audio track (or a still when frames == 1)
    still: bool = False


def base_items(count_per_voice: int, held_out: bool, seed: int) -> list[Item]:
    rng = random.Random(seed)
    items = []
    for vi, voice in enumerate(BASE_VOICES):
        pool = captions(voice, held_out)
        for k in range(count_per_voice):
            items.append(Item(voice, rng.choice(pool), seed * 10_000 + vi * 1000 + k, True))
    return items


def character_items(talking: int, silent: int, stills: int, held_out: bool, seed: int) -> list[Item]:
    """D2 = talking + silent + stills; D1 = silent + stills only (the character never speaks)."""
    rng = random.Random(seed)
    pool = captions(CHARACTER, held_out)
    items = [Item(CHARACTER, rng.choice(pool), seed * 10_000 + 5000 + k, True) for k in range(talking)]
    items += [Item(CHARACTER, rng.choice(pool), seed * 10_000 + 6000 + k, False) for k in range(silent)]
    items += [Item(CHARACTER, f"a photo of {TRIGGER} {p}", seed * 10_000 + 7000 + k, False, still=True)
              for k, p in zip(range(stills), (PLACES_HELD_OUT if held_out else PLACES_TRAIN) * stills)]
    return items


def write_item(item: Item, folder: Path, name: str) -> None:
    """An mp4 (with an AAC track when the item has audio) or a png, and its caption."""
    from ltx2_tools.lab.voice import media_io

    folder.mkdir(parents=True, exist_ok=True)
    if item.still:
        media_io.write_png(still(item.voice), folder / f"{name}.png")
    else:
        media_io.write_mp4(frames(item.voice, item.seed), waveform(item.voice, item.seed) if item.audio else None,
                           folder / f"{name}.mp4", FPS, SAMPLE_RATE)
    (folder / f"{name}.txt").write_text(item.caption + "\n", encoding="utf-8")


def write_dataset(items: list[Item], folder: Path) -> Path:
    for i, item in enumerate(items):
        write_item(item, folder, f"{i:03d}_{'still' if item.still else 'talk' if item.audio else 'silent'}")
    return folder
