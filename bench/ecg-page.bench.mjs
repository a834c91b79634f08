// ECG page playback smoothness (ECG-1): frames drawn and frames dropped by the monitor in headless chromium while it
// plays the full-size build's sampled beats, against a bare requestAnimationFrame loop in the same page and run (what
// the browser delivers with nothing to draw). Served by the real `dash serve`.
import { spawn } from 'node:child_process';
/* global performance, requestAnimationFrame -- they run in the page (page.evaluate) */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { dataDir, ensureFullDemo, freePort, root, timeDash, waitFor } from './fixtures.mjs';

const SECONDS = 5;
const work = join(root, 'bench', 'data', 'ecg-page');
const paths = ['--datasets', dataDir, '--cache', join(work, 'cache'), '--out', join(work, 'dist')];
mkdirSync(work, { recursive: true });
ensureFullDemo(['ecg']);
// Only the ECG cache: a named --datasets folder never falls back to demo data, and --only builds just the pages
// whose caches exist (the ECG page among them).
timeDash(['build', '--only', 'ecg', ...paths]);

const port = await freePort();
const server = spawn(process.execPath, [join(root, 'bin', 'dash.js'), 'serve', '--port', String(port), ...paths], { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
const base = `http://127.0.0.1:${port}`;
await waitFor(`${base}/healthz`, 'dash serve');

const browser = await chromium.launch({
  executablePath: process.env.DASH_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const rows = [];
  for (const speed of ['normal', 'fast']) {
    await page.goto(`${base}/ecg.html?speed=${speed}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('canvas.ecg-monitor[data-state="ready"]');
    // The same frame accounting as the monitor: a gap over 25 ms means at least one 60 Hz frame was missed.
    const bare = await page.evaluate(
      (ms) =>
        new Promise((resolve) => {
          let frames = 0;
          let dropped = 0;
          let last = 0;
          const started = performance.now();
          const tick = (now) => {
            if (last > 0) {
              frames++;
              if (now - last > 25) dropped += Math.round((now - last) / (1000 / 60)) - 1;
            }
            last = now;
            if (now - started < ms) requestAnimationFrame(tick);
            else resolve({ frames, dropped });
          };
          requestAnimationFrame(tick);
        }),
      SECONDS * 1000,
    );
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await sleep(SECONDS * 1000);
    const monitor = await page.locator('canvas.ecg-monitor').evaluate((c) => ({ frames: Number(c.dataset.frames), dropped: Number(c.dataset.dropped) }));
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    rows.push({ speed, bare, monitor });
  }
  console.log(`${SECONDS} s of playback per speed, 1280 × 900, headless chromium (software rendering)`);
  console.log('| speed | bare rAF frames | bare dropped | monitor frames | monitor dropped | monitor / bare frames |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.speed} | ${r.bare.frames} | ${r.bare.dropped} | ${r.monitor.frames} | ${r.monitor.dropped} | ${(r.monitor.frames / r.bare.frames).toFixed(2)} |`);
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
