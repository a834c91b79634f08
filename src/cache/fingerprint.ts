import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

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
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(absolute, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return { path: relative, size: info.size, mtimeMs: Math.round(info.mtimeMs), sha256: hash.digest('hex') };
}
