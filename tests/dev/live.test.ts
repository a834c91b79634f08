import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_CLIENT, DEV_EVENTS, injectClient } from '../../src/dev/client.js';
import { devFiles, LiveReload, pagePath } from '../../src/dev/live.js';
import { tempDir } from '../support/fixtures.js';

let server: Server | undefined;
let live: LiveReload | undefined;
afterEach(async () => {
  live?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function start(out: string, settleMs?: number): Promise<string> {
  live = new LiveReload(settleMs);
  const files = devFiles(out, live, (_req, res) => void res.writeHead(299).end('static'));
  server = createServer((req, res) => void files(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

/** The events of the stream until `count` have arrived, as [name, data]. */
async function events(url: string, count: number, after: () => void = () => undefined): Promise<[string, unknown][]> {
  const response = await fetch(url);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const found: [string, unknown][] = [];
  let triggered = false;
  while (found.length < count) {
    const { value } = await reader.read();
    text += decoder.decode(value);
    const blocks = text.split('\n\n');
    text = blocks.pop() ?? '';
    for (const block of blocks) {
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name !== undefined && data !== undefined) found.push([name, JSON.parse(data)]);
    }
    if (!triggered && found.length > 0) {
      triggered = true;
      after();
    }
  }
  await reader.cancel();
  return found;
}

describe('dash dev server parts', () => {
  it('maps page addresses to HTML files and leaves everything else to the static handler', () => {
    expect(['/', '/equipment', '/equipment.html', '/sub/', '/app.3f9a1c0e2b.js', '/../etc/passwd', '/.dash-site.html'].map(pagePath)).toEqual([
      'index.html',
      'equipment.html',
      'equipment.html',
      'sub/index.html',
      undefined,
      // A URL cannot climb above the site's root: the file looked for is inside it.
      'etc/passwd.html',
      undefined,
    ]);
    expect(injectClient('<html><head><title>x</title></head></html>', 4)).toBe(`<html><head><title>x</title><script src="${DEV_CLIENT}" data-build="4"></script>\n</head></html>`);
  });

  it('adds the client to pages, serves its script, and sends hello, failed, reload and recovered to open pages', async () => {
    const out = await tempDir();
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'index.html'), '<!doctype html><html><head></head><body>site</body></html>');
    const url = await start(out);
    const page = await fetch(`${url}/`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(`<script src="${DEV_CLIENT}" data-build="0"></script>`);
    expect((await fetch(`${url}${DEV_CLIENT}`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${url}/data/x.json`)).status).toBe(299);

    const failure = { step: 'dataset bases', file: 'military_bases/military-bases.csv', line: 3, column: null, message: 'bad' };
    const first = await events(`${url}${DEV_EVENTS}`, 3, () => {
      live?.failed(failure);
      live?.rebuilt(['installations']);
    });
    expect(first).toEqual([
      ['hello', { build: 0, failure: null }],
      ['failed', failure],
      ['reload', { build: 1, pages: ['installations'] }],
    ]);
    // A page that connects while a build is broken is told at once; a good build that changed nothing clears it.
    live?.failed(failure);
    const second = await events(`${url}${DEV_EVENTS}`, 2, () => live?.unchanged());
    expect(second).toEqual([
      ['hello', { build: 1, failure }],
      ['recovered', {}],
    ]);
  });

  it('settles a rebuild once the pages it reloads are back with the new build, and never waits for other pages', async () => {
    const out = await tempDir();
    const url = await start(out, 60_000);
    const open = async (query: string): Promise<AbortController> => {
      const abort = new AbortController();
      const response = await fetch(`${url}${DEV_EVENTS}${query}`, { signal: abort.signal });
      await (response.body as ReadableStream<Uint8Array>).getReader().read();
      return abort;
    };
    const equipment = await open('?page=equipment&build=0');
    const medical = await open('?page=medical&build=0');
    // No open page shows a rebuilt one: settled at once.
    await live?.rebuilt(['ecg']);

    let settled = false;
    const rebuilt = live?.rebuilt(['equipment']).then(() => (settled = true));
    equipment.abort();
    // The medical page (not rebuilt) and a page still on the old build do not count.
    const stale = await open('?page=equipment&build=1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    const back = await open('?page=equipment&build=2');
    await rebuilt;
    expect(settled).toBe(true);
    for (const stream of [medical, stale, back]) stream.abort();
  });

  it('settles a rebuild after its time limit when a reloading page never comes back', async () => {
    const out = await tempDir();
    const url = await start(out, 100);
    const abort = new AbortController();
    const response = await fetch(`${url}${DEV_EVENTS}?page=&build=0`, { signal: abort.signal });
    await (response.body as ReadableStream<Uint8Array>).getReader().read();
    const started = Date.now();
    await live?.rebuilt(['equipment']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    abort.abort();
  });
});
