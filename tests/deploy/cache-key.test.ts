import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanEnv, REPO, run } from './repo.js';

const key = (input: string): ReturnType<typeof run> =>
  run(process.execPath, ['deploy/cache-key.mjs'], { cwd: REPO, env: cleanEnv(), input });

const status = (datasets: { name: string; inputSha256: string[] }[]): string =>
  JSON.stringify({ datasetsDir: '/x/datasets', cacheDir: '/x/data_cache', datasets: datasets.map((d) => ({ ...d, source: 'full', cache: 'fresh' })) });

describe('deploy/cache-key.mjs', () => {
  it('hashes one "<name> <sha,sha>" line per dataset, sorted by name', async () => {
    const result = await key(status([
      { name: 'equipment', inputSha256: ['aa'] },
      { name: 'ecg', inputSha256: ['11', '22'] },
    ]));
    const expected = createHash('sha256').update('ecg 11,22\nequipment aa\n').digest('hex');
    expect(result).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('depends on content hashes only: paths, folders, freshness and order do not change it', async () => {
    const a = await key(status([{ name: 'bases', inputSha256: ['b1'] }, { name: 'ecg', inputSha256: ['e1'] }]));
    const moved = JSON.parse(status([{ name: 'ecg', inputSha256: ['e1'] }, { name: 'bases', inputSha256: ['b1'] }])) as Record<string, unknown>;
    moved.cacheDir = '/elsewhere';
    const b = await key(JSON.stringify(moved));
    const edited = await key(status([{ name: 'bases', inputSha256: ['b2'] }, { name: 'ecg', inputSha256: ['e1'] }]));
    expect(b.stdout).toBe(a.stdout);
    expect(edited.stdout).not.toBe(a.stdout);
    expect(a.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('rejects input that is not `dash status --json`, saying what it expected', async () => {
    expect(await key('not json')).toMatchObject({ code: 1, stdout: '' });
    expect((await key('not json')).stderr).toMatch(/^cache-key: stdin is not the JSON of `dash status --json` \(/);
    expect(await key('{"datasets": []}')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cache-key: expected {"datasets": [{"name": ..., "inputSha256": [...]}, ...]} from `dash status --json`\n',
    });
  });
});
