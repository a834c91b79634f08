import { createHash, randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { removeLeftovers } from '../cache/leftovers.js';
import { readManifest } from '../cache/manifest.js';
import { SITE_MARKER } from '../cli/clean.js';
import type { Paths } from '../config.js';
import { loadDatasets } from '../datasets/registry.js';
import type { DatasetName } from '../datasets/types.js';
import { DashError } from '../errors.js';
import type { Reporter } from '../log.js';
import { hold } from '../interrupt.js';
import { DASH_VERSION } from '../version.js';
import { loadBundle, type SiteBundle } from './bundle.js';
import { CacheReader, missingCachesError, summarizeDatasets } from './caches.js';
import { encodeTable } from './columnar.js';
import { dataNotice } from './data-notice.js';
import { isCompressible, reuseCompressed, writeCompressed } from './compress.js';
import { NOT_FOUND_FILE, renderNotFound, renderPage } from './html.js';
import type { AssetRef, PageMeta } from './contracts/meta.js';
import { pageFile, type DataAsset, type PageDefinition, type PageLink } from './page.js';
import { PAGES } from './pages.js';

export interface SiteBuildOptions {
  paths: Paths;
  reporter: Reporter;
  now: Date;
  /** Defaults to the registry; tests pass their own. */
  pages?: readonly PageDefinition[];
  bundle?: SiteBundle;
  /**
   * Build the pages whose caches exist and skip the others (listed in the report), for a first `dash build --only`;
   * without it a missing cache fails the site, naming it.
   */
  skipMissing?: boolean;
}

export interface SiteReport {
  out: string;
  pages: { id: string; file: string; assets: { name: string; file: string; bytes: number; brotli: number }[] }[];
  files: number;
  bytes: number;
  durationMs: number;
  /** Pages left out because caches they need do not exist (only with `skipMissing`). */
  skipped: { id: string; title: string; missing: DatasetName[] }[];
}

const hashOf = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex').slice(0, 10);

/**
 * Builds the static site from the caches into a temp folder next to `out`, then swaps it in: a failed build
 * leaves the previous site as it was, and a reader never sees half a site.
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
  const temp = join(dirname(paths.out), `.${basename(paths.out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  hold(temp);
  await mkdir(temp, { recursive: true });
  try {
    const report = await writeSite(temp, { ...options, pages, bundle, datasets, modules });
    await swapIn(temp, paths.out);
    return { ...report, out: paths.out, durationMs: Math.round(performance.now() - started), skipped };
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

interface WriteContext extends SiteBuildOptions {
  pages: readonly PageDefinition[];
  bundle: SiteBundle;
  datasets: Awaited<ReturnType<typeof summarizeDatasets>>;
  modules: Awaited<ReturnType<typeof loadDatasets>>;
}

async function writeSite(dir: string, w: WriteContext): Promise<Omit<SiteReport, 'out' | 'durationMs' | 'skipped'>> {
  let files = 0;
  let bytes = 0;
  const emit = async (relative: string, data: Uint8Array | string): Promise<{ bytes: number; brotli: number }> => {
    const path = join(dir, relative);
    await mkdir(dirname(path), { recursive: true });
    const buffer = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    await writeFile(path, buffer);
    files++;
    bytes += buffer.byteLength;
    if (!isCompressible(path, buffer.byteLength)) return { bytes: buffer.byteLength, brotli: buffer.byteLength };
    const compressed = (await reuseCompressed(join(w.paths.out, relative), path, buffer)) ?? (await writeCompressed(path, buffer));
    return { bytes: buffer.byteLength, brotli: compressed.brotli };
  };

  // Prebuilt bundle files keep esbuild's content-hashed names.
  for (const file of w.bundle.files) {
    const source = join(w.bundle.root, file);
    if (isCompressible(file, (await stat(source)).size)) {
      await emit(file, await readFile(source));
    } else {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await copyFile(source, join(dir, file));
      files++;
      bytes += (await stat(source)).size;
    }
  }

  const links: PageLink[] = w.pages.map((p) => ({ id: p.id, title: p.title, href: pageFile(p.id), summary: p.summary, guide: p.guide }));
  const caches = new CacheReader(w.paths.cache, w.modules);
  const report: SiteReport['pages'] = [];
  for (const page of w.pages) {
    const step = w.reporter.start(`site: ${page.title}`);
    let produced: DataAsset[];
    try {
      produced = await page.data({ caches, datasets: w.datasets, pages: links, builtAt: w.now });
    } catch (err) {
      step.fail(`site: ${page.title} failed`);
      if (err instanceof DashError) throw err;
      throw new DashError(`site: building the data of the ${page.title} page failed: ${(err as Error).message}`, undefined, { cause: err });
    }
    const assets: Record<string, AssetRef> = {};
    const written: SiteReport['pages'][number]['assets'] = [];
    const dataPreload: string[] = [];
    for (const asset of produced) {
      if (assets[asset.name] !== undefined) throw new DashError(`site: the ${page.title} page produced two data assets named "${asset.name}"`);
      const data = asset.kind === 'json' ? new TextEncoder().encode(JSON.stringify(asset.value)) : encodeTable(asset.columns, asset.meta);
      const ext = asset.kind === 'json' ? 'json' : 'dcl';
      const file = `data/${page.id}.${asset.name}.${hashOf(data)}.${ext}`;
      const sizes = await emit(file, data);
      assets[asset.name] = { url: file, kind: asset.kind, bytes: data.byteLength };
      written.push({ name: asset.name, file, bytes: sizes.bytes, brotli: sizes.brotli });
      if (asset.preload !== false) dataPreload.push(file);
    }
    const entry = w.bundle.pages[page.id] as SiteBundle['pages'][string];
    const meta: PageMeta = { page: page.id, title: page.title, builtAt: w.now.toISOString(), assets };
    const html = renderPage({
      meta,
      summary: page.summary,
      nav: links,
      datasets: w.datasets,
      css: [w.bundle.css, ...entry.css],
      preload: entry.preload,
      dataPreload,
      script: entry.script,
      boot: w.bundle.boot,
      favicon: w.bundle.favicon,
      version: DASH_VERSION,
      notice: dataNotice(page.caches, w.datasets),
    });
    await emit(pageFile(page.id), html);
    report.push({ id: page.id, file: pageFile(page.id), assets: written });
    step.succeed(`site: ${page.title} (${written.length} data asset${written.length === 1 ? '' : 's'}, ${formatKb(written.reduce((s, a) => s + a.brotli, 0))} brotli)`);
  }
  const css = await readFile(join(w.bundle.root, w.bundle.css), 'utf8');
  await emit(NOT_FOUND_FILE, renderNotFound({ nav: links, css, boot: w.bundle.boot, favicon: w.bundle.favicon, version: DASH_VERSION }));
  await writeFile(join(dir, SITE_MARKER), `built by dash ${DASH_VERSION} at ${w.now.toISOString()}\n`);
  return { pages: report, files, bytes };
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
