// Small ECG inputs generated in the test: known rows, written in the full files' `%.18e` format or short floats.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Random } from '../../src/demo/random.js';
import { printfExponential } from '../../src/demo/ecg.js';
import { ECG_FILES } from '../../src/ecg/files.js';
import { BEAT_LENGTH } from '../../src/ecg/schema.js';

/** Rows per label of each file, in ECG_FILES order. */
export const FIXTURE_COUNTS = [[70, 12, 20, 3, 55], [30, 5, 8, 0, 9], [40], [61]];

/** Rows (187 samples, then the label) per file name; each class has its own level so class means differ. */
export function fixtureRows(seed = 1): Record<string, number[][]> {
  const random = new Random(seed);
  const out: Record<string, number[][]> = {};
  ECG_FILES.forEach((file, f) => {
    const rows: number[][] = [];
    file.labels.forEach((label, j) => {
      for (let n = 0; n < (FIXTURE_COUNTS[f]?.[j] as number); n++) {
        const length = random.int(80, 180);
        const beat = Array.from({ length: BEAT_LENGTH }, (_, i) =>
          i >= length ? 0 : Math.fround(Math.min(1, Math.max(0, 0.15 * label + 0.4 * Math.exp(-i / (10 + 5 * label)) + 0.3 * random.next()))),
        );
        rows.push([...beat, label]);
      }
    });
    out[file.name] = random.shuffle(rows);
  });
  return out;
}

export interface FixtureFormat {
  /** `%.18e` like the full files (default), or JavaScript's shortest form like the sample files. */
  numbers?: 'full' | 'short';
  eol?: '\n' | '\r\n';
  finalNewline?: boolean;
  /** Write `<name>_sample.csv` instead of `<name>.csv`. */
  sample?: boolean;
}

export async function writeFixture(datasetsDir: string, rows: Record<string, number[][]>, format: FixtureFormat = {}): Promise<string[]> {
  const folder = join(datasetsDir, 'ecg_data');
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const file of ECG_FILES) {
    const eol = format.eol ?? '\n';
    const text = (rows[file.name] ?? [])
      .map((row) => row.map((v) => (format.numbers === 'short' ? (Number.isInteger(v) ? v.toFixed(1) : String(v)) : printfExponential(v))).join(','))
      .join(eol);
    const name = `${file.name}${format.sample ? '_sample' : ''}.csv`;
    await writeFile(join(folder, name), format.finalNewline === false ? text : text + eol);
    written.push(`ecg_data/${name}`);
  }
  return written;
}
