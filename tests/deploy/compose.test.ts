import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { documentedServe, productionSettings, yamlFile } from './repo.js';

interface Service {
  build?: { context: string; args?: Record<string, string> };
  image: string;
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
  it('builds caches and site from the mounted datasets, then serves them with the documented command', async () => {
    const compose = await yamlFile<Compose>('docker-compose.yml');
    expect(Object.keys(compose.services)).toEqual(['build', 'dash']);
    const { build, dash } = compose.services as { build: Service; dash: Service };
    expect(build.command).toEqual(['node', 'bin/dash.js', 'build']);
    expect(build.build).toEqual({ context: '.', args: { PREBUILD: 'false' } });
    expect(build.volumes).toEqual(['./datasets:/app/datasets:ro', './data_cache:/app/data_cache', 'dist:/app/dist']);
    expect(dash.image).toBe(build.image);
    expect(dash.command).toEqual((await documentedServe()).argv);
    expect(dash.depends_on).toEqual({ build: { condition: 'service_completed_successfully' } });
    expect(dash.volumes).toEqual(['./data_cache:/app/data_cache:ro', 'dist:/app/dist:ro']);
    expect(dash.ports).toEqual(['${DASH_PORT:-8050}:8050']);
    expect(Object.keys(compose.volumes ?? {})).toEqual(['dist']);
    expect(dash.develop?.watch.map((w) => `${w.path} ${w.action}`)).toEqual(['./src rebuild', './site rebuild', './package-lock.json rebuild']);
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
