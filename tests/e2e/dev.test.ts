/**
 * `dash dev` as a user runs it: the real CLI in its own process over a copy of the demo site, chromium on a page,
 * and dataset files changed on disk. The page must show the new figure without a manual reload (keeping its URL),
 * show a broken dataset's file, line and message over the page, and recover when the file is fixed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openPage, pageUrl, serveDash, waitForPage } from './harness.js';

const root = join(import.meta.dirname, '..', '..');
const EQUIPMENT = 'Military_Equipment_for_Local_Law_Enforcement/dod_all_states.csv';

let work: string;
let dev: ChildProcess;
let url: string;
let log = '';
let browser: Browser;
const csv = (): string => join(work, 'datasets', EQUIPMENT);

const totalItems = async (page: Page): Promise<number> => Number((await page.locator('.kpi-value').first().textContent())?.replace(/,/g, ''));

/** Resolves once `dash dev` has printed a line matching `pattern` after `from` characters of its log. */
function logLine(pattern: RegExp, from = 0, timeoutMs = 120_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dash dev never printed ${pattern}:\n${log}`)), timeoutMs);
    const check = (): void => {
      const match = pattern.exec(log.slice(from));
      if (match) {
        clearTimeout(timer);
        dev.stderr?.off('data', check);
        resolve(match);
      }
    };
    dev.stderr?.on('data', check);
    check();
  });
}

beforeAll(async () => {
  // The e2e setup's caches and site, and real equipment input beside them: only equipment is rebuilt at start.
  work = mkdtempSync(join(tmpdir(), 'dash-dev-e2e-'));
  cpSync(inject('cacheDir'), join(work, 'cache'), { recursive: true });
  cpSync(inject('siteDir'), join(work, 'dist'), { recursive: true });
  const demo = spawnSync(process.execPath, [join(root, 'bin', 'dash.js'), 'demo', '--only', 'equipment', '--datasets', join(work, 'datasets')], { encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  // In the work folder with its default datasets/, as in a fresh project: the datasets it lacks are demo data (as the
  // copied caches were built), while a named --datasets folder would have to hold every input.
  dev = spawn(process.execPath, [join(root, 'bin', 'dash.js'), 'dev', '--port', '0', '--no-open', '--cache', join(work, 'cache'), '--out', join(work, 'dist')], {
    cwd: work,
    env: { ...process.env, CI: 'true', DASH_DATASETS_DIR: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  dev.stderr?.setEncoding('utf8').on('data', (text: string) => (log += text));
  url = (await logLine(/dash dev on (http:\/\/\S+)/))[1] as string;
  browser = await launchChromium();
});

afterAll(async () => {
  if (dev.exitCode === null) dev.kill('SIGKILL');
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('dash dev', () => {
  it('reloads an open page with the new figure when a dataset changes on disk, keeping its URL', async () => {
    const opened = await openPage(browser, `${url}/equipment.html?state=TX`);
    const { page } = opened;
    await waitForPage(page);
    const before = await totalItems(page);
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const from = log.length;
    const changedAt = Date.now();
    await appendFile(csv(), 'TX,DEV TEST AGENCY,1005-00-930-9057,"RIFLE,5.56 MILLIMETER",1000,Each,499.00,D,1.0,2015-03-02 00:00:00.000,State\n');
    await page.waitForFunction(() => (window as unknown as { notReloaded?: boolean }).notReloaded === undefined, undefined, { timeout: 60_000 });
    await waitForPage(page);
    expect(await totalItems(page)).toBe(before + 1000);
    console.log(`dash dev: changed equipment CSV → reloaded page with the new KPI in ${Date.now() - changedAt} ms`);
    expect((await pageUrl(page)).searchParams.get('state')).toBe('TX');
    // Only what the equipment cache feeds was rebuilt; the ECG and Medical pages were not.
    const rebuilt = (await logLine(/dev: rebuilt (.*) in /, from))[1]?.split(', ');
    expect(rebuilt).toContain('equipment');
    expect(rebuilt).not.toContain('ecg');
    expect(rebuilt).not.toContain('medical');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('shows a broken dataset in an overlay on every open page (file, line, message), then recovers when it is fixed', async () => {
    const good = await readFile(csv(), 'utf8');
    const first = await openPage(browser, `${url}/equipment.html?state=TX`);
    await waitForPage(first.page);
    const figure = await totalItems(first.page);

    const brokenLine = good.trimEnd().split('\n').length + 1;
    await writeFile(csv(), `${good}TX,"UNCLOSED AGENCY,1005-00-930-9057,RIFLE,1,Each,1.00,D,1.0,2015-03-02 00:00:00.000,State\n`);
    const overlay = first.page.locator('#dash-dev-overlay');
    await overlay.waitFor({ timeout: 60_000 });
    expect(await overlay.locator('.dash-dev-overlay-location').textContent()).toBe(`${EQUIPMENT}:${brokenLine}`);
    expect(await overlay.locator('.dash-dev-overlay-message').textContent()).toContain('unterminated quoted field');
    expect(await overlay.getByRole('heading').textContent()).toContain('dataset equipment');
    // The last good site is still served under it.
    expect(await totalItems(first.page)).toBe(figure);
    // A page opened while the build is broken shows the same overlay.
    const second = await openPage(browser, `${url}/installations.html`);
    await second.page.locator('#dash-dev-overlay .dash-dev-overlay-location').waitFor({ timeout: 20_000 });
    expect(await second.page.locator('.dash-dev-overlay-location').textContent()).toBe(`${EQUIPMENT}:${brokenLine}`);

    // So does a page whose own scripts fail to load (it never finishes drawing).
    const third = await openPage(browser, 'about:blank');
    await third.page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await third.page.goto(`${url}/medical.html`);
    await third.page.locator('#dash-dev-overlay .dash-dev-overlay-location').waitFor({ timeout: 20_000 });
    expect(await third.page.locator('#page-root').getAttribute('aria-busy')).toBe('true');
    await third.close();

    await writeFile(csv(), good);
    await first.page.locator('#dash-dev-overlay').waitFor({ state: 'detached', timeout: 60_000 });
    await second.page.locator('#dash-dev-overlay').waitFor({ state: 'detached', timeout: 60_000 });
    await waitForPage(first.page);
    expect(await totalItems(first.page)).toBe(figure);
    await first.close();
    await second.close();
  });

  it('puts nothing of itself in dist/ or in dash serve, and stops cleanly on Ctrl-C (exit 0)', async () => {
    const dist = join(work, 'dist');
    const pages = readdirSync(dist).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const name of pages) expect(readFileSync(join(dist, name), 'utf8')).not.toContain('__dash');
    const served = await serveDash(dist, join(work, 'cache'));
    try {
      expect(await (await fetch(`${served.url}equipment.html`)).text()).not.toContain('__dash');
      expect((await fetch(`${served.url}__dash/dev.js`)).status).toBe(404);
    } finally {
      await served.close();
    }
    // Under dash dev, the same page carries the client and /health answers as under dash serve.
    expect(await (await fetch(`${url}/equipment`)).text()).toContain('<script src="/__dash/dev.js"');
    expect((await fetch(`${url}/health`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)));
    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(log).toContain('dev: stopped');
  });
});
