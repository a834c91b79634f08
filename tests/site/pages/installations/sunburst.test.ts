import { describe, expect, it } from 'vitest';
import { findNode, sunburstHierarchy } from '../../../../site/pages/installations/sunburst.js';
import { FIXTURE } from './fixture.js';

describe('sunburstHierarchy', () => {
  const root = sunburstHierarchy(FIXTURE, 2);

  it('keeps the top states and sums the installations below each node', () => {
    expect(root.value).toBe(9);
    expect(root.children?.map((s) => [s.name, s.value])).toEqual([
      ['Texas', 6],
      ['Virginia', 3],
    ]);
  });

  it('nests State → Component → Installation with components in legend order', () => {
    const texas = findNode(root, ['Texas']);
    expect(texas?.children?.map((c) => [c.name, c.value])).toEqual([
      ['AF Active', 2],
      ['Army Active', 2],
      ['Army Guard', 1],
      ['DLA', 1],
    ]);
    const af = findNode(root, ['Texas', 'AF Active']);
    expect(af?.depth).toBe(2);
    expect(af?.children?.map((leaf) => [leaf.name, leaf.value, leaf.depth, leaf.installation?.joint])).toEqual([
      ['Lackland', 1, 3, 'Joint Base San Antonio'],
      ['Randolph', 1, 3, 'Joint Base San Antonio'],
    ]);
  });

  it('returns null for a drill-down path the filters removed', () => {
    expect(findNode(root, ['Guam'])).toBeNull();
    expect(findNode(root, ['Texas', 'Navy Active'])).toBeNull();
  });

  it('takes the 15 largest states by default', () => {
    expect(sunburstHierarchy(FIXTURE).children?.map((s) => s.name)).toEqual(['Texas', 'Virginia', 'California', 'Guam', 'Puerto Rico']);
  });
});
