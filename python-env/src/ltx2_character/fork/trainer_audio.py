"""The audio side of ``SDTrainer`` (SOP items A, B, E, J, Y).

Loss: ``video + m * masked_mse(audio_pred, audio_target) + m * w * masked_mse(audio_pred,
base_audio_pred)`` where ``m`` is ``audio_loss_multiplier`` or, with auto-balance, the
balancer's multiplier (also used for the audio term of DOP), and the last term is the base
voice preservation on items without real audio. Logged every step: raw and scaled audio
loss, video loss and the multiplier.
"""
from __future__ import annotations

from typing import Any

import torch

from ltx2_character.audio.balance import AudioLossBalancer
from ltx2_character.audio.options import AudioTrainingOptions
from ltx2_character.audio.strict import StrictAudioMonitor
from ltx2_character.audio.tensors import masked_mse
from ltx2_character.fork import ltx2_audio
from ltx2_character.fork.batch_audio import missing_audio_items
from ltx2_character.parallel import collectives

STATE_ATTR = "_ltx2_audio_state"
AUDIO_LOG_EVERY = 10


class TrainerAudioState:
    def __init__(self, options: AudioTrainingOptions) -> None:
        self.options = options
        self.balancer = AudioLossBalancer(
            target_ratio=options.auto_balance_audio_target_ratio, ema=options.auto_balance_audio_ema,
            lower=options.auto_balance_audio_min, upper=options.auto_balance_audio_max,
        ) if options.auto_balance_audio_loss else None
        self.strict = StrictAudioMonitor(
            options.strict_audio_min_supervised_ratio, options.strict_audio_warmup_steps,
        ) if options.strict_audio_mode else None

    @property
    def multiplier(self) -> float:
        return self.balancer.multiplier if self.balancer is not None else self.options.audio_loss_multiplier


def options_from(train_config: Any) -> AudioTrainingOptions:
    """The options the fork's TrainConfig parsed (patch 0006); an error, not the defaults, when it did not."""
    options = getattr(train_config, "ltx2_audio", None)
    if not isinstance(options, AudioTrainingOptions):
        raise ltx2_audio.AudioOptionsMissing(
            f"{type(train_config).__name__} carries no parsed audio options (ltx2_audio): the fork's TrainConfig "
            "patch (0006) did not run; materialise the fork with `orchestrator fork apply`")
    return options


def configure(trainer: Any) -> TrainerAudioState:
    """Called once before the train loop: share the options with the model, build the state."""
    options = options_from(trainer.train_config)
    ltx2_audio.configure(trainer.sd, options)
    state = TrainerAudioState(options)
    setattr(trainer, STATE_ATTR, state)
    return state


def state_of(trainer: Any) -> TrainerAudioState:
    state = getattr(trainer, STATE_ATTR, None)
    return state if state is not None else configure(trainer)


def current_multiplier(trainer: Any) -> float:
    """The audio multiplier in force (for DOP's audio term too)."""
    return state_of(trainer).multiplier


def dop_covers_voice(train_config: Any) -> bool:
    # DOP / blank-prompt preservation already hold the audio branch to the base model
    # (upstream's audio preservation term), on their own prompts.
    return bool(getattr(train_config, "diff_output_preservation", False)
                or getattr(train_config, "blank_prompt_preservation", False))


def base_voice_active(trainer: Any) -> bool:
    """Base voice preservation (item E) applies: the option is on, there is a LoRA to turn
    off, the model is LTX-2, and DOP is not already preserving the audio."""
    return (state_of(trainer).options.uses_base_prediction and trainer.network is not None
            and getattr(trainer.sd, "arch", "").startswith("ltx2") and not dop_covers_voice(trainer.train_config))


def needs_base_prediction(trainer: Any, batch: Any) -> bool:
    """Whether this batch needs the LoRA-off pass for base voice preservation (item E)."""
    if not base_voice_active(trainer):
        return False
    batch_size = len(batch.file_items)
    return not bool(ltx2_audio.real_audio_mask(batch, batch_size).all())


def add_audio_loss(trainer: Any, batch: Any, video_loss: torch.Tensor) -> torch.Tensor:
    """Video loss plus the audio terms; replaces upstream's unmasked, unbalanced audio term.

    Under data parallelism every rank calls this once per batch (it exchanges the losses):
    the balancer sees the means over all ranks' items, and each masked term is scaled by
    this rank's share of the supervised items, so that the averaged gradients equal those of
    one process training the ranks' batches as one.
    """
    state = state_of(trainer)
    logs = trainer.additional_logs
    pred = batch.audio_pred
    raw, audio_items = None, 0
    if pred is not None and batch.audio_target is not None:
        mask = getattr(batch, "audio_loss_mask", None)
        if mask is None:
            mask = torch.ones(pred.shape[0], dtype=torch.bool)
        raw, audio_items = masked_mse(pred, batch.audio_target, mask), int(mask.sum())
    voice, voice_items = None, 0
    preserve = getattr(batch, "audio_preserve_mask", None)
    prior = getattr(batch, "audio_pred_prior", None)
    if pred is not None and preserve is not None and prior is not None and base_voice_active(trainer):
        voice = masked_mse(pred, prior.detach(), preserve) * state.options.voice_preservation_weight
        voice_items = int(preserve.sum())
    (video_mean, _), (audio_mean, audio_total), (_, voice_total) = collectives.weighted_means(
        (float(video_loss.detach()), 1.0),
        (float(raw.detach()) if raw is not None else 0.0, audio_items),
        (0.0, voice_items))
    if state.balancer is not None and audio_mean is not None:
        state.balancer.update(video_mean, audio_mean)
    if pred is None:
        return video_loss
    total = video_loss
    multiplier = state.multiplier
    if raw is not None:
        total = total + raw * multiplier * collectives.gradient_share(audio_items, audio_total)
        logs["loss/audio_raw"] = raw.item()
        logs["loss/audio_scaled"] = raw.item() * multiplier
        # upstream's keys, kept for existing dashboards
        logs["loss/audio"] = raw.item() * multiplier
    if voice is not None:
        total = total + voice * multiplier * collectives.gradient_share(voice_items, voice_total)
        logs["loss/voice_preservation"] = voice.item()
    logs["loss/video"] = video_loss.item()
    logs["loss/img"] = video_loss.item()
    logs["audio/multiplier"] = multiplier
    step = trainer.step_num + 1  # counted as the progress bar and the step events count
    if raw is not None and step % AUDIO_LOG_EVERY == 0:
        # the SOP's periodic line, in the trainer log, whatever logging.log_every is; through
        # tqdm so that it starts its own line instead of trailing the progress bar
        from tqdm import tqdm

        tqdm.write(audio_log_line(step, logs))
    return total


def audio_log_line(step: int, logs: dict[str, float]) -> str:
    """The periodic ``[audio]`` line (item Y): video loss, raw and scaled audio loss, multiplier."""
    return (f"[audio] step {step}: video {logs['loss/video']:.4f} | audio raw {logs['loss/audio_raw']:.4f} "
            f"| audio scaled {logs['loss/audio_scaled']:.4f} | multiplier {logs['audio/multiplier']:.4f}")


def after_batch(trainer: Any, batch: Any) -> None:
    """Strict audio mode bookkeeping after a primary step (item J)."""
    state = state_of(trainer)
    if state.strict is None:
        return
    eligible = getattr(batch, "num_frames", 1) > 1 and bool(getattr(batch.dataset_config, "do_audio", False))
    real = getattr(batch, "audio_real_mask", None)
    supervised = real is not None and bool(real.any())
    eligible_n, supervised_n = collectives.sum_counts(int(eligible), int(supervised))
    state.strict.record(trainer.step_num, eligible_n, supervised_n, missing_audio_items(batch) if eligible else [])
    trainer.additional_logs["audio/supervised_ratio"] = state.strict.ratio
