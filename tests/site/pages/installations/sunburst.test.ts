import { describe, expect, it } from 'vitest';
import { findNode, MAX_RINGS, ringsThatFit, sunburstHierarchy, type SunburstNode } from '../../../../site/pages/installations/sunburst.js';
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

describe('ringsThatFit', () => {
  const root = sunburstHierarchy(FIXTURE, 2);

  it('draws states and components, never the installations ring, from the top', () => {
    expect(MAX_RINGS).toBe(2);
    // 260 px: the smallest component (1 of 9) gets 2π/9 · 2.5 · 86.7 px = 151 px of arc.
    expect(ringsThatFit(root, 260)).toBe(2);
  });

  it('drops to one ring when the arcs that could carry a label cover less than half of the outer ring', () => {
    // 10 px: only the two 2-of-9 components get ≥ 11 px (11.6): 4/9 of the ring.
    expect(ringsThatFit(root, 10)).toBe(1);
    // 12 px: the 2-of-9 ones get 14 px, the 1-of-9 ones 7 px: still 4/9.
    expect(ringsThatFit(root, 12)).toBe(1);
    // 20 px: the 1-of-9 components get 11.6 px: all labelled.
    expect(ringsThatFit(root, 20)).toBe(2);
  });

  it('shows the next level after a drill: components and installations in a state, installations in a component', () => {
    expect(ringsThatFit(findNode(root, ['Texas']) as SunburstNode, 260)).toBe(2);
    expect(ringsThatFit(findNode(root, ['Texas', 'AF Active']) as SunburstNode, 260)).toBe(1);
  });

  it('keeps one ring of 400 slivers out: 20 states of 20 installations show the states ring alone', () => {
    const leaf = (i: number): SunburstNode => ({ name: `b${i}`, value: 1, depth: 2 });
    const states: SunburstNode[] = Array.from({ length: 20 }, (_, s) => ({ name: `s${s}`, value: 20, depth: 1, children: Array.from({ length: 20 }, (_, i) => leaf(s * 20 + i)) }));
    // Two rings: 2π/400 · 2.5 · 86.7 px = 3.4 px per installation, none labelled.
    expect(ringsThatFit({ name: 'all', value: 400, depth: 0, children: states }, 260)).toBe(1);
  });
});
