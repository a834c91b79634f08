// Ingest of equipment, bases and healthcare at `--scale full`: wall time and peak RSS of `dash cache --force` per
// dataset, against a baseline measured in the same run on the same files: a bare csv-parse pass (parse and count
// records, no transform, no Parquet). The ratio is what dash's typing, derived columns and Parquet writing cost.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFullDemo, timeDash } from './fixtures.mjs';

const DATASETS = [
  ['equipment', 'Military_Equipment_for_Local_Law_Enforcement/dod_all_states.csv', ','],
  ['bases', 'military_bases/military-bases.csv', ';'],
  ['healthcare', 'healthcare_documentation/Healthcare Documentation Database.csv', ','],
];

if (process.argv[2] === '--baseline') {
  // Child mode: the baseline pass itself, so its RSS is measured alone.
  const { parse } = await import('csv-parse');
  let records = 0;
  for await (const _ of createReadStream(process.argv[3]).pipe(parse({ delimiter: process.argv[4], bom: true, relax_quotes: true }))) records++;
  console.log(records - 1);
  process.exit(0);
}

function baseline(file, delimiter) {
  const self = fileURLToPath(import.meta.url);
  const useTime = existsSync('/usr/bin/time');
  const argv = [self, '--baseline', file, delimiter];
  const started = process.hrtime.bigint();
  const result = spawnSync(useTime ? '/usr/bin/time' : process.execPath, useTime ? ['-v', process.execPath, ...argv] : argv, { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`baseline failed: ${result.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '');
  return { wallMs, peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined, records: Number(result.stdout.trim()) };
}

const data = ensureFullDemo(DATASETS.map(([name]) => name));
const cache = mkdtempSync(join(tmpdir(), 'dash-bench-ingest-'));
const fmt = (n, d = 0) => (n === undefined ? '?' : n.toFixed(d));
console.log('dataset      rows      input MiB  dash ms  dash RSS MiB  csv-parse ms  csv-parse RSS MiB  time ratio  RSS ratio');
try {
  for (const [name, file, delimiter] of DATASETS) {
    const path = join(data, file);
    const base = baseline(path, delimiter);
    const run = timeDash(['cache', '--force', '--only', name, '--datasets', data, '--cache', cache]);
    const rows = /built \S+ — ([\d,]+) rows/.exec(run.stderr)?.[1] ?? '?';
    console.log(
      [
        name.padEnd(11),
        rows.padStart(8),
        fmt(statSync(path).size / 2 ** 20, 1).padStart(10),
        fmt(run.wallMs).padStart(8),
        fmt(run.peakRssMiB).padStart(13),
        fmt(base.wallMs).padStart(13),
        fmt(base.peakRssMiB).padStart(18),
        `${fmt(run.wallMs / base.wallMs, 2)}×`.padStart(11),
        `${fmt(run.peakRssMiB / base.peakRssMiB, 2)}×`.padStart(10),
      ].join(' '),
    );
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
