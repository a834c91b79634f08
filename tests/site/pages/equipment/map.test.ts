import { describe, expect, it } from 'vitest';
import { placeOnMap } from '../../../../site/pages/equipment/map.js';

describe('placeOnMap', () => {
  const totals = [
    { state: 'AE', value: 5 },
    { state: 'CA', value: 3 },
    { state: 'GU', value: 2 },
    { state: 'PR', value: 1 },
  ];
  const placement = placeOnMap(totals, new Set(['CA', 'TX']), ['PR', 'GU', 'VI']);

  it('puts mapped states on the main map', () => {
    expect([...placement.mainland.keys()]).toEqual(['CA']);
  });
  it('gives every territory an inset, empty ones included, in the given order', () => {
    expect(placement.territories.map((t) => [t.code, t.total?.value ?? null])).toEqual([['PR', 1], ['GU', 2], ['VI', null]]);
  });
  it('lists codes no shape can show instead of dropping them', () => {
    expect(placement.unplaced).toEqual([{ state: 'AE', value: 5 }]);
  });
});
