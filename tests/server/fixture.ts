import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Paths, Settings } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startSite, type RunningSite } from '../../src/server/site-server.js';

/** A small built site and cache folder, made per test so nothing depends on `dash build`. */
export interface SiteFixture {
  dir: string;
  paths: Paths;
  files: {
    index: string;
    asset: string;
    assetPath: string;
    about: string;
    data: string;
    secret: string;
  };
  cleanup(): void;
}

export const ASSET_PATH = '/assets/app.0123abcd9f.js';
export const CACHE_SIZES = { equipment: 1200, bases: 800, healthcare: 1500, ecg: 640 } as const;

export function makeSite(): SiteFixture {
  const dir = mkdtempSync(join(tmpdir(), 'dash-serve-'));
  const out = join(dir, 'dist');
  const cache = join(dir, 'data_cache');
  const datasets = join(dir, 'datasets');
  mkdirSync(join(out, 'assets'), { recursive: true });
  mkdirSync(join(out, 'docs'), { recursive: true });
  mkdirSync(cache, { recursive: true });

  const index = `<!doctype html><html><head><title>dash</title><script type="module" src="assets/app.0123abcd9f.js"></script></head><body>${'<p>overview</p>'.repeat(100)}</body></html>`;
  const asset = `export const answer = 42;\n${'console.log("chart");\n'.repeat(200)}`;
  const about = '<!doctype html><title>about</title><p>about</p>';
  const data = JSON.stringify({ rows: [1, 2, 3] });
  const write = (path: string, content: string, compress = true): void => {
    writeFileSync(join(out, path), content);
    if (compress) {
      writeFileSync(join(out, `${path}.gz`), gzipSync(content));
      writeFileSync(join(out, `${path}.br`), brotliCompressSync(content));
    }
  };
  write('index.html', index);
  write(ASSET_PATH.slice(1), asset);
  write('about.html', about, false);
  write('data.json', data, false);
  write('docs/index.html', '<!doctype html><title>docs</title>', false);
  writeFileSync(join(out, '.dash-site'), 'site\n');
  const secret = 'top secret outside the site\n';
  writeFileSync(join(dir, 'secret.txt'), secret);
  symlinkSync(join(dir, 'secret.txt'), join(out, 'leak.txt'));
  // A symlinked folder leading out of the site: `/outside/secret.txt` must never be served.
  symlinkSync(dir, join(out, 'outside'), 'dir');
  symlinkSync(join(dir, 'data_cache'), join(out, 'caches'), 'dir');

  writeFileSync(join(cache, 'equipment.parquet'), Buffer.alloc(CACHE_SIZES.equipment, 1));
  writeFileSync(join(cache, 'bases.parquet'), Buffer.alloc(CACHE_SIZES.bases, 1));
  writeFileSync(join(cache, 'healthcare.parquet'), Buffer.alloc(CACHE_SIZES.healthcare, 1));
  writeFileSync(join(cache, 'ecg_precomputed.json'), Buffer.alloc(CACHE_SIZES.ecg, 32));
  writeFileSync(join(cache, 'manifest.json'), '{"manifestVersion":1,"artefacts":{}}\n');

  return {
    dir,
    paths: { out, cache, datasets },
    files: { index, asset, assetPath: ASSET_PATH, about, data, secret },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    debug: false,
    logLevel: 'info',
    logFormat: 'json',
    workers: 1,
    requestTimeoutSeconds: 30,
    sentryDsn: undefined,
    sentryTracesRate: undefined,
    ...overrides,
  };
}

/** Collects log lines as parsed JSON objects. */
export class LogSink extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

/** A clock that moves only when told: uptime and the age of /health's snapshot without sleeping. */
export class ManualClock {
  constructor(public ms: number) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestServer {
  site: RunningSite;
  port: number;
  logs: LogSink;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The server under test started 12.345 s before its clock's now. */
export async function startTestServer(fixture: SiteFixture, settings: Partial<Settings> = {}): Promise<TestServer> {
  const logs = new LogSink();
  const logger = createLogger({ level: 'info', format: 'json', name: 'dash.serve', destination: logs });
  const clock = new ManualClock(Date.now());
  const site = await startSite({ settings: testSettings(settings), paths: fixture.paths, logger, startedAtMs: clock.ms - 12_345, now: clock.now });
  return {
    site,
    port: site.address.port,
    logs,
    clock,
    close: async () => {
      await site.http.shutdown(1_000);
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** http.request sends the path exactly as given (fetch would normalise `..` away). */
export function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Writes bytes on a bare TCP connection and returns everything the server sent until it closed. */
export function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

export const json = (r: RawResponse): Record<string, unknown> => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>;
