import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, REPO, run, type RunResult } from './repo.js';

// The package as a user gets it: `npm pack` in a fresh clone of this repository (its committed state, with this
// checkout's node_modules for the build tools), installed from the tarball into an empty folder, then run there.
// Slow (a clean build and an install from the registry), so every step is checked once, in order.

const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
let work: string;
let app: string;
let packed: string[];
const env = cleanEnv({ NO_COLOR: '1' });
const ok = (r: RunResult, what: string): RunResult => {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
};
const dash = (...args: string[]): Promise<RunResult> => run(join(app, 'node_modules', '.bin', 'dash'), args, { cwd: app, env });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dash-pack-'));
  const clone = join(work, 'clone');
  ok(await run('git', ['clone', '--quiet', REPO, clone], { cwd: work, env }), 'git clone');
  expect(existsSync(join(clone, 'lib'))).toBe(false);
  await symlink(join(REPO, 'node_modules'), join(clone, 'node_modules'));
  const pack = ok(await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: clone, env }), 'npm pack');
  const report = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  packed = (report[0]?.files ?? []).map((f) => f.path).sort();
  app = join(work, 'app');
  await mkdir(app);
  ok(await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, report[0]?.filename ?? '')], { cwd: app, env }), 'npm install <tgz>');
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe(`npm pack → npm install → dash (${pkg.name})`, () => {
  it('is published under a name of its own and installs the `dash` command', () => {
    expect(pkg.name).toBe('dash-analytics');
    expect(Object.keys(pkg.bin)).toEqual(['dash']);
    expect(existsSync(join(app, 'node_modules', '.bin', 'dash'))).toBe(true);
  });

  it('packs the compiled CLI, the site bundle and the licences, without sources or source maps', () => {
    for (const file of ['LICENSE', 'README.md', 'THIRD_PARTY_NOTICES', 'package.json', 'bin/dash.js', 'lib/cli/main.js', 'lib/site-assets/bundle.json']) {
      expect(packed).toContain(file);
    }
    expect(packed.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('site/') || f.startsWith('tests/'))).toEqual([]);
  });

  it('installs no Sentry SDK and no unused package', async () => {
    const installed = await readdir(join(app, 'node_modules'));
    expect(installed.filter((n) => ['@sentry', 'ml-matrix', 'hyparquet-compressors'].includes(n))).toEqual([]);
  });

  it('runs: --version, then demo and build write the datasets, caches and a site with its notices', { timeout: 600_000 }, async () => {
    expect(ok(await dash('--version'), 'dash --version').stdout.trim()).toBe(pkg.version);
    ok(await dash('demo'), 'dash demo');
    ok(await dash('build'), 'dash build');
    const dist = await readdir(join(app, 'dist'));
    expect(dist).toEqual(expect.arrayContaining(['index.html', '404.html', 'THIRD_PARTY_NOTICES.txt', 'assets', 'data']));
    expect(await readFile(join(app, 'dist', 'THIRD_PARTY_NOTICES.txt'), 'utf8')).toBe(
      await readFile(join(app, 'node_modules', pkg.name, 'THIRD_PARTY_NOTICES'), 'utf8'),
    );
    expect(await readFile(join(app, 'dist', 'index.html'), 'utf8')).toContain('<a href="THIRD_PARTY_NOTICES.txt">Licences</a>');
    const status = JSON.parse(ok(await dash('status', '--json'), 'dash status').stdout) as { datasets: { name: string; cache: string }[] };
    expect(status.datasets.map((d) => `${d.name} ${d.cache}`).sort()).toEqual(['bases fresh', 'ecg fresh', 'equipment fresh', 'healthcare fresh']);
  });
});
