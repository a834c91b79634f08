import { createHash, type Hash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const HASH_BLOCK = 1 << 20;

/**
 * A sha256 of the file's bytes, ready to digest. It reads through one reused buffer: a stream allocates a fresh
 * buffer per chunk, and faulting in fresh memory made hashing the 555 MiB ECG input take ~2.4 s instead of ~0.4 s.
 */
export async function sha256OfFile(path: string): Promise<Hash> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(HASH_BLOCK);
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, HASH_BLOCK, null);
      if (bytesRead === 0) break;
      hash.update(bytesRead === HASH_BLOCK ? buffer : buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash;
}
