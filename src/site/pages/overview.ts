import type { OverviewData } from '../contracts/overview.js';
import { jsonAsset, type PageDefinition } from '../page.js';

export const overview: PageDefinition = {
  id: 'overview',
  title: 'Overview',
  summary: 'What dash shows, a guide to every page, and the data behind this build.',
  guide: [],
  caches: [],
  describesData: true,
  async data(context) {
    const data: OverviewData = {
      builtAt: context.builtAt.toISOString(),
      datasets: context.datasets,
      pages: context.pages.filter((p) => p.id !== 'overview'),
    };
    return [jsonAsset('overview', data)];
  },
};
