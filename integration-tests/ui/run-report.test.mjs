// Browser test of `orchestrator report OUTPUT_DIR` (docs/voice-report.md): builds a run's output
// folder (config, loss log, voice report files, a sample mp4 with an audio stream made by ffmpeg),
// writes the page with the real command, opens it from disk in headless Chromium with every
// network request refused, and checks what a user sees: the config summary, both voice charts
// and the loss charts drawn, the warning with its fix, and a video and an audio player that
// decode the sample (duration read by the browser).
//
// Needs /usr/bin/chromium (or CHROMIUM), ffmpeg and a built orchestrator (bin/orchestrator builds it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const HOME = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const RUN = fs.mkdtempSync(path.join(os.tmpdir(), 'ltx2-report-test-'));
let browser;
let page;
const requests = [];

function writeRun() {
  fs.writeFileSync(path.join(RUN, 'config.yaml'), [
    'job: extension', 'config:', '  name: report_test', '  process:',
    '    - model: {arch: ltx2, name_or_path: /models/ltx2}', '      network: {type: lora, linear: 16, linear_alpha: 16}',
    '      train: {steps: 40, lr: 0.0001}', '      datasets: [{folder_path: /data/clips, do_audio: true}]', ''].join('\n'));
  const losses = ['step,video_loss,audio_loss,audio_loss_scaled,audio_multiplier,voice_preservation_loss,lr,seconds'];
  for (let s = 1; s <= 40; s++) losses.push(`${s},${(1 / s).toFixed(4)},${(2 / s).toFixed(4)},,1.0,,0.0001,1.0`);
  fs.writeFileSync(path.join(RUN, 'loss_log.csv'), losses.join('\n') + '\n');
  fs.writeFileSync(path.join(RUN, 'voice_report.csv'),
    'step,audio_learned,audio_drift,video_learned,video_drift,seconds,held_out\n'
    + '10,0.97,0.002,0.95,0.001,1.0,talk_2.mp4\n20,0.9,0.004,0.9,0.002,1.0,talk_2.mp4\n'
    + '30,0.85,0.012,0.88,0.003,1.0,talk_2.mp4\n40,0.82,0.03,0.86,0.004,1.0,talk_2.mp4\n');
  fs.writeFileSync(path.join(RUN, 'voice_report.json'), JSON.stringify({
    line: 'voice: learned −18% · base drift 3.0%',
    notes: ['voice report: set aside from training (held out): talk_2.mp4'],
    warnings: [{ code: 'drift_rising', message: 'the base voice drifts more at every report (0.4%, 1.2%, 3.0% at steps 20, 30, 40)',
      fix: 'set train.voice_preservation: base with a higher train.voice_preservation_weight, lower train.lr, or keep an earlier checkpoint' }],
  }));
  fs.mkdirSync(path.join(RUN, 'samples'));
  const ff = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=128x128:rate=24:duration=1',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
    '-shortest', path.join(RUN, 'samples', '1733500000_000000040_0.mp4')], { encoding: 'utf8' });
  assert.equal(ff.status, 0, `ffmpeg: ${ff.stderr}`);
}

before(async () => {
  writeRun();
  const out = spawnSync(path.join(HOME, 'bin', 'orchestrator'), ['report', RUN], { encoding: 'utf8' });
  assert.equal(out.status, 0, `orchestrator report: ${out.stderr}`);
  assert.match(out.stdout, /wrote .*report\.html/);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  page = await browser.newPage();
  page.setDefaultTimeout(20000);
  // self-contained: anything but the file itself and its data: URIs is a defect
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto('file://' + path.join(RUN, 'report.html'));
});

after(async () => {
  await browser?.close();
  fs.rmSync(RUN, { recursive: true, force: true });
});

test('the config summary names the model, the LoRA and the data', async () => {
  const config = await page.locator('#config').innerText();
  for (const text of ['ltx2', '16 / 16', '/data/clips (do_audio: true)', '40']) assert.ok(config.includes(text), text);
});

test('voice and loss charts are drawn from the CSVs', async () => {
  const voice = page.locator('#voice svg polyline');
  assert.equal(await voice.count(), 4, 'learned and drift, audio and video');
  const points = (await voice.first().getAttribute('points')).trim().split(/\s+/);
  assert.equal(points.length, 4, 'one point per report');
  assert.equal(await page.locator('#losses svg polyline').count(), 3, 'video, audio, multiplier');
  const box = await page.locator('#voice svg').first().boundingBox();
  assert.ok(box.width > 300 && box.height > 150, 'the chart is visible');
});

test('the warning is shown with its fix, and the held-out clip is named', async () => {
  const warning = page.locator('#warnings .warning[data-code="drift_rising"]');
  assert.equal(await warning.count(), 1);
  assert.match(await warning.innerText(), /drifts more at every report[\s\S]*Fix: set train\.voice_preservation: base/);
  assert.match(await page.locator('#voice').innerText(), /voice: learned −18% · base drift 3\.0%[\s\S]*held out\): talk_2\.mp4/);
});

test('the sample plays as video and as audio', async () => {
  for (const selector of ['#samples video', '#samples audio']) {
    const media = page.locator(selector);
    assert.equal(await media.count(), 1, selector);
    const duration = await media.evaluate((el) => new Promise((resolve, reject) => {
      if (el.readyState >= 1) return resolve(el.duration);
      el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
      el.addEventListener('error', () => reject(new Error(`cannot decode: ${el.error?.code}`)), { once: true });
      el.load();
    }));
    assert.ok(duration > 0.9 && duration < 1.2, `${selector} duration ${duration}`);
  }
  // the sound itself: played (muted) for a moment, the video element decodes audio bytes
  const decoded = await page.locator('#samples video').evaluate(async (el) => {
    el.muted = true;
    await el.play();
    await new Promise((r) => setTimeout(r, 600));
    el.pause();
    return { audioBytes: el.webkitAudioDecodedByteCount, time: el.currentTime };
  });
  assert.ok(decoded.time > 0, 'the video played');
  assert.ok(decoded.audioBytes > 0, `audio decoded from the sample: ${JSON.stringify(decoded)}`);
});

test('the page asked for nothing outside itself', () => {
  assert.deepEqual(requests, []);
});
