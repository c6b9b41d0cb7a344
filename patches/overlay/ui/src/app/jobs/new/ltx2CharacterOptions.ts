// Defaults and choices for the LTX-2 character fields (SOP items K-Z), shared by the
// LTX-2 archs in options.tsx and by Ltx2CharacterCard. Where the form starts from the trainer's
// own default, and for every choice, the value comes from the generated ltx2CharacterKeys.ts;
// the values written here are the SOP's decisions for LTX-2 that differ from it.
import { SelectOption } from '@/types';
import { AudioTimestepDistribution, VoicePreservation, trainerDefault } from '@/ltx2CharacterKeys';

/** The additionalSections entry that shows Ltx2CharacterCard and the extra choices. */
export const LTX2_CHARACTER_SECTION = 'ltx2.character' as const;

/** Per-arch defaults, [selected, unselected] as in options.tsx. */
export const ltx2CharacterDefaults: { [key: string]: [any, any] } = {
  // N, O, M: LoRA rank 32 (alpha follows rank), rank dropout 0.1
  'config.process[0].network.type': ['lora', 'lora'],
  'config.process[0].network.linear': [32, 32],
  'config.process[0].network.linear_alpha': [32, 32],
  'config.process[0].network.rank_dropout': [0.1, undefined],
  'config.process[0].network.module_dropout': [0.0, undefined],
  // L
  'config.process[0].train.independent_audio_timestep': [trainerDefault('train.independent_audio_timestep'), undefined],
  'config.process[0].train.audio_timestep_distribution': [trainerDefault('train.audio_timestep_distribution'), undefined],
  // B, Z: on for LTX-2, while the trainer's own default stays off
  'config.process[0].train.auto_balance_audio_loss': [true, undefined],
  'config.process[0].train.auto_balance_audio_target_ratio': [trainerDefault('train.auto_balance_audio_target_ratio'), undefined],
  'config.process[0].train.auto_balance_audio_min': [trainerDefault('train.auto_balance_audio_min'), undefined],
  'config.process[0].train.auto_balance_audio_max': [trainerDefault('train.auto_balance_audio_max'), undefined],
  // J
  'config.process[0].train.strict_audio_mode': [trainerDefault('train.strict_audio_mode'), undefined],
  'config.process[0].train.strict_audio_min_supervised_ratio': [trainerDefault('train.strict_audio_min_supervised_ratio'), undefined],
  'config.process[0].train.strict_audio_warmup_steps': [trainerDefault('train.strict_audio_warmup_steps'), undefined],
  // E
  'config.process[0].train.voice_preservation': [trainerDefault('train.voice_preservation'), undefined],
  'config.process[0].train.voice_preservation_weight': [trainerDefault('train.voice_preservation_weight'), undefined],
  // F
  'config.process[0].train.train_connectors': [trainerDefault('train.train_connectors'), undefined],
  // T, S
  'config.process[0].train.noise_offset': [0.05, undefined],
  'config.process[0].train.min_snr_gamma': [5.0, undefined],
  // V
  'config.process[0].train.lr_scheduler': ['constant_with_warmup', undefined],
  // no num_warmup_steps: the trainer then warms up over 5% of the steps (SOP V patch)
  'config.process[0].train.lr_scheduler_params': [{}, undefined],
};

/** O: DoRA joins upstream's LoRA and LoKr for the LTX-2 archs. */
export const ltx2TargetTypeOptions: SelectOption[] = [{ value: 'dora', label: 'DoRA' }];

/** U: upstream lists AdamW, AdamW8Bit and Prodigy; DAdaptation (DAdaptAdam) is added. */
export const ltx2OptimizerOptions: SelectOption[] = [{ value: 'dadaptationadam', label: 'DAdaptation' }];

/**
 * A select's options in the order of its labels. The labels are typed by the trainer's choices
 * (generated unions): a missing or an unknown choice fails the type check.
 */
const choicesOf = <T extends string>(labels: Record<T, string>): SelectOption[] =>
  (Object.keys(labels) as T[]).map(value => ({ value, label: labels[value] }));

const audioTimestepDistributionLabels: Record<AudioTimestepDistribution, string> = {
  shifted_logit_normal: 'Shifted logit-normal',
  uniform: 'Uniform',
};

const voicePreservationLabels: Record<VoicePreservation, string> = {
  base: 'Base model',
  silence: 'Silence',
  none: 'Off',
};

export const audioTimestepDistributionOptions = choicesOf(audioTimestepDistributionLabels);

export const voicePreservationOptions = choicesOf(voicePreservationLabels);

/**
 * V: each choice with the lr_scheduler_params it writes. Left out, the trainer fills in what
 * each label promises (linear decays to 0, warmup is 5% of the steps, restarts make 3 cycles);
 * Linear Decay states its factors anyway, so the config reads as what it does.
 */
export const lrSchedulerChoices: { option: SelectOption; params: (warmup?: number) => { [key: string]: number } }[] = [
  { option: { value: 'constant', label: 'Constant' }, params: () => ({}) },
  {
    option: { value: 'constant_with_warmup', label: 'Constant with Warmup' },
    params: (warmup?: number): { [key: string]: number } => (warmup === undefined ? {} : { num_warmup_steps: warmup }),
  },
  { option: { value: 'cosine', label: 'Cosine Annealing' }, params: () => ({}) },
  { option: { value: 'cosine_with_restarts', label: 'Cosine with Restarts' }, params: () => ({}) },
  { option: { value: 'linear', label: 'Linear Decay' }, params: () => ({ start_factor: 1.0, end_factor: 0.0 }) },
];

/** The LTX-2 choices to add to one of upstream's selects, for an arch with the section. */
export const ltx2Choices = (arch: { additionalSections?: string[] } | undefined, extra: SelectOption[]) =>
  arch?.additionalSections?.includes(LTX2_CHARACTER_SECTION) ? extra : [];
