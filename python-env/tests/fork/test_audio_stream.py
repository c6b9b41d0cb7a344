"""The patched audio stream of LTX2Model.get_noise_prediction, on tiny 2.0 and 2.3 models.

SOP items C, D, E (inputs), L and the placeholder/audio_sigma fixes (H: test_ltx2_load.py).
"""
from __future__ import annotations

import pytest
import torch

from ltx2_character.audio.options import AudioTrainingOptions
from ltx2_character.fork import ltx2_audio

from .harness import ARCHES, capture_transformer_calls, fake_batch, speech

pytestmark = pytest.mark.fork


def _predict(model, batch, timestep, batch_size=2, num_latent_frames=3, slot=None, grad=True):
    latents = torch.randn(batch_size, 8, num_latent_frames, 2, 2)
    embeds = model.get_prompt_embeds(["ohwx speaks"] * batch_size)
    batch.audio_pred_slot = slot
    with torch.set_grad_enabled(grad):
        out = model.get_noise_prediction(latents, timestep, embeds, batch=batch)
    batch.audio_pred_slot = None
    return out


@pytest.fixture(params=ARCHES)
def model(request, ltx_models):
    m = ltx_models[request.param]
    ltx2_audio.configure(m, AudioTrainingOptions())
    yield m
    ltx2_audio.configure(m, AudioTrainingOptions())


def test_independent_audio_timestep_is_drawn_once_and_reused_by_every_pass(model):
    calls = capture_transformer_calls(model)
    batch = fake_batch(17, [speech(), None])
    video_t = torch.tensor([300.0, 700.0])
    _predict(model, batch, video_t, slot="audio_pred_prior", grad=False)  # prior pass comes first upstream
    _predict(model, batch, video_t)  # primary
    _predict(model, batch, video_t, slot="audio_pred_uncond", grad=False)  # guidance pass

    assert len(calls) == 3, "prior, primary and guidance passes"
    audio_ts = [c["audio_timestep"] for c in calls]
    assert all(torch.equal(a, audio_ts[0]) for a in audio_ts)
    assert not torch.allclose(audio_ts[0], video_t), "audio and video timesteps must differ"
    assert all(torch.equal(c["audio_sigma"], c["audio_timestep"]) for c in calls), "audio_sigma passed with audio_timestep"
    assert all(torch.equal(c["sigma"], video_t) for c in calls)
    assert torch.equal(batch.audio_timestep, audio_ts[0])
    assert torch.allclose(batch.audio_sigma, audio_ts[0] / 1000)
    # every pass saw the same noisy audio
    assert all(torch.equal(c["audio_hidden_states"], calls[0]["audio_hidden_states"]) for c in calls)
    assert batch.audio_pred_prior is not None and batch.audio_pred is not None and batch.audio_pred_uncond is not None


def test_coupled_timestep_when_independence_is_off(model):
    ltx2_audio.configure(model, AudioTrainingOptions(independent_audio_timestep=False))
    calls = capture_transformer_calls(model)
    video_t = torch.tensor([250.0, 800.0])
    _predict(model, fake_batch(17, [speech(), speech()]), video_t)
    assert torch.equal(calls[-1]["audio_timestep"], video_t)


def test_mixed_batch_masks_and_silence_input(model):
    batch = fake_batch(17, [None, speech()])  # the first item silent: upstream dropped all audio here
    _predict(model, batch, torch.tensor([500.0, 500.0]))
    assert batch.audio_loss_mask.tolist() == [False, True]
    assert batch.audio_preserve_mask.tolist() == [True, False]  # base voice preservation, the default
    assert batch.audio_real_mask.tolist() == [False, True]
    # the silent item's clean audio is encoded silence, so target = noise - silence latents
    silence = ltx2_audio.silence_latents(model, batch.audio_target.shape[1], 1, "cpu", torch.float32)
    assert torch.allclose(batch.audio_target[0], (batch.audio_noise[0] - silence[0]), atol=1e-5)


def test_silence_mode_supervises_every_item(model):
    ltx2_audio.configure(model, AudioTrainingOptions(voice_preservation="silence"))
    batch = fake_batch(17, [None, speech()])
    _predict(model, batch, torch.tensor([500.0, 500.0]))
    assert batch.audio_loss_mask.tolist() == [True, True]
    assert batch.audio_preserve_mask is None


@pytest.mark.parametrize("num_frames, audio, do_audio", [(1, None, True), (17, None, True), (17, [speech(), speech()], False)])
def test_audio_free_batches_with_preservation_off_get_pure_noise_at_sigma_one(model, num_frames, audio, do_audio):
    ltx2_audio.configure(model, AudioTrainingOptions(voice_preservation="none"))
    calls = capture_transformer_calls(model)
    batch = fake_batch(num_frames, audio, do_audio=do_audio)
    _predict(model, batch, torch.tensor([120.0, 640.0]), num_latent_frames=1 if num_frames == 1 else 3)
    assert torch.equal(calls[-1]["audio_timestep"], torch.full((2,), 1000.0))
    assert torch.equal(calls[-1]["audio_hidden_states"], batch.audio_noise)
    assert batch.audio_target is None and batch.audio_pred is None


def test_audio_free_batches_with_base_preservation_keep_the_prediction(model):
    torch.manual_seed(0)
    calls = capture_transformer_calls(model)
    batch = fake_batch(1, None)  # an image batch
    _predict(model, batch, torch.tensor([120.0, 640.0]), num_latent_frames=1)
    assert batch.audio_target is None
    assert batch.audio_preserve_mask.tolist() == [True, True]
    assert batch.audio_pred is not None and batch.audio_pred.shape[0] == 2
    # the input is encoded silence noised at a drawn audio timestep, not the sigma = 1
    # placeholder of preservation off: the base model is asked a real question
    timestep = batch.audio_timestep
    assert timestep.shape == (2,) and ((timestep > 0) & (timestep < 1000)).all(), timestep
    silence = ltx2_audio.silence_latents(model, batch.audio_noise.shape[1], 2, "cpu", torch.float32)
    expected = model.add_noise(silence, batch.audio_noise, timestep)
    assert torch.allclose(calls[-1]["audio_hidden_states"], expected, atol=1e-5)
    assert not torch.allclose(calls[-1]["audio_hidden_states"], batch.audio_noise, atol=1e-3)


def test_cached_zero_latents_never_stand_as_audio(model):
    batch = fake_batch(17, None)
    frames = ltx2_audio.latent_frames_for(model, 17, 24)
    real = torch.randn(1, frames, 16)
    batch.audio_latents = torch.cat([real, torch.zeros(1, frames, 16)])  # upstream zero-fills the missing item
    batch.audio_present = torch.tensor([True, False])
    _predict(model, batch, torch.tensor([500.0, 500.0]))
    silence = ltx2_audio.silence_latents(model, frames, 1, "cpu", torch.float32)
    assert torch.allclose(batch.audio_target[1], batch.audio_noise[1] - silence[0], atol=1e-5)
    assert torch.allclose(batch.audio_target[0], batch.audio_noise[0] - real[0], atol=1e-5)
    assert batch.audio_loss_mask.tolist() == [True, False]


def test_encode_audio_accepts_missing_items_and_mixed_rates(model):
    clips = [speech(rate=44100), None, speech(rate=48000)]
    latents = model.encode_audio(clips)
    assert latents.shape[0] == 3
    assert latents.shape[1] == ltx2_audio.latent_frames_for(model, 17, 24)
