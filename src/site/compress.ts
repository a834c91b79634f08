import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** File types a server may send precompressed; images other than SVG are compressed already. */
const COMPRESSIBLE = /\.(html|js|css|json|svg|txt|dcl)$/;
/** Below this the headers cost more than compression saves. */
const MIN_BYTES = 1024;

export function isCompressible(path: string, bytes: number): boolean {
  return bytes >= MIN_BYTES && COMPRESSIBLE.test(path);
}

/**
 * Brotli's best setting costs ~2 s per MB here; quality 10 gives files within ~3 % in half the time and 9 within
 * ~10 % in a tenth. The full-size demo site took 45 s to build at 11 throughout, most of it on 40 lazily loaded
 * transcript chunks and the 6 MB equipment table.
 */
export function brotliQuality(bytes: number): number {
  if (bytes <= 128 * 1024) return 11;
  if (bytes <= 4 * 1024 * 1024) return 10;
  return 9;
}

/**
 * Writes `<path>.gz` and `<path>.br` next to `path` so a server (or a CDN) can send them without compressing per
 * request.
 */
export async function writeCompressed(path: string, data: Uint8Array): Promise<{ gzip: number; brotli: number }> {
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.byteLength),
        [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
      },
    }),
  ]);
  await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
  return { gzip: gz.byteLength, brotli: br.byteLength };
}

/**
 * Copies `<previous>.gz` and `<previous>.br` next to `path` when `previous` holds exactly `data`: a content-hashed
 * file of the last build compresses to the same bytes, so a rebuild only compresses what changed. Undefined when
 * there is nothing to reuse.
 */
export async function reuseCompressed(previous: string, path: string, data: Uint8Array): Promise<{ gzip: number; brotli: number } | undefined> {
  try {
    const [old, gz, br] = await Promise.all([readFile(previous), stat(`${previous}.gz`), stat(`${previous}.br`)]);
    if (!old.equals(data)) return undefined;
    await Promise.all([copyFile(`${previous}.gz`, `${path}.gz`), copyFile(`${previous}.br`, `${path}.br`)]);
    return { gzip: gz.size, brotli: br.size };
  } catch {
    return undefined;
  }
}
