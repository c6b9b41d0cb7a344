"""Records what the patched trainer's audio loss saw, to check masking numerically."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
import torch

from ltx2_character.fork import trainer_audio


@dataclass
class AudioLossCall:
    pred: torch.Tensor
    target: torch.Tensor | None
    loss_mask: torch.Tensor | None
    real_mask: torch.Tensor | None
    preserve_mask: torch.Tensor | None
    prior: torch.Tensor | None
    logs: dict
    clips: list[str]


@pytest.fixture
def audio_calls(monkeypatch):
    calls: list[AudioLossCall] = []
    original = trainer_audio.add_audio_loss

    def spy(trainer, batch, video_loss):
        total = original(trainer, batch, video_loss)
        if batch.audio_pred is not None:
            calls.append(AudioLossCall(
                pred=batch.audio_pred.detach().clone(),
                target=None if batch.audio_target is None else batch.audio_target.detach().clone(),
                loss_mask=getattr(batch, "audio_loss_mask", None),
                real_mask=getattr(batch, "audio_real_mask", None),
                preserve_mask=getattr(batch, "audio_preserve_mask", None),
                prior=None if batch.audio_pred_prior is None else batch.audio_pred_prior.detach().clone(),
                logs=dict(trainer.additional_logs),
                clips=[str(i.path) for i in batch.file_items],
            ))
        return total

    monkeypatch.setattr(trainer_audio, "add_audio_loss", spy)
    return calls
