"""G: the audio prediction tensor is kept (not reduced to a scalar); what it costs, measured,
on tiny 2.0 and 2.3 models. That the guidance and DOP losses read the predictions of their own
passes is shown by running them: test_upstream_features.py::test_x_dop_preserves_video_and_audio_with_the_balanced_multiplier."""
from __future__ import annotations

import pytest
import torch

from ltx2_tools.demo.tiny_model import AUDIO_TOKEN_CHANNELS
from ltx2_character.fork import ltx2_audio

from .harness import ARCHES, fake_batch, speech

pytestmark = pytest.mark.fork


@pytest.mark.parametrize("arch", ARCHES)
def test_g_audio_prediction_is_kept_whole_at_the_audio_token_rate(arch, ltx_models):
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
    # kept as the model returned it: every item's tokens, not a reduction
    assert pred.dtype == latents.dtype and pred.abs().sum(dim=(1, 2)).gt(0).all()
