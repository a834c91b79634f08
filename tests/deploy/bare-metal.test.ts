import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HASHED_ASSET } from '../../src/server/security.js';
import { fences, parseUnit } from './parse.js';
import { documentedServe, readRepoFile, REPO } from './repo.js';

describe('deploy/dash.service', () => {
  it('runs the documented serve command with node from the app folder, as an unprivileged user', async () => {
    const unit = parseUnit(await readRepoFile('deploy/dash.service'));
    const service = unit.Service ?? {};
    expect(service.ExecStart).toHaveLength(1);
    const [node, ...rest] = (service.ExecStart?.[0] ?? '').split(/\s+/);
    // systemd wants an absolute executable; the rest is word for word what DEPLOYMENT.md runs.
    expect(node).toBe('/usr/bin/node');
    expect(['node', ...rest]).toEqual((await documentedServe()).argv);
    expect(service.WorkingDirectory).toEqual(['/opt/dash']);
    expect(service.User).toEqual(['dash']);
    expect(service.Type).toEqual(['simple']);
    expect([service.Restart, service.KillSignal, service.TimeoutStopSec]).toEqual([['always'], ['SIGTERM'], ['30']]);
    expect(service.NoNewPrivileges).toEqual(['true']);
    expect(service.ProtectSystem).toEqual(['strict']);
    expect(unit.Install?.WantedBy).toEqual(['multi-user.target']);
  });

  it('binds to loopback behind nginx with production settings, the port nginx proxies to', async () => {
    const service = parseUnit(await readRepoFile('deploy/dash.service')).Service ?? {};
    const env = Object.fromEntries((service.Environment ?? []).map((e) => e.split('=') as [string, string]));
    expect(env).toEqual({ DASH_ENV: 'production', DASH_HOST: '127.0.0.1', DASH_PORT: '8050' });
    expect(await readRepoFile('deploy/nginx/dash-proxy.conf')).toContain(`server ${env.DASH_HOST}:${env.DASH_PORT};`);
    expect(await readRepoFile('deploy/nginx/dash-static.conf')).toContain(`proxy_pass http://${env.DASH_HOST}:${env.DASH_PORT};`);
  });
});

describe('DEPLOYMENT.md shows the shipped files verbatim', () => {
  it.each([
    ['ini', 'deploy/dash.service'],
    ['nginx', 'deploy/nginx/dash-static.conf'],
    ['nginx', 'deploy/nginx/dash-proxy.conf'],
  ])('a %s block equal to %s', async (lang, path) => {
    const file = (await readRepoFile(path)).trimEnd();
    const blocks = fences(await readRepoFile('DEPLOYMENT.md')).filter((f) => f.lang === lang);
    expect(blocks.filter((b) => b.body === file)).toHaveLength(1);
  });
});

describe('nginx examples', () => {
  it('static: serves dist/ with precompressed files, immutable hashed assets and revalidated pages', async () => {
    const conf = await readRepoFile('deploy/nginx/dash-static.conf');
    const directives = conf
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(directives).toContain('gzip_static on;');
    expect(directives).toContain('brotli_static on;');
    expect(directives).toContain('add_header Cache-Control $dash_cache_control always;');
    expect(directives).toContain('"~*\\.[0-9a-f]{8,}\\.[a-z0-9]+$"         "public, max-age=31536000, immutable";');
    expect(directives).toContain('default                                "no-cache";');
    expect(directives).toContain('try_files $uri $uri.html $uri/ =404;');
    // An add_header inside a location would silently drop every server-level one (the security headers).
    const locations = [...conf.matchAll(/location [^{]*\{([^}]*)\}/g)].map((m) => m[1] as string);
    expect(locations.length).toBeGreaterThan(2);
    expect(locations.filter((body) => body.includes('add_header'))).toEqual([]);
  });

  it('static: nginx caches as immutable exactly the names dash serve does, including every bundle file', async () => {
    const conf = await readRepoFile('deploy/nginx/dash-static.conf');
    const m = /^\s*"~\*([^"]+)"\s+"public, max-age=31536000, immutable";$/m.exec(conf);
    expect(m).not.toBeNull();
    // `~*` is nginx's case-insensitive match.
    const nginx = new RegExp(m?.[1] as string, 'i');
    const bundle = readdirSync(join(REPO, 'lib/site-assets/assets'));
    expect(bundle.length).toBeGreaterThan(3);
    const names = [
      ...bundle.map((f) => `/assets/${f}`),
      '/data/equipment.rows.1a2b3c4d5e.dcl',
      '/sub/path/assets/app.3f9a1c0e.js',
      '/index.html',
      '/equipment.html',
      '/assets/vendor-observable.js',
      '/data/equipment.rows.decade.json',
      '/favicon.svg',
    ];
    const verdicts = names.map((n) => [n, nginx.test(n)]);
    expect(verdicts).toEqual(names.map((n) => [n, HASHED_ASSET.test(n)]));
    expect(bundle.every((f) => nginx.test(f))).toBe(true);
    expect(verdicts.filter(([, hashed]) => !hashed).length).toBe(5);
  });
});
