import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createErrorTracker, NO_TRACKING, type SentryModule } from '../../src/server/sentry.js';
import { LogSink } from './fixture.js';

const quietLogger = () => {
  const sink = new LogSink();
  return { sink, logger: createLogger({ level: 'info', format: 'json', destination: sink }) };
};

describe('createErrorTracker', () => {
  let installed = true;
  try {
    fileURLToPath(import.meta.resolve('@sentry/node'));
  } catch {
    installed = false;
  }
  it('never loads @sentry/node without SENTRY_DSN', async () => {
    let loads = 0;
    const tracker = await createErrorTracker({ sentryDsn: undefined, sentryTracesRate: undefined, env: 'production' }, quietLogger().logger, async () => {
      loads++;
      throw new Error('must not be called');
    });
    expect(tracker).toBe(NO_TRACKING);
    expect(loads).toBe(0);
  });

  it('initialises Sentry with the DSN, environment, release and trace rate, and forwards errors', async () => {
    const calls: unknown[][] = [];
    const fake: SentryModule = {
      init: (o) => calls.push(['init', o]),
      captureException: (e, hint) => calls.push(['capture', (e as Error).message, hint]),
      flush: async (ms) => {
        calls.push(['flush', ms]);
        return true;
      },
    };
    const dsn = 'https://key@sentry.example/7';
    const tracker = await createErrorTracker({ sentryDsn: dsn, sentryTracesRate: 0.25, env: 'production' }, quietLogger().logger, async () => fake);
    tracker.capture(new Error('boom'), { path: '/x' });
    await tracker.flush(500);
    expect(calls[0]).toEqual(['init', expect.objectContaining({ dsn, environment: 'production', tracesSampleRate: 0.25, sendDefaultPii: false })]);
    expect((calls[0]?.[1] as { release: string }).release).toMatch(/^dash@\d+\.\d+\.\d+/);
    expect(calls.slice(1)).toEqual([
      ['capture', 'boom', { extra: { path: '/x' } }],
      ['flush', 500],
    ]);
  });

  it('uses the seed default trace rate 0.1 and warns when the package is missing', async () => {
    let options: Record<string, unknown> = {};
    await createErrorTracker({ sentryDsn: 'https://k@h/1', sentryTracesRate: undefined, env: 'test' }, quietLogger().logger, async () => ({
      init: (o) => (options = o),
      captureException: () => undefined,
      flush: async () => true,
    }));
    expect(options.tracesSampleRate).toBe(0.1);

    const { sink, logger } = quietLogger();
    const tracker = await createErrorTracker({ sentryDsn: 'https://k@h/1', sentryTracesRate: undefined, env: 'test' }, logger, async () => {
      throw Object.assign(new Error("Cannot find package '@sentry/node'"), { code: 'ERR_MODULE_NOT_FOUND' });
    });
    expect(tracker).toBe(NO_TRACKING);
    expect(sink.lines[0]).toMatchObject({ level: 'warn' });
    expect(String(sink.lines[0]?.message)).toContain('SENTRY_DSN is set but @sentry/node is not installed, so errors are NOT sent to Sentry');
    expect(String(sink.lines[0]?.message)).toContain('`npm install @sentry/node`');

    // A package that is there but breaks while loading is reported as such, with its error.
    const broken = quietLogger();
    await createErrorTracker({ sentryDsn: 'https://k@h/1', sentryTracesRate: undefined, env: 'test' }, broken.logger, async () => {
      throw new SyntaxError('Unexpected token in @sentry/node/build/esm/index.js');
    });
    expect(broken.sink.lines[0]).toMatchObject({ level: 'warn' });
    expect(String(broken.sink.lines[0]?.message)).toContain('@sentry/node failed to load');
  });

  it('does not import @sentry/node in a serving process without a DSN (and does with one)', () => {
    // A resolve hook in a fresh process records every @sentry specifier; the DSN run proves it would see one.
    const dir = mkdtempSync(join(tmpdir(), 'dash-sentry-'));
    const seen = (dsn: string | undefined): string => {
      const marker = join(dir, `resolved-${dsn ? 'dsn' : 'none'}.txt`);
      writeFileSync(marker, '');
      const hook = `export async function resolve(s, c, next) { if (s.includes('@sentry')) (await import('node:fs')).appendFileSync(${JSON.stringify(marker)}, s + '\\n'); return next(s, c); }`;
      const script = `
        const { register } = await import('node:module');
        register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
        const { createErrorTracker } = await import(${JSON.stringify(new URL('../../lib/server/sentry.js', import.meta.url).href)});
        const { createLogger } = await import(${JSON.stringify(new URL('../../lib/log.js', import.meta.url).href)});
        await createErrorTracker({ env: 'production', sentryDsn: ${JSON.stringify(dsn)} }, createLogger({ level: 'silent', format: 'json' }));
        process.exit(0);`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(marker, 'utf8');
    };
    try {
      expect(seen(undefined)).toBe('');
      if (installed) expect(seen('http://key@127.0.0.1:9/1')).toContain('@sentry/node');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!installed)('delivers a captured error to the DSN with the real @sentry/node', async () => {
    const envelopes: string[] = [];
    const ingest = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        envelopes.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
    const port = (ingest.address() as AddressInfo).port;
    try {
      const tracker = await createErrorTracker({ sentryDsn: `http://publickey@127.0.0.1:${port}/42`, sentryTracesRate: 0, env: 'test' }, quietLogger().logger);
      tracker.capture(new Error('dash test failure 7731'), { path: '/boom' });
      await tracker.flush(5_000);
      const all = envelopes.join('\n');
      expect(all).toContain('dash test failure 7731');
      expect(all).toContain('"environment":"test"');
    } finally {
      ingest.close();
    }
  }, 60_000);
});
