"""The audio options travel once, typed (TrainConfig → trainer → model), and a link that never
ran is an error rather than a silent fall-back to the defaults."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from ltx2_character.audio.options import AudioTrainingOptions
from ltx2_character.fork import connector_lora, ltx2_audio, trainer_audio


def test_a_train_config_without_parsed_options_is_an_error():
    with pytest.raises(ltx2_audio.AudioOptionsMissing, match="patch \\(0006\\)"):
        trainer_audio.options_from(SimpleNamespace(lr=1e-4))


def test_configure_hands_the_trainers_own_options_to_the_model():
    options = AudioTrainingOptions(voice_preservation="silence", train_connectors=True)
    trainer = SimpleNamespace(train_config=SimpleNamespace(ltx2_audio=options), sd=SimpleNamespace())
    state = trainer_audio.configure(trainer)
    assert state.options is options and ltx2_audio.options_of(trainer.sd) is options


def test_an_unconfigured_model_on_the_training_path_is_an_error():
    with pytest.raises(ltx2_audio.AudioOptionsMissing, match="SimpleNamespace has no audio training options"):
        ltx2_audio.options_of(SimpleNamespace())


def test_a_model_loaded_outside_training_attaches_no_connector_lora():
    assert connector_lora.attach_for_training(SimpleNamespace(), pipeline=None) is False
