import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeBatcher, ignoredPath, watchTree } from '../../src/dev/watch.js';
import { tempDir } from '../support/fixtures.js';

describe('ChangeBatcher', () => {
  it('coalesces changes in quick succession into one batch, and never runs two batches at once', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const batcher = new ChangeBatcher(async (paths) => {
      batches.push(paths);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 20, 200);
    for (const path of ['b', 'a', 'b', 'a']) batcher.add(path);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(batches).toEqual([['a', 'b']]);
    // Changes during a running batch wait for it, then go as one.
    batcher.add('c');
    batcher.add('d');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(batches).toHaveLength(1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(batches).toEqual([['a', 'b'], ['c', 'd']]);
    await batcher.close();
    batcher.add('e');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(batches).toHaveLength(2);
  });

  it('flushes a steady stream of changes at the latest maxWait after the first', async () => {
    const batches: string[][] = [];
    const batcher = new ChangeBatcher(async (paths) => void batches.push(paths), 40, 100);
    for (let i = 0; i < 12; i++) {
      batcher.add(`f${i}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await batcher.close();
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches[0]?.length).toBeLessThan(12);
  });
});

describe('watchTree', () => {
  it('reports changes in subfolders and skips editor temp files and dot-files', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'military_bases'));
    await writeFile(join(dir, 'military_bases', 'military-bases.csv'), 'a\n');
    const seen = new Set<string>();
    const { watcher, recursive } = watchTree(dir, (path) => seen.add(path));
    try {
      expect(recursive).toBe(true);
      await writeFile(join(dir, 'military_bases', '.military-bases.csv.swp'), 'x');
      await writeFile(join(dir, 'military_bases', 'military-bases.csv~'), 'x');
      await appendFile(join(dir, 'military_bases', 'military-bases.csv'), 'b\n');
      const until = Date.now() + 5_000;
      while (!seen.has(join(dir, 'military_bases', 'military-bases.csv')) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      expect([...seen]).toEqual([join(dir, 'military_bases', 'military-bases.csv')]);
    } finally {
      watcher.close();
    }
  });

  it('ignores what editors write beside a file', () => {
    expect(['a/.x.swp', 'a/b.csv~', 'a/4913', 'a/b.csv.tmp', '.git/x'].map(ignoredPath)).toEqual([true, true, true, true, true]);
    expect(ignoredPath('ecg_data/mitbih_train.csv')).toBe(false);
  });
});
