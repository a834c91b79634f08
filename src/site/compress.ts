import { copyFile, link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import pLimit from 'p-limit';
import { tempPathFor } from '../cache/atomic.js';
import { release } from '../interrupt.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Compressions run on libuv's thread pool (4 threads), which also does the file reads and writes. Unbounded, a
 * page's 17 files each waited behind seconds of brotli work (the full demo's site build idled 1.5 s between two
 * pages); at most one per core, the other threads stay free for the files, and the cores stay busy.
 */
const zlibJobs = pLimit(Math.max(1, availableParallelism()));

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
 * transcript chunks and the 6 MB equipment table. Between 32 and 128 KiB, 11 does not pay either: on the demo site's
 * files there it made them 0.3 % smaller for 2.5× the CPU (795 ms against 324 ms), so it is kept for small files only.
 */
export function brotliQuality(bytes: number): number {
  if (bytes <= 32 * 1024) return 11;
  if (bytes <= 4 * 1024 * 1024) return 10;
  return 9;
}

/**
 * gzip is what browsers get over plain HTTP (they offer br over HTTPS only). Above 1 MiB its level 9 bought ~1 % for
 * 2.5–6× the CPU on the full demo's largest files (equipment rows, 2.2 MB: 884,600 B in 483 ms at 9, 894,725 B in
 * 77 ms at 6; details 1.2 MB: 227 against 45 ms; footprints 1.5 MB: 163 against 123 ms, 0.1 % apart).
 */
export function gzipLevel(bytes: number): number {
  return bytes <= 1024 * 1024 ? 9 : 6;
}

/** Both precompressed copies of `data`, each on libuv's pool within the per-core limit. */
async function compressBoth(data: Uint8Array): Promise<{ gz: Buffer; br: Buffer }> {
  const [gz, br] = await Promise.all([
    zlibJobs(() => gzipAsync(data, { level: gzipLevel(data.byteLength) })),
    zlibJobs(() =>
      brotliAsync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.byteLength),
          [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
        },
      }),
    ),
  ]);
  return { gz, br };
}

/**
 * Writes `<path>.gz` and `<path>.br` next to `path` so a server (or a CDN) can send them without compressing per
 * request.
 */
export async function writeCompressed(path: string, data: Uint8Array): Promise<{ gzip: number; brotli: number }> {
  const { gz, br } = await compressBoth(data);
  await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
  return { gzip: gz.byteLength, brotli: br.byteLength };
}

/**
 * Adds `<path>.gz` and `<path>.br` beside a file that is already being served (a `dash dev` rebuild compresses after
 * the site is swapped in). Each goes to a temp file renamed into place, so a reader gets all of it or none, and only
 * while `path` is still the file that was written (inode `ino`): a build in between may have replaced it. Undefined
 * when it was replaced.
 */
export async function addCompressed(path: string, data: Uint8Array, ino: number): Promise<{ gzip: number; brotli: number } | undefined> {
  const { gz, br } = await compressBoth(data);
  const temps = [tempPathFor(`${path}.gz`), tempPathFor(`${path}.br`)];
  try {
    await Promise.all([writeFile(temps[0] as string, gz), writeFile(temps[1] as string, br)]);
    if ((await stat(path).catch(() => undefined))?.ino !== ino) return undefined;
    await Promise.all([rename(temps[0] as string, `${path}.gz`), rename(temps[1] as string, `${path}.br`)]);
    return { gzip: gz.byteLength, brotli: br.byteLength };
  } finally {
    for (const temp of temps) {
      release(temp);
      await rm(temp, { force: true });
    }
  }
}

/** A hard link (same bytes, same inode, no write); a copy where the file system cannot link (another device). */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw err;
    await copyFile(from, to);
  }
}

/** The files a site file is served as: itself, and its precompressed siblings when it has them. */
export function servedFiles(relative: string, bytes: number): string[] {
  return isCompressible(relative, bytes) ? [relative, `${relative}.gz`, `${relative}.br`] : [relative];
}

/**
 * Links `previous` (and its `.gz`/`.br`) to `path` when it holds exactly `data`: a file of the last build that is
 * unchanged keeps its bytes, inode and mtime, and is neither written nor compressed again. Undefined when there is
 * nothing to reuse.
 */
export async function reuseUnchanged(previous: string, path: string, data: Uint8Array): Promise<{ brotli: number } | undefined> {
  const compressible = isCompressible(path, data.byteLength);
  try {
    const [old, br] = await Promise.all([readFile(previous), compressible ? stat(`${previous}.br`) : undefined, compressible ? stat(`${previous}.gz`) : undefined]);
    if (!old.equals(data)) return undefined;
    const suffixes = compressible ? ['', '.gz', '.br'] : [''];
    await Promise.all(suffixes.map((s) => linkOrCopy(`${previous}${s}`, `${path}${s}`)));
    return { brotli: br?.size ?? data.byteLength };
  } catch {
    return undefined;
  }
}
