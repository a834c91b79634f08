import { describe, expect, it } from 'vitest';
import { dash } from '../support/io.js';
import { tempDir } from '../support/fixtures.js';

describe('dash (main)', () => {
  it('prints help and exits 2 without a command', async () => {
    const r = await dash([], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: dash [options] [command]');
  });

  it('--help on the program and on every command exits 0 with usage on stdout', async () => {
    const cwd = await tempDir();
    const top = await dash(['--help'], { cwd });
    expect(top.code).toBe(0);
    for (const command of ['build', 'cache', 'site', 'serve', 'status', 'demo', 'clean']) expect(top.stdout).toContain(`\n  ${command}`);
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
    expect(only.stderr).toBe('dash: --only: unknown dataset "planes"; expected a comma-separated list of equipment, bases, healthcare, ecg\n');
    expect((await dash(['demo', '--scale', 'huge'], { cwd })).code).toBe(2);
    const seed = await dash(['demo', '--seed', 'abc', '--datasets', 'd'], { cwd });
    expect(seed.code).toBe(2);
    expect(seed.stderr).toBe('dash: --seed must be a whole number ≥ 0 (found "abc")\n');
  });

  it('prints the version', async () => {
    const r = await dash(['--version'], { cwd: await tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
