import { ASSET_SOURCE_COLUMNS, shapeEquipmentAsset, splitEquipmentAsset } from '../assets/equipment.js';
import { columnarAsset, type PageDefinition } from '../page.js';

export const equipment: PageDefinition = {
  id: 'equipment',
  title: 'Equipment',
  summary: 'DoD 1033 program transfers of military equipment to law enforcement, by state, year, category and DEMIL code.',
  guide: [
    'Filters: states and territories, ship-year range (undated lines count until you narrow it), category and DEMIL code; all kept in the URL.',
    'KPIs: total items, total value, agencies served, states and territories.',
    'Animated yearly timeline of the top 5 categories, top items, state maps with territory insets, year-over-year growth, value per resident.',
    'DEMIL codes by category, ranked top states, agencies and average value per item, and a Category → Item treemap to drill into.',
    'CSV export of the filtered transfer lines.',
  ],
  caches: ['equipment'],
  async data({ caches }) {
    const cache = await caches.columns('equipment', ASSET_SOURCE_COLUMNS);
    const { rows, details } = splitEquipmentAsset(shapeEquipmentAsset(cache));
    return [columnarAsset('rows', rows), columnarAsset('details', details, undefined, { preload: false })];
  },
};
