import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../cache/manifest.js';
import type { Paths } from '../config.js';

/** The cache files /health reports, under the seed's keys (DESIGN §4). */
export const CACHE_FILES = {
  equipment: 'equipment.parquet',
  bases: 'bases.parquet',
  healthcare: 'healthcare.parquet',
  ecg: 'ecg_precomputed.json',
} as const;

export type CacheKey = keyof typeof CACHE_FILES;

export type CacheSource = 'full' | 'sample' | 'demo';

/**
 * The seed's /health fields (seeds/DEPLOYMENT.md), then what dash adds: each cache's source as manifest.json records
 * it (null when not recorded), and why the status is degraded.
 */
export interface HealthReport {
  status: 'healthy' | 'degraded';
  uptime_seconds: number;
  cache: Record<CacheKey, { exists: boolean; size_bytes: number }>;
  cache_directory: boolean;
  data_available: boolean;
  all_caches_warm: boolean;
  sources: Record<CacheKey, CacheSource | null>;
  degraded_reasons: string[];
}

/** What the file system says, apart from the clock so concurrent probes can share one look. */
export interface ReadinessFacts {
  cache: HealthReport['cache'];
  cacheDirectory: boolean;
  dataAvailable: boolean;
  /** dist/index.html is a readable file: the site can be served. */
  siteReady: boolean;
  /** Every cache is a readable, non-empty regular file. */
  cachesReady: boolean;
  sources: HealthReport['sources'];
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** A regular file we may read; a directory or a dangling link under a cache's name does not count. */
async function readableFile(path: string): Promise<{ exists: boolean; size: number; readable: boolean }> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return { exists: false, size: 0, readable: false };
    const readable = await access(path, constants.R_OK).then(
      () => true,
      () => false,
    );
    return { exists: true, size: s.size, readable };
  } catch {
    return { exists: false, size: 0, readable: false };
  }
}

const SOURCES: readonly string[] = ['full', 'sample', 'demo'];

/** Each cache's source from manifest.json; null for a cache it does not record (or a manifest it cannot read). */
async function readSources(cacheDir: string): Promise<HealthReport['sources']> {
  let artefacts: Record<string, { source?: unknown } | undefined> = {};
  try {
    artefacts = (JSON.parse(await readFile(join(cacheDir, MANIFEST_FILE), 'utf8')) as { artefacts?: typeof artefacts }).artefacts ?? {};
  } catch {
    // no manifest yet, or a damaged one: every source unknown
  }
  const sources = {} as HealthReport['sources'];
  for (const key of Object.keys(CACHE_FILES) as CacheKey[]) {
    const source = artefacts[key]?.source;
    sources[key] = typeof source === 'string' && SOURCES.includes(source) ? (source as CacheSource) : null;
  }
  return sources;
}

export async function readReadinessFacts(paths: Paths): Promise<ReadinessFacts> {
  const keys = Object.keys(CACHE_FILES) as CacheKey[];
  const [sources, cacheDirectory, dataAvailable, site, ...files] = await Promise.all([
    readSources(paths.cache),
    isDirectory(paths.cache),
    isDirectory(paths.datasets),
    readableFile(join(paths.out, 'index.html')),
    ...keys.map((k) => readableFile(join(paths.cache, CACHE_FILES[k]))),
  ]);
  const cache = {} as HealthReport['cache'];
  keys.forEach((k, i) => {
    const f = files[i] as Awaited<ReturnType<typeof readableFile>>;
    cache[k] = { exists: f.exists, size_bytes: f.size };
  });
  return {
    cache,
    sources,
    cacheDirectory,
    dataAvailable,
    siteReady: site.exists && site.readable,
    cachesReady: files.every((f) => f.exists && f.readable && f.size > 0),
  };
}

/**
 * Readiness: healthy only when the site and all four caches can be served, and, in production, none of them is
 * dash's demo data (a production server must never answer with made-up figures unnoticed). Raw datasets are
 * informational (a container ships caches without them), unlike the original, which degraded on a missing datasets folder.
 */
export function healthReport(facts: ReadinessFacts, uptime: number, production = false): HealthReport {
  const warm = facts.cachesReady;
  const reasons: string[] = [];
  if (!facts.cacheDirectory) reasons.push('the cache folder does not exist');
  const cold = (Object.keys(facts.cache) as CacheKey[]).filter((k) => !facts.cache[k].exists || facts.cache[k].size_bytes === 0);
  if (!warm) reasons.push(`cache${cold.length === 1 ? '' : 's'} missing, empty or unreadable: ${cold.join(', ') || 'unreadable'}`);
  if (!facts.siteReady) reasons.push('the site is not built (index.html missing)');
  const demo = (Object.keys(facts.sources) as CacheKey[]).filter((k) => facts.sources[k] === 'demo');
  if (production && demo.length > 0) reasons.push(`demo data in production: ${demo.join(', ')}`);
  return {
    status: reasons.length === 0 ? 'healthy' : 'degraded',
    uptime_seconds: uptime,
    cache: facts.cache,
    cache_directory: facts.cacheDirectory,
    data_available: facts.dataAvailable,
    all_caches_warm: warm,
    sources: facts.sources,
    degraded_reasons: reasons,
  };
}

/** How old the /health answer's file-system facts may be: a removed cache shows as degraded within this time. */
export const HEALTH_MAX_AGE_MS = 1_000;

export interface ReadinessSnapshotOptions {
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * The readiness facts, looked up at most once per `maxAgeMs`: under load /health then costs no file-system
 * call per request (a look is 7 stat/access calls through the thread pool). Every probe that arrives while a
 * look runs waits for that same look; the age counts from the look's start, so an answer is never older than
 * `maxAgeMs` plus one look. A value, not a promise, when the snapshot is fresh: the hot path awaits nothing.
 */
export function readinessSnapshot(paths: Paths, options: ReadinessSnapshotOptions = {}): () => ReadinessFacts | Promise<ReadinessFacts> {
  const maxAgeMs = options.maxAgeMs ?? HEALTH_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  let facts: ReadinessFacts | undefined;
  let takenAt = 0;
  let pending: Promise<ReadinessFacts> | undefined;
  return () => {
    if (facts && now() - takenAt < maxAgeMs) return facts;
    if (!pending) {
      const startedAt = now();
      pending = readReadinessFacts(paths)
        .then((looked) => {
          facts = looked;
          takenAt = startedAt;
          return looked;
        })
        .finally(() => {
          pending = undefined;
        });
    }
    return pending;
  };
}
