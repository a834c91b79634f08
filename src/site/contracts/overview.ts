import type { DatasetSummary, PageLink } from './common.js';

/** The Overview's one data asset, "overview". */
export interface OverviewData {
  builtAt: string;
  datasets: DatasetSummary[];
  /** Every page but the Overview, in navigation order. */
  pages: PageLink[];
}
