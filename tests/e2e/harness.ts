/**
 * Shared e2e helpers: a tiny static server over dist/ (any sub-path, the production CSP, optional fakes of
 * dash serve's endpoints), chromium through playwright-core, and a page wrapper that records console errors and
 * failed requests. Page tests: open → assert → screenshot. See site/README.md.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startSite } from '../../src/server/site-server.js';

export const CHROMIUM = process.env.DASH_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** What `dash serve` is expected to send: scripts only from files (no inline), styles may be inline (Plot sets them). */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.dcl': 'application/octet-stream',
  '.png': 'image/png',
};

export interface StaticServerOptions {
  /** Serve the site under this path, e.g. "/some/sub/path/" (default "/"). */
  prefix?: string;
  /** Answer these paths (relative to the prefix) with 404 even if the file exists: to test error states. */
  hide?: (path: string) => boolean;
  /** Extra routes answered before files, e.g. fakes of /health under "dash serve" tests. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  /** Headers added to every file response (e.g. dash serve's marker header). */
  headers?: Record<string, string>;
}

export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? '/';
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const route = options.routes?.[path];
      if (route) return route(req, res);
      if (!path.startsWith(prefix)) return notFound(res);
      let relative = path.slice(prefix.length);
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const file = normalize(join(root, relative));
      if (!file.startsWith(root) || options.hide?.(relative)) return notFound(res);
      try {
        if (!(await stat(file)).isFile()) return notFound(res);
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', ...options.headers });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        notFound(res);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations, in order. */
  errors: string[];
  /** Requests that failed or answered ≥ 400. */
  failed: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** The shell's default is dark; 'light' checks the prefers-color-scheme theme. */
  colorScheme?: 'dark' | 'light';
}

/** Opens `url` in a fresh context (1280×900, dark, unless told) and records every error the page causes. */
export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, colorScheme: options.colorScheme ?? 'dark', reducedMotion: 'reduce', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, failed, close: () => context.close() };
}

/** Waits until the page has replaced its loading state (or shown an error) and every chart card has drawn. */
export async function waitForPage(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('page-root')?.getAttribute('aria-busy') === null, undefined, { timeout: 20_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.chart-card .chart-body')].every((b) => b.querySelector('svg, .state-empty') !== null), undefined, { timeout: 20_000 });
}

/**
 * The page's own address, read in the page. `page.url()` is Playwright's copy, updated by an event that can arrive
 * after the key press or click that called pushState has already returned, so reading it right after an action races.
 */
export async function pageUrl(page: Page): Promise<URL> {
  return new URL(await page.evaluate(() => location.href));
}

/** The landmarks every page has (P-0): banner, navigation, main, contentinfo, and a working skip link. */
export async function expectLandmarks(page: Page): Promise<void> {
  expect(await page.locator('header.site-header').count()).toBe(1);
  expect(await page.getByRole('banner').count()).toBe(1);
  expect(await page.getByRole('navigation', { name: 'Pages', exact: true }).count()).toBe(1);
  expect(await page.getByRole('main').count()).toBe(1);
  expect(await page.getByRole('contentinfo').count()).toBe(1);
  expect(await page.locator('h1').count()).toBe(1);
}

/** Tab reaches the skip link first; Enter on it moves focus into <main>. */
export async function expectSkipLink(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
}

/** Presses Tab until `predicate` holds for the focused element (at most `limit` times); returns how many presses. */
export async function tabUntil(page: Page, predicate: (el: Element) => boolean, limit = 60): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${predicate.toString()})(document.activeElement)`)) return i;
  }
  throw new Error(`no focusable element matched after ${limit} Tab presses`);
}

/** Full-page screenshot to test-results/screenshots/<name>.png (an artifact of the run). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The number of drawn charts (SVGs inside chart cards). */
export async function chartCount(page: Page): Promise<number> {
  return page.locator('.chart-card .chart-body svg').count();
}

export interface SiteSession {
  browser: Browser;
  server: StaticServer;
  siteDir: string;
}

/**
 * One chromium and one static server over the demo site for a whole test file: call at the top of the file and
 * read `session.browser` / `session.server` inside tests.
 */
export function useSite(options: StaticServerOptions = {}): SiteSession {
  const session = { siteDir: inject('siteDir') } as SiteSession;
  beforeAll(async () => {
    session.browser = await launchChromium();
    session.server = await serveStatic(session.siteDir, options);
  });
  afterAll(async () => {
    await session.server?.close();
    await session.browser?.close();
  });
  return session;
}

/** One CSV line per row, every field quoted (RFC 4180), under `header`. */
export function csvText(header: string, rows: readonly (readonly string[])[]): string {
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return `${[header, ...rows.map((r) => r.map(quote).join(','))].join('\n')}\n`;
}

/**
 * Like useSite, over the demo caches with one dataset rebuilt by the real CLI from `files` (paths under the datasets
 * folder → their text): a site holding the hostile or odd data a test needs.
 */
export function useSiteRebuilt(dataset: string, files: Record<string, string>): SiteSession {
  const session = {} as SiteSession;
  let work = '';
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `dash-e2e-${dataset}-`));
    cpSync(inject('cacheDir'), join(work, 'cache'), { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(work, 'datasets', path)), { recursive: true });
      writeFileSync(join(work, 'datasets', path), text);
    }
    for (const args of [['cache', '--only', dataset], ['site']]) {
      const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'dash.js'), ...args, '--datasets', join(work, 'datasets'), '--cache', join(work, 'cache'), '--out', join(work, 'dist')], {
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      });
      if (result.status !== 0) throw new Error(`dash ${args.join(' ')} failed:\n${result.stderr}`);
    }
    session.siteDir = join(work, 'dist');
    session.browser = await launchChromium();
    session.server = await serveStatic(session.siteDir);
  });
  afterAll(async () => {
    await session.server?.close();
    await session.browser?.close();
    rmSync(work, { recursive: true, force: true });
  });
  return session;
}

/** The real `dash serve` request pipeline (src/server) over the demo site, on a random port, logs discarded. */
export async function serveDash(siteDir: string = inject('siteDir'), cacheDir: string = inject('cacheDir')): Promise<StaticServer> {
  const logger = createLogger({ level: 'warn', format: 'json', name: 'dash.serve', destination: new Writable({ write: (_chunk, _enc, done) => done() }) });
  const settings = loadSettings({}, { host: '127.0.0.1', port: 0, workers: 1 });
  const site = await startSite({ settings, paths: { out: siteDir, cache: cacheDir, datasets: join(siteDir, '..', 'datasets') }, logger, startedAtMs: Date.now() });
  return { url: `http://127.0.0.1:${site.address.port}/`, requests: [], close: async () => void (await site.http.shutdown(1_000)) };
}
