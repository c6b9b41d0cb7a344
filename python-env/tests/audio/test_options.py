from __future__ import annotations

import pytest

from ltx2_character.audio.options import AudioTrainingOptions
from ltx2_character.key_values import KeyValueError


def test_defaults_when_no_keys():
    opts = AudioTrainingOptions.from_train_kwargs({"lr": 1e-4})
    assert opts == AudioTrainingOptions()
    assert opts.independent_audio_timestep and opts.audio_timestep_distribution == "shifted_logit_normal"
    assert not opts.auto_balance_audio_loss and opts.voice_preservation == "base"


def test_reads_and_converts_the_keys():
    opts = AudioTrainingOptions.from_train_kwargs({
        "auto_balance_audio_loss": True, "auto_balance_audio_min": 1, "strict_audio_warmup_steps": 5,
        "audio_timestep_distribution": "uniform", "voice_preservation": "silence", "audio_loss_multiplier": 2,
    })
    assert opts.auto_balance_audio_loss and opts.auto_balance_audio_min == 1.0
    assert isinstance(opts.auto_balance_audio_min, float) and isinstance(opts.audio_loss_multiplier, float)
    assert opts.strict_audio_warmup_steps == 5 and opts.voice_preservation == "silence"


@pytest.mark.parametrize("kwargs, fragment", [
    ({"auto_balance_audio_loss": "yes"}, "auto_balance_audio_loss"),
    ({"strict_audio_warmup_steps": 2.5}, "strict_audio_warmup_steps"),
    ({"strict_audio_warmup_steps": -1}, "strict_audio_warmup_steps"),
    ({"strict_audio_min_supervised_ratio": 1.5}, "strict_audio_min_supervised_ratio"),
    ({"auto_balance_audio_ema": 1.0}, "auto_balance_audio_ema"),
    ({"auto_balance_audio_min": 2.0, "auto_balance_audio_max": 1.0}, "auto_balance_audio_max"),
    ({"audio_timestep_distribution": "lognormal"}, "audio_timestep_distribution"),
    ({"voice_preservation": "always"}, "voice_preservation"),
    ({"audio_loss_multiplier": -1}, "audio_loss_multiplier"),
    ({"audio_loss_multiplier": True}, "audio_loss_multiplier"),
])
def test_rejects_bad_values_naming_the_key(kwargs, fragment):
    with pytest.raises(KeyValueError, match=fragment):
        AudioTrainingOptions.from_train_kwargs(kwargs)


def test_base_prediction_needs_a_positive_weight():
    assert AudioTrainingOptions().uses_base_prediction
    assert not AudioTrainingOptions(voice_preservation_weight=0.0).uses_base_prediction
    assert not AudioTrainingOptions(voice_preservation="silence").uses_base_prediction

