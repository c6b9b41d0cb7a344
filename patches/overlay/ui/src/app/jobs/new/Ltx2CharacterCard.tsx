'use client';
// The LTX-2 character fields (audio + voice, regularisation, schedule): SOP items
// B, E, F, J, L, M, N, S, T, V, Z. Network type, rank, optimizer, audio loss multiplier,
// DOP and caption dropout stay in upstream's cards, with the LTX-2 choices added there.
import { JobConfig } from '@/types';
import Card from '@/components/Card';
import { Checkbox, FormGroup, NumberInput, SelectInput, TextInput } from '@/components/formInputs';
import { ModelArch } from './options';
import {
  LTX2_CHARACTER_SECTION,
  audioTimestepDistributionOptions,
  lrSchedulerChoices,
  voicePreservationOptions,
} from './ltx2CharacterOptions';

type Props = {
  jobConfig: JobConfig;
  setJobConfig: (value: any, key: string) => void;
  modelArch: ModelArch | undefined;
};

const TRAIN = 'config.process[0].train';
const NETWORK = 'config.process[0].network';

export default function Ltx2CharacterCard({ jobConfig, setJobConfig, modelArch }: Props) {
  if (!modelArch?.additionalSections?.includes(LTX2_CHARACTER_SECTION)) {
    return null;
  }
  const train = jobConfig.config.process[0].train;
  const network = jobConfig.config.process[0].network;
  const warmup = train.lr_scheduler_params?.num_warmup_steps;

  return (
    <div>
      <Card title="LTX-2 Character (Audio + Voice)">
        <div className="grid grid-cols-1 md:grid-cols-3 lg:grid-cols-5 gap-6">
          <div>
            <FormGroup label="LoRA Regularization">
              <></>
            </FormGroup>
            <TextInput
              label="LoRA Alpha"
              docKey="network.linear_alpha"
              value={`${network?.linear_alpha ?? ''}`}
              onChange={() => {}}
              disabled
            />
            <NumberInput
              label="Rank Dropout"
              className="pt-2"
              docKey="network.rank_dropout"
              value={network?.rank_dropout ?? 0}
              onChange={value => setJobConfig(value ?? 0, `${NETWORK}.rank_dropout`)}
              placeholder="eg. 0.1"
              min={0}
              max={0.99}
            />
            <NumberInput
              label="Module Dropout"
              className="pt-2"
              docKey="network.module_dropout"
              value={network?.module_dropout ?? 0}
              onChange={value => setJobConfig(value ?? 0, `${NETWORK}.module_dropout`)}
              placeholder="eg. 0.0"
              min={0}
              max={0.99}
            />
            <Checkbox
              label="Train Connectors"
              className="pt-4"
              docKey="train.train_connectors"
              checked={train.train_connectors ?? false}
              onChange={value => setJobConfig(value, `${TRAIN}.train_connectors`)}
            />
          </div>
          <div>
            <FormGroup label="Audio Timestep">
              <Checkbox
                label="Independent Audio Timestep"
                docKey="train.independent_audio_timestep"
                checked={train.independent_audio_timestep ?? true}
                onChange={value => setJobConfig(value, `${TRAIN}.independent_audio_timestep`)}
              />
            </FormGroup>
            {(train.independent_audio_timestep ?? true) && (
              <SelectInput
                label="Audio Timestep Distribution"
                className="pt-2"
                docKey="train.audio_timestep_distribution"
                value={train.audio_timestep_distribution ?? 'shifted_logit_normal'}
                onChange={value => setJobConfig(value, `${TRAIN}.audio_timestep_distribution`)}
                options={audioTimestepDistributionOptions}
              />
            )}
            <SelectInput
              label="Voice Preservation"
              className="pt-2"
              docKey="train.voice_preservation"
              value={train.voice_preservation ?? 'base'}
              onChange={value => setJobConfig(value, `${TRAIN}.voice_preservation`)}
              options={voicePreservationOptions}
            />
            {(train.voice_preservation ?? 'base') !== 'none' && (
              <NumberInput
                label="Voice Preservation Weight"
                className="pt-2"
                docKey="train.voice_preservation_weight"
                value={train.voice_preservation_weight ?? 1.0}
                onChange={value => setJobConfig(value, `${TRAIN}.voice_preservation_weight`)}
                placeholder="eg. 1.0"
                min={0}
              />
            )}
          </div>
          <div>
            <FormGroup label="Audio Loss Balance">
              <Checkbox
                label="Auto-Balance Audio Loss"
                docKey="train.auto_balance_audio_loss"
                checked={train.auto_balance_audio_loss ?? false}
                onChange={value => setJobConfig(value, `${TRAIN}.auto_balance_audio_loss`)}
              />
            </FormGroup>
            {train.auto_balance_audio_loss && (
              <>
                <NumberInput
                  label="Audio/Video Target Ratio"
                  className="pt-2"
                  docKey="train.auto_balance_audio_target_ratio"
                  value={train.auto_balance_audio_target_ratio ?? 0.33}
                  onChange={value => setJobConfig(value, `${TRAIN}.auto_balance_audio_target_ratio`)}
                  placeholder="eg. 0.33"
                  min={0}
                />
                <NumberInput
                  label="Audio Multiplier Min"
                  className="pt-2"
                  docKey="train.auto_balance_audio_min"
                  value={train.auto_balance_audio_min ?? 0.05}
                  onChange={value => setJobConfig(value, `${TRAIN}.auto_balance_audio_min`)}
                  placeholder="eg. 0.05"
                  min={0}
                />
                <NumberInput
                  label="Audio Multiplier Max"
                  className="pt-2"
                  docKey="train.auto_balance_audio_max"
                  value={train.auto_balance_audio_max ?? 20.0}
                  onChange={value => setJobConfig(value, `${TRAIN}.auto_balance_audio_max`)}
                  placeholder="eg. 20.0"
                  min={0}
                />
              </>
            )}
          </div>
          <div>
            <FormGroup label="Strict Audio">
              <Checkbox
                label="Strict Audio Mode"
                docKey="train.strict_audio_mode"
                checked={train.strict_audio_mode ?? false}
                onChange={value => setJobConfig(value, `${TRAIN}.strict_audio_mode`)}
              />
            </FormGroup>
            {train.strict_audio_mode && (
              <>
                <NumberInput
                  label="Min Supervised Ratio"
                  className="pt-2"
                  docKey="train.strict_audio_min_supervised_ratio"
                  value={train.strict_audio_min_supervised_ratio ?? 0.9}
                  onChange={value => setJobConfig(value, `${TRAIN}.strict_audio_min_supervised_ratio`)}
                  placeholder="eg. 0.9"
                  min={0}
                  max={1}
                />
                <NumberInput
                  label="Strict Warmup Steps"
                  className="pt-2"
                  docKey="train.strict_audio_warmup_steps"
                  value={train.strict_audio_warmup_steps ?? 50}
                  onChange={value => setJobConfig(value, `${TRAIN}.strict_audio_warmup_steps`)}
                  placeholder="eg. 50"
                  min={0}
                />
              </>
            )}
          </div>
          <div>
            <NumberInput
              label="Noise Offset"
              docKey="train.noise_offset"
              value={train.noise_offset ?? 0}
              onChange={value => setJobConfig(value ?? 0, `${TRAIN}.noise_offset`)}
              placeholder="eg. 0.05"
              min={0}
            />
            <NumberInput
              label="Min-SNR Gamma"
              className="pt-2"
              docKey="train.min_snr_gamma"
              value={train.min_snr_gamma ?? 0}
              onChange={value => setJobConfig(value ?? 0, `${TRAIN}.min_snr_gamma`)}
              placeholder="eg. 5.0 (0 = off)"
              min={0}
            />
            <SelectInput
              label="LR Scheduler"
              className="pt-2"
              docKey="train.lr_scheduler"
              value={train.lr_scheduler ?? 'constant'}
              onChange={value => {
                const choice = lrSchedulerChoices.find(c => c.option.value === value);
                setJobConfig(value, `${TRAIN}.lr_scheduler`);
                setJobConfig(choice ? choice.params(warmup) : {}, `${TRAIN}.lr_scheduler_params`);
              }}
              options={lrSchedulerChoices.map(c => c.option)}
            />
            {train.lr_scheduler === 'constant_with_warmup' && (
              <NumberInput
                label="Warmup Steps"
                className="pt-2"
                docKey="train.lr_scheduler_params.num_warmup_steps"
                value={warmup ?? null}
                onChange={value =>
                  setJobConfig(
                    value === null ? {} : { num_warmup_steps: Math.round(value) },
                    `${TRAIN}.lr_scheduler_params`,
                  )
                }
                placeholder="5% of the steps"
                min={0}
                allowEmpty
              />
            )}
          </div>
        </div>
      </Card>
    </div>
  );
}
