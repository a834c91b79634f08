import { describe, expect, it } from 'vitest';
import { dirname } from 'node:path';
import { loadSettings, resolvePaths } from '../../src/config.js';
import { documentedServe, productionSettings, yamlFile } from './repo.js';

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
  develop?: { watch: { path: string; action: string }[] };
}
interface Compose {
  name: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

describe('docker-compose.yml (development)', () => {
  it('builds caches and site in the mounted project folder, then runs dash dev on them', async () => {
    const compose = await yamlFile<Compose>('docker-compose.yml');
    expect(Object.keys(compose.services)).toEqual(['build', 'dash']);
    const { build, dash } = compose.services as { build: Service; dash: Service };
    expect(build.command).toEqual(['node', 'bin/dash.js', 'build']);
    expect(build.build).toEqual({ context: '.', args: { PREBUILD: 'false' } });
    expect(build.volumes).toEqual(['.:/work']);
    expect(dash.image).toBe(build.image);
    // dash dev: the site as dash serve serves it, rebuilt and reloaded when a file under ./datasets changes.
    expect(dash.command).toEqual(['node', 'bin/dash.js', 'dev', '--host', '0.0.0.0', '--port', '8050', '--no-open']);
    expect(dash.depends_on).toEqual({ build: { condition: 'service_completed_successfully' } });
    expect(dash.volumes).toEqual(['.:/work']);
    expect(dash.ports).toEqual(['${DASH_PORT:-8050}:8050']);
    expect(dash.develop?.watch.map((w) => `${w.path} ${w.action}`)).toEqual(['./src rebuild', './site rebuild', './package-lock.json rebuild']);
    // Both read and write the project's own datasets/, data_cache/ and dist/, as `npm start` does; the site's
    // folder must not be a mount point itself, since `dash site` swaps it in by renaming.
    for (const service of [build, dash]) {
      expect(service.user).toBe('${HOST_UID:-1000}:${HOST_GID:-1000}');
      const paths = resolvePaths({}, service.environment ?? {}, '/app');
      expect(paths).toEqual({ datasets: '/work/datasets', cache: '/work/data_cache', out: '/work/dist' });
      expect(service.volumes?.map((v) => v.split(':')[1])).toEqual([dirname(paths.out)]);
    }
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
