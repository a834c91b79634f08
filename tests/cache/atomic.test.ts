import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitTemp, tempPathFor, writeFileAtomic } from '../../src/cache/atomic.js';
import { tempDir } from '../support/fixtures.js';

describe('atomic writes', () => {
  it('puts the temp file next to the target, named after it and this process', () => {
    const temp = tempPathFor('/a/b/equipment.parquet');
    expect(temp).toMatch(new RegExp(`^/a/b/\\.equipment\\.parquet\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(tempPathFor('/a/b/x')).not.toBe(tempPathFor('/a/b/x'));
  });

  it('writes a new file, replaces an old one, creates folders and leaves no temp behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'deep', 'm.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, new TextEncoder().encode('two'));
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'deep'))).toEqual(['m.json']);
  });

  it('leaves the previous file untouched and removes the temp when the write fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'm.json');
    await writeFile(target, 'good');
    // A folder in the target's place makes the final rename fail after the temp was written.
    const blocked = join(dir, 'sub');
    await writeFileAtomic(join(blocked, 'keep'), 'x');
    await expect(writeFileAtomic(blocked, 'bad')).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('good');
    expect((await readdir(dir)).sort()).toEqual(['m.json', 'sub']);
  });

  it('commitTemp renames a written temp over the target', async () => {
    const dir = await tempDir();
    const target = join(dir, 'a.parquet');
    await writeFile(target, 'old');
    const temp = tempPathFor(target);
    await writeFile(temp, 'new');
    await commitTemp(temp, target);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.parquet']);
  });
});
