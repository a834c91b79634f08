import type { DatasetSummary } from './caches.js';

/** The datasets behind a page that are not the full data, by kind, for the page's banner (empty: no banner). */
export interface DataNotice {
  demo: string[];
  sample: string[];
}

/**
 * A page shows what its caches hold; the Overview and Status pages read no cache but describe every dataset, so
 * every dataset counts for them. A dataset built from dash's demo data or from sample files is named, so figures
 * made up or partial are never taken for the real ones.
 */
export function dataNotice(pageCaches: readonly string[], datasets: readonly DatasetSummary[]): DataNotice {
  const used = pageCaches.length === 0 ? datasets : datasets.filter((d) => pageCaches.includes(d.name));
  return {
    demo: used.filter((d) => d.source === 'demo').map((d) => d.title),
    sample: used.filter((d) => d.source === 'sample').map((d) => d.title),
  };
}

/** "A", "A and B", "A, B and C". */
export function listTitles(titles: readonly string[]): string {
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}
