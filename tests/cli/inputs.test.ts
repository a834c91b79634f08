// Where a dataset's input comes from, through the real CLI: demo data never stands in for input the user named, in
// production, or for something broken at an input's path.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASES_FILE, HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { dash } from '../support/io.js';
import { tempDir } from '../support/fixtures.js';

const rootUser = process.getuid?.() === 0;
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'dash.js');
/** As root, the check below runs as nobody, who must be able to run this checkout (not so under a private folder). */
const NOBODY = { uid: 65534, gid: 65534 };
const canRunAsNobody = !rootUser || spawnSync(process.execPath, [BIN, '--version'], { ...NOBODY, cwd: '/' }).status === 0;

const listed = async (dir: string): Promise<string[]> => readdir(dir).catch(() => []);

describe('dataset inputs', { timeout: 120_000 }, () => {
  it('a --datasets folder that does not exist fails before anything is built, naming it (flag and DASH_DATASETS_DIR)', async () => {
    const cwd = await tempDir();
    const flag = await dash(['build', '--datasets', 'nope', '--cache', 'c', '--only', 'bases'], { cwd });
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain(`dash: datasets folder ${join(cwd, 'nope')} does not exist`);
    expect(flag.stderr).not.toContain('demo data)');
    expect(await listed(join(cwd, 'c'))).toEqual([]);

    const env = await dash(['cache', '--cache', 'c', '--only', 'bases'], { cwd, env: { DASH_DATASETS_DIR: join(cwd, 'typo') } });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain(`datasets folder ${join(cwd, 'typo')} does not exist`);
  });

  it('a named folder without a dataset\'s input fails that dataset; the default folder falls back to demo data, saying so', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'ds'));
    const named = await dash(['cache', '--datasets', 'ds', '--cache', 'c', '--only', 'bases'], { cwd });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(`bases: failed — no input under ${join(cwd, 'ds')} (expected ${BASES_FILE})`);

    const fresh = await dash(['cache', '--cache', 'c', '--only', 'bases'], { cwd });
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toContain(`bases: no input under ${join(cwd, 'datasets')}; using the built-in demo data`);
  });

  // Root reads any file, so the build runs as nobody (uid 65534) there; as anyone else it runs as that user.
  it.runIf(canRunAsNobody)('an input dash may not read is named as such, and nothing stands in for it', async () => {
    const cwd = await tempDir();
    await chmod(cwd, 0o777);
    await mkdir(join(cwd, 'ds', 'military_bases'), { recursive: true, mode: 0o755 });
    await chmod(join(cwd, 'ds'), 0o755);
    await writeFile(join(cwd, 'ds', BASES_FILE), 'x');
    await chmod(join(cwd, 'ds', BASES_FILE), 0o000);
    const as = rootUser ? NOBODY : {};
    const run = spawnSync(process.execPath, [BIN, 'cache', '--datasets', 'ds', '--cache', 'c', '--only', 'bases'], { cwd, ...as, encoding: 'utf8', env: { ...process.env, CI: 'true', HOME: cwd } });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${BASES_FILE}: expected a readable file, found a file dash may not read (permission denied)`);
    expect(run.stderr).not.toContain('demo data');
  });

  it('DASH_ENV=production never falls back to demo data; --demo asks for it', async () => {
    const cwd = await tempDir();
    const prod = await dash(['cache', '--cache', 'c', '--only', 'healthcare'], { cwd, env: { DASH_ENV: 'production' } });
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain(`healthcare: failed — no input under ${join(cwd, 'datasets')} (expected ${HEALTHCARE_FILE}); DASH_ENV=production never builds demo data unless asked`);
    expect(await listed(join(cwd, 'c'))).not.toContain('healthcare.parquet');

    const asked = await dash(['cache', '--cache', 'c', '--only', 'healthcare', '--demo', '--json'], { cwd, env: { DASH_ENV: 'production' } });
    expect(asked.code).toBe(0);
    expect(asked.stderr).toContain('healthcare: using the built-in demo data (--demo)');
    expect((JSON.parse(asked.stdout) as { caches: { source: string }[] }).caches[0]?.source).toBe('demo');
  });

  it('a folder, a dangling symlink, a symlink loop or a FIFO at an input path is an error naming it, never demo data', async () => {
    const cwd = await tempDir();
    const path = join(cwd, 'datasets', BASES_FILE);
    await mkdir(join(cwd, 'datasets', 'military_bases'), { recursive: true });
    const make: Record<string, () => Promise<void>> = {
      'a folder': () => mkdir(path),
      'a dangling symlink': () => symlink(join(cwd, 'gone.csv'), path),
      'a symlink loop': () => symlink(path, path),
      'a named pipe (FIFO)': async () => void execFileSync('mkfifo', [path]),
    };
    for (const [found, create] of Object.entries(make)) {
      execFileSync('rm', ['-rf', path]);
      await create();
      const r = await dash(['cache', '--cache', 'c', '--only', 'bases'], { cwd });
      expect(r.code, found).toBe(1);
      expect(r.stderr, found).toContain(`bases: failed — ${path}: expected a readable file, found ${found}`);
      expect(r.stderr, found).not.toContain('demo data');
      expect(await listed(join(cwd, 'c')), found).not.toContain('bases.parquet');
    }
  });

  it('--only merges repeats; an empty or unknown name is a usage error (exit 2)', async () => {
    const cwd = await tempDir();
    const merged = await dash(['cache', '--check', '--only', 'equipment', '--only', 'bases', '--json'], { cwd });
    expect((JSON.parse(merged.stdout) as { caches: { name: string }[] }).caches.map((c) => c.name)).toEqual(['equipment', 'bases']);
    for (const only of ['equipment,,', ',', 'equipment,nope', '']) {
      const r = await dash(['cache', '--check', '--only', only], { cwd });
      expect(r.code, only).toBe(2);
      expect(r.stderr, only).toMatch(/dash: --only: (empty|unknown) dataset/);
    }
  });
});
