// What the LTX-2 job form must show: [label, kind, default]. The defaults are the decided ones
// (docs/ui.md); kinds: number and text inputs give their text, selects their shown label,
// switches true/false.
import path from 'node:path';

export const archs = [
  { name: 'ltx2', label: 'LTX-2', targetType: 'LoRA', trainsOnTinyModel: true },
  { name: 'ltx2.3', label: 'LTX-2.3', targetType: 'DoRA', trainsOnTinyModel: false },
  { name: 'ltx2.5', label: 'LTX-2.5', targetType: 'LoKr', trainsOnTinyModel: false },
];

export const expectedFields = [
  // O, N, M: network
  ['Target Type', 'select', 'LoRA'],
  ['Linear Rank', 'number', '32'],
  ['LoRA Alpha', 'text', '32'],
  ['Rank Dropout', 'number', '0.1'],
  ['Module Dropout', 'number', '0'],
  // L
  ['Independent Audio Timestep', 'switch', true],
  ['Audio Timestep Distribution', 'select', 'Shifted logit-normal'],
  // B, Z, A
  ['Auto-Balance Audio Loss', 'switch', true],
  ['Audio/Video Target Ratio', 'number', '0.33'],
  ['Audio Multiplier Min', 'number', '0.05'],
  ['Audio Multiplier Max', 'number', '20'],
  ['Audio Loss Multiplier', 'number', '1'],
  // J (its ratio and warmup: strictFields, shown once it is on)
  ['Strict Audio Mode', 'switch', false],
  // E, F
  ['Voice Preservation', 'select', 'Base model'],
  ['Voice Preservation Weight', 'number', '1'],
  ['Train Connectors', 'switch', false],
  // T, S, V
  ['Noise Offset', 'number', '0.05'],
  ['Min-SNR Gamma', 'number', '5'],
  ['LR Scheduler', 'select', 'Constant with Warmup'],
  ['Warmup Steps', 'number', ''], // empty: the trainer warms up over 5% of the steps
  // W, U, X
  ['Caption Dropout Rate', 'number', '0.05'],
  ['Optimizer', 'select', 'AdamW8Bit'],
  ['Differential Output Preservation', 'switch', false],
];

export const strictFields = [
  ['Min Supervised Ratio', 'number', '0.9'],
  ['Strict Warmup Steps', 'number', '50'],
];

export const expectedChoices = {
  'Target Type': ['LoRA', 'DoRA', 'LoKr'],
  Optimizer: ['AdamW', 'AdamW8Bit', 'Prodigy', 'DAdaptation'],
  'LR Scheduler': ['Constant', 'Constant with Warmup', 'Cosine Annealing', 'Cosine with Restarts', 'Linear Decay'],
  'Audio Timestep Distribution': ['Shifted logit-normal', 'Uniform'],
  'Voice Preservation': ['Base model', 'Silence', 'Off'],
};

const datasetNumFrames = page =>
  page.locator('label').filter({ hasText: /^\s*Num Frames\s*$/ }).first().locator('xpath=following-sibling::input[1]');

// Form edits that make the LTX-2 job train on the tiny random model and the demo dataset in a
// minute on a CPU: its path, no quantization, 4 steps, 17 frames at the 256 bucket, no samples.
export const edits = {
  async forTinyModel(page, { labelOf, fill, choose, toggle, demo }) {
    await labelOf('Name or Path').locator('xpath=following-sibling::input[1]').fill(path.join(demo, 'tiny-ltx2'));
    await choose('Transformer', '- NONE -');
    await choose('Text Encoder', '- NONE -');
    await fill('Steps', 4);
    await fill('Save Every', 4);
    await choose('Target Dataset', 'demo');
    await datasetNumFrames(page).fill('17');
    for (const res of ['512', '768', '1024', '256']) {
      await page.getByRole('switch', { name: res, exact: true }).click();
    }
    await toggle('Disable Sampling');
  },
  // A character dataset is clips with their voices (the default, 1 frame, is images; strict audio
  // mode then has nothing to check and validate rejects it).
  async forClips(page) {
    await datasetNumFrames(page).fill('121');
  },
};
