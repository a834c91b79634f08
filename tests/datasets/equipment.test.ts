import { describe, expect, it } from 'vitest';
import { equipment } from '../../src/datasets/equipment.js';
import { buildFrom, tempDir, writeFiles } from '../support/fixtures.js';

const HEADER = 'State,Agency Name,NSN,Item Name,Quantity,UI,Acquisition Value,DEMIL Code,DEMIL IC,Ship Date,Station Type\n';
const FILE = 'Military_Equipment_for_Local_Law_Enforcement/dod_all_states.csv';

describe('equipment ingest (D-1)', () => {
  it('types, trims, fills and derives Year and Category', async () => {
    const root = await tempDir();
    await writeFiles(root, {
      [FILE]:
        HEADER +
        'AL,  ABBEVILLE POLICE DEPT ,1005-01-587-7175,"MOUNT,RIFLE",10,Each,1626.5,D,1.0,2016-09-19 00:00:00.000,State\n' +
        'TX,HOUSTON POLICE DEPT,2355-01-553-4634,MINE RESISTANT VEHICLE,1,Each,658000,C,,2013-02-01 13:45:10.250,\n' +
        'GU,GUAM POLICE DEPT,9905-00-000-0000,SIGN,2.9,,12,,,,State\n',
    });
    const { outcome, rows } = await buildFrom(equipment, root, [FILE]);
    expect(outcome.rows).toBe(3);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.details).toMatchObject({ totalQuantity: 13, totalValue: 659638.5, undatedRows: 1 });
    const [al, tx, gu] = rows as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    expect(al['Agency Name']).toBe('ABBEVILLE POLICE DEPT');
    expect(al['Item Name']).toBe('MOUNT,RIFLE');
    expect(al.Category).toBe('Weapons & Firearms');
    expect(al.Year).toBe(2016);
    expect(al.Quantity).toBe(10);
    expect(al['Acquisition Value']).toBe(1626.5);
    expect((al['Ship Date'] as Date).toISOString()).toBe('2016-09-19T00:00:00.000Z');
    expect(tx.Category).toBe('Vehicles & Transport');
    expect((tx['Ship Date'] as Date).toISOString()).toBe('2013-02-01T13:45:10.250Z');
    expect(tx['Station Type']).toBe('Unknown');
    expect(tx['DEMIL IC']).toBeNull();
    // The fix: an undated row is kept, with no Year.
    expect(gu['Ship Date']).toBeNull();
    expect(gu.Year).toBeNull();
    expect(gu.Quantity).toBe(2);
    expect(gu['DEMIL Code']).toBe('Unknown');
    expect(gu.UI).toBeNull();
    expect(gu.Category).toBe('Other');
  });

  it('coerces non-numeric numbers to 0 and bad dates to null, and reports each with its line', async () => {
    const root = await tempDir();
    await writeFiles(root, {
      [FILE]:
        HEADER +
        'AL,A PD,1005-01,RIFLE,n/a,Each,100,D,,2016-01-01,State\n' +
        'AL,A PD,1005-01,RIFLE,1,Each,$12,D,,2016-13-45,State\n' +
        'AL,A PD,1005-01,RIFLE,,Each,,D,,,State\n',
    });
    const { outcome, rows } = await buildFrom(equipment, root, [FILE]);
    expect(rows.map((r) => r.Quantity)).toEqual([0, 1, 0]);
    expect(rows.map((r) => r['Acquisition Value'])).toEqual([100, 0, 0]);
    expect(rows.map((r) => r.Year)).toEqual([2016, null, null]);
    expect(outcome.warnings).toEqual([
      `${FILE}: Quantity: 1 non-numeric values set to 0 (line 2 "n/a")`,
      `${FILE}: Acquisition Value: 1 non-numeric values set to 0 (line 3 "$12")`,
      `${FILE}: Ship Date: 1 unparseable dates left empty (rows kept) (line 3 "2016-13-45")`,
    ]);
  });

  it('keeps a State that is no state or territory as written and warns with its lines', async () => {
    const root = await tempDir();
    const row = (state: string): string => `${state},A PD,1005-01,RIFLE,1,Each,100,D,,2016-01-01,State\n`;
    await writeFiles(root, { [FILE]: HEADER + ['TX', 'XX', 'PR', 'tx', '', 'constructor', 'MP'].map(row).join('') });
    const { outcome, rows } = await buildFrom(equipment, root, [FILE]);
    expect(rows.map((r) => r.State)).toEqual(['TX', 'XX', 'PR', 'tx', '', 'constructor', 'MP']);
    expect(outcome.warnings).toEqual([`${FILE}: State: 4 codes that are no US state or territory (rows kept as written; on no map or state chart) (line 3 "XX", line 5 "tx", line 6 "", line 7 "constructor")`]);
  });

  it('reads the DLA publication: "Station Name (LEA)", CRLF, one file per state, 0 or 6 fraction digits', async () => {
    const root = await tempDir();
    const dla = 'State,Station Name (LEA),NSN,Item Name,Quantity,UI,Acquisition Value,DEMIL Code,DEMIL IC,Ship Date,Station Type\r\n';
    await writeFiles(root, {
      'Military_Equipment_for_Local_Law_Enforcement/AK.csv': dla + 'AK,ANCHORAGE POLICE DEPT,6650-01-000-0000,BINOCULAR,3,Each,520,A,1,2019-05-01 08:30:00,State\r\n',
      'Military_Equipment_for_Local_Law_Enforcement/AL.csv': dla + 'AL,MOBILE POLICE DEPT,8470-01-000-0000,HELMET,2,Each,560.25,D,1,2020-07-04 10:11:12.123456,State\r\n',
    });
    const located = await equipment.locate(root);
    expect(located?.files).toEqual(['Military_Equipment_for_Local_Law_Enforcement/AK.csv', 'Military_Equipment_for_Local_Law_Enforcement/AL.csv']);
    const { rows } = await buildFrom(equipment, root, located?.files ?? []);
    expect(rows.map((r) => r['Agency Name'])).toEqual(['ANCHORAGE POLICE DEPT', 'MOBILE POLICE DEPT']);
    expect(rows.map((r) => (r['Ship Date'] as Date).toISOString())).toEqual(['2019-05-01T08:30:00.000Z', '2020-07-04T10:11:12.123Z']);
    expect(rows.map((r) => r.Category)).toEqual(['Scientific Equipment', 'Clothing & Textiles']);
    expect(rows.map((r) => r['Item Name'])).toEqual(['BINOCULAR', 'HELMET']);
  });

  it('prefers dod_all_states.csv over other CSVs in the folder', async () => {
    const root = await tempDir();
    await writeFiles(root, { [FILE]: HEADER, 'Military_Equipment_for_Local_Law_Enforcement/AK.csv': HEADER });
    expect((await equipment.locate(root))?.files).toEqual([FILE]);
    expect(await equipment.locate(await tempDir())).toBeNull();
  });
});
