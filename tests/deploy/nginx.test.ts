import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/security.js';
import { cleanEnv, freePort, readRepoFile, run, sandbox } from './repo.js';

// deploy/nginx/dash-static.conf in the real nginx (Debian's, with its brotli_static module), serving a site that
// `dash build` wrote, side by side with `dash serve` on the same dist/: the same paths must get the same status,
// security headers, caching, type, encoding and bytes. Only what a static host cannot or need not say differs
// (see IGNORED).

const NGINX = '/usr/sbin/nginx';
const haveNginx = spawnSync(NGINX, ['-v']).error === undefined;

/**
 * Headers that legitimately differ: per-server bookkeeping; serve-handler's `Content-Disposition: inline` (the
 * default a browser assumes anyway); and x-dash-server, by which dash serve tells the Status page that it answers
 * /health and /metrics for the browser (behind nginx they are proxied, or absent).
 */
const IGNORED = new Set([
  'date',
  'server',
  'etag',
  'last-modified',
  'connection',
  'keep-alive',
  'accept-ranges',
  'content-length',
  'transfer-encoding',
  'content-disposition',
  'x-dash-server',
]);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function fetchRaw(port: number, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const kept: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (!IGNORED.has(k) && v !== undefined) kept[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

let dir: string;
let nginxPort: number;
let dashPort: number;
let nginx: ChildProcess | undefined;
let dash: ChildProcess | undefined;
let hashedScript: string;
let dataFile: string;
let favicon: string;
let conf: string;

async function waitUp(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${log()}`);
    const up = await fetchRaw(port, '/index.html', {}).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer on ${port}: ${log()}`);
}

beforeAll(async () => {
  if (!haveNginx) return;
  dir = await sandbox();
  const built = await run(process.execPath, ['bin/dash.js', 'build'], { cwd: dir, env: cleanEnv() });
  if (built.code !== 0) throw new Error(`dash build: ${built.stderr}`);
  // nginx's workers run as an unprivileged user: the site must be readable by them, as under /var/www.
  await chmod(dir, 0o755);
  const assets = await readdir(join(dir, 'dist', 'assets'));
  hashedScript = `/assets/${assets.find((f) => /^overview\.[0-9a-f]{10}\.js$/.test(f))}`;
  favicon = `/assets/${assets.find((f) => f.startsWith('favicon.'))}`;
  dataFile = `/data/${(await readdir(join(dir, 'dist', 'data'))).find((f) => f.endsWith('.dcl'))}`;

  [nginxPort, dashPort] = [await freePort(), await freePort()];
  let dashLog = '';
  dash = spawn(process.execPath, ['bin/dash.js', 'serve'], { cwd: dir, env: cleanEnv({ DASH_PORT: String(dashPort), DASH_LOG_LEVEL: 'warn' }), stdio: ['ignore', 'pipe', 'pipe'] });
  dash.stdout?.on('data', (d: Buffer) => (dashLog += d.toString()));
  dash.stderr?.on('data', (d: Buffer) => (dashLog += d.toString()));
  await waitUp(dashPort, dash, () => dashLog);

  // The shipped server block with only its address, root and upstream port changed, in Debian's http context.
  const shipped = await readRepoFile('deploy/nginx/dash-static.conf');
  const replace = (text: string, from: string, to: string): string => {
    if (text.split(from).length !== 2) throw new Error(`dash-static.conf: expected "${from}" once`);
    return text.replace(from, to);
  };
  let site = replace(shipped, 'listen 80;', `listen 127.0.0.1:${nginxPort};`);
  site = replace(site, 'root /var/www/dash;', `root ${join(dir, 'dist')};`);
  site = site.split('proxy_pass http://127.0.0.1:8050;').join(`proxy_pass http://127.0.0.1:${dashPort};`);
  await mkdir(join(dir, 'nginx'), { recursive: true });
  await writeFile(join(dir, 'nginx', 'dash.conf'), site);
  conf = join(dir, 'nginx', 'nginx.conf');
  const temp = (name: string): string => `${name}_temp_path ${join(dir, 'nginx', name)};`;
  await writeFile(
    conf,
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx', 'nginx.pid')};`,
      `error_log ${join(dir, 'nginx', 'error.log')};`,
      'include /etc/nginx/modules-enabled/*.conf;',
      'events {}',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    default_type application/octet-stream;',
      '    access_log off;',
      `    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}`,
      `    include ${join(dir, 'nginx', 'dash.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-e', join(dir, 'nginx', 'error.log'), '-c', conf];
  const test = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t: ${test.stderr}`);
  nginx = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let nginxLog = '';
  nginx.stderr?.on('data', (d: Buffer) => (nginxLog += d.toString()));
  await waitUp(nginxPort, nginx, () => nginxLog);
}, 600_000);

afterAll(async () => {
  for (const child of [nginx, dash]) {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!haveNginx)('deploy/nginx/dash-static.conf in nginx, against dash serve', () => {
  it('passes nginx -t with the brotli_static module loaded', async () => {
    const test = spawnSync(NGINX, ['-t', '-e', join(dir, 'nginx', 'error.log'), '-c', conf], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    await expect(readFile('/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf', 'utf8')).resolves.toContain('brotli_static');
  });

  const browser = { Accept: 'text/html,*/*', 'Accept-Encoding': 'br, gzip' };
  const cases: [string, () => string, Record<string, string>][] = [
    ['the home page', () => '/', browser],
    ['a page by its file name', () => '/index.html', browser],
    ['a clean page URL', () => '/equipment', browser],
    ['a hashed script, brotli', () => hashedScript, browser],
    ['a hashed script, gzip only', () => hashedScript, { 'Accept-Encoding': 'gzip' }],
    ['a hashed script, uncompressed', () => hashedScript, {}],
    ['a data asset', () => dataFile, browser],
    ['the licence notices', () => '/THIRD_PARTY_NOTICES.txt', browser],
    ['a small file (no precompressed copy)', () => favicon, browser],
  ];
  it.each(cases)('%s: same status, headers and bytes', async (_what, path, headers) => {
    const [fromNginx, fromDash] = await Promise.all([fetchRaw(nginxPort, path(), headers), fetchRaw(dashPort, path(), headers)]);
    // dash serve says Vary for every text type, nginx only where a .gz/.br copy exists: both right for caches.
    if (fromNginx.headers.vary === undefined && fromDash.headers['content-encoding'] === undefined) delete fromDash.headers.vary;
    expect(fromNginx.headers).toEqual(fromDash.headers);
    expect(fromNginx.status).toBe(fromDash.status);
    expect(fromNginx.body.equals(fromDash.body)).toBe(true);
  });

  it.each([['/.dash-site'], ['/assets/.hidden'], ['/.git/config'], ['/no-such-page']])('%s: 404 with the security headers, as dash serve', async (path) => {
    const [fromNginx, fromDash] = await Promise.all([fetchRaw(nginxPort, path, browser), fetchRaw(dashPort, path, browser)]);
    expect([fromNginx.status, fromDash.status]).toEqual([404, 404]);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(fromNginx.headers[name.toLowerCase()], name).toBe(value);
    expect(fromNginx.body.toString()).not.toContain('built by dash');
  });

  it('serves the 404 page below the root with a <base> back to it, so its styles and links resolve', async () => {
    const missing = await fetchRaw(nginxPort, '/a/b/no-such-page', browser);
    expect(missing.status).toBe(404);
    const html = missing.body.toString();
    expect(html).toContain('<head>\n<base href="/">');
    const links = [...html.matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) => m[1] as string).filter((l) => l !== '/');
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect((await fetchRaw(nginxPort, new URL(link, 'http://x/').pathname, browser)).status, link).toBe(200);
  });

  it('sends every header of src/server/security.ts, the ones dash serve sends', async () => {
    const page = await fetchRaw(nginxPort, '/', browser);
    const expected = Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([k, v]) => [k.toLowerCase(), String(v)]));
    expect(page.headers).toMatchObject(expected);
  });

  it('proxies /health to dash serve with one copy of each header', async () => {
    const health = await fetchRaw(nginxPort, '/health', {});
    const direct = await fetchRaw(dashPort, '/health', {});
    expect(health.status).toBe(direct.status);
    expect(health.headers).toEqual(direct.headers);
  });
});
