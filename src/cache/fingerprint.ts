import { stat } from 'node:fs/promises';
import { sha256OfFile } from '../filesystem.js';

/** Content identity of one input file. Freshness compares `sha256` only; size and mtime are kept for people. */
export interface InputFingerprint {
  /** Path relative to the datasets folder, '/' separated. */
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export async function fingerprintFile(absolute: string, relative: string): Promise<InputFingerprint> {
  const info = await stat(absolute);
  const hash = await sha256OfFile(absolute);
  return { path: relative, size: info.size, mtimeMs: Math.round(info.mtimeMs), sha256: hash.digest('hex') };
}
