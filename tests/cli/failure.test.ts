import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debugRequested, describeFailure } from '../../src/cli/failure.js';
import { tempDir } from '../support/fixtures.js';

async function systemError(): Promise<Error> {
  const dir = await tempDir();
  return mkdir(join(dir, 'missing', 'a', 'b')).then(
    () => new Error('mkdir succeeded'),
    (err: Error) => err,
  );
}

describe('describeFailure', () => {
  it('words a failed system call as one line naming the action, path and cause', async () => {
    const err = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/data/x.parquet' });
    expect(describeFailure(err, false)).toBe('cannot write /data/x.parquet: no space left on the device (ENOSPC)');
    const renamed = Object.assign(new Error('EXDEV'), { code: 'EXDEV', syscall: 'rename', path: '/a', dest: '/b' });
    expect(describeFailure(renamed, false)).toBe('cannot rename /a to /b: the two paths are on different file systems (EXDEV)');
  });

  it('adds the stack trace of a system error only when debugging', async () => {
    const err = await systemError();
    expect(describeFailure(err, false).split('\n')).toHaveLength(1);
    expect(describeFailure(err, true).split('\n')[1]).toBe('Error: ' + err.message);
  });

  it('keeps the stack trace of anything else: that is a bug in dash', () => {
    const err = new TypeError('x is undefined');
    expect(describeFailure(err, false)).toBe(`unexpected error: ${err.stack}`);
    expect(describeFailure('thrown text', false)).toBe('unexpected error: thrown text');
  });

  it('reads DASH_DEBUG like the settings do, and never fails on a bad value', () => {
    expect(['1', 'true', 'YES', 'on', 'false', 'maybe', undefined].map((v) => debugRequested({ DASH_DEBUG: v }))).toEqual([true, true, true, true, false, false, false]);
  });
});
