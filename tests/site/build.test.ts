import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, type Manifest } from '../../src/cache/manifest.js';
import { SITE_MARKER } from '../../src/cli/clean.js';
import { loadDatasets } from '../../src/datasets/registry.js';
import { DashError } from '../../src/errors.js';
import { createReporter } from '../../src/log.js';
import { buildSite, type SiteBuildOptions } from '../../src/site/build.js';
import { loadBundle, NOTICES_PATH, type SiteBundle } from '../../src/site/bundle.js';
import { decodeTable } from '../../src/site/columnar.js';
import { PAGE_META_ID, type PageMeta } from '../../src/site/contracts/meta.js';
import { columnarAsset, type PageDefinition } from '../../src/site/page.js';
import { overview } from '../../src/site/pages/overview.js';
import { status } from '../../src/site/pages/status.js';

let work: string;
const now = new Date('2026-11-28T12:00:00.000Z');

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'dash-site-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** An equipment cache of 3 rows in 2 row groups, recorded in the manifest as a demo build. */
async function writeEquipmentCache(cache: string): Promise<void> {
  await mkdir(cache, { recursive: true });
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'State', data: ['TX', 'CA', 'TX'], type: 'STRING' },
      { name: 'Quantity', data: new Int32Array([4, 1, 7]), type: 'INT32' },
    ],
    rowGroupSize: 2,
  });
  await writeFile(join(cache, 'equipment.parquet'), new Uint8Array(parquet));
  const [equipment] = await loadDatasets(['equipment']);
  const manifest: Manifest = {
    manifestVersion: 1,
    updatedAt: now.toISOString(),
    artefacts: {
      equipment: {
        artefact: 'equipment.parquet',
        pipelineVersion: equipment?.version ?? '?',
        dashVersion: '0.1.0',
        source: 'demo',
        inputs: [],
        rows: 3,
        bytes: parquet.byteLength,
        sha256: '',
        durationMs: 1234,
        builtAt: now.toISOString(),
        warnings: ['dod_all_states.csv: State: 1 codes that are no US state or territory (rows kept as written; on no map or state chart) (line 3 "XX")'],
      },
    },
  };
  await writeFile(join(cache, MANIFEST_FILE), JSON.stringify(manifest));
}

/** A stand-in for the compiled browser bundle, so these tests do not depend on which pages exist. */
async function fakeBundle(ids: string[]): Promise<SiteBundle> {
  const root = join(work, 'bundle') + '/';
  await mkdir(join(root, 'assets'), { recursive: true });
  const files = ['assets/site-AAAA.css', 'assets/chunk-BBBB.js', 'assets/favicon-CCCC.svg', 'assets/boot-EEEE.js', ...ids.map((id) => `assets/${id}-DDDD.js`)];
  for (const file of files) await writeFile(join(root, file), file.endsWith('.js') ? `/* ${file} */ export {};\n`.repeat(80) : file.endsWith('.css') ? '.site-header { color: red }' : 'x');
  const pages = Object.fromEntries(ids.map((id) => [id, { script: `assets/${id}-DDDD.js`, preload: ['assets/chunk-BBBB.js'], css: [] }]));
  return { root, css: 'assets/site-AAAA.css', boot: 'assets/boot-EEEE.js', favicon: 'assets/favicon-CCCC.svg', pages, files };
}

async function options(pages: PageDefinition[], bundle?: SiteBundle): Promise<SiteBuildOptions> {
  const reporter = await createReporter({ stream: new PassThrough(), env: {}, quiet: true });
  const paths = { datasets: join(work, 'datasets'), cache: join(work, 'cache'), out: join(work, 'dist') };
  return { paths, reporter, now, pages, bundle: bundle ?? (await fakeBundle(pages.map((p) => p.id))) };
}

function metaOf(html: string): PageMeta {
  const match = new RegExp(`<script type="application/json" id="${PAGE_META_ID}">(.*?)</script>`).exec(html);
  return JSON.parse(match?.[1] ?? 'null') as PageMeta;
}

const quantities: PageDefinition = {
  id: 'probe',
  title: 'Probe',
  summary: 'Reads the equipment cache.',
  guide: [],
  caches: ['equipment'],
  async data({ caches }) {
    const { State, Quantity } = await caches.columns('equipment', ['State', 'Quantity']);
    return [columnarAsset('rows', [
      { name: 'state', type: 'dict', values: State as string[] },
      { name: 'quantity', type: 'int32', values: Quantity as number[] },
    ])];
  },
};

describe('dash site build', () => {
  it('writes pages, hashed data assets read from the caches, precompressed siblings and the marker', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    const report = await buildSite(await options([overview, quantities]));
    const dist = join(work, 'dist');
    expect(report.pages.map((p) => p.file)).toEqual(['index.html', 'probe.html']);
    expect(await readFile(join(dist, SITE_MARKER), 'utf8')).toContain('2026-11-28T12:00:00.000Z');

    const probeHtml = await readFile(join(dist, 'probe.html'), 'utf8');
    const meta = metaOf(probeHtml);
    const asset = meta.assets.rows;
    expect(asset?.url).toMatch(/^data\/probe\.rows\.[0-9a-f]{10}\.dcl$/);
    const table = decodeTable(await readFile(join(dist, asset?.url ?? '')));
    expect([...table.numbers('quantity')]).toEqual([4, 1, 7]);
    expect([0, 1, 2].map((i) => table.value('state', i))).toEqual(['TX', 'CA', 'TX']);

    // The frame: nav from the registry with the current page marked, footer with the real row count.
    expect(probeHtml).toContain('<a href="probe.html" aria-current="page">Probe</a>');
    expect(probeHtml).toContain('<a href="index.html">Overview</a>');
    expect(probeHtml).toContain('demo data, 3 rows');
    expect(probeHtml).toContain(`<link rel="preload" href="${asset?.url}" as="fetch" crossorigin="anonymous">`);
    // No executable inline script and no absolute URL: the site works under a CSP and any sub-path.
    expect(probeHtml).not.toMatch(/<script(?![^>]*\b(src|type="application\/json")=?)[^>]*>/);
    expect(probeHtml).not.toMatch(/(href|src)="\//);

    const overviewData = JSON.parse(await readFile(join(dist, metaOf(await readFile(join(dist, 'index.html'), 'utf8')).assets.overview?.url ?? ''), 'utf8'));
    expect(overviewData.datasets.find((d: { name: string }) => d.name === 'equipment')).toMatchObject({ rows: 3, source: 'demo', freshness: 'fresh', durationMs: 1234, warnings: 1 });
    // The Status page shows the manifest's warnings as they are worded there.
    expect(overviewData.datasets.find((d: { name: string }) => d.name === 'equipment').warningText).toEqual([
      'dod_all_states.csv: State: 1 codes that are no US state or territory (rows kept as written; on no map or state chart) (line 3 "XX")',
    ]);
    expect(overviewData.pages.map((p: { id: string }) => p.id)).toEqual(['probe']);

    const chunk = await readFile(join(dist, 'assets/chunk-BBBB.js'));
    expect(brotliDecompressSync(await readFile(join(dist, 'assets/chunk-BBBB.js.br'))).equals(chunk)).toBe(true);
    expect(gunzipSync(await readFile(join(dist, 'assets/chunk-BBBB.js.gz'))).equals(chunk)).toBe(true);
    expect((await readdir(dist)).filter((n) => n.endsWith('.br'))).toEqual(['404.html.br', 'THIRD_PARTY_NOTICES.txt.br', 'index.html.br', 'probe.html.br']);
    // The bundled libraries' licences ship with the site, linked from every footer.
    expect(await readFile(join(dist, 'THIRD_PARTY_NOTICES.txt'), 'utf8')).toBe(await readFile(NOTICES_PATH, 'utf8'));
    for (const page of ['index.html', 'probe.html', '404.html']) {
      expect(await readFile(join(dist, page), 'utf8')).toMatch(/<footer[^]*<a href="THIRD_PARTY_NOTICES\.txt">Licences<\/a>[^]*<\/footer>/);
    }
    // The boot script (theme before first paint, the file:// notice) is a classic script in <head>.
    expect(probeHtml).toMatch(/<head>[\s\S]*<script src="assets\/boot-EEEE\.js"><\/script>[\s\S]*<\/head>/);
    expect(probeHtml).toContain('<link rel="canonical" href="probe.html">');
  });

  it('writes 404.html with the site header, a link home and the stylesheet inlined, for any depth and host', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    await buildSite(await options([overview, quantities]));
    const html = await readFile(join(work, 'dist', '404.html'), 'utf8');
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('<a href="index.html">Go to the Overview</a>');
    expect(html).toContain('<a href="probe.html">Probe</a>');
    expect(html).not.toContain('aria-current');
    expect(html).toContain('<style>.site-header { color: red }</style>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('names every missing cache, who needs it and the command that builds it, and writes nothing', async () => {
    const needsBases: PageDefinition = { ...quantities, id: 'map', title: 'Installations', caches: ['bases', 'equipment'] };
    const error = await buildSite(await options([overview, quantities, needsBases])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DashError);
    expect((error as Error).message).toBe(
      [
        'site: missing caches:',
        `  ${join(work, 'cache', 'equipment.parquet')} (needed by: Probe, Installations)`,
        `  ${join(work, 'cache', 'bases.parquet')} (needed by: Installations)`,
        'build them with `dash cache --only equipment,bases` (or `dash build`)',
      ].join('\n'),
    );
    await expect(stat(join(work, 'dist'))).rejects.toThrow('ENOENT');
  });

  it('with skipMissing, builds the pages whose caches exist, leaves the others out of the site and its navigation, and lists them', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    const needsBases: PageDefinition = { ...quantities, id: 'map', title: 'Installations', caches: ['bases', 'equipment'] };
    const report = await buildSite({ ...(await options([overview, quantities, needsBases])), skipMissing: true });
    expect(report.pages.map((p) => p.id)).toEqual(['overview', 'probe']);
    expect(report.skipped).toEqual([{ id: 'map', title: 'Installations', missing: ['bases'] }]);
    expect((await readdir(join(work, 'dist'))).filter((n) => n.endsWith('.html')).sort()).toEqual(['404.html', 'index.html', 'probe.html']);
    expect(await readFile(join(work, 'dist', 'index.html'), 'utf8')).not.toContain('map.html');
  });

  it('shows a banner naming the demo and sample datasets behind each page, and none on a page of full data', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    const build = async (source: string): Promise<Record<string, string>> => {
      const manifest = JSON.parse(await readFile(join(work, 'cache', MANIFEST_FILE), 'utf8')) as Manifest;
      (manifest.artefacts.equipment as { source: string }).source = source;
      await writeFile(join(work, 'cache', MANIFEST_FILE), JSON.stringify(manifest));
      await buildSite(await options([overview, quantities]));
      return { index: await readFile(join(work, 'dist', 'index.html'), 'utf8'), probe: await readFile(join(work, 'dist', 'probe.html'), 'utf8') };
    };
    const demo = await build('demo');
    for (const html of [demo.index, demo.probe]) {
      expect(html).toContain('<aside class="data-notice" aria-label="Demo data"><strong>Demo data.</strong> Military equipment transfers (DoD 1033 program) is dash\'s built-in demo data: made-up figures, not the real dataset.');
    }
    expect((await build('sample')).probe).toContain('<strong>Sample data.</strong> Military equipment transfers (DoD 1033 program) is built from sample files: a part of the real dataset.');
    const full = await build('full');
    expect(full.probe).not.toContain('data-notice');
    expect(full.index).not.toContain('data-notice');
  });

  it('leaves the previous site untouched when a page fails, and cleans its temp folder', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    await buildSite(await options([overview]));
    const before = await readFile(join(work, 'dist', 'index.html'), 'utf8');
    const failing: PageDefinition = { ...quantities, data: async () => Promise.reject(new Error('boom in the shaping')) };
    await expect(buildSite(await options([overview, failing]))).rejects.toThrow('site: building the data of the Probe page failed: boom in the shaping');
    expect(await readFile(join(work, 'dist', 'index.html'), 'utf8')).toBe(before);
    expect((await readdir(work)).sort()).toEqual(['bundle', 'cache', 'dist']);
  });

  it('replaces a previous dash site but refuses a folder dash did not make', async () => {
    await mkdir(join(work, 'dist'), { recursive: true });
    await writeFile(join(work, 'dist', 'notes.txt'), 'mine');
    await expect(buildSite(await options([overview]))).rejects.toThrow('was not made by `dash site` (no .dash-site marker); not replacing it');
    expect(await readFile(join(work, 'dist', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a registered page that the browser bundle lacks', async () => {
    await expect(buildSite(await options([overview, quantities], await fakeBundle(['overview'])))).rejects.toThrow('the browser bundle has no entry for site/pages/probe.ts; run `npm run build`');
  });

  it('builds every registered page with the compiled bundle', async () => {
    const { PAGES } = await import('../../src/site/pages.js');
    const bundle = await loadBundle();
    const report = await buildSite({ ...(await options([...PAGES], bundle)) }).catch((e: unknown) => e);
    // Pages that need caches this test does not make report them by name; the Overview and Status never do.
    if (report instanceof DashError) expect(report.message).toContain('missing cache');
    else expect((report as { pages: { id: string }[] }).pages.map((p) => p.id)).toEqual(PAGES.map((p) => p.id));
  });
});

/** A one-column bases cache of `names`, recorded in the manifest (with its real sha256) beside whatever is there. */
async function writeBasesCache(cache: string, names: string[]): Promise<void> {
  const parquet = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'Site Name', data: names, type: 'STRING' }] }));
  await writeFile(join(cache, 'bases.parquet'), parquet);
  const [bases] = await loadDatasets(['bases']);
  const manifest = JSON.parse(await readFile(join(cache, MANIFEST_FILE), 'utf8')) as Manifest;
  manifest.artefacts.bases = {
    artefact: 'bases.parquet',
    pipelineVersion: bases?.version ?? '?',
    dashVersion: '0.1.0',
    source: 'demo',
    inputs: [],
    rows: names.length,
    bytes: parquet.byteLength,
    sha256: createHash('sha256').update(parquet).digest('hex'),
    durationMs: 10,
    builtAt: now.toISOString(),
    warnings: [],
  };
  await writeFile(join(cache, MANIFEST_FILE), JSON.stringify(manifest));
}

const sites: PageDefinition = {
  id: 'sites',
  title: 'Sites',
  summary: 'Reads the bases cache.',
  guide: [],
  caches: ['bases'],
  async data({ caches }) {
    const columns = await caches.columns('bases', ['Site Name']);
    return [columnarAsset('names', [{ name: 'name', type: 'dict', values: columns['Site Name'] as string[] }])];
  },
};

/** Every entry under `dir` (files and folders) with its inode and mtime, by relative path. */
async function snapshot(dir: string): Promise<Map<string, Pick<Stats, 'ino' | 'mtimeMs' | 'size'>>> {
  const entries = new Map<string, Pick<Stats, 'ino' | 'mtimeMs' | 'size'>>();
  const root = await stat(dir);
  entries.set('.', { ino: root.ino, mtimeMs: root.mtimeMs, size: root.size });
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, name));
    entries.set(name, { ino: info.ino, mtimeMs: info.mtimeMs, size: info.size });
  }
  return entries;
}

describe('incremental site build', () => {
  const later = new Date('2026-11-28T13:00:00.000Z');

  /** A site built from equipment and two bases, then a third base added to the cache: the next build's options. */
  const builtThenBasesChanged = async (): Promise<SiteBuildOptions> => {
    await writeEquipmentCache(join(work, 'cache'));
    await writeBasesCache(join(work, 'cache'), ['Fort A', 'Base B']);
    const built = await options([overview, quantities, sites, status]);
    await buildSite(built);
    await writeBasesCache(join(work, 'cache'), ['Fort A', 'Base B', 'Camp C']);
    return built;
  };

  it('writes nothing when no page key changed: every file keeps its inode and mtime, and no temp folder is made', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    await writeBasesCache(join(work, 'cache'), ['Fort A', 'Base B']);
    const built = await options([overview, quantities, sites, status]);
    expect((await buildSite(built)).upToDate).toBe(false);
    const before = await snapshot(join(work, 'dist'));
    const marker = await readFile(join(work, 'dist', SITE_MARKER), 'utf8');

    const again = await buildSite({ ...built, now: later });
    expect(again.upToDate).toBe(true);
    expect(again.rebuilt).toEqual([]);
    expect(again.pages.map((p) => p.assets.length)).toEqual([1, 1, 1, 1]);
    expect(await snapshot(join(work, 'dist'))).toEqual(before);
    expect(await readFile(join(work, 'dist', SITE_MARKER), 'utf8')).toBe(marker);
    expect((await readdir(work)).sort()).toEqual(['bundle', 'cache', 'dist']);
  });

  it('rebuilds only the pages that read a changed cache (and those describing every dataset); the others keep their files', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    await writeBasesCache(join(work, 'cache'), ['Fort A', 'Base B']);
    const built = await options([overview, quantities, sites, status]);
    await buildSite(built);
    const before = await snapshot(join(work, 'dist'));
    const probeFiles = [...before.keys()].filter((name) => name.startsWith('probe.') || name.startsWith('data/probe.') || name.startsWith('assets/'));
    expect(probeFiles.length).toBeGreaterThan(5);

    await writeBasesCache(join(work, 'cache'), ['Fort A', 'Base B', 'Camp C']);
    const report = await buildSite({ ...built, now: later });
    expect(report.upToDate).toBe(false);
    expect(report.rebuilt).toEqual(['overview', 'sites', 'status']);
    const after = await snapshot(join(work, 'dist'));
    // The Probe page (equipment only), the bundle and 404.html: the same files, not rewritten.
    for (const name of [...probeFiles, '404.html', '404.html.br']) expect(after.get(name), name).toEqual(before.get(name));
    const sitesHtml = await readFile(join(work, 'dist', 'sites.html'), 'utf8');
    const table = decodeTable(await readFile(join(work, 'dist', metaOf(sitesHtml).assets.names?.url ?? '')));
    expect([0, 1, 2].map((i) => table.value('name', i))).toEqual(['Fort A', 'Base B', 'Camp C']);
    expect(metaOf(sitesHtml).builtAt).toBe(later.toISOString());
    expect(metaOf(await readFile(join(work, 'dist', 'probe.html'), 'utf8')).builtAt).toBe(now.toISOString());
    // A page's footer names its own sources: Probe's does not mention the bases, whose row count just changed.
    expect(sitesHtml).toContain('demo data, 3 rows');
    expect(await readFile(join(work, 'dist', 'probe.html'), 'utf8')).not.toContain('US military installations');
    // The old data asset of the rebuilt page is gone with the old site.
    expect([...after.keys()].filter((name) => name.startsWith('data/sites.names.') && name.endsWith('.dcl'))).toHaveLength(1);
  });

  it('rebuilds every page when the browser bundle changes, and a page whose files were deleted by hand', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    const built = await options([overview, quantities]);
    await buildSite(built);
    await rm(join(work, 'dist', 'probe.html.br'));
    expect((await buildSite(built)).rebuilt).toEqual(['probe']);
    expect((await readdir(join(work, 'dist'))).includes('probe.html.br')).toBe(true);

    const bundle = await fakeBundle(['overview', 'probe']);
    bundle.pages.probe = { ...(bundle.pages.probe as SiteBundle['pages'][string]), preload: [] };
    expect((await buildSite({ ...built, bundle })).rebuilt).toEqual(['probe']);
    bundle.css = 'assets/favicon-CCCC.svg';
    expect((await buildSite({ ...built, bundle })).rebuilt).toEqual(['overview', 'probe']);
  });

  it('with ready, swaps the rebuilt site in before compressing, then adds the copies in place and records them', async () => {
    const built = await builtThenBasesChanged();

    let seen: { rebuilt: string[]; files: string[]; record: string } | undefined;
    let go: () => void = () => undefined;
    const building = buildSite({
      ...built,
      now: later,
      ready: async (report) => {
        seen = { rebuilt: report.rebuilt, files: await readdir(join(work, 'dist')), record: await readFile(join(work, 'dist', SITE_MARKER), 'utf8') };
        await new Promise<void>((resolve) => (go = resolve));
      },
    });
    await expect.poll(() => seen).toBeDefined();
    // In place, uncompressed: the rebuilt pages' HTML has no copies yet and their parts are marked; the kept page's are there.
    expect(seen?.rebuilt).toEqual(['overview', 'sites', 'status']);
    expect(seen?.files).toContain('sites.html');
    expect(seen?.files).not.toContain('sites.html.br');
    expect(seen?.files).toContain('probe.html.br');
    const marked = JSON.parse(seen?.record ?? '{}') as { pages: Record<string, { compressing?: true; files: { path: string }[] }> };
    expect(Object.entries(marked.pages).filter(([, page]) => page.compressing).map(([id]) => id)).toEqual(['overview', 'sites', 'status']);
    expect(marked.pages.sites?.files.some((f) => f.path.endsWith('.br'))).toBe(false);

    go();
    const report = await building;
    const html = await readFile(join(work, 'dist', 'sites.html'));
    expect(brotliDecompressSync(await readFile(join(work, 'dist', 'sites.html.br')))).toEqual(html);
    expect(gunzipSync(await readFile(join(work, 'dist', 'sites.html.gz')))).toEqual(html);
    const record = JSON.parse(await readFile(join(work, 'dist', SITE_MARKER), 'utf8')) as typeof marked;
    expect(Object.values(record.pages).some((page) => page.compressing)).toBe(false);
    expect(record.pages.sites?.files.map((f) => f.path)).toContain('sites.html.br');
    expect(report.pages.find((p) => p.id === 'sites')?.assets[0]?.brotli).toBeGreaterThan(0);
    // Complete now: the next build writes nothing.
    expect((await buildSite({ ...built, now: later })).upToDate).toBe(true);
  });

  it('leaves a site that another build swapped in meanwhile as that build made it, record and copies', async () => {
    const built = await builtThenBasesChanged();
    let go: () => void = () => undefined;
    let inPlace = false;
    const slow = buildSite({
      ...built,
      now: later,
      ready: async () => {
        inPlace = true;
        await new Promise<void>((resolve) => (go = resolve));
      },
    });
    await expect.poll(() => inPlace).toBe(true);
    await writeBasesCache(join(work, 'cache'), ['Fort A', 'Base B', 'Camp C', 'Post D']);
    await buildSite({ ...built, now: later });
    const marker = await readFile(join(work, 'dist', SITE_MARKER), 'utf8');
    go();
    await slow;
    expect(await readFile(join(work, 'dist', SITE_MARKER), 'utf8')).toBe(marker);
    const html = await readFile(join(work, 'dist', 'sites.html'));
    expect(html.toString()).toContain('demo data, 4 rows');
    expect(brotliDecompressSync(await readFile(join(work, 'dist', 'sites.html.br')))).toEqual(html);
    expect((await buildSite({ ...built, now: later })).upToDate).toBe(true);
  });

  it('never reuses a page whose copies were still being written (the build was stopped): it is rebuilt', async () => {
    await writeEquipmentCache(join(work, 'cache'));
    const built = await options([overview, quantities]);
    await buildSite(built);
    // What a dev rebuild stopped before its compressions leaves: the copies missing, the part marked.
    const record = JSON.parse(await readFile(join(work, 'dist', SITE_MARKER), 'utf8')) as { pages: Record<string, { compressing?: true; files: { path: string }[] }> };
    const probe = record.pages.probe as { compressing?: true; files: { path: string }[] };
    probe.compressing = true;
    probe.files = probe.files.filter((f) => !/\.(br|gz)$/.test(f.path));
    for (const file of ['probe.html.br', 'probe.html.gz']) await rm(join(work, 'dist', file));
    await writeFile(join(work, 'dist', SITE_MARKER), JSON.stringify(record));

    expect((await buildSite(built)).rebuilt).toEqual(['probe']);
    expect((await readdir(join(work, 'dist'))).includes('probe.html.br')).toBe(true);
  });
});
