import { constants, type Stats } from 'node:fs';
import { access, lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DashError } from '../errors.js';

/**
 * What stands at an input's path, looked at with lstat/stat only: nothing is opened, so a named pipe can never block
 * a build. "Nothing there" is the one answer that may lead to demo data (see `resolveInput` in the builder); anything
 * else that is not what was expected is an error naming the path and what was found.
 */
export type Presence = 'absent' | 'present';

function kindOf(s: Stats): string {
  if (s.isFile()) return 'a file';
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'an unknown kind of file';
}

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException).code;

function mismatch(path: string, want: 'file' | 'folder', found: string): DashError {
  return new DashError(`${path}: expected ${want === 'file' ? 'a readable file' : 'a folder'}, found ${found}`);
}

/** `absent` when nothing is at `path`; `present` when a readable file (or folder), or a symlink to one, is; else throws. */
export async function inspectInput(path: string, want: 'file' | 'folder'): Promise<Presence> {
  let link: Stats;
  try {
    link = await lstat(path);
  } catch (err) {
    if (code(err) === 'ENOENT') return 'absent';
    if (code(err) === 'ENOTDIR') throw mismatch(path, want, 'a file where the path needs a folder');
    if (code(err) === 'EACCES') throw mismatch(path, want, 'a path dash may not look into (permission denied)');
    throw err;
  }
  let target = link;
  let via = '';
  if (link.isSymbolicLink()) {
    const to = await readlink(path).catch(() => '?');
    try {
      target = await stat(path);
    } catch (err) {
      if (code(err) === 'ENOENT') throw mismatch(path, want, `a dangling symlink (to ${to}, which does not exist)`);
      if (code(err) === 'ELOOP') throw mismatch(path, want, `a symlink loop (${to} leads back to itself)`);
      throw mismatch(path, want, `a symlink (to ${to}) that cannot be followed (${code(err) ?? 'error'})`);
    }
    via = `a symlink (to ${to}) to `;
  }
  const fits = want === 'file' ? target.isFile() : target.isDirectory();
  if (!fits) throw mismatch(path, want, `${via}${kindOf(target)}`);
  const mode = want === 'file' ? constants.R_OK : constants.R_OK | constants.X_OK;
  try {
    await access(path, mode);
  } catch {
    throw mismatch(path, want, `${via}${kindOf(target)} dash may not read (permission denied)`);
  }
  return 'present';
}

/** Whether the file at `root/relative` is there; throws for anything there that is not a readable file. */
export async function inputFileAt(root: string, relative: string): Promise<boolean> {
  return (await inspectInput(join(root, relative), 'file')) === 'present';
}

/**
 * `*.csv` entries directly in `root/folder`, sorted, as '/'-separated relative paths; none when the folder is absent.
 * Dot files are ignored (editors' and dash's own temps); a `.csv` entry that is not a readable file is an error.
 */
export async function csvFilesIn(root: string, folder: string): Promise<string[]> {
  if ((await inspectInput(join(root, folder), 'folder')) === 'absent') return [];
  const files: string[] = [];
  for (const name of (await readdir(join(root, folder))).sort()) {
    if (!name.toLowerCase().endsWith('.csv') || name.startsWith('.')) continue;
    if (await inputFileAt(root, `${folder}/${name}`)) files.push(`${folder}/${name}`);
  }
  return files;
}
