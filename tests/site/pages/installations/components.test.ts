import { describe, expect, it } from 'vitest';
import { compareComponents, componentColor, componentScale, OTHER_COLOR, parseComponent } from '../../../../site/pages/installations/components.js';

describe('parseComponent', () => {
  it('reads the service code and the tier of the real COMPONENT values', () => {
    expect(parseComponent('AF Guard')).toEqual({ component: 'AF Guard', service: 'AF', tier: 'Guard' });
    expect(parseComponent('MC Reserve')).toMatchObject({ service: 'MC', tier: 'Reserve' });
    expect(parseComponent('WHS')).toMatchObject({ service: 'WHS', tier: null });
    expect(parseComponent('DLA')).toMatchObject({ service: null, tier: null });
  });
});

describe('componentColor', () => {
  it('gives AF, MC and WHS their own hues (the original greyed them) and tiers their own shades', () => {
    expect(componentColor('AF Active')).toBe('#818CF8');
    expect(componentColor('AF Guard')).toBe('#C7D2FE');
    expect(componentColor('MC Reserve')).toBe('#E11D48');
    expect(componentColor('WHS')).toBe('#FBBF24');
    expect(componentColor('DLA')).toBe(OTHER_COLOR);
    const eleven = ['AF Active', 'AF Guard', 'AF Reserve', 'Army Active', 'Army Guard', 'Army Reserve', 'MC Active', 'MC Reserve', 'Navy Active', 'Navy Reserve', 'WHS'];
    expect(new Set(eleven.map(componentColor)).size).toBe(11);
  });
});

describe('component order', () => {
  it('sorts by service, then Active, Guard, Reserve, unknown codes last', () => {
    const sorted = ['WHS', 'Navy Reserve', 'AF Guard', 'Army Active', 'DLA', 'AF Active'].sort(compareComponents);
    expect(sorted).toEqual(['AF Active', 'AF Guard', 'Army Active', 'Navy Reserve', 'WHS', 'DLA']);
  });

  it('builds one scale for the page from the components present', () => {
    expect(componentScale(['Navy Active', 'AF Active', 'Navy Active'])).toEqual({ domain: ['AF Active', 'Navy Active'], range: ['#818CF8', '#38BDF8'] });
  });
});
