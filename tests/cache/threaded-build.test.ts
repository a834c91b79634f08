import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOnThread } from '../../src/cache/threaded-build.js';
import { loadDatasets } from '../../src/datasets/registry.js';
import { InputError } from '../../src/errors.js';
import { readParquetRows, tempDir, writeFiles } from '../support/fixtures.js';

const HEADER = 'State,Agency Name,NSN,Item Name,Quantity,UI,Acquisition Value,DEMIL Code,DEMIL IC,Ship Date,Station Type';
const ROW = 'AL,BEDFORD COUNTY SHERIFF OFFICE,5855-01-507-9903,NIGHT VISION GOGGLE,5,Each,13502.11,D,5.0,2012-10-22 00:00:00.000,State';
const [equipment] = await loadDatasets(['equipment']);

async function build(csv: string): Promise<{ run: ReturnType<typeof buildOnThread>; tempPath: string; progress: string[] }> {
  const root = await tempDir();
  await writeFiles(root, { 'dod_all_states.csv': csv });
  const tempPath = join(root, 'equipment.parquet.tmp');
  const progress: string[] = [];
  const run = buildOnThread(equipment!, { source: { kind: 'full', root, files: ['dod_all_states.csv'] }, tempPath, progress: (text) => progress.push(text) });
  return { run, tempPath, progress };
}

describe('buildOnThread', () => {
  it("builds a dataset on a thread of its own: the same Parquet file and outcome, its progress passed on", async () => {
    const { run, tempPath, progress } = await build(`${HEADER}\n${ROW}\n${ROW.replace('AL,', 'TX,')}\n`);
    const outcome = await run;
    expect(outcome.rows).toBe(2);
    expect((await readParquetRows(tempPath)).map((r) => r.State)).toEqual(['AL', 'TX']);
    expect(progress).toContain('reading dod_all_states.csv');
  });

  it('raises an input problem here as an InputError with its file, line and column', async () => {
    const { run } = await build(`${HEADER}\n${ROW}\n${ROW},extra\n`);
    const error = await run.catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: 'dod_all_states.csv', line: 3 });
    expect((error as InputError).message).toMatch(/^dod_all_states\.csv:3: record 2: expected 11 fields \(as in the header\), found 12/);
  });
});
