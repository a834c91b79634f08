/**
 * Demo ECG data (D-8) in the Kaggle heartbeat layout: four headerless CSVs, 188 fields a row written like numpy's
 * `savetxt(fmt='%.18e')` (187 samples in [0, 1], then the label), each beat followed by zero padding.
 *
 * A row is shaped like the real segments: it starts at an R peak, runs through S and T, the next beat's P wave and
 * R peak (the segment is about 1.2 RR intervals long), and is min-max normalised; the rest of the row is zeros.
 * Each class has its own wave shape (the original's synthetic Gaussian waves, §4.4), RR interval and variability.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempPathFor } from '../cache/atomic.js';
import type { DemoOptions } from '../datasets/types.js';
import { DashError } from '../errors.js';
import { ECG_FILES, fullPath } from '../ecg/files.js';
import { BEAT_LENGTH, MITBIH_CLASSES, PTBDB_CLASSES } from '../ecg/schema.js';
import { beatShape, shapeAt, type BeatShape } from '../ecg/synthetic.js';
import { Random } from './random.js';

/** Rows per class of each file, in ECG_FILES order; `full` is the real data's exact counts. */
export const ECG_DEMO_COUNTS: Record<DemoOptions['scale'], readonly (readonly number[])[]> = {
  full: [[72_471, 2_223, 5_788, 641, 6_431], [18_118, 556, 1_448, 162, 1_608], [4_046], [10_506]],
  small: [[300, 60, 80, 55, 70], [80, 20, 25, 15, 20], [100], [200]],
};

/** Per class: mean RR interval in samples at 125 Hz, its spread, and the noise level. */
export interface Rhythm {
  rr: number;
  rrSpread: number;
  noise: number;
}

const RHYTHMS: Record<string, Rhythm> = {
  'Normal (N)': { rr: 100, rrSpread: 12, noise: 0.008 },
  'Supraventricular (S)': { rr: 78, rrSpread: 10, noise: 0.01 },
  'Ventricular (V)': { rr: 118, rrSpread: 18, noise: 0.012 },
  'Fusion (F)': { rr: 96, rrSpread: 12, noise: 0.012 },
  'Unknown (Q)': { rr: 92, rrSpread: 8, noise: 0.02 },
  Normal: { rr: 122, rrSpread: 14, noise: 0.008 },
  Abnormal: { rr: 112, rrSpread: 22, noise: 0.015 },
};

/** Where the synthetic shape puts its R peak (beat units): a row starts there. */
const R_CENTRE = 0.36;
const ZERO = printfExponential(0);

export async function writeEcgDemo(datasetsDir: string, options: DemoOptions): Promise<string[]> {
  const counts = ECG_DEMO_COUNTS[options.scale];
  const targets = ECG_FILES.map((file) => join(datasetsDir, ...fullPath(file).split('/')));
  if (!options.force) {
    for (const target of targets) {
      if (existsSync(target)) throw new DashError(`${target} already exists; pass --force to overwrite it`);
    }
  }
  for (const [i, file] of ECG_FILES.entries()) {
    const classNames = file.dataset === 'mitbih' ? MITBIH_CLASSES : PTBDB_CLASSES;
    const perClass = counts[i] as readonly number[];
    const labels = file.labels.map((label, j) => ({ label, className: classNames[label] as string, count: perClass[j] as number }));
    await writeRows(targets[i] as string, Random.derive(options.seed, `ecg:${file.name}`), labels);
  }
  return targets;
}

/** Writes the rows of one file, classes interleaved in a seeded order, to a temp file renamed into place. */
async function writeRows(target: string, random: Random, classes: { label: number; className: string; count: number }[]): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const order: number[] = [];
  classes.forEach((c, i) => {
    for (let n = 0; n < c.count; n++) order.push(i);
  });
  random.shuffle(order);
  const shapes = classes.map((c) => beatShape(c.className));
  const labels = classes.map((c) => printfExponential(c.label));
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'w');
  try {
    const beat = new Float64Array(BEAT_LENGTH);
    const fields: string[] = new Array(BEAT_LENGTH + 1);
    let batch: string[] = [];
    for (const index of order) {
      const c = classes[index] as (typeof classes)[number];
      const length = demoBeat(beat, shapes[index] as BeatShape, RHYTHMS[c.className] as Rhythm, random);
      for (let i = 0; i < BEAT_LENGTH; i++) fields[i] = i < length ? formatSample(beat[i] as number) : ZERO;
      fields[BEAT_LENGTH] = labels[index] as string;
      batch.push(fields.join(','));
      if (batch.length === 1000) {
        writeSync(fd, `${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, `${batch.join('\n')}\n`);
  } catch (err) {
    closeSync(fd);
    await rm(temp, { force: true });
    throw err;
  }
  closeSync(fd);
  await rename(temp, target);
}

/**
 * Fills `out` with one normalised segment and returns its length (the rest is padding). The shape is evaluated
 * periodically (t mod 1) from the R peak on, with per-beat jitter of amplitudes and widths, baseline wander and noise.
 */
export function demoBeat(out: Float64Array, shape: BeatShape, rhythm: Rhythm, random: Random): number {
  const rr = Math.max(55, rhythm.rr + random.normal(0, rhythm.rrSpread));
  const length = Math.min(BEAT_LENGTH, Math.round(rr * (1.12 + 0.1 * random.next())));
  const jitter = (w: BeatShape['p']): BeatShape['p'] => ({
    amp: w.amp * (1 + random.normal(0, 0.12)),
    centre: w.centre + random.normal(0, 0.006),
    width: w.width * (1 + random.normal(0, 0.1)),
  });
  const beat: BeatShape = { p: jitter(shape.p), q: jitter(shape.q), r: jitter(shape.r), s: jitter(shape.s), t: jitter(shape.t) };
  const wander = random.normal(0, 0.03);
  const phase = random.next() * Math.PI * 2;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < length; i++) {
    const t = R_CENTRE + i / rr;
    const v = shapeAt(beat, t - Math.floor(t)) + wander * Math.sin(phase + i / 40) + random.normal(0, rhythm.noise);
    out[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < length; i++) out[i] = ((out[i] as number) - min) / (max - min);
  return length;
}

const f32 = new Float32Array(1);
const f32Bits = new Uint32Array(f32.buffer);

/**
 * `%.18e` of the sample stored as float32, as the real files hold. The mantissa's lowest bit is set so the exact
 * decimal value never ends in a 5 at the 20th digit: toExponential (ties away) then rounds like printf (ties to even).
 */
function formatSample(v: number): string {
  f32[0] = v;
  if (f32[0] !== 0 && f32[0] !== 1) f32Bits[0] = (f32Bits[0] as number) | 1;
  return printfExponential(f32[0] as number);
}

/** `%.18e`: toExponential(18) with printf's two-digit minimum exponent (e-01, not e-1). */
export function printfExponential(v: number): string {
  const text = v.toExponential(18);
  return text.charCodeAt(text.length - 2) < 48 ? `${text.slice(0, -1)}0${text.slice(-1)}` : text;
}

