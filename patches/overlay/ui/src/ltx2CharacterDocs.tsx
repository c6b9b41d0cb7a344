// Docs for the LTX-2 character fields (ltx2-orchestrator fork). docs.tsx spreads these after
// its own entries, so 'train.audio_loss_multiplier' here replaces upstream's text with one that
// also explains auto-balance.
import React from 'react';
import { ConfigDoc } from '@/types';
import { ltx2RuntimeKeys, trainerDefault } from './ltx2CharacterKeys';

/** The trainer's default as the docs show it (generated from the fork's config schema): floats keep a decimal. */
const shown = (key: string): string => {
  const value = trainerDefault(key);
  return ltx2RuntimeKeys[key].kind === 'float' && Number.isInteger(value) ? (value as number).toFixed(1) : String(value);
};

export const ltx2CharacterDocs: { [key: string]: ConfigDoc } = {
  'network.type': {
    title: 'Target Type',
    description: (
      <>
        The kind of adapter to train. <b>LoRA</b> adds a low-rank update to each targeted linear layer. <b>DoRA</b>{' '}
        (LTX-2 models) splits each update into a magnitude and a direction; it can learn more per rank but recomputes
        the full weight norm on every forward pass, so it is slower and uses more memory, especially on quantized 19-22B
        transformers, and the result cannot be merged into the base weights. <b>LoKr</b> uses a Kronecker-product
        update; with full rank (the default) the rank setting is ignored and the LoKr factor sets its size. LTX-2
        default: LoRA.
      </>
    ),
  },
  'network.linear': {
    title: 'Linear Rank',
    description: (
      <>
        The rank of the LoRA/DoRA update for every targeted linear layer. Higher ranks hold more detail (a character's
        look and voice share one adapter in LTX-2) at the cost of file size and VRAM. Changing the rank also sets the
        alpha to the same value. LTX-2 default: 32.
      </>
    ),
  },
  'network.linear_alpha': {
    title: 'LoRA Alpha',
    description: (
      <>
        The LoRA scale is alpha / rank. For transformer models such as LTX-2, ai-toolkit saves the LoRA in PEFT format
        and forces alpha to equal the rank, so the scale is always 1.0 whatever this value says. It is shown read-only
        and follows the rank. LTX-2 default: 32 (rank 32).
      </>
    ),
  },
  'network.rank_dropout': {
    title: 'Rank Dropout',
    description: (
      <>
        The probability, per training step, that each rank dimension of a LoRA update is zeroed (the rest are rescaled).
        A regularizer against overfitting a small dataset; it is not applied when the LoRA is used for inference. 0
        turns it off; values are below 1. LTX-2 default: 0.1.
      </>
    ),
  },
  'network.module_dropout': {
    title: 'Module Dropout',
    description: (
      <>
        The probability, per training step, that a whole LoRA module is skipped (the layer runs without its update). A
        stronger regularizer than rank dropout; 0 turns it off; values are below 1. LoKr accepts it but does not apply
        it. LTX-2 default: 0.0.
      </>
    ),
  },
  'train.independent_audio_timestep': {
    title: 'Independent Audio Timestep',
    description: (
      <>
        LTX-2 denoises video and audio with separate timestep embeddings. When on, each step draws the audio noise level
        independently of the video noise level (from the distribution below) and passes it to the transformer as the
        audio timestep and sigma; when off, audio uses the video timestep as upstream does. Costs nothing. LTX-2
        default: on.
      </>
    ),
  },
  'train.audio_timestep_distribution': {
    title: 'Audio Timestep Distribution',
    description: (
      <>
        How the independent audio timestep is drawn. <b>Shifted logit-normal</b> follows Lightricks&apos; trainer: a
        logit-normal whose centre shifts with the number of audio tokens, so short clips train more at lower noise, with
        some uniform samples mixed in. <b>Uniform</b> draws every noise level equally often. Used only with Independent
        Audio Timestep. LTX-2 default: shifted logit-normal.
      </>
    ),
  },
  'train.auto_balance_audio_loss': {
    title: 'Auto-Balance Audio Loss',
    description: (
      <>
        Scales the audio loss every step so that it stays near a target fraction of the video loss: the multiplier is
        target ratio x EMA(video loss) / EMA(audio loss), clamped between the min and max below. Early in training the
        raw audio loss can be about ten times the video loss, so the min may go below 1. When on, the Audio Loss
        Multiplier is ignored. Steps without real audio leave the multiplier unchanged. LTX-2 default: on.
      </>
    ),
  },
  'train.auto_balance_audio_target_ratio': {
    title: 'Audio/Video Target Ratio',
    description: (
      <>
        The audio loss, after scaling, is kept near this multiple of the video loss. 0.33 keeps audio at about a quarter
        of the total loss. Default: {shown('train.auto_balance_audio_target_ratio')}.
      </>
    ),
  },
  'train.auto_balance_audio_min': {
    title: 'Audio Multiplier Min',
    description: (
      <>The smallest multiplier auto-balance may apply to the audio loss (must be above 0). Default: {shown('train.auto_balance_audio_min')}.</>
    ),
  },
  'train.auto_balance_audio_max': {
    title: 'Audio Multiplier Max',
    description: (
      <>The largest multiplier auto-balance may apply to the audio loss (at least the min). Default: {shown('train.auto_balance_audio_max')}.</>
    ),
  },
  'train.audio_loss_multiplier': {
    title: 'Audio Loss Multiplier',
    description: (
      <>
        A fixed weight for the audio loss. When training audio and video, the video loss can outweigh the audio loss and
        the voice degrades; a larger multiplier (2.0, 10.0) gives audio more weight, and too large a value can overfit
        and damage the model. <b>Ignored when Auto-Balance Audio Loss is on</b>, which chooses the multiplier itself.
        Default: {shown('train.audio_loss_multiplier')}.
      </>
    ),
  },
  'train.strict_audio_mode': {
    title: 'Strict Audio Mode',
    description: (
      <>
        Stops training with an error when too few steps carry real audio: after the warmup steps, if the share of video
        steps with audio supervision falls below the minimum ratio, the dataset&apos;s audio is probably not being
        decoded (missing audio tracks, a broken decoder) and the voice would not be learned. LTX-2 default: off.
      </>
    ),
  },
  'train.strict_audio_min_supervised_ratio': {
    title: 'Min Supervised Ratio',
    description: <>The share of video steps (0 to 1) that must carry real audio in strict mode. Default: {shown('train.strict_audio_min_supervised_ratio')}.</>,
  },
  'train.strict_audio_warmup_steps': {
    title: 'Strict Warmup Steps',
    description: <>Steps before strict mode starts checking the ratio. Default: {shown('train.strict_audio_warmup_steps')}.</>,
  },
  'train.voice_preservation': {
    title: 'Voice Preservation',
    description: (
      <>
        What the audio stream learns on batches without audio (images, silent clips), so the LoRA does not drift the
        model&apos;s voices. <b>Base model</b>: the LoRA&apos;s audio prediction is pulled towards the base model&apos;s
        prediction for the same input (one extra forward pass on those batches). <b>Silence</b>: the audio target is
        encoded silence, which teaches that such prompts are silent. <b>Off</b>: no audio loss on those batches. In
        every mode, placeholder audio is marked fully noised so it does not leak into the video. LTX-2 default: base
        model.
      </>
    ),
  },
  'train.voice_preservation_weight': {
    title: 'Voice Preservation Weight',
    description: <>The weight of the voice preservation loss relative to the audio loss. Default: {shown('train.voice_preservation_weight')}.</>,
  },
  'train.train_connectors': {
    title: 'Train Connectors',
    description: (
      <>
        Also trains a LoRA on LTX-2&apos;s text connectors, the layers between the text encoder and the transformer, so
        the trigger word&apos;s embedding itself can adapt. The connector weights go into the same LoRA file under
        LTX-2&apos;s original key names. LTX-2 default: off.
      </>
    ),
  },
  'train.noise_offset': {
    title: 'Noise Offset',
    description: (
      <>
        Adds a small random per-channel constant to the training noise, which helps the model reach very bright and very
        dark images. For LTX-2 the offset is one value per channel shared by all frames of a clip. 0 turns it off. LTX-2
        default: 0.05.
      </>
    ),
  },
  'train.min_snr_gamma': {
    title: 'Min-SNR Gamma',
    description: (
      <>
        Min-SNR-gamma loss weighting, so that nearly clean, easy timesteps do not dominate training. For flow-matching
        models such as LTX-2, SNR = ((1 - sigma) / sigma)^2 and the velocity loss is weighted by min(SNR, gamma) x
        sigma^2, the flow-matching form of min-SNR on the clean-image loss. 0 turns it off. LTX-2 default: 5.0.
      </>
    ),
  },
  'train.lr_scheduler': {
    title: 'LR Scheduler',
    description: (
      <>
        How the learning rate changes over the run. <b>Constant</b>: fixed. <b>Constant with Warmup</b>: rises linearly
        from 0 over the warmup steps, then fixed. <b>Cosine Annealing</b>: falls along a cosine to 0 at the last step.{' '}
        <b>Cosine with Restarts</b>: three equal cosine cycles, each restarting at the full rate. <b>Linear Decay</b>:
        falls in a straight line to 0 at the last step. LTX-2 default: Constant with Warmup.
      </>
    ),
  },
  'train.lr_scheduler_params.num_warmup_steps': {
    title: 'Warmup Steps',
    description: (
      <>
        Steps over which Constant with Warmup raises the learning rate from 0 to its value. Left empty, the warmup is 5%
        of the training steps. Default: empty (5%).
      </>
    ),
  },
  'train.optimizer': {
    title: 'Optimizer',
    description: (
      <>
        <b>AdamW</b>: full-precision AdamW. <b>AdamW8Bit</b>: AdamW with 8-bit states (bitsandbytes, needs a CUDA GPU),
        less memory. <b>Prodigy</b> and <b>DAdaptation</b> (DAdaptAdam, written as dadaptationadam) estimate the
        learning rate themselves: set Learning Rate to 1.0 (any value below 0.1 is raised to 1.0).
      </>
    ),
  },
};
