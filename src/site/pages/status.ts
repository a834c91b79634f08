import { DASH_VERSION } from '../../version.js';
import { listCacheFiles } from '../caches.js';
import type { StatusData } from '../contracts/status.js';
import { jsonAsset, type PageDefinition } from '../page.js';

export const status: PageDefinition = {
  id: 'status',
  title: 'Status',
  summary: 'Where each dataset came from, how fresh and large its cache is, and live server figures when served by dash.',
  guide: [
    'Per dataset: source (full, sample or demo), freshness, rows, size, built-at and build duration.',
    'Cache files with size bars and the total.',
    'Under `dash serve`: live uptime, requests and cache state from /health and /metrics.',
  ],
  caches: [],
  describesData: true,
  async data(context) {
    const files = await listCacheFiles(context.caches.cacheDir);
    const data: StatusData = {
      builtAt: context.builtAt.toISOString(),
      dashVersion: DASH_VERSION,
      datasets: context.datasets,
      files,
      totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    };
    return [jsonAsset('status', data)];
  },
};
