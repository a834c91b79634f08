import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEALTH_MAX_AGE_MS } from '../../src/server/health.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security.js';
import { CACHE_SIZES, get, json, makeSite, rawExchange, startTestServer, type SiteFixture, type TestServer } from './fixture.js';

let fixture: SiteFixture;
let server: TestServer;

beforeEach(async () => {
  fixture = makeSite();
  server = await startTestServer(fixture);
});

afterEach(async () => {
  await server.close();
  fixture.cleanup();
});

describe('/health', () => {
  it('is healthy (200) with the seed fields when the site and every cache are there', async () => {
    const res = await get(server.port, '/health');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = json(res);
    expect(Object.keys(body)).toEqual(['status', 'uptime_seconds', 'cache', 'cache_directory', 'data_available', 'all_caches_warm', 'sources', 'degraded_reasons']);
    expect(body).toMatchObject({
      status: 'healthy',
      cache: {
        equipment: { exists: true, size_bytes: CACHE_SIZES.equipment },
        bases: { exists: true, size_bytes: CACHE_SIZES.bases },
        healthcare: { exists: true, size_bytes: CACHE_SIZES.healthcare },
        ecg: { exists: true, size_bytes: CACHE_SIZES.ecg },
      },
      cache_directory: true,
      // The fixture has no raw datasets: informational only, still healthy.
      data_available: false,
      all_caches_warm: true,
    });
    // The fixture server started 12.345 s before its clock's now; rounded to 0.1 s as the seed does.
    expect(body.uptime_seconds).toBe(12.3);
    server.clock.advance(2_000);
    expect(json(await get(server.port, '/health')).uptime_seconds).toBe(14.3);
  });

  it('reuses its file-system look for HEALTH_MAX_AGE_MS: a removed cache shows as degraded once that has passed', async () => {
    expect((await get(server.port, '/health')).status).toBe(200);
    rmSync(join(fixture.paths.cache, 'equipment.parquet'));
    server.clock.advance(HEALTH_MAX_AGE_MS - 1);
    const cached = await get(server.port, '/health');
    expect([cached.status, (json(cached).cache as Record<string, unknown>).equipment]).toEqual([200, { exists: true, size_bytes: CACHE_SIZES.equipment }]);
    // Uptime moves on with the clock even while the file-system facts are reused.
    expect(json(cached).uptime_seconds).toBe(13.3);

    server.clock.advance(1);
    const fresh = await get(server.port, '/health');
    expect([fresh.status, json(fresh).status, (json(fresh).cache as Record<string, unknown>).equipment]).toEqual([503, 'degraded', { exists: false, size_bytes: 0 }]);

    writeFileSync(join(fixture.paths.cache, 'equipment.parquet'), 'back');
    server.clock.advance(HEALTH_MAX_AGE_MS);
    expect(json(await get(server.port, '/health'))).toMatchObject({ status: 'healthy', cache: { equipment: { exists: true, size_bytes: 4 } } });
  });

  it('reports data_available when the datasets folder exists', async () => {
    mkdirSync(fixture.paths.datasets);
    expect(json(await get(server.port, '/health')).data_available).toBe(true);
  });

  it('is degraded (503) when a cache is removed, naming it', async () => {
    rmSync(join(fixture.paths.cache, 'bases.parquet'));
    const res = await get(server.port, '/health');
    expect(res.status).toBe(503);
    const body = json(res);
    expect(body.status).toBe('degraded');
    expect(body.all_caches_warm).toBe(false);
    expect((body.cache as Record<string, unknown>).bases).toEqual({ exists: false, size_bytes: 0 });
    expect((body.cache as Record<string, unknown>).equipment).toEqual({ exists: true, size_bytes: CACHE_SIZES.equipment });
  });

  it('is degraded when a cache is empty or a folder stands in its place', async () => {
    writeFileSync(join(fixture.paths.cache, 'ecg_precomputed.json'), '');
    let body = json(await get(server.port, '/health'));
    expect([body.status, body.all_caches_warm]).toEqual(['degraded', false]);
    expect((body.cache as Record<string, unknown>).ecg).toEqual({ exists: true, size_bytes: 0 });

    writeFileSync(join(fixture.paths.cache, 'ecg_precomputed.json'), '{}');
    rmSync(join(fixture.paths.cache, 'healthcare.parquet'));
    mkdirSync(join(fixture.paths.cache, 'healthcare.parquet'));
    server.clock.advance(HEALTH_MAX_AGE_MS);
    body = json(await get(server.port, '/health'));
    expect(body.status).toBe('degraded');
    expect((body.cache as Record<string, unknown>).healthcare).toEqual({ exists: false, size_bytes: 0 });
  });

  it('is degraded when the site is missing, and when the cache folder is', async () => {
    rmSync(join(fixture.paths.out, 'index.html'));
    let res = await get(server.port, '/health');
    expect([res.status, json(res).status, json(res).all_caches_warm]).toEqual([503, 'degraded', true]);

    writeFileSync(join(fixture.paths.out, 'index.html'), 'back');
    rmSync(fixture.paths.cache, { recursive: true });
    server.clock.advance(HEALTH_MAX_AGE_MS);
    res = await get(server.port, '/health');
    expect(res.status).toBe(503);
    expect(json(res)).toMatchObject({ status: 'degraded', cache_directory: false, all_caches_warm: false });
  });

  it('answers liveness (?probe=live and /healthz) with 200 even when degraded', async () => {
    rmSync(fixture.paths.cache, { recursive: true });
    for (const path of ['/health?probe=live', '/healthz']) {
      const res = await get(server.port, path);
      expect(res.status).toBe(200);
      expect(json(res)).toEqual({ status: 'alive', uptime_seconds: 12.3 });
    }
    expect((await get(server.port, '/health')).status).toBe(503);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await get(server.port, '/health', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(100);
  });
});

/** manifest.json recording each cache's source, as `dash build` writes it. */
function recordSources(sources: Record<string, string>): void {
  const artefacts = Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, { source }]));
  writeFileSync(join(fixture.paths.cache, 'manifest.json'), JSON.stringify({ manifestVersion: 1, artefacts }));
}

describe('/health and /metrics name each cache\'s source', () => {
  const mixed = { equipment: 'full', bases: 'demo', healthcare: 'sample', ecg: 'demo' };

  it('outside production, demo caches are named but healthy', async () => {
    recordSources(mixed);
    const body = json(await get(server.port, '/health'));
    expect(body.sources).toEqual(mixed);
    expect([body.status, body.degraded_reasons]).toEqual(['healthy', []]);
  });

  it('in production, a demo cache makes /health degraded (503), naming it', async () => {
    await server.close();
    server = await startTestServer(fixture, { env: 'production' });
    recordSources(mixed);
    const res = await get(server.port, '/health');
    expect(res.status).toBe(503);
    expect(json(res)).toMatchObject({ status: 'degraded', sources: mixed, degraded_reasons: ['demo data in production: bases, ecg'] });
    recordSources({ equipment: 'full', bases: 'full', healthcare: 'sample', ecg: 'full' });
    server.clock.advance(HEALTH_MAX_AGE_MS);
    expect((await get(server.port, '/health')).status).toBe(200);
  });

  it('/metrics has dash_dataset_source{dataset,source}, 1 for the source of each cache', async () => {
    recordSources(mixed);
    const text = (await get(server.port, '/metrics?format=prometheus')).body.toString('utf8');
    expect(text.match(/^# TYPE dash_dataset_source gauge$/gm)).toHaveLength(1);
    const ones = text.split('\n').filter((l) => l.startsWith('dash_dataset_source{') && l.endsWith(' 1'));
    expect(ones).toEqual([
      'dash_dataset_source{dataset="equipment",source="full"} 1',
      'dash_dataset_source{dataset="bases",source="demo"} 1',
      'dash_dataset_source{dataset="healthcare",source="sample"} 1',
      'dash_dataset_source{dataset="ecg",source="demo"} 1',
    ]);
    expect(text.split('\n').filter((l) => l.startsWith('dash_dataset_source{'))).toHaveLength(12);
    const gauges = (json(await get(server.port, '/metrics')) as { gauges: Record<string, number> }).gauges;
    expect(gauges['dash_dataset_source{dataset=bases,source=demo}']).toBe(1);
    expect(gauges['dash_dataset_source{dataset=bases,source=full}']).toBe(0);
  });
});

describe('/metrics', () => {
  it('counts the requests made, by route and status, in the seed JSON', async () => {
    for (let i = 0; i < 3; i++) await get(server.port, '/');
    await get(server.port, fixture.files.assetPath);
    await get(server.port, '/missing.html');
    await get(server.port, '/health');
    const etag = (await get(server.port, '/about.html')).headers.etag as string;
    await get(server.port, '/about.html', { 'If-None-Match': etag });
    await get(server.port, '/index.html', { Range: 'bytes=0-9' });

    const res = await get(server.port, '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = json(res) as { counters: Record<string, number>; histograms: Record<string, Record<string, number>>; gauges: Record<string, number> };
    expect(Object.keys(body)).toEqual(['counters', 'histograms', 'gauges']);
    const c = body.counters;
    expect(c['http_requests_total{route=page,status=200}']).toBe(4);
    expect(c['http_requests_total{route=page,status=304}']).toBe(1);
    expect(c['http_requests_total{route=page,status=206}']).toBe(1);
    expect(c['http_requests_total{route=page,status=404}']).toBe(1);
    expect(c['http_requests_total{route=asset,status=200}']).toBe(1);
    expect(c['http_requests_total{route=health,status=200}']).toBe(1);
    // The /metrics request itself is counted once it has been answered.
    expect(c['http_requests_total{route=metrics,status=200}']).toBeUndefined();
    expect(c.cache_hits).toBe(1);
    expect(c.cache_misses).toBe(6);
    expect(c['http_response_bytes_total{route=page}']).toBe(3 * fixture.files.index.length + fixture.files.about.length + 10 + '404 Not Found\n'.length);
    expect(c['http_response_bytes_total{route=asset}']).toBe(fixture.files.asset.length);

    const h = body.histograms['http_request_duration_seconds{route=page}'] as Record<string, number>;
    expect(Object.keys(h)).toEqual(['count', 'sum', 'min', 'max', 'avg']);
    expect(h.count).toBe(7);
    expect(h.min).toBeLessThanOrEqual(h.avg as number);
    expect(h.avg).toBeLessThanOrEqual(h.max as number);
    expect(h.avg).toBeCloseTo((h.sum as number) / 7, 5);
    expect(body.gauges.dash_workers).toBe(1);
    expect(body.gauges.process_resident_memory_bytes).toBeGreaterThan(10 * 2 ** 20);

    const again = json(await get(server.port, '/metrics')) as typeof body;
    expect(again.counters['http_requests_total{route=metrics,status=200}']).toBe(1);
  });

  it('speaks the Prometheus text format on Accept: text/plain and ?format=prometheus', async () => {
    await get(server.port, '/');
    await get(server.port, '/');
    await get(server.port, '/nope.txt');
    const viaAccept = await get(server.port, '/metrics', { Accept: 'text/plain;version=0.0.4;q=0.5,*/*;q=0.1' });
    expect(viaAccept.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = viaAccept.body.toString();
    expect(text).toContain('# TYPE dash_http_requests_total counter\n');
    expect(text).toContain('dash_http_requests_total{route="page",status="200"} 2\n');
    expect(text).toContain('dash_http_requests_total{route="file",status="404"} 1\n');
    expect(text).toContain('dash_cache_misses_total 2\n');
    expect(text).toContain('dash_http_request_duration_seconds_count{route="page"} 2\n');
    expect(text).toContain('dash_http_request_duration_seconds_bucket{route="page",le="+Inf"} 2\n');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total [\d.]+$/m);
    expect(text).toContain('dash_workers 1\n');

    const viaQuery = (await get(server.port, '/metrics?format=prometheus')).body.toString();
    // The first /metrics request is now counted too.
    expect(viaQuery).toContain('dash_http_requests_total{route="metrics",status="200"} 1\n');
  });
});

describe('site files', () => {
  it('serves / as index.html with security headers and revalidation caching', async () => {
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(fixture.files.index);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(res.headers.vary).toBe('Accept-Encoding');
  });

  it('replays a repeated answer from memory with the same head, security headers included', async () => {
    const first = await get(server.port, '/about.html');
    const again = await get(server.port, '/about.html');
    const drop = (h: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'date' && k !== 'connection' && k !== 'keep-alive'));
    expect(again.body.toString()).toBe(fixture.files.about);
    expect(drop(again.headers)).toEqual(drop(first.headers));
    expect(again.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(again.headers['x-dash-server']).toBe('1');
    expect(Number(again.headers['content-length'])).toBe(fixture.files.about.length);
  });

  it('answers readiness with the security headers, a JSON type and its length, on GET and HEAD', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await get(server.port, '/health', {}, method);
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect([res.headers['x-dash-server'], res.headers['content-type'], res.headers['cache-control']]).toEqual(['1', 'application/json; charset=utf-8', 'no-store']);
      expect(res.body.length).toBe(method === 'GET' ? Number(res.headers['content-length']) : 0);
    }
  });

  it('serves a folder URL as its index.html', async () => {
    const res = await get(server.port, '/docs/');
    expect([res.status, res.body.toString()]).toEqual([200, '<!doctype html><title>docs</title>']);
  });

  it('serves clean URLs as static hosts do: /about is about.html, and about.html stays valid without a redirect', async () => {
    const clean = await get(server.port, '/about');
    const html = await get(server.port, '/about.html');
    expect([clean.status, clean.body.toString(), clean.headers['content-type']]).toEqual([200, fixture.files.about, 'text/html; charset=utf-8']);
    expect([html.status, html.body.toString()]).toEqual([200, fixture.files.about]);
    expect((await get(server.port, '/about?state=CA')).body.toString()).toBe(fixture.files.about);
    expect((await get(server.port, '/docs/index')).status).toBe(200);
    expect((await get(server.port, '/missing')).status).toBe(404);
    const c = (json(await get(server.port, '/metrics')) as { counters: Record<string, number> }).counters;
    expect(c['http_requests_total{route=page,status=200}']).toBe(4);
  });

  it("answers a browser's 404 with the site's 404.html, its links based at the site root at any depth", async () => {
    const page = '<!doctype html><html><head><title>Page not found</title></head><body><a href="index.html">home</a></body></html>';
    writeFileSync(join(fixture.paths.out, '404.html'), page);
    const browser = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const top = await get(server.port, '/equipmnt.html', browser);
    expect([top.status, top.headers['content-type'], top.headers['cache-control'], top.body.toString()]).toEqual([404, 'text/html; charset=utf-8', 'no-cache', page]);
    expect(top.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const deep = await get(server.port, '/a/b/missing', browser);
    expect(deep.status).toBe(404);
    expect(deep.body.toString()).toContain('<head>\n<base href="../../"><title>');
    expect(Number(deep.headers['content-length'])).toBe(deep.body.length);
    const head = await get(server.port, '/missing', browser, 'HEAD');
    expect([head.status, head.body.length]).toEqual([404, 0]);
    // Scripts, fetches and tools that do not ask for HTML keep the short text answer.
    const plain = await get(server.port, '/assets/gone.0123abcd9f.js');
    expect([plain.status, plain.body.toString()]).toEqual([404, '404 Not Found\n']);
  });

  it('caches content-hashed assets as immutable', async () => {
    const res = await get(server.port, fixture.files.assetPath);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.body.toString()).toBe(fixture.files.asset);
  });

  it('answers 304 to a current ETag or Last-Modified, and 200 to a stale one', async () => {
    const first = await get(server.port, '/about.html');
    const etag = first.headers.etag as string;
    const notModified = await get(server.port, '/about.html', { 'If-None-Match': `"other", ${etag}` });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect((await get(server.port, '/about.html', { 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await get(server.port, '/about.html', { 'If-None-Match': '"stale"' })).status).toBe(200);
    const lastModified = first.headers['last-modified'] as string;
    expect((await get(server.port, '/about.html', { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get(server.port, '/about.html', { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
  });

  it("sends the site's data tables (.dcl) precompressed, typed application/octet-stream", async () => {
    // `dash site` writes .br/.gz beside every .dcl over 1 KB; they are the site's largest files.
    const table = Buffer.from('DCL1'.repeat(2000));
    mkdirSync(join(fixture.paths.out, 'data'), { recursive: true });
    writeFileSync(join(fixture.paths.out, 'data', 'equipment.rows.0123456789.dcl'), table);
    writeFileSync(join(fixture.paths.out, 'data', 'equipment.rows.0123456789.dcl.br'), brotliCompressSync(table));
    const res = await get(server.port, '/data/equipment.rows.0123456789.dcl', { 'Accept-Encoding': 'br' });
    expect([res.status, res.headers['content-encoding'], res.headers['content-type'], res.headers.vary]).toEqual([200, 'br', 'application/octet-stream', 'Accept-Encoding']);
    expect(brotliDecompressSync(res.body).equals(table)).toBe(true);
  });

  it('sends the precompressed sibling the client accepts, brotli first, with its own ETag', async () => {
    const plain = await get(server.port, '/');
    const br = await get(server.port, '/', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(fixture.files.index);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(fixture.files.index.length / 4);

    const gz = await get(server.port, '/', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(fixture.files.index);

    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    for (const r of [plain, br, gz]) expect(r.headers.vary).toBe('Accept-Encoding');
    expect((await get(server.port, '/', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag as string })).status).toBe(304);
    // A file without siblings goes out as is.
    expect((await get(server.port, '/about.html', { 'Accept-Encoding': 'br' })).headers['content-encoding']).toBeUndefined();
  });

  it('replays a repeated answer with the same headers and bytes, and drops it when the file changes', async () => {
    const withoutDate = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'date'));
    const first = await get(server.port, '/data.json', { 'Accept-Encoding': 'gzip' });
    const second = await get(server.port, '/data.json', { 'Accept-Encoding': 'gzip' });
    expect(withoutDate(second.headers)).toEqual(withoutDate(first.headers));
    expect(second.body.toString()).toBe(fixture.files.data);
    expect((await get(server.port, '/data.json', {}, 'HEAD')).body.length).toBe(0);

    writeFileSync(join(fixture.paths.out, 'data.json.gz'), gzipSync('{"rows":[]}'));
    let changed = second;
    while (changed.headers['content-encoding'] !== 'gzip') changed = await get(server.port, '/data.json', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(changed.body).toString()).toBe('{"rows":[]}');
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers byte ranges', async () => {
    const res = await get(server.port, '/index.html', { Range: 'bytes=2-10' });
    expect(res.status).toBe(206);
    expect(res.body.toString()).toBe(fixture.files.index.slice(2, 11));
    expect(res.headers['content-range']).toBe(`bytes 2-10/${fixture.files.index.length}`);
  });

  it('shows a rebuilt file once the short stat cache has expired', async () => {
    writeFileSync(join(fixture.paths.out, 'fresh.json'), '{"v":1}');
    expect((await get(server.port, '/fresh.json')).body.toString()).toBe('{"v":1}');
    rmSync(join(fixture.paths.out, 'fresh.json'));
    writeFileSync(join(fixture.paths.out, 'fresh.json'), '{"v":22}');
    let body = '';
    while (body !== '{"v":22}') body = (await get(server.port, '/fresh.json')).body.toString();
    expect(body).toBe('{"v":22}');
  });
});

describe('hardening', () => {
  const secretSeen = (r: { body: Buffer }): boolean => r.body.toString().includes('top secret');

  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/leak.txt',
    '/%00/../secret.txt',
    '/outside/secret.txt',
    '/outside/dist/../secret.txt',
    '/%6futside/secret.txt',
    '/caches/manifest.json',
  ])('never serves a file outside the site: %s', async (path) => {
    const res = await get(server.port, path);
    expect([400, 404]).toContain(res.status);
    expect(secretSeen(res)).toBe(false);
  });

  it('sends the security headers with refusals, not-found answers and /metrics too', async () => {
    for (const path of ['/%2e%2e/secret.txt', '/missing.html', '/metrics']) {
      const res = await get(server.port, path);
      expect([path, res.headers['content-security-policy'], res.headers['x-content-type-options'], res.headers['x-dash-server']]).toEqual([path, CONTENT_SECURITY_POLICY, 'nosniff', '1']);
    }
  });

  it('refuses traversal sent raw on the wire with 400', async () => {
    const text = await rawExchange(server.port, 'GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(text.startsWith('HTTP/1.1 400 ')).toBe(true);
    expect(text).not.toContain('top secret');
  });

  it('lists no directories and hides dot-files', async () => {
    const listing = await get(server.port, '/assets/');
    expect(listing.status).toBe(404);
    expect(listing.body.toString()).not.toContain('app.0123abcd9f.js');
    expect((await get(server.port, '/assets')).status).toBe(404);
    expect((await get(server.port, '/.dash-site')).status).toBe(404);
    expect((await get(server.port, '/%2edash-site')).status).toBe(404);
  });

  it('answers other methods with 405 and an Allow header', async () => {
    for (const method of ['POST', 'DELETE', 'PUT']) {
      const res = await get(server.port, '/index.html', {}, method);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect([res.headers['content-security-policy'], res.headers['x-dash-server']]).toEqual([CONTENT_SECURITY_POLICY, '1']);
    }
  });

  it('answers 400 to malformed requests and bad escapes', async () => {
    expect((await rawExchange(server.port, 'GARBAGE\r\n\r\n')).startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect((await rawExchange(server.port, 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n')).startsWith('HTTP/1.1 400 ')).toBe(true);
    expect((await get(server.port, '/%E0%A4%A')).status).toBe(400);
    expect((await get(server.port, '/index.html%00.js')).status).toBe(400);
  });

  it('answers 414 to a huge request line and 431 to huge headers', async () => {
    const long = `/${'a'.repeat(9000)}`;
    expect((await get(server.port, long)).status).toBe(414);
    const huge = await rawExchange(server.port, `GET /${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(huge.startsWith('HTTP/1.1 414 URI Too Long\r\n')).toBe(true);
    const headers = await rawExchange(server.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(40_000)}\r\n\r\n`);
    expect(headers.startsWith('HTTP/1.1 431 ')).toBe(true);

    const metrics = json(await get(server.port, '/metrics')) as { counters: Record<string, number> };
    expect(metrics.counters['http_requests_total{route=invalid,status=414}']).toBe(1);
    expect(metrics.counters['http_client_errors_total{status=414}']).toBe(1);
    expect(metrics.counters['http_client_errors_total{status=431}']).toBe(1);
  });

  it('follows no symlinked folder out of the site, not even for a file it has served from inside before', async () => {
    const res = await get(server.port, '/outside/secret.txt', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(404);
    const manifest = await get(server.port, '/caches/manifest.json');
    expect([manifest.status, manifest.body.toString().includes('manifestVersion')]).toEqual([404, false]);
  });

  it('answers over-long paths and segments with 414 or 404, never 500, and nothing reaches console.error', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const statuses = [
        (await get(server.port, '/a'.repeat(3000))).status,
        (await get(server.port, '/a/'.repeat(1000))).status,
        (await get(server.port, `/${'s'.repeat(256)}.html`)).status,
        (await get(server.port, `/${encodeURIComponent('é'.repeat(128))}`)).status,
        (await get(server.port, `/${'d'.repeat(4097)}`)).status,
        // Under 4 KB as requested, but over PATH_MAX once joined to the site folder: the file system refuses it.
        (await get(server.port, `/${Array.from({ length: 20 }, () => 'p'.repeat(203)).join('/')}.js`)).status,
      ];
      for (const status of statuses) expect([404, 414]).toContain(status);
      expect(statuses).toEqual([414, 404, 414, 414, 414, 404]);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
    const metrics = json(await get(server.port, '/metrics')) as { counters: Record<string, number> };
    expect(metrics.counters.errors_total).toBe(0);
  });

  it.each([
    ['GET /index.html\r\n\r\n', 'HTTP/1.1 505 '],
    ['GET /index.html HTTP/0.9\r\nHost: x\r\n\r\n', 'HTTP/1.1 505 '],
    ['GET /index.html HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n', 'HTTP/1.1 505 '],
    ['GET /index.html HTTP/3.0\r\nHost: x\r\n\r\n', 'HTTP/1.1 505 '],
  ])('answers a request line of another HTTP version (%j) with 505, not the page', async (line, start) => {
    const text = await rawExchange(server.port, line);
    expect(text.startsWith(start)).toBe(true);
    expect(text).not.toContain('overview');
  });

  it('logs one access line per request with method, path, status, bytes and ms', async () => {
    await get(server.port, '/about.html');
    await get(server.port, '/nope.js');
    const access = server.logs.lines.filter((l) => l.message === 'request');
    expect(access.map((l) => [l.method, l.path, l.status, l.bytes])).toEqual([
      ['GET', '/about.html', 200, fixture.files.about.length],
      ['GET', '/nope.js', 404, '404 Not Found\n'.length],
    ]);
    for (const l of access) {
      expect(l.level).toBe('info');
      expect(l.name).toBe('dash.serve');
      expect(typeof l.ms).toBe('number');
      expect(l.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });
});

describe('timeouts', () => {
  it('closes a connection that never finishes its headers with 408', async () => {
    await server.close();
    server = await startTestServer(fixture, { requestTimeoutSeconds: 1 });
    const text = await rawExchange(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n');
    expect(text.startsWith('HTTP/1.1 408 Request Timeout\r\n')).toBe(true);
  });
});
