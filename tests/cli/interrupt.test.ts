// Real `dash` processes stopped the ways users and machines stop them: Ctrl-C / SIGTERM, SIGKILL in the site phase and
// while waiting for a lock, and a pseudo-terminal that reports 0 columns. Uses the compiled CLI (lib/, `npm run build`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixtures.js';
import { DASH_BIN, start } from '../support/process.js';

// An SGR colour (30–37): the spinner's frame colour.
// eslint-disable-next-line no-control-regex -- the escape is what is looked for
const COLOUR = /\u001b\[3\dm/;

const CACHES = ['equipment.parquet', 'bases.parquet', 'healthcare.parquet', 'ecg_precomputed.json', 'manifest.json'];

async function hashes(cache: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of CACHES) out[name] = createHash('sha256').update(await readFile(join(cache, name))).digest('hex');
  return out;
}

/** Dot-entries a build leaves only while it runs: locks, claims, temps. */
const transient = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((n) => n.startsWith('.') && n !== '.demo').sort();

/** A pid that surely does not run: a child that has already exited. */
const deadPid = (): number => spawnSync('true').pid as number;

const dash = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => start(process.execPath, [DASH_BIN, ...args], { cwd, env: { CI: 'true', ...env } });

describe('a pseudo-terminal with 0 columns', { timeout: 120_000 }, () => {
  it('gets plain lines, no spinner: the build ends with a bounded output (the old spinner looped, flooding escapes)', async () => {
    const cwd = await tempDir();
    const run = start('script', ['-qfc', `stty cols 0 rows 0; ${process.execPath} ${DASH_BIN} cache --only bases --cache c; echo "exit=$?"`, '/dev/null'], {
      cwd,
      env: { TERM: 'xterm-256color' },
      maxBytes: 200_000,
      guardMs: 60_000,
    });
    const end = await run.exit;
    expect(end.capped).toBe(false);
    expect(end.guardFired).toBe(false);
    expect(run.output()).toContain('✔ bases: built bases.parquet — 776 rows');
    expect(run.output()).toContain('exit=0');
    expect(Buffer.byteLength(run.output())).toBeLessThan(2_000);
  });

  it('honours NO_COLOR in the spinner on a real-width terminal', async () => {
    const cwd = await tempDir();
    const args = (env: string) => ['-qfc', `stty cols 100; ${env} ${process.execPath} ${DASH_BIN} cache --only bases --force --cache c`, '/dev/null'];
    const colour = start('script', args(''), { cwd, env: { TERM: 'xterm-256color' }, guardMs: 60_000 });
    await colour.exit;
    expect(colour.output()).toContain('\u001b[36m'); // ora's cyan frame: the spinner ran
    const plain = start('script', args('NO_COLOR=1'), { cwd, env: { TERM: 'xterm-256color' }, guardMs: 60_000 });
    await plain.exit;
    expect(plain.output()).toContain('✔ bases: built');
    expect(plain.output()).not.toMatch(COLOUR);
  });
});

describe('stopping a build', { timeout: 240_000 }, () => {
  let cwd: string;
  let built: Record<string, string>;
  // One set of caches for the whole block (tempDir's folders go after each test).
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'dash-interrupt-'));
    const first = dash(cwd, ['build', '--cache', 'c', '--out', 'site']);
    expect((await first.exit).code).toBe(0);
    built = await hashes(join(cwd, 'c'));
  }, 240_000);
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} stops it at once, says so, exits 128+n and releases its locks and temps`, async () => {
      const run = dash(cwd, ['cache', '--only', 'equipment', '--force', '--cache', 'c']);
      await run.waitFor('equipment: ');
      await new Promise((resolve) => setTimeout(resolve, 300)); // inside the build, holding the lock
      run.proc.kill(signal);
      const end = await run.exit;
      expect(end.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(run.output()).toContain(`dash: the cache build was interrupted by ${signal}`);
      expect(await transient(join(cwd, 'c'))).toEqual([]);
    });
  }

  it('SIGKILL in the site phase leaves a temp site; the next build removes it and leaves the caches byte-identical', async () => {
    // A new --out folder: into the existing site an unchanged build writes nothing (the incremental build).
    const run = dash(cwd, ['build', '--cache', 'c', '--out', 'fresh']);
    await run.waitFor('✔ site: Overview');
    run.proc.kill('SIGKILL');
    await run.exit;
    expect((await readdir(cwd)).filter((n) => /^\.fresh\.\d+\.[0-9a-f]{8}\.tmp$/.test(n))).toHaveLength(1);

    const next = dash(cwd, ['build', '--cache', 'c', '--out', 'fresh']);
    expect((await next.exit).code).toBe(0);
    expect((await readdir(cwd)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(await transient(join(cwd, 'c'))).toEqual([]);
    expect(await hashes(join(cwd, 'c'))).toEqual(built);
  });

  it('a build waiting for a lock says who holds it; SIGKILLed there, its claim is removed by the next build', async () => {
    const cache = join(cwd, 'c');
    const holder = start('sleep', ['120'], { cwd });
    const since = new Date().toISOString();
    await writeFile(join(cache, '.bases.lock'), JSON.stringify({ pid: holder.proc.pid, host: hostname(), since }));
    const waiting = dash(cwd, ['cache', '--only', 'bases', '--force', '--cache', 'c']);
    await waiting.waitFor('bases: waiting for');
    expect(waiting.output()).toContain(`held by pid ${holder.proc.pid} on ${hostname()} since ${since.slice(0, 10)}`);
    waiting.proc.kill('SIGKILL');
    await waiting.exit;
    expect((await transient(cache)).filter((n) => /^\.bases\.lock\.\d+\.[0-9a-z]+$/.test(n))).toHaveLength(1);

    holder.proc.kill('SIGKILL');
    await holder.exit;
    const next = dash(cwd, ['cache', '--cache', 'c']);
    expect((await next.exit).code).toBe(0);
    expect(await transient(cache)).toEqual([]);
    expect(await hashes(cache)).toEqual(built);
  });

  it('the next build removes claims and temps whose owner is gone, and keeps a live one\'s', async () => {
    const cache = join(cwd, 'c');
    const dead = deadPid();
    await writeFile(join(cache, `.equipment.lock.${dead}.abc123`), JSON.stringify({ pid: dead, host: hostname(), since: '' }));
    await writeFile(join(cache, `.equipment.parquet.${dead}.0123abcd.tmp`), 'half');
    await writeFile(join(cache, `.bases.lock.${process.pid}.live1`), JSON.stringify({ pid: process.pid, host: hostname(), since: '' }));
    const next = dash(cwd, ['cache', '--only', 'healthcare', '--cache', 'c']);
    expect((await next.exit).code).toBe(0);
    expect(await transient(cache)).toEqual([`.bases.lock.${process.pid}.live1`]);
  });
});
