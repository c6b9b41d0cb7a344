// Browser test of the patched ai-toolkit job form (docs/ui.md): for each LTX-2 arch it opens
// /jobs/new in headless Chromium, checks that every SOP field is shown with its default and a
// docs entry, changes a few, saves the job and checks the saved job config: its values, that it
// validates, and (LTX-2, tiny demo model) that `orchestrator train` trains it.
//
// Needs a running UI (UI_URL, started by run.sh through `orchestrator ui`) and /usr/bin/chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { expectedFields, strictFields, expectedChoices, archs, edits } from './fields.mjs';

const UI = process.env.UI_URL ?? 'http://127.0.0.1:8675';
const HOME = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const ORCHESTRATOR = path.join(HOME, 'bin', 'orchestrator');
const CACHE = process.env.LTX2_ORCHESTRATOR_CACHE ?? path.join(os.homedir(), '.cache', 'ltx2-orchestrator');
const DEMO = process.env.LTX2_DEMO_DIR ?? path.join(CACHE, 'demo');
const SHOTS = process.env.UI_SCREENSHOT_DIR; // docs/ui when refreshing the screenshots
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ltx2-ui-test-'));
const RUN_ID = Date.now().toString(36);

let browser;
let page;

before(async () => {
  // A fresh profile each run; the flags keep Chromium off the network (docs/ui.md).
  browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'ltx2-ui-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1200 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(20000);
  // The dataset list comes from Settings: a copy of the demo dataset (listing skips symlinks),
  // and a relative training folder, so a saved config trains into ./output of its directory.
  const datasets = path.join(WORK, 'datasets');
  fs.mkdirSync(path.join(datasets, 'demo'), { recursive: true });
  for (const f of fs.readdirSync(path.join(DEMO, 'dataset'))) {
    if (!f.startsWith('.')) fs.copyFileSync(path.join(DEMO, 'dataset', f), path.join(datasets, 'demo', f));
  }
  const saved = await fetch(`${UI}/api/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ HF_TOKEN: '', TRAINING_FOLDER: 'output', DATASETS_FOLDER: datasets, MODELS_PATH: '' }),
  });
  assert.equal(saved.status, 200, 'POST /api/settings');
});

after(async () => {
  await browser?.close();
});

// --- locating upstream's form inputs by what a person reads: the label ---------------------

const exact = text => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`);
const labelOf = text => page.locator('label').filter({ hasText: exact(text) });

async function fieldValue(label, kind) {
  if (kind === 'switch') {
    const sw = page.getByRole('switch', { name: label, exact: true });
    await sw.waitFor({ state: 'visible' });
    return (await sw.getAttribute('aria-checked')) === 'true';
  }
  const lab = labelOf(label);
  await lab.first().waitFor({ state: 'visible' });
  assert.equal(await lab.count(), 1, `exactly one field labelled "${label}"`);
  if (kind === 'select') {
    return (await lab.locator('xpath=following-sibling::div[1]').locator('.aitk-react-select__single-value').innerText()).trim();
  }
  return lab.locator('xpath=following-sibling::input[1]').inputValue();
}

async function hasDocIcon(label, kind) {
  // formInputs renders the doc icon (a clickable svg) next to a label only when docs.tsx has an entry
  const icon =
    kind === 'switch'
      ? page.locator('label').filter({ hasText: exact(label) }).locator('xpath=following-sibling::div[1]//*[name()="svg"]')
      : labelOf(label).locator('svg');
  return (await icon.count()) > 0;
}

async function openSelect(label) {
  await labelOf(label).locator('xpath=following-sibling::div[1]').locator('.aitk-react-select__control').click();
  const menu = page.locator('.aitk-react-select__menu');
  await menu.waitFor({ state: 'visible' });
  return menu;
}

async function choose(label, optionText) {
  const menu = await openSelect(label);
  await menu.locator('.aitk-react-select__option').filter({ hasText: exact(optionText) }).first().click();
}

async function menuChoices(label) {
  const menu = await openSelect(label);
  const texts = (await menu.locator('.aitk-react-select__option').allInnerTexts()).map(t => t.trim());
  await page.keyboard.press('Escape');
  return texts;
}

async function fill(label, value) {
  const input = labelOf(label).locator('xpath=following-sibling::input[1]');
  await input.fill(String(value));
  await input.blur();
}

async function toggle(label) {
  await page.getByRole('switch', { name: label, exact: true }).click();
}

async function openNewJob(archLabel) {
  await page.goto(`${UI}/jobs/new`);
  await labelOf('Model Architecture').waitFor({ state: 'visible' });
  await page.locator('form.pointer-events-none').waitFor({ state: 'detached' });
  await choose('Model Architecture', archLabel);
  await page.getByText('LTX-2 Character (Audio + Voice)').waitFor({ state: 'visible' });
}

async function saveJob() {
  await page.getByRole('button', { name: /Create Job/ }).first().click();
  await page.waitForURL(url => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname));
  const id = page.url().split('/').pop();
  const job = await (await fetch(`${UI}/api/jobs?id=${id}`)).json();
  return JSON.parse(job.job_config);
}

// --- validation: the project's own `orchestrator validate` (exit 0: valid, warnings allowed) ---

const validate = configFile => spawnSync(ORCHESTRATOR, ['validate', configFile], { encoding: 'utf8' });

// --- the test --------------------------------------------------------------------------------

for (const arch of archs) {
  test(`${arch.label}: every SOP field shows with its default, and the saved job config validates`, async () => {
    await openNewJob(arch.label);

    for (const [label, kind, expected] of expectedFields) {
      assert.deepEqual(await fieldValue(label, kind), expected, `${arch.label}: default of "${label}"`);
      assert.ok(await hasDocIcon(label, kind), `${arch.label}: "${label}" has a docs entry`);
    }
    assert.equal(
      await labelOf('Warmup Steps').locator('xpath=following-sibling::input[1]').getAttribute('placeholder'),
      '5% of the steps',
    );
    for (const [label, choices] of Object.entries(expectedChoices)) {
      const shown = await menuChoices(label);
      for (const choice of choices) {
        assert.ok(shown.includes(choice), `${arch.label}: "${label}" offers ${choice} (shown: ${shown.join(', ')})`);
      }
    }
    if (SHOTS) {
      await page.screenshot({ path: path.join(SHOTS, `${arch.name}-form.png`), type: 'png' });
    }

    // A docs entry opens from its icon, as for upstream's fields.
    await labelOf('Voice Preservation').locator('svg').click();
    const doc = page.getByText('What the audio stream learns on batches without audio');
    await doc.waitFor({ state: 'visible' });
    if (SHOTS && arch.trainsOnTinyModel) {
      await page.screenshot({ path: path.join(SHOTS, `${arch.name}-doc-voice-preservation.png`), type: 'png' });
    }
    await page.keyboard.press('Escape');
    await doc.waitFor({ state: 'hidden' });

    // Dependent fields appear, with their defaults, once their switch is on.
    await toggle('Strict Audio Mode');
    for (const [label, kind, expected] of strictFields) {
      assert.deepEqual(await fieldValue(label, kind), expected, `${arch.label}: default of "${label}"`);
      assert.ok(await hasDocIcon(label, kind), `${arch.label}: "${label}" has a docs entry`);
    }

    // Change a few, as a person would, then save.
    const name = `ui_${arch.name.replace('.', '_')}_${RUN_ID}`;
    await labelOf('Training Name').locator('xpath=following-sibling::input[1]').fill(name);
    await labelOf('Trigger Word').locator('xpath=following-sibling::input[1]').fill('ohwx');
    await fill('Rank Dropout', 0.2);
    await choose('Voice Preservation', 'Silence');
    await choose('LR Scheduler', 'Linear Decay');
    await choose('Target Type', arch.targetType);
    await choose('Optimizer', 'AdamW');
    await toggle('Differential Output Preservation');
    await fill('Min Supervised Ratio', 0.8);
    if (arch.trainsOnTinyModel) {
      await edits.forTinyModel(page, { labelOf, fill, choose, toggle, demo: DEMO });
    } else {
      await edits.forClips(page);
    }
    if (SHOTS && arch.trainsOnTinyModel) {
      await page.getByText('LTX-2 Character (Audio + Voice)').evaluate(el => el.closest('section').scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(SHOTS, `${arch.name}-form-edited.png`), type: 'png' });
    }
    const config = await saveJob();
    const p = config.config.process[0];

    // What was changed, and the defaults that were not, are in the saved config.
    assert.equal(p.model.arch, arch.name);
    assert.equal(p.network.type, arch.targetType.toLowerCase());
    assert.equal(p.network.linear, 32);
    assert.equal(p.network.linear_alpha, 32);
    assert.equal(p.network.rank_dropout, 0.2);
    assert.equal(p.network.module_dropout, 0);
    assert.equal(p.train.optimizer, 'adamw');
    assert.equal(p.train.independent_audio_timestep, true);
    assert.equal(p.train.audio_timestep_distribution, 'shifted_logit_normal');
    assert.equal(p.train.auto_balance_audio_loss, true);
    assert.equal(p.train.auto_balance_audio_target_ratio, 0.33);
    assert.equal(p.train.auto_balance_audio_min, 0.05);
    assert.equal(p.train.auto_balance_audio_max, 20);
    assert.equal(p.train.audio_loss_multiplier, 1);
    assert.equal(p.train.strict_audio_mode, true);
    assert.equal(p.train.strict_audio_min_supervised_ratio, 0.8);
    assert.equal(p.train.strict_audio_warmup_steps, 50);
    assert.equal(p.train.voice_preservation, 'silence');
    assert.equal(p.train.voice_preservation_weight, 1);
    assert.equal(p.train.train_connectors, false);
    assert.equal(p.train.noise_offset, 0.05);
    assert.equal(p.train.min_snr_gamma, 5);
    assert.equal(p.train.lr_scheduler, 'linear');
    assert.deepEqual(p.train.lr_scheduler_params, { start_factor: 1, end_factor: 0 });
    assert.equal(p.train.diff_output_preservation, true);
    assert.equal(p.datasets[0].caption_dropout_rate, 0.05);

    const file = path.join(WORK, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify(config, null, 2));
    const result = validate(file);
    assert.equal(result.status, 0, `orchestrator validate rejected ${file}:\n${result.stdout}\n${result.stderr}`);

    if (arch.trainsOnTinyModel) {
      await trainOnTinyModel(config, name);
    }
  });
}

// The UI writes device "cuda" (or "mps" on a Mac) for every job; on this CPU-only machine that
// one key is set to "cpu" before training. Everything else is the config as the UI saved it.
async function trainOnTinyModel(config, name) {
  const dir = fs.mkdtempSync(path.join(WORK, 'train-'));
  config.config.process[0].device = 'cpu';
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  const run = spawnSync(ORCHESTRATOR, ['train', file], { cwd: dir, encoding: 'utf8', timeout: 15 * 60 * 1000 });
  assert.equal(run.status, 0, `orchestrator train ${file} failed:\n${run.stdout}\n${run.stderr}`);
  const out = path.join(dir, 'output', name);
  const loras = fs.readdirSync(out).filter(f => f.endsWith('.safetensors'));
  assert.ok(loras.length > 0, `a LoRA in ${out} (found: ${fs.readdirSync(out).join(', ')})`);
  const written = fs.readdirSync(dir).filter(f => f !== path.basename(file));
  assert.deepEqual(written, ['output'], `training wrote only ./output (found: ${written.join(', ')})`);
}
