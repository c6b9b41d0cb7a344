from __future__ import annotations

from types import SimpleNamespace

import torch

from ltx2_character.fork import batch_audio as ba
from ltx2_character.fork.datasets import resolve_do_audio


def item(audio=None, cached=None, path="clip.mp4", folder="/data"):
    return SimpleNamespace(audio_data=audio, _cached_audio_latent=cached, path=path,
                           dataset_config=SimpleNamespace(folder_path=folder))


def test_first_item_silent_keeps_the_others_audio():
    a = {"waveform": torch.zeros(2, 10), "sample_rate": 16000}
    data, present = ba.batch_audio([item(None), item(a)], latents_cached=False)
    assert data == [None, a]
    assert present.tolist() == [False, True]


def test_no_audio_at_all():
    assert ba.batch_audio([item(), item()], latents_cached=False) == (None, None)


def test_cached_presence_comes_from_the_cache():
    data, present = ba.batch_audio([item(cached=torch.zeros(3, 4)), item(cached=None)], latents_cached=True)
    assert data is None and present.tolist() == [True, False]


def test_step_fields_init_and_clear():
    batch = SimpleNamespace(audio_present=torch.tensor([True]))
    ba.init_step_fields(batch)
    assert batch.audio_timestep is None and batch.audio_loss_mask is None
    ba.clear_step_fields(batch)
    assert not any(hasattr(batch, f) for f in ba.STEP_FIELDS)


def test_missing_items_are_named_by_dataset_and_clip():
    batch = SimpleNamespace(file_items=[item(path="/d/a.mp4", folder="/d"), item(path="/d/b.mp4", folder="/d")],
                            audio_real_mask=torch.tensor([True, False]))
    assert ba.missing_audio_items(batch) == [("/d", "/d/b.mp4")]


def test_do_audio_resolution():
    assert resolve_do_audio(None, "ltx2", True) is True
    assert resolve_do_audio(None, "ltx2.3", True) is True
    assert resolve_do_audio(None, "ltx2", False) is False  # images
    assert resolve_do_audio(None, "wan22_14b", True) is False  # other video models keep upstream's default
    assert resolve_do_audio(False, "ltx2", True) is False  # explicit wins
    assert resolve_do_audio(True, "wan22_14b", True) is True
