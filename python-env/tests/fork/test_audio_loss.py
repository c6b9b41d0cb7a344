"""The audio loss through the patched trainer: A (upstream multiplier), B (auto-balance),
E (base voice preservation term), Y (logged keys every step), on tiny 2.0 and 2.3 models; A also
on LTX-2.5's split files (its own load path, the rest of the step is the 2.3 transformer's)."""
from __future__ import annotations

import pytest

from ltx2_character.audio.balance import AudioLossBalancer
from ltx2_character.fork.trainer_audio import audio_log_line

from . import harness
from .audio_capture import audio_calls  # noqa: F401
from .harness import ALL_ARCHES, ARCHES

pytestmark = pytest.mark.fork


@pytest.mark.parametrize("arch", ALL_ARCHES)
def test_a_audio_loss_multiplier_scales_the_audio_term(arch, fork, model_dirs, datasets, tmp_path, audio_calls):
    from toolkit.config_modules import TrainConfig

    assert TrainConfig(audio_loss_multiplier=2.5).audio_loss_multiplier == 2.5  # read upstream (config_modules.py:611)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=2, train={"audio_loss_multiplier": 2.5})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(audio_calls) == 2, "one audio loss per step"
    for call in audio_calls:
        assert call.logs["audio/multiplier"] == 2.5
        assert call.logs["loss/audio_raw"] > 0
        assert call.logs["loss/audio_scaled"] == pytest.approx(2.5 * call.logs["loss/audio_raw"])


@pytest.mark.parametrize("arch", ARCHES)
def test_b_auto_balance_follows_the_ema_rule(arch, fork, model_dirs, datasets, tmp_path, audio_calls):
    train = {"auto_balance_audio_loss": True, "auto_balance_audio_ema": 0.5, "auto_balance_audio_target_ratio": 0.33,
             "audio_loss_multiplier": 7.0}
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=4, train=train)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(audio_calls) == 4, "one audio loss per step"
    reference = AudioLossBalancer(target_ratio=0.33, ema=0.5, lower=0.05, upper=20.0)
    for call in audio_calls:
        expected = reference.update(call.logs["loss/video"], call.logs["loss/audio_raw"])
        assert call.logs["audio/multiplier"] == pytest.approx(expected)
        assert call.logs["audio/multiplier"] != 7.0  # auto-balance wins over the fixed multiplier
    steps = sink.of("step")
    assert len(steps) == 4
    assert all("audio/multiplier" in s["losses"] and "loss/audio_raw" in s["losses"] for s in steps)


@pytest.mark.parametrize("arch", ARCHES)
def test_y_every_step_reports_video_raw_scaled_and_multiplier(arch, fork, model_dirs, datasets, tmp_path, capsys):
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=21)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert [e["step"] for e in sink.of("step")] == list(range(1, 22))
    for event in sink.of("step"):
        for key in ("loss/video", "loss/audio_raw", "loss/audio_scaled", "audio/multiplier"):
            assert key in event["losses"], (key, event["step"])
        assert event["audio_loss"] == event["losses"]["loss/audio_raw"]
    # the periodic line: its own line, at steps 10 and 20 of 21, with the step's logged values
    printed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[audio] step")]
    by_step = {e["step"]: e["losses"] for e in sink.of("step")}
    assert [int(line.split()[2].rstrip(":")) for line in printed] == [10, 20]
    for line in printed:
        step = int(line.split()[2].rstrip(":"))
        assert line == audio_log_line(step, by_step[step])


@pytest.mark.parametrize("arch", ARCHES)
def test_e_base_preservation_term_pairs_lora_and_base_audio(arch, fork, model_dirs, datasets, tmp_path, audio_calls):
    import torch

    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["silent"])}], tmp_path / "out", arch=arch,
                         steps=2, train={"voice_preservation_weight": 2.0})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(audio_calls) == 2, "one audio loss per step"
    for call in audio_calls:
        assert call.target is None and call.preserve_mask.tolist() == [True]
        expected = ((call.pred - call.prior) ** 2).mean().item() * 2.0
        assert call.logs["loss/voice_preservation"] == pytest.approx(expected, rel=1e-5)
    # The prior is the base model's prediction on the same input: before the first update the
    # LoRA is zero (lora_up starts at zero), so the two agree exactly; after it they differ.
    first, second = audio_calls
    assert torch.equal(first.pred, first.prior) and first.logs["loss/voice_preservation"] == 0.0
    assert not torch.equal(second.pred, second.prior) and second.logs["loss/voice_preservation"] > 0.0


@pytest.mark.parametrize("arch", ARCHES)
def test_e_silence_mode_trains_audio_free_items_towards_silence(arch, fork, model_dirs, datasets, tmp_path,
                                                                audio_calls):
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["silent"])}], tmp_path / "out", arch=arch,
                         steps=2, train={"voice_preservation": "silence"})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(audio_calls) == 2, "one audio loss per step"
    for call in audio_calls:
        assert call.target is not None and call.loss_mask.tolist() == [True]
        assert call.real_mask.tolist() == [False] and call.preserve_mask is None
        assert "loss/voice_preservation" not in call.logs and call.logs["loss/audio_raw"] > 0
