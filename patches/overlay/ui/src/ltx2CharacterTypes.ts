// Config keys the ltx2-orchestrator fork adds for LTX-2 character LoRAs (look and voice).
// types.ts extends its NetworkConfig and TrainConfig with these, so the job form can set them.
// The keys the fork's runtime reads are generated from its config schema (ltx2CharacterKeys.ts);
// the rest are upstream keys the form sets for LTX-2.
import type { Ltx2RuntimeNetworkFields, Ltx2RuntimeTrainFields } from './ltx2CharacterKeys';

export type Ltx2CharacterNetworkFields = Ltx2RuntimeNetworkFields;

export interface Ltx2CharacterTrainFields extends Ltx2RuntimeTrainFields {
  noise_offset?: number;
  min_snr_gamma?: number;
  lr_scheduler?: string;
  lr_scheduler_params?: { [key: string]: number };
}
