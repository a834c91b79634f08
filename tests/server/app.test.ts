import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createApp } from '../../src/server/app.js';
import { MetricsRegistry } from '../../src/server/metrics.js';
import { localMetrics } from '../../src/server/site-server.js';
import { createHttpServer, type HttpServer } from '../../src/server/server.js';
import { get, json, LogSink, makeSite, type SiteFixture } from './fixture.js';

let fixture: SiteFixture | undefined;
let http: HttpServer | undefined;

afterEach(async () => {
  await http?.shutdown(500);
  fixture?.cleanup();
});

async function serve(files: () => Promise<void>, textLogs = false) {
  fixture = makeSite();
  const logs = new LogSink();
  const logger = createLogger({ level: 'info', format: 'json', name: 'dash.serve', destination: logs });
  const registry = new MetricsRegistry();
  const captured: { err: unknown; context?: Record<string, string> }[] = [];
  const handler = createApp({
    paths: fixture.paths,
    logger,
    registry,
    metrics: localMetrics(registry, Date.now()),
    files,
    tracker: { capture: (err, context) => captured.push({ err, context }), flush: async () => undefined },
    startedAtMs: Date.now(),
    textLogs,
  });
  http = createHttpServer({ handler, logger, registry, requestTimeoutMs: 5_000 });
  await new Promise<void>((resolve) => http?.server.listen(0, '127.0.0.1', resolve));
  return { port: (http.server.address() as AddressInfo).port, logs, captured };
}

describe('unexpected errors', () => {
  it('answer 500, are counted, logged with their stack and sent to the tracker', async () => {
    const { port, logs, captured } = await serve(async () => {
      throw new Error('disk on fire');
    });
    const res = await get(port, '/index.html');
    expect(res.status).toBe(500);
    expect(res.body.toString()).toBe('500 Internal Server Error\n');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-dash-server']).toBe('1');

    expect(captured).toHaveLength(1);
    expect((captured[0]?.err as Error).message).toBe('disk on fire');
    expect(captured[0]?.context).toEqual({ method: 'GET', path: '/index.html' });

    const errorLine = logs.lines.find((l) => l.level === 'error') as Record<string, unknown>;
    expect(errorLine.message).toBe('request failed');
    expect((errorLine.err as { stack: string }).stack).toContain('Error: disk on fire\n    at ');

    const metrics = json(await get(port, '/metrics')) as { counters: Record<string, number> };
    expect(metrics.counters.errors_total).toBe(1);
    expect(metrics.counters['http_requests_total{route=page,status=500}']).toBe(1);
  });
});

describe('access lines in text mode', () => {
  it('are one readable line: method, path, status, bytes, ms', async () => {
    const { port, logs } = await serve(async () => undefined, true);
    await get(port, '/health?probe=live');
    const line = logs.lines.find((l) => typeof l.message === 'string' && l.message.startsWith('GET '));
    expect(line?.message).toMatch(/^GET \/health 200 \d+ B [\d.]+ ms$/);
  });
});
