import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_MARKER } from '../cli/clean.js';

/**
 * What a site build records in its marker file (dist/.dash-site): the key each page was built from and the files it
 * owns, so the next build rebuilds only the pages whose key changed and links the others' files unchanged.
 */
export interface SiteRecord {
  siteRecordVersion: typeof SITE_RECORD_VERSION;
  dashVersion: string;
  builtAt: string;
  /** Key of the files every page shares: the browser bundle and 404.html. */
  shared: { key: string; files: RecordedFile[]; compressing?: true };
  pages: Record<string, RecordedPage>;
}

export const SITE_RECORD_VERSION = 1;

export interface RecordedFile {
  /** Relative to the site folder, e.g. `data/equipment.rows.3f9a1c0e2b.dcl.br`. */
  path: string;
  bytes: number;
}

export interface RecordedPage {
  key: string;
  builtAt: string;
  /** The page's HTML and data assets, with their precompressed siblings. */
  files: RecordedFile[];
  /** The build report's line for this page, reused when the page is kept. */
  assets: { name: string; file: string; bytes: number; brotli: number }[];
  /**
   * Its files are in place but their precompressed copies were still being written (a `dash dev` rebuild writes them
   * after the swap, then records them): a part marked so is never reused, in case that never finished.
   */
  compressing?: true;
}

/** The previous build's record, or undefined when there is none or it is from an older dash (then all is rebuilt). */
export async function readSiteRecord(out: string): Promise<SiteRecord | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(out, SITE_MARKER), 'utf8')) as SiteRecord;
    return parsed.siteRecordVersion === SITE_RECORD_VERSION && typeof parsed.pages === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Every recorded file is still there with its size: nobody deleted or edited the built site by hand. */
export async function filesIntact(out: string, files: readonly RecordedFile[]): Promise<boolean> {
  const sizes = await Promise.all(files.map((f) => stat(join(out, f.path)).then((s) => s.size, () => -1)));
  return sizes.every((size, i) => size === files[i]?.bytes);
}

/** A stable hash of any JSON value: the key of a page is the hash of everything its files are made from. */
export function keyOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** src/ under tests, lib/ for the compiled CLI: the code that shapes page data and writes HTML. */
const CODE_ROOT = fileURLToPath(new URL('../', import.meta.url));

let codeFingerprint: Promise<string> | undefined;

/**
 * A hash of dash's own Node code (every .js/.ts file of src/ or lib/, the browser bundle excepted: its file names
 * are content hashes already). A page's data is built by code the package version does not track while a checkout
 * is being edited, so a changed data builder must change every key. Computed once per process.
 */
export function codeVersion(root: string = CODE_ROOT): Promise<string> {
  if (root === CODE_ROOT && codeFingerprint) return codeFingerprint;
  const result = (async () => {
    const hash = createHash('sha256');
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name))
      .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
      .filter((path) => !path.slice(root.length).startsWith('site-assets'))
      .sort();
    for (const path of files) hash.update(path.slice(root.length)).update('\0').update(await readFile(path)).update('\0');
    return hash.digest('hex');
  })();
  if (root === CODE_ROOT) codeFingerprint = result;
  return result;
}
