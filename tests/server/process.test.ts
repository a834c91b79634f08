// `dash serve` as a real child process (the compiled CLI in lib/, built by `npm test`): start-up line, JSON
// logs, graceful SIGTERM with a request in flight, and two cluster workers whose figures add up.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
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
  // 'close', not 'exit': cluster workers write to the same stdout, and every line they wrote has been read
  // only once the last of them has closed it.
  const exit = new Promise<number | null>((resolve) => proc.once('close', (code) => resolve(code)));
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

type Metrics = { counters: Record<string, number>; gauges: Record<string, number> };

/** Asks /metrics until `ready` accepts the answer (no clock involved: the test's own timeout bounds it). */
async function metricsWhen(port: number, ready: (m: Metrics) => boolean): Promise<Metrics> {
  for (;;) {
    const m = json(await get(port, '/metrics?format=json')) as Metrics;
    if (ready(m)) return m;
  }
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

  it.each([1, 2])('on a port already in use prints one line with a free port to use instead and exits 1 (%i worker(s))', async (workers) => {
    fixture = makeSite();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const proc = spawn(process.execPath, [DASH, 'serve', '--port', String(port), '--workers', String(workers), '--out', fixture.paths.out, '--cache', fixture.paths.cache], {
        env: { PATH: process.env.PATH, DASH_ENV: 'production', DASH_HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise((resolve) => proc.once('close', resolve));
      expect(code).toBe(1);
      const suggested = /choose another with `dash serve --port (\d+)` or DASH_PORT\n$/.exec(stderr);
      expect(stderr).toBe(`dash: serve: port ${port} on 127.0.0.1 is already in use (EADDRINUSE); choose another with \`dash serve --port ${suggested?.[1]}\` or DASH_PORT\n`);
      expect(Number(suggested?.[1])).toBeGreaterThan(port);
      expect(stdout).not.toContain('listening');
    } finally {
      taken.close();
    }
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
    // Counters a scraper alerts on exist at 0 before anything happened.
    const first = json(await get(dash.port, '/metrics?format=json')) as Metrics;
    expect([first.counters.errors_total, first.counters.cache_hits, first.counters['http_response_bytes_total{route=asset}']]).toEqual([0, 0, 0]);

    // New connections are dealt round-robin, so both workers answer some of these.
    const N = 12;
    for (let i = 0; i < N; i++) expect((await get(dash.port, '/about.html')).status).toBe(200);
    await dash.waitFor((l) => l.message === 'request' && dash.lines.filter((x) => x.path === '/about.html').length === N);
    const byWorker = new Map<unknown, number>();
    for (const l of dash.lines.filter((x) => x.path === '/about.html')) byWorker.set(l.worker, (byWorker.get(l.worker) ?? 0) + 1);
    expect(byWorker.size).toBe(2);

    // The worker answering /metrics waits a bounded time for the other's counts; on a loaded machine they may
    // come with a later answer (or the 5 s tick), so ask until they are in. Totals never overshoot.
    let metrics = await metricsWhen(dash.port, (m) => (m.counters['http_requests_total{route=page,status=200}'] ?? 0) >= N);
    expect(metrics.counters['http_requests_total{route=page,status=200}']).toBe(N);
    expect(metrics.counters['http_response_bytes_total{route=page}']).toBe(N * fixture.files.about.length);
    expect(metrics.gauges.dash_workers).toBe(2);

    // Kill the worker that answered first; its counts were already handed to the primary.
    const victim = dash.lines.find((l) => l.path === '/about.html') as Record<string, unknown>;
    const cpuBefore = metrics.gauges.process_cpu_seconds_total as number;
    process.kill(victim.pid as number, 'SIGKILL');
    const died = await dash.waitFor((l) => l.message === 'worker died; starting a replacement');
    expect(died).toMatchObject({ level: 'error', worker: victim.worker, signal: 'SIGKILL' });
    // A counter never falls: the dead worker's CPU time stays in the total (asked before its replacement runs).
    const cpuAfter = (json(await get(dash.port, '/metrics?format=json')) as Metrics).gauges.process_cpu_seconds_total as number;
    expect(cpuAfter).toBeGreaterThanOrEqual(cpuBefore);

    // Its replacement is announced once it listens; only then is every worker ready for a graceful stop.
    await dash.waitFor((l) => l.message === 'replacement worker listening');
    for (let i = 0; i < 3; i++) expect((await get(dash.port, '/')).status).toBe(200);
    metrics = await metricsWhen(dash.port, (m) => (m.counters['http_requests_total{route=page,status=200}'] ?? 0) >= N + 3);
    expect(metrics.counters['http_requests_total{route=page,status=200}']).toBe(N + 3);
    expect(metrics.gauges.dash_workers).toBe(2);

    const prom = (await get(dash.port, '/metrics', { Accept: 'text/plain' })).body.toString();
    expect(prom).toContain(`dash_http_requests_total{route="page",status="200"} ${N + 3}\n`);
    expect(prom).toContain('dash_workers 2\n');

    // A worker stopped by SIGTERM alone exits 0: logged as information, not as an error, and replaced.
    const survivor = dash.lines.find((l) => l.message === 'request' && l.worker !== victim.worker && l.pid !== victim.pid) as Record<string, unknown>;
    process.kill(survivor.pid as number, 'SIGTERM');
    const graceful = await dash.waitFor((l) => l.message === 'worker stopped gracefully; starting a replacement');
    expect(graceful).toMatchObject({ level: 'info', worker: survivor.worker, code: 0, signal: null });
    expect(dash.lines.filter((l) => l.level === 'error' && l.worker === survivor.worker)).toEqual([]);
    await dash.waitFor((l) => l.message === 'replacement worker listening' && l.worker !== dash.lines.find((x) => x.message === 'replacement worker listening')?.worker);

    dash.proc.kill('SIGTERM');
    expect(await dash.exit).toBe(0);
    // The primary and every worker but the killed one stopped gracefully: the one stopped alone, then both live ones.
    const stopped = dash.lines.filter((l) => l.message === 'stopped');
    expect(stopped.map((l) => (l.worker === undefined ? 'primary' : 'worker')).sort()).toEqual(['primary', 'worker', 'worker', 'worker']);
    expect(stopped.some((l) => l.pid === victim.pid)).toBe(false);
  });
});
