// `dash serve` as a real child process (the compiled CLI in lib/, built by `npm test`): start-up line, JSON
// logs, graceful SIGTERM with a request in flight, and two cluster workers whose figures add up.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { get, json, makeSite, type SiteFixture } from './fixture.js';

const DASH = fileURLToPath(new URL('../../bin/dash.js', import.meta.url));

interface Child {
  proc: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: string[];
  port: number;
  exit: Promise<number | null>;
  /** Resolves with the first log line the predicate accepts (already logged or still to come). */
  waitFor(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

let fixture: SiteFixture | undefined;
let running: Child | undefined;

afterEach(async () => {
  if (running && running.proc.exitCode === null && running.proc.signalCode === null) {
    running.proc.kill('SIGKILL');
    await running.exit;
  }
  running = undefined;
  fixture?.cleanup();
  fixture = undefined;
});

async function startDash(site: SiteFixture, args: string[] = [], env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, [DASH, 'serve', '--port', '0', '--out', site.paths.out, '--cache', site.paths.cache, '--datasets', site.paths.datasets, ...args], {
    cwd: site.dir,
    env: { PATH: process.env.PATH, DASH_ENV: 'production', DASH_HOST: '127.0.0.1', DASH_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters: { test: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  let buffered = '';
  proc.stdout?.on('data', (d: Buffer) => {
    buffered += d.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) !== -1) {
      const line = JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>;
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  proc.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const waitFor = (test: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
    const seen = lines.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      waiters.push({ test, resolve });
      void exit.then((code) => reject(new Error(`dash serve exited (${code}) first:\n${stderr.join('')}`)));
    });
  };
  const started = await waitFor((l) => typeof l.url === 'string');
  const port = Number(new URL(started.url as string).port);
  running = { proc, lines, stderr, port, exit, waitFor };
  return running;
}

describe('dash serve (child process)', () => {
  it('logs its start-up URL and one JSON access line per request in production', async () => {
    fixture = makeSite();
    const dash = await startDash(fixture);
    const start = dash.lines.find((l) => typeof l.url === 'string') as Record<string, unknown>;
    expect(start).toMatchObject({ level: 'info', name: 'dash.serve', message: `dash serve listening on http://127.0.0.1:${dash.port}`, workers: 1 });
    expect(start.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await get(dash.port, '/about.html')).status).toBe(200);
    const access = await dash.waitFor((l) => l.message === 'request');
    expect(access).toMatchObject({ level: 'info', name: 'dash.serve', method: 'GET', path: '/about.html', status: 200, bytes: fixture.files.about.length });
    dash.proc.kill('SIGTERM');
    expect(await dash.exit).toBe(0);
  });

  it('fails at start-up with exit 2 and a clear message for an invalid setting', async () => {
    fixture = makeSite();
    const proc = spawn(process.execPath, [DASH, 'serve', '--out', fixture.paths.out], {
      env: { PATH: process.env.PATH, DASH_PORT: 'eighty', DASH_WORKERS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => proc.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('DASH_PORT must be a whole number from 0 to 65535 (found "eighty")');
    expect(stderr).toContain('DASH_WORKERS must be a whole number from 1 to');
  });

  it('on SIGTERM refuses new connections, finishes the request in flight and exits 0', async () => {
    fixture = makeSite();
    // Larger than the loopback socket buffers, so the response cannot be done before the client reads.
    const big = randomFillSync(Buffer.alloc(48 * 2 ** 20));
    writeFileSync(join(fixture.paths.out, 'big.bin'), big);
    const dash = await startDash(fixture);

    const received: Buffer[] = [];
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      request({ host: '127.0.0.1', port: dash.port, path: '/big.bin', agent: false }, resolve).on('error', reject).end();
    });
    response.pause();
    expect(response.statusCode).toBe(200);

    dash.proc.kill('SIGTERM');
    await dash.waitFor((l) => typeof l.message === 'string' && l.message.startsWith('shutting down'));
    // The listener is closed: a new connection is refused while the old response is still going.
    await expect(get(dash.port, '/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(dash.lines.some((l) => l.message === 'stopped')).toBe(false);

    const body = await new Promise<Buffer>((resolve, reject) => {
      response.on('data', (c: Buffer) => received.push(c));
      response.on('end', () => resolve(Buffer.concat(received)));
      response.on('error', reject);
      response.resume();
    });
    expect(body.length).toBe(big.length);
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(big).digest('hex'));
    expect(await dash.exit).toBe(0);
    const access = dash.lines.find((l) => l.message === 'request' && l.path === '/big.bin');
    expect(access).toMatchObject({ status: 200, bytes: big.length });
  });

  it('with two workers, /metrics adds up both and a dead worker is replaced', async () => {
    fixture = makeSite();
    const dash = await startDash(fixture, ['--workers', '2']);
    expect(dash.lines.find((l) => typeof l.url === 'string')?.workers).toBe(2);

    // New connections are dealt round-robin, so both workers answer some of these.
    const N = 12;
    for (let i = 0; i < N; i++) expect((await get(dash.port, '/about.html')).status).toBe(200);
    await dash.waitFor((l) => l.message === 'request' && dash.lines.filter((x) => x.path === '/about.html').length === N);
    const byWorker = new Map<unknown, number>();
    for (const l of dash.lines.filter((x) => x.path === '/about.html')) byWorker.set(l.worker, (byWorker.get(l.worker) ?? 0) + 1);
    expect(byWorker.size).toBe(2);

    let metrics = json(await get(dash.port, '/metrics')) as { counters: Record<string, number>; gauges: Record<string, number> };
    expect(metrics.counters['http_requests_total{route=page,status=200}']).toBe(N);
    expect(metrics.counters['http_response_bytes_total{route=page}']).toBe(N * fixture.files.about.length);
    expect(metrics.gauges.dash_workers).toBe(2);

    // Kill the worker that answered first; its counts were already handed to the primary.
    const victim = dash.lines.find((l) => l.path === '/about.html') as Record<string, unknown>;
    process.kill(victim.pid as number, 'SIGKILL');
    const died = await dash.waitFor((l) => l.message === 'worker died; starting a replacement');
    expect(died).toMatchObject({ level: 'error', worker: victim.worker, signal: 'SIGKILL' });

    for (let i = 0; i < 3; i++) expect((await get(dash.port, '/')).status).toBe(200);
    do {
      metrics = json(await get(dash.port, '/metrics?format=json')) as typeof metrics;
    } while (metrics.gauges.dash_workers !== 2);
    expect(metrics.counters['http_requests_total{route=page,status=200}']).toBe(N + 3);

    const prom = (await get(dash.port, '/metrics', { Accept: 'text/plain' })).body.toString();
    expect(prom).toContain(`dash_http_requests_total{route="page",status="200"} ${N + 3}\n`);
    expect(prom).toContain('dash_workers 2\n');

    dash.proc.kill('SIGTERM');
    expect(await dash.exit).toBe(0);
    expect(dash.lines.filter((l) => l.message === 'stopped').length).toBeGreaterThanOrEqual(3);
  });
});
