import type { AssetReader, DictColumn, EquipmentColumns } from '../../../../site/pages/equipment/columns.js';
import { agencyPairs } from '../../../../src/site/agency.js';
import type { AssetColumn } from '../../../../src/site/assets/equipment.js';

export interface Row {
  state: string;
  agency: string;
  item: string;
  quantity: number;
  value: number;
  demil: string;
  year: number;
  category: string;
}

/** Dictionary-encodes plain records the way the data asset does (sorted dictionary), for tests only. */
export function columnsOf(records: readonly Row[]): EquipmentColumns {
  const dict = (key: 'state' | 'agency' | 'item' | 'demil' | 'category'): DictColumn => {
    const dictionary = [...new Set(records.map((r) => r[key]))].sort();
    return { dictionary, codes: records.map((r) => dictionary.indexOf(r[key])) };
  };
  const state = dict('state');
  return {
    rows: records.length,
    state,
    agency: agencyPairs(state, dict('agency'), records.length),
    item: dict('item'),
    category: dict('category'),
    demil: dict('demil'),
    quantity: records.map((r) => r.quantity),
    value: records.map((r) => r.value),
    year: records.map((r) => r.year),
  };
}

const W = 'Weapons & Firearms';
const V = 'Vehicles & Transport';
const C = 'Clothing & Textiles';
const R = 'Communications & Electronics';

/** Ten rows whose every figure in the tests was worked out by hand. 2011 has no rows; row 5 has no date. */
export const ROWS: Row[] = [
  { state: 'CA', agency: 'LAPD', item: 'RIFLE', quantity: 10, value: 1000, demil: 'D', year: 2010, category: W },
  { state: 'CA', agency: 'LAPD', item: 'TRUCK', quantity: 1, value: 50000, demil: 'A', year: 2012, category: V },
  { state: 'CA', agency: 'SFPD', item: 'RIFLE', quantity: 5, value: 500, demil: 'D', year: 2012, category: W },
  { state: 'TX', agency: 'HPD', item: 'TRUCK', quantity: 2, value: 90000, demil: 'A', year: 2010, category: V },
  { state: 'TX', agency: 'HPD', item: 'BOOTS', quantity: 100, value: 2000, demil: 'A', year: NaN, category: C },
  { state: 'PR', agency: 'PRPD', item: 'RIFLE', quantity: 3, value: 300, demil: 'D', year: 2013, category: W },
  { state: 'GU', agency: 'GPD', item: 'RADIO', quantity: 4, value: 0, demil: 'Q', year: 2014, category: R },
  { state: 'NY', agency: 'NYPD', item: 'RADIO', quantity: 6, value: 1200, demil: 'Q', year: 2014, category: R },
  { state: 'NY', agency: 'NYPD', item: 'BOOTS', quantity: 0, value: 0, demil: 'A', year: 2010, category: C },
  { state: 'GU', agency: 'GPD', item: 'RADIO', quantity: 1, value: 0, demil: 'Q', year: 2013, category: R },
];

export const CATEGORY = { W, V, C, R };

export const LOOKUPS = {
  demilLabel: (code: string): string => ({ A: 'Non-MLI', D: 'MLI: total destruction', Q: 'CCLI' })[code] ?? code,
  population: (state: string): number | undefined => ({ CA: 39538223, TX: 29145505, NY: 20201249, PR: 3285874 })[state],
  region: (state: string): string => ({ CA: 'West', TX: 'South', NY: 'Northeast' })[state] ?? 'Territories',
};

/** Dictionary-encodes shaped asset columns like the data-asset encoder (sorted dictionary, null last). */
export function readerOf(columns: readonly AssetColumn[]): AssetReader {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const get = (name: string): AssetColumn => {
    const column = byName.get(name);
    if (column === undefined) throw new Error(`no column ${name}`);
    return column;
  };
  return {
    rows: columns[0]?.values.length ?? 0,
    columns: byName,
    dict(name) {
      const values = get(name).values as (string | null)[];
      const strings = [...new Set(values.filter((v): v is string => v !== null))].sort();
      const dictionary = values.includes(null) ? [...strings, null] : strings;
      const index = new Map(dictionary.map((v, i) => [v, i]));
      return { dictionary, codes: values.map((v) => index.get(v) as number) };
    },
    numbers: (name) => get(name).values as number[],
  };
}
