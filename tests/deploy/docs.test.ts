import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, resolvePaths } from '../../src/config.js';
import { fences, headings, tableUnder, tableWithTitles, unquote, type Fence } from './parse.js';
import { cleanEnv, readRepoFile, REPO, run, sandbox } from './repo.js';

let doc: string;
beforeAll(async () => {
  doc = await readRepoFile('DEPLOYMENT.md');
});

// Each section of the original's deployment guide (shared/seeds/DEPLOYMENT.md, kept out of the tests' reach)
// and the heading of DEPLOYMENT.md that covers it for dash.
const SEED_SECTIONS: [seed: string, dash: string][] = [
  ['Prerequisites', 'Prerequisites'],
  ['Environment Variables', 'Environment variables'],
  ['Production Recommendations', 'Production recommendations'],
  ['Docker Deployment', 'Docker'],
  ['Build the Image', 'Build the image'],
  ['Run with Docker', 'Run with Docker'],
  ['Run with Docker Compose (Development)', 'Run with Docker Compose (development)'],
  ['Run with Docker Compose (Production Override)', 'Run with Docker Compose (production)'],
  ['Kubernetes Deployment', 'Kubernetes'],
  ['Quick Start', 'Quick start'],
  ['Scaling', 'Scaling'],
  ['Bare-Metal / VM Deployment', 'Bare metal / VM'],
  ['Install Dependencies', 'Install'],
  ['Run with Gunicorn', 'Run'],
  ['Run with systemd', 'Run with systemd'],
  ['Monitoring', 'Monitoring'],
  ['Health Check', 'Health check'],
  ['Metrics', 'Metrics'],
  ['Logging', 'Logging'],
  ['Error Tracking (Sentry)', 'Error tracking (Sentry)'],
  ['Data & Caching', 'Data and caching'],
  ['First-Run Behavior', 'First run'],
  ['Cache Persistence', 'Cache persistence'],
  ['Reverse Proxy (nginx)', 'Reverse proxy (nginx)'],
  ['Troubleshooting', 'Troubleshooting'],
];

// The seed's settings; each must appear in the table as a variable or as an alias.
const SEED_VARIABLES = ['DASH_ENV', 'DASH_HOST', 'DASH_PORT', 'DASH_DEBUG', 'DASH_LOG_LEVEL', 'DASH_LOG_FORMAT', 'GUNICORN_WORKERS', 'GUNICORN_TIMEOUT', 'SENTRY_DSN', 'SENTRY_TRACES_RATE'];

// The settings' names in `Settings` (src/config.ts), per variable.
const FIELD: Record<string, keyof ReturnType<typeof loadSettings>> = {
  DASH_ENV: 'env',
  DASH_HOST: 'host',
  DASH_PORT: 'port',
  DASH_DEBUG: 'debug',
  DASH_LOG_LEVEL: 'logLevel',
  DASH_LOG_FORMAT: 'logFormat',
  DASH_WORKERS: 'workers',
  DASH_REQUEST_TIMEOUT: 'requestTimeoutSeconds',
  SENTRY_DSN: 'sentryDsn',
  SENTRY_TRACES_RATE: 'sentryTracesRate',
};

/** A table cell as the value loadSettings returns: `8050` → 8050, `true` → true, *(unset)* → undefined. */
function asSetting(cell: string): unknown {
  if (!/^`.*`$/.test(cell)) return undefined;
  const v = unquote(cell);
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

describe('DEPLOYMENT.md structure', () => {
  it('covers every section of the original guide', () => {
    const have = headings(doc);
    expect(SEED_SECTIONS.map(([, dash]) => dash).filter((h) => !have.includes(h))).toEqual([]);
    expect(have).toContain('CI: pre-built caches');
    expect(have).toContain('nginx serving dist/ directly (fastest)');
    expect(have).toContain('nginx in front of dash serve');
  });

  it('names only files that exist', () => {
    const paths = [...doc.matchAll(/`((?:deploy|k8s|\.github)\/[\w./-]+|docker-compose(?:\.prod)?\.yml|Dockerfile|\.dockerignore)`/g)].map((m) => m[1] as string);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !existsSync(join(REPO, p)))).toEqual([]);
  });
});

describe('DEPLOYMENT.md settings tables', () => {
  it('lists every setting of the original, by dash name or alias', () => {
    const rows = tableUnder(doc, 'Environment variables');
    const names = rows.flatMap((r) => [unquote(r.Variable ?? ''), unquote(r.Alias ?? '')]).filter(Boolean);
    expect(SEED_VARIABLES.filter((v) => !names.includes(v))).toEqual([]);
    expect(rows.map((r) => unquote(r.Variable ?? ''))).toEqual(Object.keys(FIELD));
  });

  it('Default column is what dash does with nothing set; each alias works alone', () => {
    const defaults = loadSettings({});
    for (const row of tableUnder(doc, 'Environment variables')) {
      const name = unquote(row.Variable ?? '');
      const field = FIELD[name] as keyof typeof defaults;
      expect([name, defaults[field]]).toEqual([name, asSetting(row.Default ?? '')]);
      const alias = unquote(row.Alias ?? '');
      if (alias !== '') expect(loadSettings({ [alias]: '7' })[field]).toBe(7);
    }
  });

  it('Production column is accepted by dash and means what it says', () => {
    const rows = tableUnder(doc, 'Environment variables');
    const env = Object.fromEntries(rows.filter((r) => asSetting(r.Production ?? '') !== undefined).map((r) => [unquote(r.Variable ?? ''), unquote(r.Production ?? '')]));
    const settings = loadSettings(env);
    for (const [name, value] of Object.entries(env)) expect([name, settings[FIELD[name] as keyof typeof settings]]).toEqual([name, asSetting(`\`${value}\``)]);
  });

  it('"DASH_ENV=production alone" table matches dash', () => {
    const production = loadSettings({ DASH_ENV: 'production' });
    const rows = tableWithTitles(doc, ['Variable', 'Default with `DASH_ENV=production`']);
    const values = Object.fromEntries(rows.map((r) => [unquote(r.Variable ?? ''), asSetting(r['Default with `DASH_ENV=production`'] ?? '')]));
    expect(values).toEqual({ DASH_HOST: production.host, DASH_DEBUG: production.debug, DASH_LOG_LEVEL: production.logLevel, DASH_LOG_FORMAT: production.logFormat });
    // …and those are the only defaults it changes.
    const dev = loadSettings({});
    const changed = (Object.keys(dev) as (keyof typeof dev)[]).filter((k) => k !== 'env' && dev[k] !== production[k]);
    expect(changed).toEqual(['host', 'debug', 'logLevel', 'logFormat']);
  });

  it("folder flags, variables and defaults are the CLI's", async () => {
    const rows = tableWithTitles(doc, ['Flag', 'Variable', 'Default']).map((r) => [unquote(r.Flag ?? ''), unquote(r.Variable ?? ''), unquote(r.Default ?? '')]);
    expect(rows.map((r) => r[1])).toEqual(['DASH_DATASETS_DIR', 'DASH_CACHE_DIR', 'DASH_DIST_DIR']);
    const defaults = resolvePaths({}, {}, '/base');
    expect(rows.map((r) => `/base/${r[2]}`)).toEqual([defaults.datasets, defaults.cache, defaults.out]);
    const help = (await run(process.execPath, ['bin/dash.js', 'build', '--help'], { cwd: REPO, env: cleanEnv() })).stdout.replace(/\s+/g, ' ');
    for (const [flag, variable, value] of rows) {
      expect(help).toContain(`${(flag as string).replace('DIR', '<dir>')} `);
      expect(help).toMatch(new RegExp(`${(flag as string).split(' ')[0]} <dir> (?:(?!--).)*?\\(default: "${value}", env: ${variable}\\)`));
    }
  });
});

// Commands in a bash block that is not run here must need what this machine lacks: a Docker engine, a
// cluster, root on a systemd host, or the network. Folder set-up lines may accompany them.
const NOT_HERE = /^(docker|kubectl|sudo|systemctl|journalctl)\b/;
const SETUP = /^(cd|mkdir)\b/;

function commandLines(block: Fence): string[] {
  return block.body
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

describe('DEPLOYMENT.md commands', () => {
  it('every bash block is either run by this suite or needs what this machine lacks', () => {
    const bash = fences(doc).filter((f) => f.lang === 'bash');
    const notRun = bash.filter((b) => !b.tags.some((t) => ['runnable', 'serve', 'probe'].includes(t)));
    for (const block of notRun) {
      const lines = commandLines(block);
      expect({ line: block.line, stray: lines.filter((l) => !NOT_HERE.test(l) && !SETUP.test(l)) }).toEqual({ line: block.line, stray: [] });
      expect(lines.some((l) => NOT_HERE.test(l))).toBe(true);
    }
    expect(bash.filter((b) => b.tags.includes('runnable')).length).toBeGreaterThanOrEqual(5);
  });

  it('every command of the runnable blocks succeeds, in order, in a fresh folder', async () => {
    const dir = await sandbox();
    const blocks = fences(doc).filter((f) => f.lang === 'bash' && f.tags.includes('runnable'));
    for (const block of blocks) {
      const result = await run('bash', ['-e', '-o', 'pipefail', '-c', block.body], { cwd: dir, env: cleanEnv() });
      expect({ line: block.line, code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ line: block.line, code: 0, stderr: '' });
    }
    // The blocks built a real site and caches, and the two cache keys the guide shows agree.
    expect(existsSync(join(dir, 'data_cache', 'manifest.json'))).toBe(true);
    const keys = (await run('bash', ['-c', (blocks.find((b) => b.body.includes('cache-key.mjs'))?.body ?? '')], { cwd: dir, env: cleanEnv() })).stdout.trim().split('\n');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(keys[1]).toBe(keys[0]);
  }, 240_000);
});
