"""G: the audio prediction tensor is kept (not reduced to a scalar); what it costs, measured,
on tiny 2.0 and 2.3 models."""
from __future__ import annotations

import inspect

import pytest
import torch

from ltx2_tools.demo.tiny_model import AUDIO_TOKEN_CHANNELS
from ltx2_character.fork import ltx2_audio

from .harness import ARCHES, fake_batch, speech

pytestmark = pytest.mark.fork

FULL_SIZE_AUDIO_TOKEN_CHANNELS = 128  # 8 latent channels x 16 packed mel bins
BF16_BYTES = 2


@pytest.mark.parametrize("arch", ARCHES)
def test_g_audio_prediction_is_small_and_read_by_other_losses(arch, ltx_models):
    model = ltx_models[arch]
    batch = fake_batch(17, [speech(), speech()])
    latents = torch.randn(2, 8, 3, 2, 2)
    embeds = model.get_prompt_embeds(["a", "b"])
    model.get_noise_prediction(latents, torch.tensor([400.0, 600.0]), embeds, batch=batch)
    pred = batch.audio_pred
    # one audio token per latent frame, at the clip's duration, per item of the batch
    assert pred.shape == (2, ltx2_audio.latent_frames_for(model, 17, 24), AUDIO_TOKEN_CHANNELS)
    # The tiny model has the full-size audio token rate (16 kHz, hop 160, 4x): 25 tokens per
    # second, so 121 frames at 24 fps (5 s) are 126 tokens at full size too; with 128 channels
    # in bf16 that is ~32 KB per item, against gigabytes of activations.
    assert ltx2_audio.latent_frames_for(model, 24, 24) == 25
    tokens_5s = ltx2_audio.latent_frames_for(model, 121, 24)
    assert tokens_5s == 126
    assert tokens_5s * FULL_SIZE_AUDIO_TOKEN_CHANNELS * BF16_BYTES == 32256
    # The guidance loss and DOP read the audio predictions of their own passes: a scalar
    # computed in the primary pass could not serve them (extensions_built_in/sd_trainer/SDTrainer.py).
    from extensions_built_in.sd_trainer import SDTrainer as trainer_module

    source = inspect.getsource(trainer_module)
    assert "audio_pred_uncond" in source and "audio_pred_preservation" in source and "audio_pred_prior" in source
