import { createHash, randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../cache/atomic.js';
import { removeLeftovers } from '../cache/leftovers.js';
import { readManifest, type Manifest } from '../cache/manifest.js';
import { SITE_MARKER } from '../cli/clean.js';
import type { Paths } from '../config.js';
import { loadDatasets } from '../datasets/registry.js';
import type { DatasetName } from '../datasets/types.js';
import { DashError } from '../errors.js';
import type { Reporter } from '../log.js';
import { hold } from '../interrupt.js';
import { DASH_VERSION } from '../version.js';
import { loadBundle, NOTICES_PATH, type SiteBundle } from './bundle.js';
import { CacheReader, listCacheFiles, missingCachesError, summarizeDatasets, type DatasetSummary } from './caches.js';
import { encodeTable } from './columnar.js';
import { dataNotice } from './data-notice.js';
import { addCompressed, isCompressible, linkOrCopy, reuseUnchanged, servedFiles, writeCompressed } from './compress.js';
import { describeSource, NOT_FOUND_FILE, NOTICES_FILE, renderNotFound, renderPage } from './html.js';
import type { AssetRef, PageMeta } from './contracts/meta.js';
import { pageFile, type DataAsset, type PageDefinition, type PageLink } from './page.js';
import { PAGES } from './pages.js';
import { codeVersion, filesIntact, keyOf, readSiteRecord, SITE_RECORD_VERSION, type RecordedFile, type RecordedPage, type SiteRecord } from './record.js';

export interface SiteBuildOptions {
  paths: Paths;
  reporter: Reporter;
  now: Date;
  /** Defaults to the registry; tests pass their own. */
  pages?: readonly PageDefinition[];
  bundle?: SiteBundle;
  /** THIRD_PARTY_NOTICES to copy into the site; defaults to the package's. */
  notices?: string;
  /**
   * Build the pages whose caches exist and skip the others (listed in the report), for a first `dash build --only`;
   * without it a missing cache fails the site, naming it.
   */
  skipMissing?: boolean;
  /**
   * Called as soon as the rebuilt site is in place, before the precompressed copies (.br, .gz) of its new files are
   * written into it (`dash dev` reloads the open pages then: brotli was a quarter of a demo-scale rebuild, 1.5 s of a
   * full-scale Installations one). The copies are written once what it returns has settled (the reloaded pages are
   * drawn), and buildSite resolves once they are recorded. Without it they are written before the swap.
   */
  ready?: (report: SiteReport) => void | Promise<void>;
}

export interface SiteReport {
  out: string;
  pages: { id: string; file: string; assets: { name: string; file: string; bytes: number; brotli: number }[] }[];
  /** Pages whose data and HTML were built by this run; the others' files were kept as they were. */
  rebuilt: string[];
  /** Nothing had changed: no file was written and the site folder was left as it was. */
  upToDate: boolean;
  files: number;
  bytes: number;
  durationMs: number;
  /** Pages left out because caches they need do not exist (only with `skipMissing`). */
  skipped: { id: string; title: string; missing: DatasetName[] }[];
}

const hashOf = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex').slice(0, 10);

/**
 * Builds the static site from the caches into a temp folder next to `out`, then swaps it in: a failed build
 * leaves the previous site as it was, and a reader never sees half a site. Each page is keyed on what its files
 * are made from (the caches it reads, its bundle, dash's code); a page whose key is the one recorded last time keeps
 * its files (hard-linked: same bytes, same inode), and when no key changed nothing is written at all.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteReport> {
  const started = performance.now();
  const { paths } = options;
  const registered = options.pages ?? PAGES;
  const bundle = options.bundle ?? (await loadBundle());
  const unbundled = registered.filter((p) => bundle.pages[p.id] === undefined).map((p) => `site/pages/${p.id}.ts`);
  if (unbundled.length > 0) {
    throw new DashError(`site: the browser bundle has no entry for ${unbundled.join(', ')}; run \`npm run build\``);
  }

  const modules = await loadDatasets();
  const manifest = await readManifest(paths.cache);
  const datasets = await summarizeDatasets(paths.cache, manifest, modules);
  const absent = (name: DatasetName): boolean => datasets.find((d) => d.name === name)?.freshness === 'missing';
  const skipped = options.skipMissing
    ? registered.filter((p) => p.caches.some(absent)).map((p) => ({ id: p.id, title: p.title, missing: p.caches.filter(absent) }))
    : [];
  const pages = registered.filter((p) => !skipped.some((s) => s.id === p.id));
  const missing = new Map<DatasetName, string[]>();
  for (const page of pages) {
    for (const name of page.caches) {
      if (absent(name)) missing.set(name, [...(missing.get(name) ?? []), page.title]);
    }
  }
  if (missing.size > 0) {
    const caches = new CacheReader(paths.cache, modules);
    throw missingCachesError([...missing].map(([dataset, needers]) => ({ dataset, path: caches.path(dataset), pages: needers })));
  }

  await guardOut(paths.out);
  await removeLeftovers(dirname(paths.out), `.${basename(paths.out)}.`);
  const links: PageLink[] = pages.map((p) => ({ id: p.id, title: p.title, href: pageFile(p.id), summary: p.summary, guide: p.guide }));
  const keys = await buildKeys({ ...options, pages, bundle, datasets, manifest, links });
  const previous = await readSiteRecord(paths.out);
  const reusable = await reusableParts(paths.out, previous, keys);
  const duration = (): number => Math.round(performance.now() - started);
  if (previous && reusable.shared && pages.every((p) => reusable.pages.has(p.id)) && Object.keys(previous.pages).length === pages.length) {
    return { ...reportOf(previous, pages, []), out: paths.out, upToDate: true, durationMs: duration(), skipped };
  }

  const temp = join(dirname(paths.out), `.${basename(paths.out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  hold(temp);
  await mkdir(temp, { recursive: true });
  try {
    const { record, later } = await writeSite(temp, { ...options, pages, bundle, datasets, modules, links, keys, previous, reusable });
    await swapIn(temp, paths.out);
    const rebuilt = pages.filter((p) => !reusable.pages.has(p.id)).map((p) => p.id);
    const report = (): SiteReport => ({ ...reportOf(record, pages, rebuilt), out: paths.out, upToDate: false, durationMs: duration(), skipped });
    if (options.ready) {
      const marker = (await stat(join(paths.out, SITE_MARKER))).ino;
      await options.ready(report());
      await compressInPlace(paths.out, record, later, marker);
    }
    return report();
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/** A file whose precompressed copies are written after the swap, and the record's file list it belongs in. */
interface Later {
  relative: string;
  data: Uint8Array;
  ino: number;
  files: RecordedFile[];
}

/**
 * Writes the copies `writeSite` left for after the swap into the live site, then the record with them. A part whose
 * file was replaced meanwhile (by another build) keeps its mark, so it is rebuilt next time; a site swapped in by
 * another build (its marker is not the one this build wrote, inode `marker`) keeps its own record.
 */
async function compressInPlace(out: string, record: SiteRecord, later: Later[], marker: number): Promise<void> {
  const brotli = new Map<string, number>();
  const replaced = new Set<RecordedFile[]>();
  await Promise.all(
    later.map(async (item) => {
      const sizes = await addCompressed(join(out, item.relative), item.data, item.ino);
      if (!sizes) return void replaced.add(item.files);
      item.files.push({ path: `${item.relative}.gz`, bytes: sizes.gzip }, { path: `${item.relative}.br`, bytes: sizes.brotli });
      brotli.set(item.relative, sizes.brotli);
    }),
  );
  for (const part of [record.shared, ...Object.values(record.pages)]) {
    if (part.compressing !== true) continue;
    part.files.sort(byPath);
    if (!replaced.has(part.files)) delete part.compressing;
  }
  for (const page of Object.values(record.pages)) for (const asset of page.assets) asset.brotli = brotli.get(asset.file) ?? asset.brotli;
  if ((await stat(join(out, SITE_MARKER)).catch(() => undefined))?.ino !== marker) return;
  await writeFileAtomic(join(out, SITE_MARKER), recordText(record));
}

const byPath = (a: RecordedFile, b: RecordedFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const recordText = (record: SiteRecord): string => `${JSON.stringify(record, null, 1)}\n`;

interface Keys {
  shared: string;
  pages: Map<string, string>;
}

/**
 * What each page's files are made from. The footer lists the datasets a page reads (every one for a page that
 * describes the data), so a page's HTML changes only with those; builtAt is left out, or every key would change.
 */
async function buildKeys(k: SiteBuildOptions & { pages: readonly PageDefinition[]; bundle: SiteBundle; datasets: DatasetSummary[]; manifest: Manifest; links: PageLink[] }): Promise<Keys> {
  const code = { dash: DASH_VERSION, code: await codeVersion() };
  const shell = { css: k.bundle.css, boot: k.bundle.boot, favicon: k.bundle.favicon, nav: k.links };
  const cacheFiles = k.pages.some((p) => p.describesData === true) ? await listCacheFiles(k.paths.cache) : [];
  const pages = new Map<string, string>();
  for (const page of k.pages) {
    const caches = page.caches.map((name) => ({ name, sha256: k.manifest.artefacts[name]?.sha256, bytes: k.manifest.artefacts[name]?.bytes }));
    // The footer shows a dataset's title and source line only: a cache rebuilt to the same bytes changes no page of it.
    const footer = footerDatasets(page, k.datasets).map((d) => [d.title, describeSource(d)]);
    const described = page.describesData === true ? { datasets: k.datasets, cacheFiles } : { footer };
    const notice = dataNotice(page.caches, k.datasets);
    pages.set(page.id, keyOf({ ...code, ...shell, page: page.id, entry: k.bundle.pages[page.id], caches, notice, ...described }));
  }
  // The notices file is written by the bundle step beside the bundle, so it is keyed on its bytes.
  const notices = createHash('sha256').update(await readFile(k.notices ?? NOTICES_PATH).catch(() => Buffer.alloc(0))).digest('hex');
  return { shared: keyOf({ ...code, ...shell, files: k.bundle.files, notices }), pages };
}

/** The datasets a page's footer names as its sources. */
function footerDatasets(page: PageDefinition, datasets: DatasetSummary[]): DatasetSummary[] {
  return page.describesData === true ? datasets : datasets.filter((d) => page.caches.includes(d.name as DatasetName));
}

interface Reusable {
  shared: boolean;
  pages: Set<string>;
}

/** The parts of the previous build whose key is unchanged and whose files are all still in place. */
async function reusableParts(out: string, previous: SiteRecord | undefined, keys: Keys): Promise<Reusable> {
  const reusable: Reusable = { shared: false, pages: new Set() };
  if (!previous) return reusable;
  reusable.shared = previous.shared.key === keys.shared && previous.shared.compressing !== true && (await filesIntact(out, previous.shared.files));
  for (const [id, key] of keys.pages) {
    const page = previous.pages[id];
    if (page?.key === key && page.compressing !== true && (await filesIntact(out, page.files))) reusable.pages.add(id);
  }
  return reusable;
}

function reportOf(record: SiteRecord, pages: readonly PageDefinition[], rebuilt: string[]): Omit<SiteReport, 'out' | 'durationMs' | 'upToDate' | 'skipped'> {
  const all = [record.shared.files, ...pages.map((p) => record.pages[p.id]?.files ?? [])].flat().filter((f) => !/\.(gz|br)$/.test(f.path));
  return {
    pages: pages.map((p) => ({ id: p.id, file: pageFile(p.id), assets: record.pages[p.id]?.assets ?? [] })),
    rebuilt,
    files: all.length,
    bytes: all.reduce((sum, f) => sum + f.bytes, 0),
  };
}

interface WriteContext extends SiteBuildOptions {
  pages: readonly PageDefinition[];
  bundle: SiteBundle;
  datasets: DatasetSummary[];
  modules: Awaited<ReturnType<typeof loadDatasets>>;
  links: PageLink[];
  keys: Keys;
  previous: SiteRecord | undefined;
  reusable: Reusable;
}

/**
 * Writes the site into `dir` (a fresh temp folder) and returns its record, which it also writes as the marker, and
 * (with `ready`) the files whose precompressed copies are left for after the swap; their parts are marked so.
 */
async function writeSite(dir: string, w: WriteContext): Promise<{ record: SiteRecord; later: Later[] }> {
  const later: Later[] = [];
  /**
   * The files of one part of the site (the shared files or one page), for the record, and the compressions still
   * running for them. A part's compressions run on libuv's threads while the next pages' data are made on this one
   * (waiting for each page's before starting the next left the main thread idle for 6 of the full demo's 10 s).
   */
  interface Part {
    owned: RecordedFile[];
    pending: Promise<void>[];
  }
  const newPart = (): Part => ({ owned: [], pending: [] });
  const own = async (part: Part, relative: string, bytes: number, served: string[]): Promise<void> => {
    for (const path of served) part.owned.push({ path, bytes: path === relative ? bytes : (await stat(join(dir, path))).size });
  };
  const emit = async (part: Part, relative: string, data: Uint8Array | string): Promise<{ bytes: number; brotli: Promise<number> }> => {
    const path = join(dir, relative);
    await mkdir(dirname(path), { recursive: true });
    const buffer = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const reused = await reuseUnchanged(join(w.paths.out, relative), path, buffer);
    let brotli: Promise<number>;
    let served = servedFiles(relative, buffer.byteLength);
    if (reused) brotli = Promise.resolve(reused.brotli);
    else {
      await writeFile(path, buffer);
      if (!isCompressible(path, buffer.byteLength)) brotli = Promise.resolve(buffer.byteLength);
      else if (w.ready) {
        later.push({ relative, data: buffer, ino: (await stat(path)).ino, files: part.owned });
        served = [relative];
        brotli = Promise.resolve(0);
      } else brotli = writeCompressed(path, buffer).then((c) => c.brotli);
    }
    part.pending.push(brotli.then(() => own(part, relative, buffer.byteLength, served)));
    return { bytes: buffer.byteLength, brotli };
  };
  const settle = async (part: Part): Promise<RecordedFile[]> => {
    await Promise.all(part.pending);
    return part.owned.sort(byPath);
  };
  const keep = async (files: readonly RecordedFile[]): Promise<void> => {
    for (const file of files) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await linkOrCopy(join(w.paths.out, file.path), join(dir, file.path));
    }
  };

  /** Makes a page's data and HTML; `done` settles once their compressions are written. */
  const buildPage = async (page: PageDefinition): Promise<{ done: Promise<RecordedPage> }> => {
    const key = w.keys.pages.get(page.id) as string;
    const part = newPart();
    const step = w.reporter.start(`site: ${page.title}`);
    let produced: DataAsset[];
    try {
      produced = await page.data({ caches, datasets: w.datasets, pages: w.links, builtAt: w.now });
    } catch (err) {
      step.fail(`site: ${page.title} failed`);
      if (err instanceof DashError) throw err;
      throw new DashError(`site: building the data of the ${page.title} page failed: ${(err as Error).message}`, undefined, { cause: err });
    }
    const assets: Record<string, AssetRef> = {};
    const written: RecordedPage['assets'] = [];
    const dataPreload: string[] = [];
    for (const asset of produced) {
      if (assets[asset.name] !== undefined) throw new DashError(`site: the ${page.title} page produced two data assets named "${asset.name}"`);
      const data = asset.kind === 'json' ? new TextEncoder().encode(JSON.stringify(asset.value)) : encodeTable(asset.columns, asset.meta);
      const ext = asset.kind === 'json' ? 'json' : 'dcl';
      const file = `data/${page.id}.${asset.name}.${hashOf(data)}.${ext}`;
      const sizes = await emit(part, file, data);
      assets[asset.name] = { url: file, kind: asset.kind, bytes: data.byteLength };
      const line = { name: asset.name, file, bytes: sizes.bytes, brotli: 0 };
      written.push(line);
      part.pending.push(sizes.brotli.then((brotli) => void (line.brotli = brotli)));
      if (asset.preload !== false) dataPreload.push(file);
    }
    const entry = w.bundle.pages[page.id] as SiteBundle['pages'][string];
    const meta: PageMeta = { page: page.id, title: page.title, builtAt: w.now.toISOString(), assets };
    const html = renderPage({
      meta,
      summary: page.summary,
      nav: w.links,
      datasets: footerDatasets(page, w.datasets),
      css: [w.bundle.css, ...entry.css],
      preload: entry.preload,
      dataPreload,
      script: entry.script,
      boot: w.bundle.boot,
      favicon: w.bundle.favicon,
      version: DASH_VERSION,
      notice: dataNotice(page.caches, w.datasets),
    });
    await emit(part, pageFile(page.id), html);
    const done = settle(part).then(
      (files) => {
        const size = w.ready ? `${formatKb(written.reduce((s, a) => s + a.bytes, 0))}, compressed once in place` : `${formatKb(written.reduce((s, a) => s + a.brotli, 0))} brotli`;
        step.succeed(`site: ${page.title} (${written.length} data asset${written.length === 1 ? '' : 's'}, ${size})`);
        return { key, builtAt: w.now.toISOString(), files, assets: written };
      },
      (err: unknown) => {
        step.fail(`site: ${page.title} failed`);
        throw err;
      },
    );
    done.catch(() => undefined);
    return { done };
  };

  const record: SiteRecord = { siteRecordVersion: SITE_RECORD_VERSION, dashVersion: DASH_VERSION, builtAt: w.now.toISOString(), shared: { key: w.keys.shared, files: [] }, pages: {} };
  /** The shared files' compressions, waited for with the pages'. */
  let sharedFiles: Promise<RecordedFile[]> | undefined;
  if (w.reusable.shared && w.previous) {
    await keep(w.previous.shared.files);
    record.shared.files = w.previous.shared.files;
  } else {
    const shared = newPart();
    // Prebuilt bundle files keep esbuild's content-hashed names.
    for (const file of w.bundle.files) await emit(shared, file, await readFile(join(w.bundle.root, file)));
    const css = await readFile(join(w.bundle.root, w.bundle.css), 'utf8');
    await emit(shared, NOT_FOUND_FILE, renderNotFound({ nav: w.links, css, boot: w.bundle.boot, favicon: w.bundle.favicon, version: DASH_VERSION }));
    // The bundled libraries' licences travel with the code they cover.
    let notices: Buffer;
    const noticesPath = w.notices ?? NOTICES_PATH;
    try {
      notices = await readFile(noticesPath);
    } catch {
      throw new DashError(`site: ${noticesPath} is missing (it lists the licences of the bundled libraries); run \`npm run build\` in the dash folder`);
    }
    await emit(shared, NOTICES_FILE, notices);
    sharedFiles = settle(shared);
    sharedFiles.catch(() => undefined);
  }

  const caches = new CacheReader(w.paths.cache, w.modules);
  /** Each page's record, in page order, complete once its compressions are. */
  const finishing: Promise<RecordedPage>[] = [];
  try {
    for (const page of w.pages) {
      const kept = w.previous?.pages[page.id];
      if (w.reusable.pages.has(page.id) && kept) {
        await keep(kept.files);
        finishing.push(Promise.resolve(kept));
        continue;
      }
      finishing.push((await buildPage(page)).done);
    }
  } catch (err) {
    // Compressions still writing into `dir` finish before the caller deletes it.
    await Promise.allSettled([...finishing, sharedFiles]);
    throw err;
  }
  if (sharedFiles) record.shared.files = await sharedFiles;
  const recorded = await Promise.allSettled(finishing);
  for (const [i, page] of w.pages.entries()) {
    const result = recorded[i] as PromiseSettledResult<RecordedPage>;
    if (result.status === 'rejected') throw result.reason;
    record.pages[page.id] = result.value;
  }
  const waiting = new Set(later.map((item) => item.files));
  for (const part of [record.shared, ...Object.values(record.pages)]) if (waiting.has(part.files)) part.compressing = true;
  await writeFile(join(dir, SITE_MARKER), recordText(record));
  return { record, later };
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Never replace a folder dash did not make (the same rule as `dash clean`). */
async function guardOut(out: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch {
    return;
  }
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new DashError(`${out} exists and was not made by \`dash site\` (no ${SITE_MARKER} marker); not replacing it — choose another --out or empty it`);
  }
}

/**
 * Two renames: the old site moves aside, the new one takes its name, then the old one is deleted. The renames are
 * synchronous so that no signal handler can run between them and leave no site at `out`.
 */
async function swapIn(temp: string, out: string): Promise<void> {
  const old = `${temp}.old`;
  let hadOld = true;
  try {
    renameSync(out, old);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    hadOld = false;
  }
  try {
    renameSync(temp, out);
  } catch (err) {
    if (hadOld) renameSync(old, out);
    throw err;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
