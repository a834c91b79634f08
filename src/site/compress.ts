import { writeFile } from 'node:fs/promises';
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
 * Writes `<path>.gz` and `<path>.br` next to `path` so a server (or a CDN) can send them without compressing per
 * request. Brotli at its best setting for ordinary files; large ones at 9, which is within a few % and far faster.
 */
export async function writeCompressed(path: string, data: Uint8Array): Promise<{ gzip: number; brotli: number }> {
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: data.byteLength > 2_000_000 ? 9 : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
      },
    }),
  ]);
  await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
  return { gzip: gz.byteLength, brotli: br.byteLength };
}
