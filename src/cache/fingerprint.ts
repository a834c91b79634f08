import { stat } from 'node:fs/promises';
import { sha256OfFile } from '../filesystem.js';

/**
 * Content identity of one input file. Freshness compares `sha256` only; size and mtime say when it need not be
 * computed again.
 */
export interface InputFingerprint {
  /** Path relative to the datasets folder, '/' separated. */
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

/**
 * The file's fingerprint. When `known` (the last build's) has the same size and modification time, its sha256 is
 * taken as is, as make and rsync trust them: a no-op build then reads no input (the full ECG input alone is 555 MiB).
 * A file whose time changed is hashed, so touching it still rebuilds nothing.
 */
export async function fingerprintFile(absolute: string, relative: string, known?: InputFingerprint): Promise<InputFingerprint> {
  const info = await stat(absolute);
  const mtimeMs = Math.round(info.mtimeMs);
  if (known !== undefined && known.path === relative && known.size === info.size && known.mtimeMs === mtimeMs && /^[0-9a-f]{64}$/.test(known.sha256)) {
    return { path: relative, size: info.size, mtimeMs, sha256: known.sha256 };
  }
  const hash = await sha256OfFile(absolute);
  return { path: relative, size: info.size, mtimeMs, sha256: hash.digest('hex') };
}
