"""G: the audio prediction tensor is kept (not reduced to a scalar); what it costs, measured."""
from __future__ import annotations

import pytest
import torch

from .harness import fake_batch, speech

pytestmark = pytest.mark.fork


def test_g_audio_prediction_is_small_and_read_by_other_losses(ltx_models):
    model = ltx_models["ltx2"]
    batch = fake_batch(17, [speech(), speech()])
    latents = torch.randn(2, 8, 3, 2, 2)
    embeds = model.get_prompt_embeds(["a", "b"])
    model.get_noise_prediction(latents, torch.tensor([400.0, 600.0]), embeds, batch=batch)
    pred = batch.audio_pred
    tokens, channels = pred.shape[1], pred.shape[2]
    assert pred.numel() * pred.element_size() == 2 * tokens * channels * 4
    # Full size: 25 audio tokens per second, 128 channels; bf16 = 2 bytes. 5 s: 126 x 128 x 2
    full_size_bytes_per_item = 126 * 128 * 2
    assert full_size_bytes_per_item == 32256  # ~32 KB per item, against GBs of activations
    # The guidance loss and DOP read the audio predictions of their own passes: a scalar
    # computed in the primary pass could not serve them (extensions_built_in/sd_trainer/SDTrainer.py).
    import inspect

    from extensions_built_in.sd_trainer import SDTrainer as trainer_module

    source = inspect.getsource(trainer_module)
    assert "audio_pred_uncond" in source and "audio_pred_preservation" in source and "audio_pred_prior" in source
