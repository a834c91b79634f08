import { parseBool } from '../config.js';

/**
 * How the CLI words an error it did not raise itself. A failed system call (a folder that cannot be created, a disk
 * that is full) is the user's environment, not a bug: one line naming the path and the cause. Anything else is a bug
 * in dash and keeps its stack trace. DASH_DEBUG=true, set explicitly (its development default is for the settings
 * table's sake), adds the stack to system errors too.
 */
const CAUSES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  EBUSY: 'it is busy',
  EXDEV: 'the two paths are on different file systems',
};

const ACTIONS: Record<string, string> = {
  mkdir: 'create the folder',
  open: 'open',
  read: 'read',
  write: 'write',
  rename: 'rename',
  unlink: 'delete',
  rmdir: 'delete the folder',
  scandir: 'list the folder',
  stat: 'read the details of',
  lstat: 'read the details of',
  copyfile: 'copy',
  link: 'link',
};

interface SystemError extends Error {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

function isSystemError(err: unknown): err is SystemError {
  return err instanceof Error && typeof (err as Partial<SystemError>).code === 'string' && typeof (err as Partial<SystemError>).syscall === 'string';
}

export function describeFailure(err: unknown, debug: boolean): string {
  if (isSystemError(err)) {
    const action = ACTIONS[err.syscall] ?? err.syscall;
    const target = err.path === undefined ? '' : ` ${err.path}${err.dest === undefined ? '' : ` to ${err.dest}`}`;
    const line = `cannot ${action}${target}: ${CAUSES[err.code] ?? err.message} (${err.code})`;
    return debug && err.stack ? `${line}\n${err.stack}` : line;
  }
  return `unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}

/** DASH_DEBUG as the settings read it, but never failing: an error is being reported already. */
export function debugRequested(env: NodeJS.ProcessEnv): boolean {
  return parseBool(env.DASH_DEBUG ?? '') === true;
}
