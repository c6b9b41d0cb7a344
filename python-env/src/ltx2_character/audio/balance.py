"""Automatic audio loss balancing (SOP item B).

Keeps the scaled audio loss near ``target_ratio`` x the video loss with a multiplier
``clamp(target_ratio * ema(video) / ema(audio), lo, hi)``. Both EMAs (decay ``ema``) track
detached losses and start at the first values seen, so there is no start-up bias. Steps
without real audio supervision leave the audio EMA and the multiplier untouched.

Unlike the SOP's clamp [1, 20], the lower bound may be below 1: public runs show the raw
audio loss about 10x the video loss early in training (Lightricks/LTX-2#94), where a
multiplier that can only boost would never act. The default lower bound, 0.05, matches the
bidirectional ``ema_mag`` mode of the musubi LTX-2 fork (docs/sop-status.md, item B).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class AudioLossBalancer:
    target_ratio: float = 0.33
    ema: float = 0.99
    lower: float = 0.05
    upper: float = 20.0
    ema_video: float | None = None
    ema_audio: float | None = None
    multiplier: float = 1.0

    def update(self, video_loss: float, audio_loss: float) -> float:
        """Feed one step's detached losses; returns the multiplier for this step."""
        if not (video_loss == video_loss and audio_loss == audio_loss):  # NaN guard
            return self.multiplier
        self.ema_video = video_loss if self.ema_video is None else self.ema * self.ema_video + (1 - self.ema) * video_loss
        self.ema_audio = audio_loss if self.ema_audio is None else self.ema * self.ema_audio + (1 - self.ema) * audio_loss
        if self.ema_audio > 0:
            wanted = self.target_ratio * self.ema_video / self.ema_audio
            self.multiplier = min(self.upper, max(self.lower, wanted))
        return self.multiplier
