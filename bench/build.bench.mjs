#!/usr/bin/env node
/* global document, setTimeout, clearTimeout, performance */
// Incremental builds and `dash dev` (issue 16), each figure against a baseline measured in the same run:
// - full scale (`dash demo --scale full`, all four datasets): a cold `dash build`, a `dash build` with nothing
//   changed (goal ≤ 0.5 s), and one byte changed in the bases CSV (only bases and the pages reading it rebuilt);
//   then under `dash dev`, the same byte changed back and forth until the open Installations page shows the new
//   count (goal ≤ 3 s), against the same `dash build` by hand;
// - demo scale: under `dash dev`, a changed equipment CSV until the open Equipment page shows the new KPI
//   (goal ≤ 1.5 s), against running the same rebuild by hand (`dash build --only equipment`).
// Under dash dev, the first change after the start is reported apart: its build process has not run that code yet.
// The machine's load (uptime's 1-minute average) is printed with the figures: it is shared.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureFullDemo, root, timeDash } from './fixtures.mjs';

const dash = join(root, 'bin', 'dash.js');
const load = () => `load ${loadavg()[0].toFixed(1)}`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const cpu = (run) => (run.cpuMs === undefined ? '' : `, CPU ${seconds(run.cpuMs)}`);

// Full scale: a datasets folder of hard links to the full demo, with its own copy of the bases CSV to change.
const full = ensureFullDemo(['equipment', 'bases', 'healthcare', 'ecg']);
const work = join(root, 'bench/data/build');
const datasets = join(work, 'datasets');
rmSync(work, { recursive: true, force: true });
for (const name of readdirSync(full, { recursive: true })) {
  const from = join(full, name);
  if (name.startsWith('.') || !statSync(from).isFile()) continue;
  mkdirSync(join(datasets, name, '..'), { recursive: true });
  if (name.startsWith('military_bases')) copyFileSync(from, join(datasets, name));
  else linkSync(from, join(datasets, name));
}
const paths = ['--datasets', datasets, '--cache', join(work, 'cache'), '--out', join(work, 'dist')];

const cold = timeDash(['build', ...paths]);
console.log(`cold dash build (full scale): ${seconds(cold.wallMs)}${cpu(cold)}, peak RSS ${cold.peakRssMiB?.toFixed(0) ?? '?'} MiB (${load()})`);
// DASH_BENCH_BASELINE: another checkout's bin/dash.js (e.g. an earlier commit built in /tmp), cold-built in turn with
// this one (two runs each, alternating, each into empty folders), so both see the same machine.
const baselineBin = process.env.DASH_BENCH_BASELINE;
if (baselineBin) {
  const fresh = (name) => {
    rmSync(join(work, name), { recursive: true, force: true });
    return ['--datasets', datasets, '--cache', join(work, name, 'cache'), '--out', join(work, name, 'dist')];
  };
  const runs = { baseline: [], current: [] };
  for (let i = 0; i < 2; i++) {
    runs.baseline.push(timeDash(['build', ...fresh('baseline')], {}, baselineBin));
    runs.current.push(timeDash(['build', ...fresh('current')]));
  }
  const best = (list, key) => Math.min(...list.map((r) => r[key] ?? Number.NaN));
  console.log(
    `cold dash build against DASH_BENCH_BASELINE (${baselineBin}), best of 2 each, alternating: ${seconds(best(runs.current, 'wallMs'))} vs ${seconds(best(runs.baseline, 'wallMs'))} = ${(best(runs.current, 'wallMs') / best(runs.baseline, 'wallMs')).toFixed(2)} × wall, CPU ${seconds(best(runs.current, 'cpuMs'))} vs ${seconds(best(runs.baseline, 'cpuMs'))} = ${(best(runs.current, 'cpuMs') / best(runs.baseline, 'cpuMs')).toFixed(2)} × (${load()})`,
  );
  rmSync(join(work, 'baseline'), { recursive: true, force: true });
  rmSync(join(work, 'current'), { recursive: true, force: true });
}
const noops = [0, 1, 2].map(() => timeDash(['build', ...paths]));
const noop = median(noops.map((r) => r.wallMs));
const noopCpu = median(noops.map((r) => r.cpuMs ?? Number.NaN));
const version = timeDash(['--version']);
console.log(
  `no-op dash build: ${seconds(noop)} median of 3 = ${(noop / cold.wallMs).toFixed(3)} × cold; CPU ${seconds(noopCpu)} = ${(noopCpu / (cold.cpuMs ?? Number.NaN)).toFixed(3)} × cold's, ${(noopCpu / (version.cpuMs ?? Number.NaN)).toFixed(2)} × \`dash --version\` (${seconds(version.cpuMs ?? Number.NaN)} CPU) (${load()}); ${/site: up to date[^\n]*/.exec(noops[0].stderr)?.[0] ?? 'site NOT up to date'}`,
);

const inodes = (dir) => new Map(readdirSync(dir, { recursive: true }).map((name) => [name, statSync(join(dir, name)).ino]));
const before = inodes(join(work, 'dist'));
const basesCsv = join(datasets, 'military_bases', 'military-bases.csv');
// One byte: the first digit of the first data row's Geo Point latitude, 3 ↔ 9 (a latitude of 93 drops the row, so
// the page's count changes). Written as bytes: encoding the 31 MB file as a string took 0.45 s.
const flipByte = () => {
  const bytes = readFileSync(basesCsv);
  const at = bytes.indexOf(0x0a) + 1;
  bytes[at] = bytes[at] === 0x39 ? 0x33 : 0x39;
  writeFileSync(basesCsv, bytes);
};
flipByte();
const changed = timeDash(['build', '--json', ...paths]);
const report = JSON.parse(changed.stdout);
const after = inodes(join(work, 'dist'));
const kept = (page) => [...before].filter(([name]) => name === `${page}.html` || name.startsWith(`data/${page}.`)).every(([name, ino]) => after.get(name) === ino);
console.log(
  `one byte in the bases CSV: dash build ${seconds(changed.wallMs)} = ${(changed.wallMs / cold.wallMs).toFixed(3)} × cold${cpu(changed)} = ${((changed.cpuMs ?? Number.NaN) / (cold.cpuMs ?? Number.NaN)).toFixed(3)} × cold's; caches built: ${report.caches.filter((c) => c.outcome === 'built').map((c) => c.name).join(', ')}; pages rebuilt: ${report.site.rebuilt.join(', ')}; equipment, ecg, medical files untouched: ${['equipment', 'ecg', 'medical'].every(kept)}`,
);

// Under dash dev: the figure an open page shows, changed on disk, timed until the page shows a new one.
const CHROMIUM = process.env.DASH_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`dash dev reload: skipped, no chromium at ${CHROMIUM}`);
  process.exit(0);
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });

/** Starts `dash dev` over `folders`, opens `path`, makes `changes` changes and returns each one's time to a new figure. */
async function devReloads(folders, path, selector, change, changes) {
  const dev = spawn(process.execPath, [dash, 'dev', '--port', '0', '--no-open', ...folders], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  let log = '';
  dev.stderr.setEncoding('utf8').on('data', (t) => (log += t));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dash dev did not start:\n${log}`)), 300_000);
    dev.stderr.on('data', () => {
      const m = /dash dev on (\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const page = await browser.newPage();
  await page.goto(`${url}${path}`);
  const figure = async () => page.waitForFunction((s) => document.querySelector(s)?.textContent ?? false, selector, { timeout: 60_000 }).then((h) => h.jsonValue());
  const times = [];
  for (let n = 1; n <= changes; n++) {
    const was = await figure();
    // The last rebuild's compressed copies and a quiet moment, as between a person's edits.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const started = performance.now();
    change(n);
    await page.waitForFunction(
      ([s, old]) => {
        const now = document.querySelector(s)?.textContent;
        return now !== undefined && now !== old;
      },
      [selector, was],
      { timeout: 60_000, polling: 20 },
    );
    times.push(performance.now() - started);
  }
  await page.close();
  dev.kill('SIGINT');
  await new Promise((resolve) => dev.once('exit', resolve));
  return times;
}

const reloadLine = (what, times, baseline, baselineWhat) => {
  const warm = times.slice(1);
  return `${what}: first change after the start ${seconds(times[0])}; then median ${seconds(median(warm))} of ${warm.length} (${warm.map((ms) => seconds(ms)).join(', ')}) = ${(median(warm) / baseline).toFixed(2)} × ${baselineWhat} (${seconds(baseline)}) (${load()})`;
};

// Full scale: the Installations page's count, one byte in the bases CSV.
const fullReloads = await devReloads(paths, '/installations.html', '.inst-summary', flipByte, 6);
console.log(reloadLine('dash dev, full scale, one byte in the bases CSV → open Installations page shows the new count', fullReloads, changed.wallMs, 'the same change built by hand (dash build above)'));

// Demo scale: the Equipment page's KPI, a row appended to the equipment CSV.
const small = join(work, 'small');
spawnSync(process.execPath, [dash, 'demo', '--datasets', join(small, 'datasets')], { stdio: 'ignore' });
const smallPaths = ['--datasets', join(small, 'datasets'), '--cache', join(small, 'cache'), '--out', join(small, 'dist')];
timeDash(['build', ...smallPaths]);
const equipmentCsv = join(small, 'datasets', 'Military_Equipment_for_Local_Law_Enforcement', 'dod_all_states.csv');
const row = (n) => `TX,BENCH AGENCY ${n},1005-00-930-9057,RIFLE,${n},Each,1.00,D,1.0,2015-03-02 00:00:00.000,State\n`;

// Baseline: the same change rebuilt by hand.
const byHand = [1, 2, 3].map((n) => {
  appendFileSync(equipmentCsv, row(n));
  return timeDash(['build', '--only', 'equipment', ...smallPaths]).wallMs;
});
const demoReloads = await devReloads(smallPaths, '/equipment.html?state=TX', '.kpi-value', (n) => appendFileSync(equipmentCsv, row(1000 * n)), 8);
await browser.close();
console.log(reloadLine('dash dev, demo scale, changed equipment CSV → open page shows the new KPI', demoReloads, median(byHand), 'the same rebuild by hand (dash build --only equipment)'));
