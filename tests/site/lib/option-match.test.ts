import { describe, expect, it } from 'vitest';
import { matchOptions } from '../../../site/lib/option-match.js';

const REGIONS = ['Midwest', 'Northeast', 'South', 'West', 'Territories'].map((r) => ({ value: r, label: r }));
const STATES = [
  { value: 'KS', label: 'KS — Kansas' },
  { value: 'AR', label: 'AR — Arkansas' },
  { value: 'AK', label: 'AK — Alaska' },
];
const labels = (options: readonly { label: string }[]): string[] => options.map((o) => o.label);

describe('matchOptions', () => {
  it('puts an exact match first, then prefixes, then the rest that contain the query', () => {
    expect(labels(matchOptions(REGIONS, 'West'))).toEqual(['West', 'Midwest']);
    expect(labels(matchOptions(REGIONS, 'west '))).toEqual(['West', 'Midwest']);
    expect(labels(matchOptions(REGIONS, 'th'))).toEqual(['Northeast', 'South']);
    expect(labels(matchOptions(REGIONS, 'so'))).toEqual(['South']);
  });

  it('matches codes as well as labels, and keeps the options’ order within a rank', () => {
    expect(labels(matchOptions(STATES, 'ak'))).toEqual(['AK — Alaska']);
    expect(labels(matchOptions(STATES, 'a'))).toEqual(['AR — Arkansas', 'AK — Alaska', 'KS — Kansas']);
    expect(labels(matchOptions(STATES, 'kansas'))).toEqual(['KS — Kansas', 'AR — Arkansas']);
  });

  it('shows every option for an empty query and none for a query nothing contains', () => {
    expect(matchOptions(REGIONS, '  ')).toHaveLength(5);
    expect(matchOptions(REGIONS, 'pacific')).toEqual([]);
  });
});
