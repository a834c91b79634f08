/**
 * A deterministic equipment cache (Parquet, the cache's column names and types) with the awkward cases of the
 * real data: territories, an agency name shared by two states, lines without an agency name, undated rows, zero quantities and values, a year
 * with no transfers. Tests read it both through the page's code and through DuckDB.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = ['AL', 'CA', 'FL', 'NY', 'TX', 'WA', 'PR', 'GU', 'VI'];
const ITEMS: [string, string, string][] = [
  ['1005-01-128-9936', 'RIFLE,5.56 MILLIMETER', 'Weapons & Firearms'],
  ['1005-00-589-1271', 'RIFLE,7.62 MILLIMETER', 'Weapons & Firearms'],
  ['2320-01-371-9584', 'TRUCK,UTILITY', 'Vehicles & Transport'],
  ['2355-01-553-4634', 'MINE RESISTANT VEHICLE', 'Vehicles & Transport'],
  ['1385-01-574-4707', 'ROBOT,EXPLOSIVE ORDNANCE', 'Ammunition & Explosives'],
  ['5855-01-534-5931', 'NIGHT VISION GOGGLE', 'Other'],
  ['5855-01-228-0937', 'SIGHT,THERMAL', 'Other'],
  ['6515-01-521-4576', 'FIRST AID KIT', 'Medical Equipment'],
  ['8465-01-525-0577', 'BACKPACK', 'Clothing & Textiles'],
  ['8415-01-228-1306', 'GLOVES,COLD WEATHER', 'Clothing & Textiles'],
  ['7021-01-536-4562', 'COMPUTER,DESKTOP', 'IT & Computing'],
  ['5820-01-451-8250', 'RADIO SET', 'Communications & Electronics'],
  ['1520-01-106-9519', 'HELICOPTER,OBSERVATION', 'Aircraft & Parts'],
  ['6650-01-340-1920', 'BINOCULAR', 'Other'],
];
const DEMIL = ['A', 'A', 'A', 'B', 'C', 'D', 'D', 'F', 'Q', 'Q', 'Unknown'];

export function equipmentCacheParquet(rows = 3000, seed = 7): ArrayBuffer {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const columns: Record<string, unknown[]> = {};
  const names = ['State', 'Agency Name', 'NSN', 'Item Name', 'Quantity', 'UI', 'Acquisition Value', 'DEMIL Code', 'DEMIL IC', 'Ship Date', 'Station Type', 'Year', 'Category'];
  for (const name of names) columns[name] = [];
  const push = (name: string, value: unknown): void => void columns[name]!.push(value);
  for (let i = 0; i < rows; i++) {
    const state = pick(STATES);
    const [nsn, item, category] = pick(ITEMS);
    const k = Math.floor(random() * 12);
    // "COUNTY SHERIFF" exists in two states: two agencies, not one. VI's lines with k = 11 have no agency name.
    const agency = k === 0 && (state === 'AL' || state === 'TX') ? 'COUNTY SHERIFF' : k === 11 && state === 'VI' ? '' : `${state} POLICE DEPT ${k}`;
    let year = 1994 + Math.floor(random() * 25);
    if (year === 1999) year = 2000; // a calendar year with no transfers at all
    const dated = random() > 0.06;
    const quantity = random() < 0.03 ? 0 : 1 + Math.floor(random() ** 3 * 40);
    const value = random() < 0.05 ? 0 : Math.round(random() ** 4 * 250_000_00) / 100;
    push('State', state);
    push('Agency Name', agency);
    push('NSN', nsn);
    push('Item Name', item);
    push('Quantity', quantity);
    push('UI', pick(['Each', 'Kit', 'Pair']));
    push('Acquisition Value', value);
    push('DEMIL Code', pick(DEMIL));
    push('DEMIL IC', pick(['1', '7', null]));
    push('Ship Date', dated ? new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28))) : null);
    push('Station Type', 'State');
    push('Year', dated ? year : null);
    push('Category', category);
  }
  const types: Record<string, string> = { Quantity: 'INT32', 'Acquisition Value': 'DOUBLE', 'Ship Date': 'TIMESTAMP', Year: 'INT32' };
  return parquetWriteBuffer({
    columnData: names.map((name) => ({ name, data: columns[name]!, type: (types[name] ?? 'STRING') as 'STRING' })),
  });
}
