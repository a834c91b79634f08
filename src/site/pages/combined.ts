import { BASES_COLUMNS, EQUIPMENT_COLUMNS, shapeCombined } from '../assets/combined.js';
import { jsonAsset, type PageDefinition } from '../page.js';

export const combined: PageDefinition = {
  id: 'combined',
  title: 'Combined',
  summary: 'Equipment transfers and military installations joined per state: value, installations, regions and rankings.',
  guide: [
    'Filter by census region (territories are their own group) and a minimum number of installations',
    'Value per year, a value map with installation points, a least-squares fit with r², quadrants at the medians',
    'Butterfly, value per installation, regions compared on four measures (small multiples), composite ranking, branch × category heatmap, agency reach',
    'CSV export of the filtered per-state table',
  ],
  caches: ['equipment', 'bases'],
  async data({ caches }) {
    const equipment = await caches.columns('equipment', EQUIPMENT_COLUMNS);
    const bases = await caches.columns('bases', BASES_COLUMNS);
    return [jsonAsset('combined', shapeCombined(equipment, bases))];
  },
};
