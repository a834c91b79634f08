import type { DatasetName } from '../datasets/types.js';
import type { CacheReader, DatasetSummary } from './caches.js';
import type { ColumnInput } from './columnar.js';
import type { PageLink } from './contracts/common.js';

export type { PageLink } from './contracts/common.js';

/**
 * One page of the site. A page is three files plus one line: its browser module `site/pages/<id>.ts`, its
 * definition here (`src/site/pages/<id>.ts`, exporting a PageDefinition), and its entry in PAGES
 * (src/site/pages.ts), whose order is the navigation order. See site/README.md.
 */
export interface PageDefinition {
  /** Lower-case slug: the browser entry site/pages/<id>.ts and the HTML file <id>.html (overview → index.html). */
  id: string;
  /** Navigation label and page heading, e.g. "Equipment". */
  title: string;
  /** One sentence under the heading and in the Overview's guide. */
  summary: string;
  /** What a user can do on the page, shown as bullets in the Overview's guide. */
  guide: string[];
  /** Caches the data builder reads; `dash site` refuses to build when one is missing, naming it. */
  caches: DatasetName[];
  /**
   * The page shows facts about every dataset and cache file (the Overview, Status): it is rebuilt when any of them
   * changes, and its footer names every dataset. Other pages' footers name the datasets in `caches`.
   */
  describesData?: boolean;
  /** Produces the page's data assets from the caches (never from raw CSV). */
  data(context: PageContext): Promise<DataAsset[]>;
}

/** What a page's data builder gets: the caches, and facts about this build shared by every page. */
export interface PageContext {
  caches: CacheReader;
  /** Every dataset as recorded in the manifest, in registry order (for pages that describe the data). */
  datasets: DatasetSummary[];
  /** Every page of this build, in navigation order (for the Overview's guide). */
  pages: PageLink[];
  builtAt: Date;
}


/**
 * A file the page fetches at view time, named so the browser asks for it by `name` (see site/lib/data.ts).
 * `json` for aggregates; `columnar` for rows the page filters (src/site/columnar.ts); `preload: false` for assets
 * fetched only when the user opens something (e.g. one transcription), so they do not count before first paint.
 */
export type DataAsset =
  | { kind: 'json'; name: string; value: unknown; preload?: boolean }
  | { kind: 'columnar'; name: string; columns: ColumnInput[]; meta?: unknown; preload?: boolean };

export function jsonAsset(name: string, value: unknown, options: { preload?: boolean } = {}): DataAsset {
  return { kind: 'json', name, value, ...options };
}

export function columnarAsset(name: string, columns: ColumnInput[], meta?: unknown, options: { preload?: boolean } = {}): DataAsset {
  return { kind: 'columnar', name, columns, meta, ...options };
}

/** The file a page is served as: the Overview is the site's index. */
export function pageFile(id: string): string {
  return id === 'overview' ? 'index.html' : `${id}.html`;
}
