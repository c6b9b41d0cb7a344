// Generated from the config-schema records (dev.ltx2.schema.model). Do not edit: run
//     bin/orchestrator schema generate
// The config keys the patched fork's runtime reads: the trainer's default when a key is absent,
// bounds and choices. The job form (ltx2CharacterOptions.ts, ltx2CharacterDocs.tsx) reads them here.

export interface Ltx2KeySpec {
  kind: 'bool' | 'int' | 'float' | 'choice' | 'text';
  default: boolean | number | string | null;
  nullable: boolean;
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  choices?: readonly string[];
  doc: string;
}

export type AudioTimestepDistribution = 'uniform' | 'shifted_logit_normal';

export type VoicePreservation = 'none' | 'silence' | 'base';

/** Keyed by the path under config.process[0], as the job form names fields. */
export const ltx2RuntimeKeys: { [key: string]: Ltx2KeySpec } = {
  'train.audio_loss_multiplier': { kind: 'float', default: 1, nullable: false, min: 0, doc: 'Scale of the audio loss added to the video loss (ignored when auto_balance_audio_loss is on).' },
  'train.auto_balance_audio_loss': { kind: 'bool', default: false, nullable: false, doc: 'Set the audio multiplier each step from EMAs of the video and raw audio losses.' },
  'train.auto_balance_audio_target_ratio': { kind: 'float', default: 0.33, nullable: false, min: 0, minExclusive: true, doc: 'Target audio/video loss ratio for auto-balance.' },
  'train.auto_balance_audio_ema': { kind: 'float', default: 0.99, nullable: false, min: 0, minExclusive: true, max: 1, maxExclusive: true, doc: 'EMA decay of the loss averages for auto-balance.' },
  'train.auto_balance_audio_min': { kind: 'float', default: 0.05, nullable: false, min: 0, minExclusive: true, doc: 'Lowest auto-balanced multiplier (below 1 allowed).' },
  'train.auto_balance_audio_max': { kind: 'float', default: 20, nullable: false, min: 0, minExclusive: true, doc: 'Highest auto-balanced multiplier (≥ auto_balance_audio_min).' },
  'train.independent_audio_timestep': { kind: 'bool', default: true, nullable: false, doc: 'Sample the audio timestep (and audio σ) independently of the video\'s, once per step.' },
  'train.audio_timestep_distribution': { kind: 'choice', default: 'shifted_logit_normal', nullable: false, choices: ['uniform', 'shifted_logit_normal'], doc: 'Distribution of the independent audio timestep.' },
  'train.strict_audio_mode': { kind: 'bool', default: false, nullable: false, doc: 'Stop training when the share of video steps with real audio falls below the minimum after warmup.' },
  'train.strict_audio_min_supervised_ratio': { kind: 'float', default: 0.9, nullable: false, min: 0, max: 1, doc: 'Minimum share of eligible video steps with real audio supervision.' },
  'train.strict_audio_warmup_steps': { kind: 'int', default: 50, nullable: false, min: 0, doc: 'Steps before strict audio mode starts checking.' },
  'train.voice_preservation': { kind: 'choice', default: 'base', nullable: false, choices: ['none', 'silence', 'base'], doc: 'Audio regulariser on audio-free batches: none, silence target, or the base model\'s audio prediction.' },
  'train.voice_preservation_weight': { kind: 'float', default: 1, nullable: false, min: 0, doc: 'Weight of the voice preservation term.' },
  'train.train_connectors': { kind: 'bool', default: false, nullable: false, doc: 'Also train a LoRA on LTX-2\'s text connectors (text-to-audio adaptation).' },
  'network.rank_dropout': { kind: 'float', default: null, nullable: true, min: 0, max: 1, maxExclusive: true, doc: 'Zero whole rank dimensions at random (the SOP uses 0.1).' },
  'network.module_dropout': { kind: 'float', default: null, nullable: true, min: 0, max: 1, maxExclusive: true, doc: 'Skip whole LoRA modules at random.' },
};

export interface Ltx2RuntimeTrainFields {
  audio_loss_multiplier?: number;
  auto_balance_audio_loss?: boolean;
  auto_balance_audio_target_ratio?: number;
  auto_balance_audio_ema?: number;
  auto_balance_audio_min?: number;
  auto_balance_audio_max?: number;
  independent_audio_timestep?: boolean;
  audio_timestep_distribution?: AudioTimestepDistribution;
  strict_audio_mode?: boolean;
  strict_audio_min_supervised_ratio?: number;
  strict_audio_warmup_steps?: number;
  voice_preservation?: VoicePreservation;
  voice_preservation_weight?: number;
  train_connectors?: boolean;
}

export interface Ltx2RuntimeNetworkFields {
  rank_dropout?: number | null;
  module_dropout?: number | null;
}

/** The trainer's value when the key is absent from the job config. */
export const trainerDefault = (key: string): boolean | number | string | null => {
  const spec = ltx2RuntimeKeys[key];
  if (spec === undefined) {
    throw new Error(`${key} is not a key the LTX-2 runtime reads`);
  }
  return spec.default;
};
