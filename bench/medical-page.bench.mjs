// Medical Records page weight at full scale: what the browser downloads before the first chart (the page's
// scripts, styles and preloaded data assets, compressed) against the 1.5 MB budget, and what it fetches
// only on demand (search index, transcript shards). Builds only this page, from the full-size demo cache.
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { dataDir, ensureFullDemo, timeDash } from './fixtures.mjs';
import { resolvePaths } from '../lib/config.js';
import { createReporter } from '../lib/log.js';
import { buildSite } from '../lib/site/build.js';
import { medical } from '../lib/site/pages/medical.js';

const BUDGET = 1.5 * 1024 * 1024;
const root = new URL('./data', import.meta.url).pathname;
const cacheDir = join(root, 'cache');
const out = join(root, 'dist-medical');
mkdirSync(cacheDir, { recursive: true });
ensureFullDemo(['healthcare']);
if (!existsSync(join(cacheDir, 'healthcare.parquet'))) timeDash(['cache', '--only', 'healthcare', '--datasets', dataDir, '--cache', cacheDir]);

const started = performance.now();
const report = await buildSite({
  paths: resolvePaths({ datasets: dataDir, cache: cacheDir, out }, {}, process.cwd()),
  reporter: await createReporter({ stream: new PassThrough(), env: {}, quiet: true }),
  now: new Date(),
  pages: [medical],
});
const buildMs = performance.now() - started;

const html = await readFile(join(out, 'medical.html'), 'utf8');
// Everything the HTML makes the browser fetch at once: stylesheets, module scripts and their preloads, preloaded data.
const eager = [...html.matchAll(/<(?:link rel="(?:stylesheet|modulepreload|preload)"|script type="module")[^>]*(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
const sizes = async (file) => ({
  raw: (await stat(join(out, file))).size,
  gzip: (await stat(join(out, `${file}.gz`)).catch(() => stat(join(out, file)))).size,
  brotli: (await stat(join(out, `${file}.br`)).catch(() => stat(join(out, file)))).size,
});
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const sum = (rows, key) => rows.reduce((total, r) => total + r[key], 0);

const eagerSizes = await Promise.all(eager.map(async (file) => ({ file, ...(await sizes(file)) })));
const page = report.pages.find((p) => p.id === 'medical');
const lazy = page.assets.filter((a) => !eager.includes(a.file));
const lazySizes = await Promise.all(lazy.map(async (a) => ({ file: a.file, ...(await sizes(a.file)) })));
const shards = lazySizes.filter((a) => a.file.includes('transcripts-'));

console.log(`medical page built in ${buildMs.toFixed(0)} ms (shared machine)`);
console.log('before the first chart:');
for (const f of eagerSizes) console.log(`  ${f.file.padEnd(48)} ${kib(f.raw).padStart(9)} raw ${kib(f.gzip).padStart(8)} gzip ${kib(f.brotli).padStart(8)} brotli`);
const gzip = sum(eagerSizes, 'gzip');
console.log(`  total ${kib(sum(eagerSizes, 'raw'))} raw, ${kib(gzip)} gzip, ${kib(sum(eagerSizes, 'brotli'))} brotli — budget 1536 KiB: ${gzip <= BUDGET ? 'within' : 'OVER'} (gzip)`);
console.log('on demand:');
for (const f of lazySizes.filter((a) => !a.file.includes('transcripts-'))) console.log(`  ${f.file.padEnd(48)} ${kib(f.raw).padStart(9)} raw ${kib(f.gzip).padStart(8)} gzip ${kib(f.brotli).padStart(8)} brotli`);
console.log(
  `  ${shards.length} transcript shards: ${kib(sum(shards, 'raw'))} raw in all; one shard at most ${kib(Math.max(...shards.map((s) => s.gzip)))} gzip, ` +
    `${kib(Math.max(...shards.map((s) => s.brotli)))} brotli`,
);
