/**
 * Data contracts between the site build (Node) and the browser pages: types only, no imports of Node or DOM,
 * so both TypeScript projects compile them. A page's own data shape goes in contracts/<page>.ts.
 */

// The browser cannot import src/cache or src/datasets (they load Node modules), so the two unions are restated;
// the site build assigns the real types to these, so TypeScript flags any drift.
export type SourceKind = 'full' | 'sample' | 'demo';
export type Freshness = 'fresh' | 'stale' | 'missing';

/** One dataset as this site build sees it: what the manifest recorded, and whether its cache is intact. */
export interface DatasetSummary {
  name: string;
  title: string;
  artefact: string;
  /** null when the cache was never built. */
  source: SourceKind | null;
  /**
   * Judged without reading raw inputs (the site reads only caches): the cache file exists, matches the size the
   * manifest recorded and was built by the current pipeline version. `dash status` also re-hashes the inputs.
   */
  freshness: Freshness;
  reason: string;
  rows: number | null;
  bytes: number | null;
  builtAt: string | null;
  durationMs: number | null;
  warnings: number;
  /** The build's warnings about odd input, as the manifest holds them (each names its first lines). */
  warningText: string[];
}

export interface CacheFile {
  name: string;
  bytes: number;
  modifiedAt: string;
}

export interface PageLink {
  id: string;
  title: string;
  href: string;
  summary: string;
  guide: string[];
}
