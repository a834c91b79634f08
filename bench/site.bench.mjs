#!/usr/bin/env node
/* global window, document, performance, MutationObserver */
// Page budgets (issue 4): each page transfers at most 1.5 MB compressed before its first chart, and draws that
// chart within 1.5 s of navigation from a local server. On full-size demo data (`dash demo --scale full` for
// equipment, bases and healthcare; ECG from its built-in demo unless bench/data holds the full files), the site
// is built with the real CLI, served from loopback with the .br siblings (as dash serve and nginx send them),
// and every page is opened cold in Debian's chromium. Figures are reported against the budgets (ratio ≤ 1
// passes) and against the lightest page measured in the same run, since absolute times depend on the machine.
import { createServer } from 'node:http';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureFullDemo, root, timeDash } from './fixtures.mjs';

const BYTES_BUDGET = 1.5 * 1024 * 1024;
const MS_BUDGET = 1500;
const CHROMIUM = process.env.DASH_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(0);
}

const datasets = ensureFullDemo(['equipment', 'bases', 'healthcare']);
const cache = join(root, 'bench/data/cache-site');
const dist = join(root, 'bench/data/dist-site');
const paths = ['--datasets', datasets, '--cache', cache, '--out', dist];
try {
  timeDash(['cache', '--only', 'equipment,bases,healthcare', ...paths]);
  // No ECG files are generated here: its cache comes from the built-in demo, asked for explicitly.
  timeDash(['cache', '--only', 'ecg', '--demo', ...paths]);
} catch (err) {
  console.log(`note: some caches failed to build (${String(err).split('\n')[1] ?? ''}); pages that need them are not built`);
}
rmSync(dist, { recursive: true, force: true });
const site = timeDash(['site', ...paths]);
console.log(`dash site: ${(site.wallMs / 1000).toFixed(1)} s wall, peak RSS ${site.peakRssMiB?.toFixed(0) ?? '?'} MiB`);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.dcl': 'application/octet-stream' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(dist)) return res.writeHead(404).end();
  try {
    const br = (req.headers['accept-encoding'] ?? '').includes('br') && existsSync(`${file}.br`);
    const body = await readFile(br ? `${file}.br` : file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...(br ? { 'content-encoding': 'br' } : {}), 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const pages = readdirSync(dist).filter((f) => f.endsWith('.html')).sort();
const results = [];
for (const file of pages) {
  const runs = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    // Records when the first chart's SVG enters the page, in the page's own clock (0 = navigation start).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.chart-card .chart-body svg')) {
          window.__firstChart = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${base}${file}`);
    const firstChart = await page.waitForFunction(() => window.__firstChart, undefined, { timeout: 30_000 }).then((h) => h.jsonValue()).catch(() => null);
    const transferred = await page.evaluate((until) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return entries.filter((e) => until === null || e.responseEnd <= until).reduce((sum, e) => sum + e.transferSize, 0);
    }, firstChart);
    runs.push({ firstChart, transferred });
    await context.close();
  }
  const times = runs.map((r) => r.firstChart).filter((t) => t !== null).sort((a, b) => a - b);
  results.push({ file, ms: times.length === 0 ? null : times[Math.floor(times.length / 2)], bytes: Math.max(...runs.map((r) => r.transferred)) });
}
await browser.close();
server.close();

const drawn = results.filter((r) => r.ms !== null);
const lightest = Math.min(...drawn.map((r) => r.ms));
console.log('\npage | before first chart (compressed) | × budget 1.5 MB | first chart (median of 3) | × budget 1.5 s | × lightest page');
console.log('---|---|---|---|---|---');
for (const r of results) {
  const kb = (r.bytes / 1024).toFixed(0);
  if (r.ms === null) console.log(`${r.file} | ${kb} KB (whole page) | ${(r.bytes / BYTES_BUDGET).toFixed(2)} | no chart drawn | — | —`);
  else console.log(`${r.file} | ${kb} KB | ${(r.bytes / BYTES_BUDGET).toFixed(2)} | ${r.ms.toFixed(0)} ms | ${(r.ms / MS_BUDGET).toFixed(2)} | ${(r.ms / lightest).toFixed(2)}`);
}
const over = results.filter((r) => r.bytes > BYTES_BUDGET || (r.ms ?? 0) > MS_BUDGET);
console.log(over.length === 0 ? '\nall pages within budget' : `\nover budget: ${over.map((r) => r.file).join(', ')}`);
