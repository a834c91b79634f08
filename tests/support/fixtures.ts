import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterEach } from 'vitest';
import type { BuildOutcome, DatasetModule } from '../../src/datasets/types.js';

const made: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(prefix = 'dash-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Writes `files` (relative path → content) under `root`. */
export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

export async function readParquetRows(path: string): Promise<Record<string, unknown>[]> {
  const bytes = await readFile(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return (await parquetReadObjects({ file })) as Record<string, unknown>[];
}

/** Runs one dataset's build over `files` under `root` into `<root>/out.parquet`, as the builder would. */
export async function buildFrom(
  module: DatasetModule,
  root: string,
  files: string[],
): Promise<{ outcome: BuildOutcome; rows: Record<string, unknown>[]; path: string }> {
  const path = join(root, 'out.parquet');
  const outcome = await module.build({ source: { kind: 'full', root, files }, tempPath: path, progress: () => undefined });
  return { outcome, rows: await readParquetRows(path), path };
}
