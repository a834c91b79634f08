import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { envPairs, execForm, instructions, parseDockerfile, stage, type Dockerfile } from './parse.js';
import { documentedServe, productionSettings, readRepoFile, REPO } from './repo.js';

let dockerfile: Dockerfile;
beforeAll(async () => {
  dockerfile = parseDockerfile(await readRepoFile('Dockerfile'));
});

describe('Dockerfile stages', () => {
  it('has an empty datasets stage, a build stage and a runtime stage, in that order', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['datasets', 'build', 'runtime']);
    expect(stage(dockerfile, 'datasets')).toMatchObject({ from: 'scratch', instructions: [] });
  });

  it('builds and runs on a slim Node 22 or 24 LTS image, the same for both stages', () => {
    const build = stage(dockerfile, 'build').from;
    expect(build).toBe('node:22-bookworm-slim');
    expect(stage(dockerfile, 'runtime').from).toBe(build);
    expect(dockerfile.globalArgs.NODE_VERSION).toMatch(/^(22|24)$/);
  });

  it('installs from the lock file, compiles, pre-builds from the datasets context and drops dev dependencies', () => {
    const runs = instructions(stage(dockerfile, 'build'), 'RUN');
    const commands = runs.map((r) => r.args);
    const index = (fragment: string): number => commands.findIndex((c) => c.includes(fragment));
    expect(index('npm ci')).toBeGreaterThanOrEqual(0);
    expect(index('npm run build')).toBeGreaterThan(index('npm ci'));
    expect(index('node bin/dash.js build')).toBeGreaterThan(index('npm run build'));
    expect(index('npm prune --omit=dev')).toBeGreaterThan(index('node bin/dash.js build'));
    // The raw data is mounted for the one RUN that needs it, never copied into a layer.
    const prebuild = runs[index('node bin/dash.js build')];
    expect(prebuild?.flags.mount).toBe('type=bind,from=datasets,target=/app/datasets');
    expect(prebuild?.args).toContain('node bin/dash.js cache --check');
    const arg = instructions(stage(dockerfile, 'build'), 'ARG').map((a) => a.args);
    expect(arg).toContain('PREBUILD=true');
    expect(prebuild?.args).toContain('if [ "$PREBUILD" = "true" ]');
    // Sentry's SDK only on request, installed after the prune (it is no dependency of dash's, not even optional).
    expect(arg).toContain('SENTRY=false');
    const sentry = runs[index('@sentry/node@')];
    expect(sentry?.args).toBe('if [ "$SENTRY" = "true" ]; then npm install --no-save --omit=dev --no-audit --no-fund "@sentry/node@$SENTRY_VERSION"; fi');
    expect(runs.indexOf(sentry as (typeof runs)[number])).toBeGreaterThan(index('npm prune --omit=dev'));
  });

  it('copies into the runtime only what the build stage produced, never the build context', () => {
    const copies = instructions(stage(dockerfile, 'runtime'), 'COPY');
    expect(copies.every((c) => c.flags.from === 'build')).toBe(true);
    expect(copies.map((c) => c.args.split(/\s+/)[0])).toEqual([
      '/app/package.json',
      '/app/node_modules',
      '/app/bin',
      '/app/lib',
      '/app/deploy/healthcheck.mjs',
      '/app/dist',
      '/app/data_cache',
    ]);
    // `dash site` in the image copies the bundled libraries' licences into every site it writes.
    expect(copies[0]?.args).toBe('/app/package.json /app/LICENSE /app/THIRD_PARTY_NOTICES ./');
    // Owned by root, read by the node user: the server cannot rewrite its code, site or caches.
    expect(copies.filter((c) => c.flags.chown !== undefined)).toEqual([]);
    expect(existsSync(join(REPO, 'deploy/healthcheck.mjs'))).toBe(true);
  });
});

describe('Dockerfile runtime', () => {
  it('runs as the non-root node user', () => {
    const users = instructions(stage(dockerfile, 'runtime'), 'USER').map((u) => u.args);
    expect(users).toEqual(['node']);
  });

  it('sets exactly the production column of DEPLOYMENT.md as its environment', async () => {
    const env = Object.assign({}, ...instructions(stage(dockerfile, 'runtime'), 'ENV').map((e) => envPairs(e.args))) as Record<string, string>;
    const production = await productionSettings();
    expect(Object.keys(production).length).toBe(8);
    expect(env).toEqual(production);
  });

  it('exposes 8050 and runs `dash serve` with node as PID 1, as DEPLOYMENT.md documents', async () => {
    const runtime = stage(dockerfile, 'runtime');
    expect(instructions(runtime, 'EXPOSE').map((e) => e.args)).toEqual(['8050']);
    expect(instructions(runtime, 'ENTRYPOINT')).toEqual([]);
    const cmd = instructions(runtime, 'CMD');
    expect(cmd).toHaveLength(1);
    expect(execForm(cmd[0]?.args ?? '')).toEqual((await documentedServe()).argv);
    expect((await documentedServe()).argv).toEqual(['node', 'bin/dash.js', 'serve']);
  });

  it('checks health with node itself, within Docker timing limits', () => {
    const checks = instructions(stage(dockerfile, 'runtime'), 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    const check = checks[0];
    expect(check?.flags).toEqual({ interval: '30s', timeout: '5s', 'start-period': '10s', retries: '3' });
    expect(check?.args.startsWith('CMD ')).toBe(true);
    expect(execForm(check?.args.slice(4) ?? '')).toEqual(['node', 'deploy/healthcheck.mjs']);
  });
});

describe('.dockerignore', () => {
  it('keeps data, build output and secrets out of the context, but not what the build needs', async () => {
    const patterns = (await readRepoFile('.dockerignore'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    for (const excluded of ['datasets', 'data_cache', 'dist', 'lib', 'node_modules', '.env', '.git']) {
      expect(patterns).toContain(excluded);
    }
    // Patterns are anchored at the context root; none may hide a file the build stage copies or compiles.
    const needed = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.build.json', 'bin/dash.js', 'src/datasets/registry.ts', 'deploy/healthcheck.mjs'];
    const toRegExp = (p: string): RegExp => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
    for (const file of needed) {
      expect(existsSync(join(REPO, file))).toBe(true);
      expect(patterns.filter((p) => !p.startsWith('!') && toRegExp(p).test(file))).toEqual([]);
    }
  });
});
