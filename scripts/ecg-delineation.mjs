#!/usr/bin/env node
// Hand check of the ECG delineation (src/ecg/fiducials.ts) on real Kaggle heartbeat files: per class, how often each
// interval is found and its median and IQR, then the goals for Normal beats (issue 15 §2). Run after `npm run build`:
//   node scripts/ecg-delineation.mjs datasets/ecg_data/mitbih_train.csv … [--beats N]
// Files are named on the command line (mitbih_* have 5 classes, ptbdb_normal 0 and ptbdb_abnormal 1); nothing here
// is part of the test suite.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { detectFiducials } from '../lib/ecg/fiducials.js';
import { MITBIH_CLASSES, PTBDB_CLASSES } from '../lib/ecg/schema.js';

const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.csv'));
if (files.length === 0) {
  console.error('usage: node scripts/ecg-delineation.mjs FILE.csv … (the Kaggle mitbih_*/ptbdb_* files or their samples)');
  process.exit(2);
}

/** Per class name: the delineations of its beats. */
const byClass = new Map();
for (const file of files) {
  const ptb = basename(file).startsWith('ptbdb');
  const abnormal = basename(file).startsWith('ptbdb_abnormal');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const values = line.split(',').map(Number);
    const label = values[187];
    const name = ptb ? PTBDB_CLASSES[abnormal ? 1 : 0] : MITBIH_CLASSES[label];
    if (!byClass.has(name)) byClass.set(name, []);
    byClass.get(name).push(detectFiducials(values.slice(0, 187)));
  }
}

const MEASURES = [
  { key: 'hr', label: 'HR bpm', value: (f) => f.rr?.bpm, goal: [40, 180] },
  { key: 'hr_rr', label: 'HR from R–R', value: (f) => (f.rr?.source === 'r-peaks' ? f.rr.bpm : undefined) },
  { key: 'pr', label: 'PR ms', value: (f) => f.pr?.ms, goal: [100, 220] },
  { key: 'qrs', label: 'QRS ms', value: (f) => f.qrs?.ms, goal: [60, 130] },
  { key: 'rt', label: 'R–Tend ms', value: (f) => f.rt?.ms },
  { key: 'rtpeak', label: 'R–Tpeak ms', value: (f) => (f.r && f.t ? f.t.ms - f.r.ms : undefined) },
  { key: 'len', label: 'length', value: (f) => f.length },
];

const quantile = (sorted, q) => {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};
const fmt = (v) => (Number.isFinite(v) ? v.toFixed(0) : '—');

console.log(`| class | beats | ${MEASURES.map((m) => `${m.label}: found %, median (IQR)`).join(' | ')} |`);
console.log(`|---|---:|${MEASURES.map(() => '---|').join('')}`);
for (const [name, list] of byClass) {
  const cells = MEASURES.map((m) => {
    const values = list.map(m.value).filter((v) => v !== undefined && v !== null).sort((a, b) => a - b);
    return `${((100 * values.length) / list.length).toFixed(0)} %, ${fmt(quantile(values, 0.5))} (${fmt(quantile(values, 0.25))}–${fmt(quantile(values, 0.75))})`;
  });
  console.log(`| ${name} | ${list.length} | ${cells.join(' | ')} |`);
}

console.log('\nGoals for Normal beats (share of the reported values inside the range; T peaks within 60 ms of the next R):');
for (const [name, list] of byClass) {
  if (!name.startsWith('Normal')) continue;
  const parts = MEASURES.filter((m) => m.goal).map((m) => {
    const values = list.map(m.value).filter((v) => v !== undefined && v !== null);
    const inside = values.filter((v) => v >= m.goal[0] && v <= m.goal[1]).length;
    return `${m.label} in ${m.goal[0]}–${m.goal[1]}: ${((100 * inside) / Math.max(1, values.length)).toFixed(1)} % of ${values.length}`;
  });
  const close = list.filter((f) => f.t && f.next_r && f.next_r.ms - f.t.ms < 60).length;
  console.log(`${name}: ${parts.join('; ')}; T peak within 60 ms of the next R: ${close}`);
}
