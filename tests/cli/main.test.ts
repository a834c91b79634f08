import { describe, expect, it } from 'vitest';
import { loadSettings, SERVE_DEFAULTS } from '../../src/config.js';
import { dash } from '../support/io.js';
import { tempDir } from '../support/fixtures.js';

describe('dash (main)', () => {
  it('without a command, is a usage error: help on stderr (stdout stays clean for data) and exit 2', async () => {
    const r = await dash([], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: dash [options] [command]');
    const asked = await dash(['help'], { cwd: await tempDir() });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Usage: dash [options] [command]');
  });

  it("speaks with one voice: commander's errors get dash's prefix and every usage error a usage hint", async () => {
    const cwd = await tempDir();
    const option = await dash(['build', '--frobnicate'], { cwd });
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("dash: unknown option '--frobnicate'\nUsage: dash build [options]; `dash build --help` lists the options\n");
    const command = await dash(['biuld'], { cwd });
    expect(command.stderr).toBe("dash: unknown command 'biuld'\n(Did you mean build?)\nUsage: dash [options] [command]; `dash --help` lists the commands\n");
    const value = await dash(['serve', '--port'], { cwd });
    expect(value.stderr).toBe("dash: option '--port <port>' argument missing\nUsage: dash serve [options]; `dash serve --help` lists the options\n");
    const extra = await dash(['status', 'now'], { cwd });
    expect(extra.code).toBe(2);
    expect(extra.stderr.split('\n')[0]).toMatch(/^dash: too many arguments for 'status'/);
    // dash's own usage errors (exit 2) get the same hint, naming the command that failed.
    const only = await dash(['cache', '--only', 'planes', '--cache', 'c'], { cwd });
    expect(only.stderr.split('\n')[1]).toBe('Usage: dash cache [options]; `dash cache --help` lists the options');
    for (const r of [option, command, value, extra, only]) expect(r.stderr).not.toMatch(/^error:/m);
  });

  it('serve --help shows the defaults of host, port, workers and timeout, taken from the settings', async () => {
    const help = (await dash(['serve', '--help'], { cwd: await tempDir() })).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`--host <host> bind address (default: ${SERVE_DEFAULTS.host}, ${SERVE_DEFAULTS.productionHost} when DASH_ENV=production) (env: DASH_HOST)`);
    expect(help).toContain(`--port <port> listen port (default: ${SERVE_DEFAULTS.port}; 0 picks a free one) (env: DASH_PORT)`);
    expect(help).toContain(`(default: ${SERVE_DEFAULTS.workers}; alias GUNICORN_WORKERS) (env: DASH_WORKERS)`);
    expect(help).toContain(`--timeout <seconds> longest time a request may take (default: ${SERVE_DEFAULTS.requestTimeoutSeconds}; alias GUNICORN_TIMEOUT) (env: DASH_REQUEST_TIMEOUT)`);
    expect(loadSettings({})).toMatchObject({ host: '127.0.0.1', port: 8050, workers: 1, requestTimeoutSeconds: 120 });
    expect(loadSettings({}, { timeout: '30' }).requestTimeoutSeconds).toBe(30);
    expect(() => loadSettings({}, { timeout: '0' })).toThrow('--timeout must be a whole number from 1 to 3600 (found "0")');
  });

  it('--help on the program and on every command exits 0 with usage on stdout', async () => {
    const cwd = await tempDir();
    const top = await dash(['--help'], { cwd });
    expect(top.code).toBe(0);
    for (const command of ['build', 'cache', 'site', 'serve', 'status', 'demo', 'clean', 'completion']) expect(top.stdout).toContain(`\n  ${command}`);
    for (const command of ['build', 'cache', 'site', 'serve', 'status', 'demo', 'clean']) {
      const r = await dash([command, '--help'], { cwd });
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain(`Usage: dash ${command} [options]`);
      expect(r.stdout, command).toContain('--datasets <dir>');
    }
    expect((await dash(['cache', '--help'], { cwd })).stdout).toContain('--check');
  });

  it('exits 2 on usage errors: unknown command, unknown option, bad --only, bad --scale, bad --seed', async () => {
    const cwd = await tempDir();
    const unknown = await dash(['frobnicate'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect((await dash(['status', '--bogus'], { cwd })).code).toBe(2);
    const only = await dash(['cache', '--only', 'equipment,planes', '--cache', 'c'], { cwd });
    expect(only.code).toBe(2);
    expect(only.stderr.split('\n')[0]).toBe('dash: --only: unknown dataset "planes"; expected a comma-separated list of equipment, bases, healthcare, ecg');
    expect((await dash(['demo', '--scale', 'huge'], { cwd })).code).toBe(2);
    const seed = await dash(['demo', '--seed', 'abc', '--datasets', 'd'], { cwd });
    expect(seed.code).toBe(2);
    expect(seed.stderr.split('\n')[0]).toBe('dash: --seed must be a whole number ≥ 0 (found "abc")');
  });

  it('prints the version', async () => {
    const r = await dash(['--version'], { cwd: await tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
