// ECG precompute benchmark: `dash cache --only ecg --force` on the full-size demo (555.8 MiB, the real row counts),
// against two baselines measured in the same run: reading the bytes with fs alone, and a naive parse (lines split into
// strings, Number() per field, per-class sums) on one thread.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dataDir, ensureFullDemo, timeDash } from './fixtures.mjs';

const FILES = ['mitbih_train', 'mitbih_test', 'ptbdb_normal', 'ptbdb_abnormal'].map((n) => `ecg_data/${n}.csv`);

async function baseline(kind, dir) {
  for (const file of FILES) {
    const path = `${dir}/${file}`;
    if (kind === 'read') {
      // The floor: one reused buffer (a stream's fresh buffer per chunk costs more in page faults than the read).
      const buffer = Buffer.allocUnsafe(1 << 20);
      const fd = openSync(path, 'r');
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
      closeSync(fd);
      continue;
    }
    const sums = new Map();
    for await (const line of createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }) })) {
      if (line === '') continue;
      const fields = line.split(',').map(Number);
      const label = fields[187];
      const sum = sums.get(label) ?? new Float64Array(187);
      for (let i = 0; i < 187; i++) sum[i] += fields[i];
      sums.set(label, sum);
    }
  }
}

if (process.argv[2] === '--baseline') {
  await baseline(process.argv[3], process.argv[4]);
  process.exit(0);
}

/** Runs this file as `--baseline kind` under /usr/bin/time: wall ms and peak RSS of that process. */
function timeBaseline(kind, dir) {
  const started = process.hrtime.bigint();
  const self = fileURLToPath(import.meta.url);
  const useTime = existsSync('/usr/bin/time');
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, self, '--baseline', kind, dir], { encoding: 'utf8' })
    : spawnSync(process.execPath, [self, '--baseline', kind, dir], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`baseline ${kind} failed:\n${result.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '');
  return { wallMs, peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined };
}

const dir = ensureFullDemo(['ecg']);
const mib = FILES.reduce((sum, f) => sum + statSync(`${dir}/${f}`).size, 0) / 2 ** 20;
const cache = `${dataDir}/../cache-ecg-bench`;
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });

const line = (label, r) =>
  `${label.padEnd(34)} ${(r.wallMs / 1000).toFixed(2).padStart(6)} s  ${(mib / (r.wallMs / 1000)).toFixed(0).padStart(5)} MiB/s  ` +
  `peak RSS ${r.peakRssMiB === undefined ? '?' : r.peakRssMiB.toFixed(0).padStart(4)} MiB`;

console.log(`input: ${mib.toFixed(1)} MiB in 4 files (full-size demo, ${dir})`);
const read = timeBaseline('read', dir);
const naive = timeBaseline('naive', dir);
// DASH_BENCH_BASELINE: another checkout's bin/dash.js (e.g. `git archive <commit>` built in /tmp), timed in turn with
// this one on the same input, so a change is reported as a ratio measured under the same load.
const baselineBin = process.env.DASH_BENCH_BASELINE;
const args = ['cache', '--only', 'ecg', '--force', '--datasets', dir, '--cache', cache];
const runs = [];
const baselineRuns = [];
for (let i = 0; i < 3; i++) {
  runs.push(timeDash(args));
  if (baselineBin) baselineRuns.push(timeDash(args, {}, baselineBin));
}
const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const peak = Math.max(...runs.map((r) => r.peakRssMiB ?? 0));
console.log(line('baseline: read the bytes (fs)', read));
console.log(line('baseline: naive split + Number()', naive));
runs.forEach((r, i) => console.log(line(`dash cache --only ecg --force #${i + 1}`, r)));
if (baselineBin) {
  baselineRuns.forEach((r, i) => console.log(line(`DASH_BENCH_BASELINE run #${i + 1}`, r)));
  const baselineBest = baselineRuns.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  console.log(`best run vs the baseline checkout's best (${baselineBin}): ${(best.wallMs / baselineBest.wallMs).toFixed(2)}× its time`);
}
console.log(
  `best dash run: ${(naive.wallMs / best.wallMs).toFixed(1)}× faster than the naive parse, ${(best.wallMs / read.wallMs).toFixed(1)}× the time of ` +
    `reading the bytes; target ≤ 2.0 s and ≤ 200 MiB peak RSS (highest of the runs: ${peak.toFixed(0)} MiB): ` +
    `${best.wallMs <= 2000 && peak <= 200 ? 'met' : 'NOT met'}`,
);
rmSync(cache, { recursive: true, force: true });
