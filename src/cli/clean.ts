import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_DIR } from '../cache/builder.js';
import { MANIFEST_FILE } from '../cache/manifest.js';
import { loadDatasets } from '../datasets/registry.js';
import { DashError, EXIT_OK } from '../errors.js';
import { pathExists } from '../filesystem.js';
import { commandContext, type Io } from './io.js';

/** The file `dash site` leaves in the site folder so `dash clean` only ever deletes a folder dash made. */
export const SITE_MARKER = '.dash-site';

export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  const context = await commandContext(io, options);
  const both = options.caches === undefined && options.dist === undefined;
  if (both || options.caches) {
    // Only dash's own files: a cache folder pointed at a shared directory must not lose anything else.
    const artefacts = (await loadDatasets()).map((m) => m.artefact);
    const names = [...artefacts, MANIFEST_FILE, DEMO_DIR];
    let removed = 0;
    for (const name of names) {
      const path = join(context.paths.cache, name);
      if (await pathExists(path)) {
        await rm(path, { recursive: true, force: true });
        removed++;
      }
    }
    await removeIfEmpty(context.paths.cache);
    context.reporter.info(`caches: removed ${removed} item(s) from ${context.paths.cache}`);
  }
  if (both || options.dist) {
    const out = context.paths.out;
    if (await pathExists(out)) {
      const entries = await readdir(out);
      if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
        throw new DashError(`${out} was not made by \`dash site\` (no ${SITE_MARKER} marker); not deleting it`);
      }
      await rm(out, { recursive: true, force: true });
      context.reporter.info(`site: removed ${out}`);
    } else {
      context.reporter.info(`site: ${out} does not exist`);
    }
  }
  return EXIT_OK;
}

async function removeIfEmpty(dir: string): Promise<void> {
  try {
    const left = (await readdir(dir)).filter((n) => !/^\..*\.lock$/.test(n));
    if (left.length === 0) await rm(dir, { recursive: true, force: true });
  } catch {
    // absent already
  }
}
