import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFilesIn, inspectInput } from '../../src/datasets/input.js';
import { tempDir } from '../support/fixtures.js';

const rootUser = process.getuid?.() === 0;

describe('inspectInput', () => {
  it('answers absent for nothing, present for a file or a symlink to one', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.csv'), 'x');
    await symlink(join(dir, 'a.csv'), join(dir, 'link.csv'));
    expect(await inspectInput(join(dir, 'none.csv'), 'file')).toBe('absent');
    expect(await inspectInput(join(dir, 'no-folder', 'none.csv'), 'file')).toBe('absent');
    expect(await inspectInput(join(dir, 'a.csv'), 'file')).toBe('present');
    expect(await inspectInput(join(dir, 'link.csv'), 'file')).toBe('present');
    expect(await inspectInput(dir, 'folder')).toBe('present');
  });

  it('names the path and what stands there: a folder, a dangling symlink, a symlink loop, a FIFO, a file under a file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'folder.csv'));
    await symlink(join(dir, 'gone.csv'), join(dir, 'dangling.csv'));
    await symlink(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'));
    await symlink(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'));
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    await writeFile(join(dir, 'plain'), 'x');
    await symlink(join(dir, 'folder.csv'), join(dir, 'to-folder.csv'));
    const cases: [string, RegExp][] = [
      ['folder.csv', /folder\.csv: expected a readable file, found a folder$/],
      ['dangling.csv', /dangling\.csv: expected a readable file, found a dangling symlink \(to .*gone\.csv, which does not exist\)$/],
      ['loop-a.csv', /loop-a\.csv: expected a readable file, found a symlink loop/],
      ['pipe.csv', /pipe\.csv: expected a readable file, found a named pipe \(FIFO\)$/],
      ['plain/x.csv', /plain\/x\.csv: expected a readable file, found a file where the path needs a folder$/],
      ['to-folder.csv', /to-folder\.csv: expected a readable file, found a symlink \(to .*folder\.csv\) to a folder$/],
    ];
    for (const [name, message] of cases) {
      await expect(inspectInput(join(dir, name), 'file'), name).rejects.toThrow(message);
    }
    await expect(inspectInput(join(dir, 'plain'), 'folder')).rejects.toThrow(/plain: expected a folder, found a file$/);
  });

  it.skipIf(rootUser)('calls an unreadable file what it is', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'secret.csv'), 'x');
    await chmod(join(dir, 'secret.csv'), 0o000);
    await expect(inspectInput(join(dir, 'secret.csv'), 'file')).rejects.toThrow(/secret\.csv: expected a readable file, found a file dash may not read \(permission denied\)/);
  });

  it('csvFilesIn lists the readable *.csv files and rejects a *.csv entry that is not one', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'f'));
    await writeFile(join(dir, 'f', 'b.csv'), 'x');
    await writeFile(join(dir, 'f', 'a.CSV'), 'x');
    await writeFile(join(dir, 'f', '.hidden.csv'), 'x');
    await writeFile(join(dir, 'f', 'notes.txt'), 'x');
    expect(await csvFilesIn(dir, 'f')).toEqual(['f/a.CSV', 'f/b.csv']);
    expect(await csvFilesIn(dir, 'absent')).toEqual([]);
    execFileSync('mkfifo', [join(dir, 'f', 'c.csv')]);
    await expect(csvFilesIn(dir, 'f')).rejects.toThrow(/f\/c\.csv: expected a readable file, found a named pipe/);
  });
});
