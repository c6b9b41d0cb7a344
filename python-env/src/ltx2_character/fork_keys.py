# Generated from the config-schema records (dev.ltx2.schema.model). Do not edit: run
#     bin/orchestrator schema generate
"""The config keys the patched fork's runtime reads: type, default, bounds and choices.

One source, the Java schema records: ``audio/options.py`` builds ``AudioTrainingOptions`` on
``TrainKeys`` and checks values against ``TRAIN``; ``training/network.py`` checks against ``NETWORK``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional, Union

Scalar = Union[bool, int, float, str, None]


@dataclass(frozen=True)
class KeySpec:
    """One key; ``kind`` is bool, int, float, choice or text; bounds apply to int and float."""

    section: str
    name: str
    kind: str
    default: Scalar
    nullable: bool = False
    minimum: Optional[float] = None
    minimum_exclusive: bool = False
    maximum: Optional[float] = None
    maximum_exclusive: bool = False
    choices: tuple[str, ...] = ()
    doc: str = ""


TRAIN: dict[str, KeySpec] = {
    "audio_loss_multiplier": KeySpec("train", "audio_loss_multiplier", "float", 1.0, minimum=0.0, doc="Scale of the audio loss added to the video loss (ignored when auto_balance_audio_loss is on)."),
    "auto_balance_audio_loss": KeySpec("train", "auto_balance_audio_loss", "bool", False, doc="Set the audio multiplier each step from EMAs of the video and raw audio losses."),
    "auto_balance_audio_target_ratio": KeySpec("train", "auto_balance_audio_target_ratio", "float", 0.33, minimum=0.0, minimum_exclusive=True, doc="Target audio/video loss ratio for auto-balance."),
    "auto_balance_audio_ema": KeySpec("train", "auto_balance_audio_ema", "float", 0.99, minimum=0.0, minimum_exclusive=True, maximum=1.0, maximum_exclusive=True, doc="EMA decay of the loss averages for auto-balance."),
    "auto_balance_audio_min": KeySpec("train", "auto_balance_audio_min", "float", 0.05, minimum=0.0, minimum_exclusive=True, doc="Lowest auto-balanced multiplier (below 1 allowed)."),
    "auto_balance_audio_max": KeySpec("train", "auto_balance_audio_max", "float", 20.0, minimum=0.0, minimum_exclusive=True, doc="Highest auto-balanced multiplier (≥ auto_balance_audio_min)."),
    "independent_audio_timestep": KeySpec("train", "independent_audio_timestep", "bool", True, doc="Sample the audio timestep (and audio σ) independently of the video's, once per step."),
    "audio_timestep_distribution": KeySpec("train", "audio_timestep_distribution", "choice", "shifted_logit_normal", choices=("uniform", "shifted_logit_normal"), doc="Distribution of the independent audio timestep."),
    "strict_audio_mode": KeySpec("train", "strict_audio_mode", "bool", False, doc="Stop training when the share of video steps with real audio falls below the minimum after warmup."),
    "strict_audio_min_supervised_ratio": KeySpec("train", "strict_audio_min_supervised_ratio", "float", 0.9, minimum=0.0, maximum=1.0, doc="Minimum share of eligible video steps with real audio supervision."),
    "strict_audio_warmup_steps": KeySpec("train", "strict_audio_warmup_steps", "int", 50, minimum=0.0, doc="Steps before strict audio mode starts checking."),
    "voice_preservation": KeySpec("train", "voice_preservation", "choice", "base", choices=("none", "silence", "base"), doc="Audio regulariser on audio-free batches: none, silence target, or the base model's audio prediction."),
    "voice_preservation_weight": KeySpec("train", "voice_preservation_weight", "float", 1.0, minimum=0.0, doc="Weight of the voice preservation term."),
    "train_connectors": KeySpec("train", "train_connectors", "bool", False, doc="Also train a LoRA on LTX-2's text connectors (text-to-audio adaptation)."),
}


NETWORK: dict[str, KeySpec] = {
    "rank_dropout": KeySpec("network", "rank_dropout", "float", None, nullable=True, minimum=0.0, maximum=1.0, maximum_exclusive=True, doc="Zero whole rank dimensions at random (the SOP uses 0.1)."),
    "module_dropout": KeySpec("network", "module_dropout", "float", None, nullable=True, minimum=0.0, maximum=1.0, maximum_exclusive=True, doc="Skip whole LoRA modules at random."),
}


@dataclass(frozen=True)
class TrainKeys:
    """``TRAIN`` as typed fields with their defaults."""

    audio_loss_multiplier: float = 1.0
    auto_balance_audio_loss: bool = False
    auto_balance_audio_target_ratio: float = 0.33
    auto_balance_audio_ema: float = 0.99
    auto_balance_audio_min: float = 0.05
    auto_balance_audio_max: float = 20.0
    independent_audio_timestep: bool = True
    audio_timestep_distribution: Literal["uniform", "shifted_logit_normal"] = "shifted_logit_normal"
    strict_audio_mode: bool = False
    strict_audio_min_supervised_ratio: float = 0.9
    strict_audio_warmup_steps: int = 50
    voice_preservation: Literal["none", "silence", "base"] = "base"
    voice_preservation_weight: float = 1.0
    train_connectors: bool = False


@dataclass(frozen=True)
class NetworkKeys:
    """``NETWORK`` as typed fields with their defaults."""

    rank_dropout: Optional[float] = None
    module_dropout: Optional[float] = None
