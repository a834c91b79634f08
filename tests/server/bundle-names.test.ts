// The real site build (the compiled browser bundle from `npm run build`, one page) served by the real server:
// every script and stylesheet the page loads, and every file in assets/, is named `<name>.<hex>.<ext>` and so
// is sent as immutable. A bundler change back to esbuild's base32 hashes would make them `no-cache` silently.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createReporter } from '../../src/log.js';
import { HASHED_ASSET, routeClass } from '../../src/server/security.js';
import { IMMUTABLE } from '../../src/server/static.js';
import { buildSite } from '../../src/site/build.js';
import { overview } from '../../src/site/pages/overview.js';
import { get, makeSite, startTestServer, type SiteFixture, type TestServer } from './fixture.js';

let fixture: SiteFixture | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  fixture?.cleanup();
  server = undefined;
  fixture = undefined;
});

describe('the built site and immutable caching', () => {
  it('names every bundled script and stylesheet <name>.<hex>.<ext>, and the server caches them as immutable', async () => {
    fixture = makeSite();
    const reporter = await createReporter({ stream: new PassThrough(), env: {}, quiet: true });
    await buildSite({ paths: fixture.paths, reporter, now: new Date('2026-11-28T12:00:00Z'), pages: [overview] });

    const html = await readFile(join(fixture.paths.out, 'index.html'), 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)].map((m) => `/${m[1]}`);
    const scripts = referenced.filter((u) => u.endsWith('.js'));
    const styles = referenced.filter((u) => u.endsWith('.css'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);

    const files = (await readdir(join(fixture.paths.out, 'assets'))).filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'));
    const bundled = files.filter((f) => /\.(?:js|css)$/.test(f)).map((f) => `/assets/${f}`);
    expect(bundled.length).toBeGreaterThanOrEqual(scripts.length + styles.length);
    for (const url of new Set([...referenced, ...bundled])) {
      expect(url).toMatch(HASHED_ASSET);
      expect(routeClass(url)).toBe('asset');
    }

    server = await startTestServer(fixture);
    for (const url of referenced) {
      const res = await get(server.port, url, { 'Accept-Encoding': 'gzip' });
      expect([url, res.status, res.headers['cache-control']]).toEqual([url, 200, IMMUTABLE]);
    }
  });
});
