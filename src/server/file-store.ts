import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { sha256OfFile } from '../filesystem.js';

export interface StoreOptions {
  /** How long a stat result (including "not found") is reused; a rebuilt site shows within this time. */
  statTtlMs: number;
  /** Files up to this size are kept in memory once read; larger ones stream from disk. */
  maxFileBytes: number;
  /** Memory held by cached file bodies, least recently used evicted first. */
  maxTotalBytes: number;
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = { statTtlMs: 1000, maxFileBytes: 2 * 2 ** 20, maxTotalBytes: 64 * 2 ** 20 };

/** What a response needs of one file version: its ETag and, for small files, its bytes. */
export interface FileVersion {
  etag: string;
  body: Buffer | undefined;
}

interface StatEntry {
  at: number;
  stats?: Stats;
  error?: NodeJS.ErrnoException;
}

interface CachedFile extends FileVersion {
  key: string;
}

// Scanners request endless made-up paths; the stat cache is cleared rather than allowed to grow without bound.
const MAX_STAT_ENTRIES = 20_000;

/** Identifies one version of a file: a replaced, rewritten or touched file gets another. */
export const versionKey = (s: Stats): string => `${s.ino}:${s.size}:${s.mtimeMs}`;

const etagOf = (hash: ReturnType<typeof createHash>): string => `"${hash.digest('base64url').slice(0, 27)}"`;

/** Errors a request can provoke with its path alone: answered as "not found", never as a server failure. */
const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP']);

function notFound(path: string, why: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path}: ${why}`), { code: 'ENOENT' });
}

/**
 * The site files as the server sees them: stat results reused for a short time, small bodies kept in memory
 * and ETags from the content (so every replica of a container gives the same ETag, whatever its mtimes).
 *
 * Every path is confined to `root` by its real path: a symlinked folder anywhere along it (`dist/x -> /etc`)
 * that leads outside makes the path "not found". The folder's real path is resolved once per stat-cache
 * entry, so a repeated request costs no extra system call.
 */
export class FileStore {
  private readonly statCache = new Map<string, StatEntry>();
  private readonly files = new Map<string, CachedFile>();
  private readonly etags = new Map<string, string>();
  private totalBytes = 0;
  private realRoot: { at: number; path: Promise<string> } | undefined;

  constructor(
    private readonly root: string,
    private readonly options: StoreOptions = DEFAULT_STORE_OPTIONS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The cached lstat result while it is fresh, without touching the disk: the stats, null for a path that
   * was not there (or could not be read), undefined when the disk must be asked again.
   */
  peek(path: string): Stats | null | undefined {
    const hit = this.statCache.get(path);
    if (!hit || this.now() - hit.at >= this.options.statTtlMs) return undefined;
    return hit.stats ?? null;
  }

  /** Like fs.lstat (rejects with ENOENT and friends), cached for `statTtlMs`. */
  async lstat(path: string): Promise<Stats> {
    const at = this.now();
    const hit = this.statCache.get(path);
    if (hit && at - hit.at < this.options.statTtlMs) {
      if (hit.stats) return hit.stats;
      throw hit.error;
    }
    if (this.statCache.size >= MAX_STAT_ENTRIES) this.statCache.clear();
    try {
      const stats = await lstat(path);
      await this.assertInside(path, at);
      this.statCache.set(path, { at, stats });
      return stats;
    } catch (err) {
      const error = NOT_FOUND_CODES.has((err as NodeJS.ErrnoException).code ?? '') ? notFound(path, (err as Error).message) : (err as NodeJS.ErrnoException);
      this.statCache.set(path, { at, error });
      throw error;
    }
  }

  /** Rejects (ENOENT) unless the real path of the folder holding `path` is the site folder or inside it. */
  private async assertInside(path: string, at: number): Promise<void> {
    const folder = await realpath(dirname(path));
    if (!this.realRoot || at - this.realRoot.at >= this.options.statTtlMs) this.realRoot = { at, path: realpath(this.root) };
    const root = await this.realRoot.path;
    const rel = relative(root, folder);
    if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))) return;
    throw notFound(path, `its folder's real path ${folder} is outside the site folder`);
  }

  /** The file version described by `stats`; rejects if the file on disk is no longer that version. */
  async load(path: string, stats: Stats): Promise<FileVersion> {
    const key = versionKey(stats);
    const cached = this.files.get(path);
    if (cached?.key === key) {
      // Map order is the LRU order: move to the back.
      this.files.delete(path);
      this.files.set(path, cached);
      return cached;
    }
    if (stats.size > this.options.maxFileBytes) return { etag: await this.hashLarge(path, stats), body: undefined };

    const handle = await open(path, 'r');
    let body: Buffer;
    try {
      const now = await handle.stat();
      if (versionKey(now) !== key) {
        // Replaced since it was stat'ed (a site rebuild): look again next time.
        this.statCache.delete(path);
        throw changedError(path);
      }
      body = Buffer.allocUnsafe(stats.size);
      let offset = 0;
      while (offset < body.length) {
        const { bytesRead } = await handle.read(body, offset, body.length - offset, offset);
        if (bytesRead === 0) throw changedError(path);
        offset += bytesRead;
      }
    } finally {
      await handle.close();
    }
    const file: CachedFile = { key, etag: etagOf(createHash('sha256').update(body)), body };
    if (cached?.body) this.totalBytes -= cached.body.length;
    this.files.delete(path);
    this.files.set(path, file);
    this.totalBytes += body.length;
    for (const [oldPath, old] of this.files) {
      if (this.totalBytes <= this.options.maxTotalBytes) break;
      this.files.delete(oldPath);
      this.totalBytes -= old.body?.length ?? 0;
    }
    return file;
  }

  /** Large files stream from disk; their content hash is computed once per version. */
  private async hashLarge(path: string, stats: Stats): Promise<string> {
    const id = `${path}\0${versionKey(stats)}`;
    const known = this.etags.get(id);
    if (known) return known;
    const etag = etagOf(await sha256OfFile(path));
    if (this.etags.size >= MAX_STAT_ENTRIES) this.etags.clear();
    this.etags.set(id, etag);
    return etag;
  }
}

function changedError(path: string): Error {
  return Object.assign(new Error(`${path} changed while it was being read`), { code: 'ECHANGED' });
}
