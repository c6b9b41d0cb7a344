"""Mixed, cached and image-only batches train through the patched trainer (SOP C, D, I).

Acceptance: a batch of 2 with one silent clip, an image-only dataset and a cached-latent
dataset with mixed audio all train, with the audio loss masked exactly for the items
without audio (checked numerically against the predictions and targets the trainer used).
"""
from __future__ import annotations

import pytest
import torch

from . import harness
from .audio_capture import audio_calls  # noqa: F401  (fixture)
from .harness import ARCHES

pytestmark = pytest.mark.fork


def _assert_masked_exactly(call):
    silent = torch.tensor(["silent" in c for c in call.clips])
    assert call.real_mask.tolist() == (~silent).tolist()
    assert call.loss_mask.tolist() == (~silent).tolist()
    expected = ((call.pred.float() - call.target.float()) ** 2)[~silent].mean().item()
    assert call.logs["loss/audio_raw"] == pytest.approx(expected, rel=1e-5)
    everything = ((call.pred.float() - call.target.float()) ** 2).mean().item()
    assert expected != pytest.approx(everything), "the silent item must not count"


@pytest.mark.parametrize("arch", ARCHES)
def test_batch_of_two_with_a_silent_clip(arch, fork, model_dirs, datasets, tmp_path, audio_calls):
    # do_audio is left unset: for LTX-2 video datasets it resolves to true (item I)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["mixed"]), "batch_size": 2}],
                         tmp_path / "out", arch=arch, steps=2)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(audio_calls) == 2
    for call in audio_calls:
        assert len(call.clips) == 2
        _assert_masked_exactly(call)
        # base voice preservation holds the silent item to the base model's audio
        assert call.preserve_mask.tolist() == [("silent" in c) for c in call.clips]
        assert call.prior is not None and "loss/voice_preservation" in call.logs


@pytest.mark.parametrize("arch", ARCHES)
def test_cached_latents_with_mixed_audio(arch, fork, model_dirs, datasets, tmp_path, audio_calls):
    data = harness.copy_tree(datasets["mixed"], tmp_path / "data")
    config = harness.job(model_dirs[arch], [{"folder_path": str(data), "batch_size": 2,
                                             "cache_latents_to_disk": True}], tmp_path / "out", arch=arch, steps=2)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert list((data / "_latent_cache").glob("*.safetensors")), "latents were cached"
    assert len(audio_calls) == 2, "one audio loss per step"
    for call in audio_calls:
        assert len(call.clips) == 2
        _assert_masked_exactly(call)


@pytest.mark.parametrize("arch", ARCHES)
def test_image_only_dataset(arch, fork, model_dirs, datasets, tmp_path, audio_calls):
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["stills"]), "num_frames": 1}],
                         tmp_path / "out", arch=arch, steps=2)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(audio_calls) == 2, "one audio prediction per step (base voice preservation keeps it)"
    for call in audio_calls:
        assert call.target is None and call.real_mask.tolist() == [False]
        assert call.preserve_mask.tolist() == [True]
        assert "loss/audio_raw" not in call.logs and "loss/voice_preservation" in call.logs
