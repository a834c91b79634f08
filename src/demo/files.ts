import { join } from 'node:path';
import { writeFileAtomic } from '../cache/atomic.js';
import { DashError } from '../errors.js';
import { pathExists } from '../filesystem.js';

export interface DemoFile {
  /** Path under the datasets folder, '/' separated. */
  relative: string;
  content: string;
}

/**
 * Writes demo files under `datasetsDir`. Without `force`, an existing file is an error naming it and nothing is written;
 * each file is written atomically, so concurrent builds sharing `<cache>/.demo` never see a half-written input.
 */
export async function writeDemoFiles(datasetsDir: string, files: readonly DemoFile[], force: boolean): Promise<string[]> {
  const targets = files.map((f) => join(datasetsDir, ...f.relative.split('/')));
  if (!force) {
    for (const target of targets) {
      if (await pathExists(target)) throw new DashError(`${target} already exists; pass --force to overwrite it`);
    }
  }
  for (let i = 0; i < files.length; i++) await writeFileAtomic(targets[i] as string, (files[i] as DemoFile).content);
  return targets;
}

/** One CSV field, quoted (with doubled quotes) only when it must be, as pandas and Excel write it. */
export function csvField(value: string | number, delimiter: string): string {
  const text = String(value);
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

export function csvLine(values: readonly (string | number)[], delimiter: string, eol = '\n'): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter) + eol;
}
