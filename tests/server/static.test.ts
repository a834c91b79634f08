import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/server/file-store.js';
import { acceptedEncodings, isNotModified } from '../../src/server/static.js';

describe('acceptedEncodings', () => {
  it.each([
    [undefined, []],
    ['gzip, deflate, br', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0, gzip', ['gzip']],
    ['identity', []],
    ['BR;Q=1', ['br']],
  ])('%s → %j', (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
  });
});

describe('isNotModified', () => {
  const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
  const mtime = new Date('2024-05-01T10:00:00.700Z');
  it('compares ETags weakly over a list, If-None-Match first', () => {
    expect(isNotModified(req({ 'if-none-match': '"a", "b"' }), '"b"', mtime)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': 'W/"b"' }), '"b"', mtime)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': '*' }), '"b"', mtime)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': '"a"', 'if-modified-since': 'Wed, 01 May 2024 10:00:00 GMT' }), '"b"', mtime)).toBe(false);
  });
  it('honours If-Modified-Since at one-second resolution', () => {
    expect(isNotModified(req({ 'if-modified-since': 'Wed, 01 May 2024 10:00:00 GMT' }), '"b"', mtime)).toBe(true);
    expect(isNotModified(req({ 'if-modified-since': 'Wed, 01 May 2024 09:59:59 GMT' }), '"b"', mtime)).toBe(false);
    expect(isNotModified(req({ 'if-modified-since': 'yesterday' }), '"b"', mtime)).toBe(false);
    expect(isNotModified(req({}), '"b"', mtime)).toBe(false);
  });
});

describe('FileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dash-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('confines every path to its root by real path: a symlinked folder leading out is "not found"', async () => {
    const site = join(dir, 'site');
    mkdirSync(join(site, 'inner'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    writeFileSync(join(site, 'inner', 'page.html'), 'page');
    symlinkSync(dir, join(site, 'out'), 'dir');
    symlinkSync(join(site, 'inner'), join(site, 'alias'), 'dir');
    const store = new FileStore(site, { statTtlMs: 1000, maxFileBytes: 1024, maxTotalBytes: 4096 });
    await expect(store.lstat(join(site, 'out', 'secret.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(store.lstat(join(site, 'out', 'site', 'inner', 'page.html'))).resolves.toMatchObject({ size: 4 });
    await expect(store.lstat(join(site, 'alias', 'page.html'))).resolves.toMatchObject({ size: 4 });
    await expect(store.lstat(join(site, 'inner', 'page.html'))).resolves.toMatchObject({ size: 4 });
    await expect(store.lstat(join(site, 'x'.repeat(300)))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reuses stat results, including "not found", for the TTL only', async () => {
    let clock = 0;
    const store = new FileStore(dir, { statTtlMs: 1000, maxFileBytes: 1024, maxTotalBytes: 4096 }, () => clock);
    const path = join(dir, 'a.txt');
    await expect(store.lstat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    writeFileSync(path, 'hello');
    clock = 999;
    await expect(store.lstat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    clock = 1000;
    expect((await store.lstat(path)).size).toBe(5);
  });

  it('gives content ETags, equal for equal bytes whatever the mtime', async () => {
    const store = new FileStore(dir, { statTtlMs: 0, maxFileBytes: 1024, maxTotalBytes: 4096 });
    writeFileSync(join(dir, 'a.txt'), 'same');
    writeFileSync(join(dir, 'b.txt'), 'same');
    utimesSync(join(dir, 'b.txt'), new Date(0), new Date(0));
    writeFileSync(join(dir, 'c.txt'), 'other');
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(async (n) => store.load(join(dir, `${n}.txt`), await store.lstat(join(dir, `${n}.txt`)))));
    expect(a?.etag).toBe(b?.etag);
    expect(a?.etag).not.toBe(c?.etag);
    expect(a?.body?.toString()).toBe('same');
  });

  it('streams large files (no body kept) with an ETag from their content', async () => {
    const store = new FileStore(dir, { statTtlMs: 0, maxFileBytes: 10, maxTotalBytes: 100 });
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(50));
    writeFileSync(join(dir, 'big2.txt'), 'x'.repeat(50));
    const one = await store.load(join(dir, 'big.txt'), await store.lstat(join(dir, 'big.txt')));
    const two = await store.load(join(dir, 'big2.txt'), await store.lstat(join(dir, 'big2.txt')));
    expect(one.body).toBeUndefined();
    expect(one.etag).toBe(two.etag);
  });

  it('refuses a file replaced since it was stat-ed, then sees the new version', async () => {
    const store = new FileStore(dir, { statTtlMs: 60_000, maxFileBytes: 1024, maxTotalBytes: 4096 });
    const path = join(dir, 'page.html');
    writeFileSync(path, 'old');
    const stale = await store.lstat(path);
    rmSync(path);
    writeFileSync(path, 'newer');
    await expect(store.load(path, stale)).rejects.toMatchObject({ code: 'ECHANGED' });
    const fresh = await store.lstat(path);
    expect(fresh.size).toBe(5);
    expect((await store.load(path, fresh)).body?.toString()).toBe('newer');
  });

  it('evicts the least recently used bodies beyond the memory budget', async () => {
    const store = new FileStore(dir, { statTtlMs: 60_000, maxFileBytes: 100, maxTotalBytes: 250 });
    for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, n), n.repeat(100));
    const load = async (n: string) => store.load(join(dir, n), await store.lstat(join(dir, n)));
    const a = await load('a');
    const b = await load('b');
    expect(await load('a')).toBe(a); // a is now the most recent
    await load('c'); // over budget: b, the least recent, goes
    expect(await load('a')).toBe(a);
    const reloaded = await load('b');
    expect(reloaded).not.toBe(b);
    expect(reloaded.body?.toString()).toBe('b'.repeat(100));
  });
});
