import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadSettings, resolvePaths } from '../../src/config.js';
import { documentedServe, productionSettings, readRepoFile, REPO, yamlFile } from './repo.js';

interface Service {
  build?: { context: string; args?: Record<string, string> };
  image: string;
  user?: string;
  command: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  restart?: string;
  pull_policy?: string;
  develop?: { watch: { path: string; action: string }[] };
}
interface Compose {
  name: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** .dockerignore lines as Docker reads them (comments and blanks dropped), for the patterns this repo uses. */
function dockerignore(context: string): string[] {
  const path = join(REPO, context, '.dockerignore');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Whether a context-relative path, or one of its parents, matches a pattern (Docker's `*` stays within a segment). */
function ignoredBy(patterns: string[], relative: string): boolean {
  const parts = relative.split('/');
  return patterns.some((pattern) => {
    const re = new RegExp(`^${pattern.replace(/^\//, '').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    return parts.some((_, i) => re.test(parts.slice(0, i + 1).join('/')));
  });
}

const WATCH_ACTIONS = ['rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'];

/**
 * Docker Compose's own rules for `develop.watch` (pkg/compose/watch.go): a `rebuild` needs a build section;
 * sync actions need a target; a changed file under a path that the service's build context's .dockerignore
 * excludes never triggers anything, so such a rule would be dead.
 */
function watchProblems(compose: Compose): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    for (const rule of service.develop?.watch ?? []) {
      if (!WATCH_ACTIONS.includes(rule.action)) problems.push(`${name}: unknown watch action ${rule.action}`);
      if (rule.action === 'rebuild' && !service.build) problems.push(`can't watch service "${name}" with action rebuild without a build context`);
      if (rule.action.startsWith('sync') && !(rule as { target?: string }).target) problems.push(`${name}: ${rule.action} of ${rule.path} needs a target`);
      const fromContext = relative(join(REPO, service.build?.context ?? '.'), join(REPO, rule.path));
      if (service.build && !fromContext.startsWith('..') && ignoredBy(dockerignore(service.build.context), fromContext)) {
        problems.push(`${name}: ${rule.path} is excluded by ${service.build.context}/.dockerignore, so Compose never reports its changes`);
      }
    }
  }
  return problems;
}

describe('docker-compose.yml (development)', () => {
  it("obeys Compose's watch rules, checked by a reader that catches the original file's mistake", async () => {
    const compose = await yamlFile<Compose>('docker-compose.yml');
    expect(watchProblems(compose)).toEqual([]);
    // The original: `dash` watched with rebuild but had no build section (Compose refuses to start watching).
    const original: Compose = {
      name: 'dash',
      services: { dash: { image: 'dash:dev', command: [], develop: { watch: [{ path: './src', action: 'rebuild' }] } } },
    };
    expect(watchProblems(original)).toEqual(['can\'t watch service "dash" with action rebuild without a build context']);
    // A datasets rule on a service built from the project folder would never fire: .dockerignore keeps datasets out.
    const dead: Compose = { name: 'dash', services: { dash: { image: 'x', command: [], build: { context: '.' }, develop: { watch: [{ path: './datasets', action: 'restart' }] } } } };
    expect(watchProblems(dead)).toEqual(['dash: ./datasets is excluded by ./.dockerignore, so Compose never reports its changes']);
    expect(ignoredBy(['datasets', 'bench/data', '*.log'], 'src/datasets/x.ts')).toBe(false);
    expect(ignoredBy(['*.log'], 'a.log')).toBe(true);
  });

  it('rebuilds the image when code changes; dash dev rebuilds caches and pages when datasets change', async () => {
    const compose = await yamlFile<Compose>('docker-compose.yml');
    expect(Object.keys(compose.services)).toEqual(['build', 'dash']);
    const { build, dash } = compose.services as { build: Service; dash: Service };
    const rules = (s: Service): string[] => (s.develop?.watch ?? []).map((w) => `${w.path} ${w.action}`);
    expect(rules(dash)).toEqual(['./src rebuild', './site rebuild', './scripts rebuild', './package-lock.json rebuild']);
    // Datasets need no Compose rule: dash dev watches the mounted folder itself and reloads the open pages.
    expect(rules(build)).toEqual([]);
    expect(dash.command).toEqual(['node', '/app/bin/dash.js', 'dev', '--host', '0.0.0.0', '--port', '8050', '--no-open']);
    expect(build.command).toEqual(['node', '/app/bin/dash.js', 'build']);
    expect(dash.build).toEqual({ context: '.', args: { PREBUILD: 'false' } });
    // `build` runs the image `dash` builds, and never looks for it in a registry.
    expect(build.build).toBeUndefined();
    expect([build.image, build.pull_policy]).toEqual([dash.image, 'never']);
    expect(dash.depends_on).toEqual({ build: { condition: 'service_completed_successfully' } });
    expect(dash.ports).toEqual(['${DASH_PORT:-8050}:8050']);
    // Both read and write the project's own datasets/, data_cache/ and dist/, as `npm start` does; the site's
    // folder must not be a mount point itself, since `dash site` swaps it in by renaming.
    for (const service of [build, dash]) {
      expect(service.user).toBe('${HOST_UID:-1000}:${HOST_GID:-1000}');
      // dash's defaults in the project folder, not named folders: a named datasets folder must hold every input, so a
      // fresh clone (no datasets/) would fail instead of showing the demo.
      expect(service.environment?.DASH_DATASETS_DIR).toBeUndefined();
      expect((service as { working_dir?: string }).working_dir).toBe('/work');
      const paths = resolvePaths({}, service.environment ?? {}, '/work');
      expect(paths).toEqual({ datasets: '/work/datasets', cache: '/work/data_cache', out: '/work/dist' });
      expect(service.volumes).toEqual(['.:/work']);
      expect(service.volumes?.map((v) => v.split(':')[1])).toEqual([dirname(paths.out)]);
    }
  });

  it('says that Compose v2 (2.22 or newer, for develop.watch) is needed, here and in DEPLOYMENT.md', async () => {
    expect(await readRepoFile('docker-compose.yml')).toMatch(/Docker Compose v2\.22 or newer/);
    expect(await readRepoFile('DEPLOYMENT.md')).toMatch(/Docker Compose v2\.22 or newer/);
  });

  it('uses development settings that dash accepts, listening on all interfaces inside the container', async () => {
    const { dash, build } = (await yamlFile<Compose>('docker-compose.yml')).services as { build: Service; dash: Service };
    const settings = loadSettings(dash.environment ?? {});
    expect(settings).toMatchObject({ env: 'development', host: '0.0.0.0', port: 8050, debug: true, logLevel: 'debug', logFormat: 'text', workers: 1 });
    expect(loadSettings(build.environment ?? {})).toMatchObject({ env: 'development', logFormat: 'text' });
  });
});

describe('docker-compose.prod.yml', () => {
  it('runs the documented command with exactly the production settings, read-only and unprivileged', async () => {
    const compose = await yamlFile<Compose>('docker-compose.prod.yml');
    expect(Object.keys(compose.services)).toEqual(['dash']);
    const dash = compose.services.dash as Service;
    expect(dash.command).toEqual((await documentedServe()).argv);
    expect(dash.build).toEqual({ context: '.', args: { PREBUILD: 'true' } });
    const env = dash.environment ?? {};
    const literal = Object.fromEntries(Object.entries(env).filter(([, v]) => !v.startsWith('${')));
    expect(literal).toEqual(await productionSettings());
    // Secrets pass through from the host's environment or .env, empty (= unset for dash) by default.
    expect([env.SENTRY_DSN, env.SENTRY_TRACES_RATE]).toEqual(['${SENTRY_DSN:-}', '${SENTRY_TRACES_RATE:-}']);
    expect(loadSettings({ ...literal, SENTRY_DSN: '', SENTRY_TRACES_RATE: '' })).toMatchObject({
      env: 'production',
      logLevel: 'warn',
      logFormat: 'json',
      workers: 4,
      sentryDsn: undefined,
    });
    expect([dash.read_only, dash.cap_drop, dash.security_opt, dash.restart]).toEqual([true, ['ALL'], ['no-new-privileges:true'], 'unless-stopped']);
    expect(dash.volumes).toBeUndefined();
  });
});
