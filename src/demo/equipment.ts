import { EQUIPMENT_FILE } from '../datasets/layout.js';
import { POPULATION_2020 } from '../datasets/lookups/populations.js';
import { STATE_CODES } from '../datasets/lookups/states.js';
import type { DemoOptions } from '../datasets/types.js';
import { csvLine, writeDemoFiles } from './files.js';
import { Random } from './random.js';

/** Rows of the real Kaggle file; `--scale full` reproduces it. */
export const EQUIPMENT_FULL_ROWS = 130_958;
export const EQUIPMENT_SMALL_ROWS = 12_000;

const HEADER = ['State', 'Agency Name', 'NSN', 'Item Name', 'Quantity', 'UI', 'Acquisition Value', 'DEMIL Code', 'DEMIL IC', 'Ship Date', 'Station Type'];

/** [FSC, item name, unit of issue, typical unit value in $, DEMIL code, relative frequency] */
type Item = readonly [string, string, string, number, string, number];

// Real Federal Supply Classes and item names of the 1033 program; the first two FSC digits decide the Category.
const ITEMS: readonly Item[] = [
  ['1005', 'RIFLE,5.56 MILLIMETER', 'Each', 499, 'D', 60],
  ['1005', 'RIFLE,7.62 MILLIMETER', 'Each', 138, 'D', 20],
  ['1005', 'PISTOL,CALIBER .45,AUTOMATIC', 'Each', 58, 'D', 6],
  ['1005', 'SHOTGUN,12 GAGE,RIOT TYPE', 'Each', 96, 'D', 5],
  ['1005', 'MOUNT,RIFLE', 'Each', 162, 'D', 4],
  ['1010', 'LAUNCHER,GRENADE', 'Each', 720, 'D', 2],
  ['1240', 'SIGHT,REFLEX', 'Each', 332, 'D', 14],
  ['1240', 'TELESCOPE,STRAIGHT', 'Each', 1700, 'D', 3],
  ['1385', 'ROBOT,EXPLOSIVE ORDNANCE DISPOSAL', 'Each', 77_000, 'D', 1],
  ['1377', 'CARTRIDGE,IMPULSE', 'Each', 55, 'G', 1],
  ['1520', 'HELICOPTER,OBSERVATION', 'Each', 833_000, 'Q', 0.3],
  ['1560', 'AIRFRAME STRUCTURAL COMPONENTS', 'Each', 3_500, 'Q', 0.8],
  ['1680', 'AIRCRAFT,CARGO HANDLING KIT', 'Kit', 12_000, 'A', 0.5],
  ['1940', 'BOAT,BRIDGE ERECTION', 'Each', 58_000, 'A', 0.6],
  ['2010', 'OUTBOARD MOTOR', 'Each', 6_300, 'A', 0.8],
  ['2320', 'TRUCK,UTILITY', 'Each', 39_000, 'C', 6],
  ['2320', 'TRUCK,CARGO', 'Each', 65_000, 'C', 4],
  ['2355', 'MINE RESISTANT VEHICLE', 'Each', 658_000, 'C', 1.2],
  ['2310', 'AMBULANCE', 'Each', 95_000, 'A', 0.6],
  ['2330', 'TRAILER,CARGO', 'Each', 5_700, 'A', 2],
  ['2420', 'TRACTOR,WHEELED', 'Each', 41_000, 'A', 0.8],
  ['2540', 'ARMOR,VEHICULAR', 'Kit', 21_000, 'D', 1],
  ['2610', 'TIRE,PNEUMATIC,VEHICULAR', 'Each', 420, 'A', 3],
  ['2815', 'ENGINE,DIESEL', 'Each', 18_000, 'A', 0.8],
  ['2920', 'STARTER,ENGINE,ELECTRICAL', 'Each', 480, 'A', 1],
  ['3431', 'WELDING MACHINE,ARC', 'Each', 4_600, 'A', 1],
  ['3510', 'WASHER,LAUNDRY', 'Each', 2_100, 'A', 0.8],
  ['3655', 'GAS DETECTOR', 'Each', 3_900, 'A', 1],
  ['3740', 'SPRAYER,INSECTICIDE', 'Each', 900, 'A', 0.5],
  ['3805', 'LOADER,SCOOP TYPE', 'Each', 180_000, 'A', 0.5],
  ['3930', 'TRUCK,FORKLIFT', 'Each', 23_000, 'A', 1],
  ['4210', 'FIRE EXTINGUISHER', 'Each', 160, 'A', 2],
  ['4240', 'MASK,CHEMICAL-BIOLOGICAL', 'Each', 240, 'A', 3],
  ['4910', 'JACK,HYDRAULIC', 'Each', 1_200, 'A', 1],
  ['4940', 'SHOP EQUIPMENT,CONTACT MAINTENANCE', 'Each', 16_000, 'A', 0.5],
  ['5110', 'KNIFE,COMBAT', 'Each', 23, 'B', 3],
  ['5180', 'TOOL KIT,AUTOMOTIVE', 'Kit', 1_800, 'A', 2],
  ['5340', 'PADLOCK', 'Each', 9, 'A', 1],
  ['5820', 'RADIO SET', 'Each', 6_400, 'Q', 2],
  ['5855', 'NIGHT VISION GOGGLE', 'Each', 3_500, 'D', 8],
  ['5855', 'SIGHT,THERMAL', 'Each', 12_000, 'D', 2],
  ['5895', 'COMMUNICATIONS SYSTEM', 'Each', 23_000, 'Q', 0.6],
  ['5985', 'ANTENNA', 'Each', 1_100, 'A', 1],
  ['6030', 'FIBER OPTIC CABLE ASSEMBLY', 'Each', 330, 'A', 0.5],
  ['6115', 'GENERATOR SET,DIESEL ENGINE', 'Each', 14_000, 'A', 2],
  ['6140', 'BATTERY,STORAGE', 'Each', 140, 'A', 1.5],
  ['6515', 'DEFIBRILLATOR', 'Each', 3_200, 'A', 1],
  ['6545', 'FIRST AID KIT,INDIVIDUAL', 'Kit', 45, 'A', 4],
  ['6625', 'MULTIMETER', 'Each', 350, 'A', 1],
  ['6650', 'BINOCULAR', 'Each', 520, 'A', 4],
  ['6720', 'CAMERA,STILL PICTURE', 'Each', 780, 'A', 1],
  ['6760', 'PHOTOGRAPHIC EQUIPMENT SET', 'Each', 2_900, 'A', 0.4],
  ['6810', 'DECONTAMINATING AGENT', 'Gallon', 32, 'A', 0.6],
  ['6910', 'TRAINING AID,WEAPON', 'Each', 950, 'A', 0.6],
  ['6930', 'SIMULATOR,FIREARMS TRAINING', 'Each', 45_000, 'A', 0.2],
  ['7010', 'COMPUTER SYSTEM,DIGITAL', 'Each', 2_500, 'A', 3],
  ['7025', 'MONITOR,COMPUTER', 'Each', 310, 'A', 2],
  ['7110', 'CABINET,STORAGE', 'Each', 430, 'A', 2],
  ['7105', 'BED,FOLDING', 'Each', 90, 'A', 1.5],
  ['7310', 'FIELD RANGE OUTFIT', 'Each', 1_600, 'A', 0.5],
  ['7490', 'SHREDDER,PAPER', 'Each', 1_100, 'A', 0.5],
  ['7510', 'OFFICE SUPPLY KIT', 'Kit', 60, 'A', 0.5],
  ['8340', 'TENT,GENERAL PURPOSE', 'Each', 1_900, 'A', 1.5],
  ['8415', 'JACKET,COLD WEATHER', 'Each', 110, 'A', 4],
  ['8470', 'HELMET,BALLISTIC', 'Each', 280, 'D', 5],
  ['8470', 'BODY ARMOR,FRAGMENTATION PROTECTIVE', 'Each', 560, 'D', 3],
  ['8465', 'SLEEPING BAG', 'Each', 180, 'A', 3],
  ['8465', 'RUCKSACK', 'Each', 140, 'A', 2],
  ['8520', 'CAMOUFLAGE FACE PAINT', 'Box', 12, 'A', 0.6],
  ['4110', 'REFRIGERATOR,MECHANICAL', 'Each', 1_400, 'A', 1],
  ['4520', 'SPACE HEATER', 'Each', 780, 'A', 1],
  ['5410', 'SHELTER,PREFABRICATED', 'Each', 38_000, 'A', 0.4],
  ['7920', 'BROOM,UPRIGHT', 'Each', 8, 'A', 0.5],
  ['8105', 'BAG,PLASTIC', 'Box', 30, 'A', 0.5],
  ['9150', 'LUBRICATING OIL', 'Can', 16, 'A', 0.4],
];

const PLACES = [
  'Abbeville', 'Adams', 'Alexandria', 'Ashland', 'Auburn', 'Bedford', 'Benton', 'Berlin', 'Bristol', 'Brookfield', 'Burlington', 'Camden',
  'Canton', 'Carroll', 'Cedar', 'Centerville', 'Chester', 'Clay', 'Clayton', 'Clinton', 'Columbia', 'Concord', 'Crawford', 'Cumberland',
  'Dallas', 'Dayton', 'Decatur', 'Dover', 'Douglas', 'Eaton', 'Elgin', 'Fairfield', 'Fairview', 'Fayette', 'Franklin', 'Fulton',
  'Georgetown', 'Glendale', 'Grant', 'Greene', 'Greenville', 'Hamilton', 'Hancock', 'Hanover', 'Harrison', 'Henry', 'Highland', 'Hudson',
  'Jackson', 'Jasper', 'Jefferson', 'Kingston', 'Knox', 'Lafayette', 'Lake', 'Lancaster', 'Lawrence', 'Lebanon', 'Lee', 'Lexington',
  'Lincoln', 'Livingston', 'Logan', 'Madison', 'Marion', 'Marshall', 'Milford', 'Monroe', 'Montgomery', 'Morgan', 'Newport', 'Oakland',
  'Orange', 'Oxford', 'Perry', 'Pike', 'Plymouth', 'Polk', 'Putnam', 'Quincy', 'Randolph', 'Richmond', 'Riverside', 'Salem', 'Scott',
  'Shelby', 'Springfield', 'Sullivan', 'Taylor', 'Troy', 'Union', 'Warren', 'Washington', 'Wayne', 'Webster', 'Wilson', 'Winchester', 'York',
];
const AGENCY_KINDS: ReadonlyArray<readonly [string, number]> = [
  ['POLICE DEPT', 10],
  ['COUNTY SHERIFF OFFICE', 6],
  ['SHERIFFS DEPT', 2],
  ['DEPT OF PUBLIC SAFETY', 1],
  ['UNIVERSITY POLICE DEPT', 0.6],
  ['DRUG TASK FORCE', 0.4],
  ['CONSTABLE PCT 1', 0.3],
];

// The program's shape: little in the 1990s, a peak around 2012–2014, a dip after the 2015 restrictions.
function yearWeight(year: number): number {
  if (year < 2006) return 0.15 + (year - 1990) * 0.03;
  if (year <= 2014) return 0.8 + (year - 2006) * 0.55;
  return Math.max(0.6, 5.2 - (year - 2014) * 0.7);
}
const YEARS = Array.from({ length: 32 }, (_, i) => 1990 + i);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The Kaggle `dod_all_states.csv`: comma CSV, `YYYY-MM-DD HH:MM:SS.SSS` dates, a few undated lines. */
export function equipmentDemoCsv(options: Pick<DemoOptions, 'scale' | 'seed'>): string {
  const rng = Random.derive(options.seed, 'equipment');
  const rows = options.scale === 'full' ? EQUIPMENT_FULL_ROWS : EQUIPMENT_SMALL_ROWS;
  const agencyTarget = options.scale === 'full' ? 5_400 : 900;
  const totalPopulation = STATE_CODES.reduce((s, c) => s + (POPULATION_2020[c] ?? 0), 0);

  // Agencies per state roughly follow population; activity per agency is heavy-tailed (a few agencies take a lot).
  const agencies = new Map<string, { names: string[]; weights: number[] }>();
  for (const code of STATE_CODES) {
    const share = (POPULATION_2020[code] ?? 0) / totalPopulation;
    const count = Math.max(2, Math.round(agencyTarget * share));
    const names = new Set<string>();
    for (let tries = 0; names.size < count && tries < count * 20; tries++) {
      const kind = (AGENCY_KINDS[rng.weightedIndex(AGENCY_KINDS.map((k) => k[1]))] as readonly [string, number])[0];
      names.add(`${rng.pick(PLACES).toUpperCase()} ${kind}`);
    }
    const list = rng.shuffle([...names]);
    agencies.set(code, { names: list, weights: list.map((_, i) => 1 / (i + 1) ** 0.9) });
  }
  const stateWeights = STATE_CODES.map((c) => ((POPULATION_2020[c] ?? 0) / totalPopulation) ** 0.85);
  const yearWeights = YEARS.map(yearWeight);
  const itemWeights = ITEMS.map((item) => item[5]);

  const lines: string[] = [csvLine(HEADER, ',')];
  for (let r = 0; r < rows; r++) {
    // The first rows visit every state and territory once, so even a small demo has them all.
    const state = (r < STATE_CODES.length ? STATE_CODES[r] : STATE_CODES[rng.weightedIndex(stateWeights)]) as string;
    const pool = agencies.get(state) as { names: string[]; weights: number[] };
    const agency = pool.names[rng.weightedIndex(pool.weights)] as string;
    const [fsc, name, ui, unitValue, demil] = ITEMS[rng.weightedIndex(itemWeights)] as Item;
    const nsn = `${fsc}-${pad(rng.int(0, 1), 2)}-${pad(rng.int(0, 999), 3)}-${pad(rng.int(0, 9999), 4)}`;
    const bulk = unitValue < 200 && rng.chance(0.35);
    const quantity = bulk ? Math.min(5000, Math.round(rng.logNormal(2.2, 1.1)) + 1) : rng.chance(0.82) ? 1 : rng.int(2, 12);
    const value = rng.chance(0.02) ? 0 : quantity * unitValue * rng.logNormal(0, 0.25);
    const year = YEARS[rng.weightedIndex(yearWeights)] as number;
    const shipDate = rng.chance(0.003)
      ? ''
      : `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))} ${rng.chance(0.8) ? '00:00:00.000' : `${pad(rng.int(6, 18))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}.${pad(rng.int(0, 999), 3)}`}`;
    const demilIc = demil === 'A' ? (rng.chance(0.5) ? '1.0' : '') : rng.chance(0.7) ? '1.0' : rng.pick(['3.0', '5.0', '7.0']);
    lines.push(
      csvLine(
        [state, agency, nsn, name, quantity, ui, value.toFixed(2), rng.chance(0.004) ? '' : demil, demilIc, shipDate, rng.chance(0.003) ? '' : 'State'],
        ',',
      ),
    );
  }
  return lines.join('');
}

export async function writeEquipmentDemo(datasetsDir: string, options: DemoOptions): Promise<string[]> {
  return writeDemoFiles(datasetsDir, [{ relative: EQUIPMENT_FILE, content: equipmentDemoCsv(options) }], options.force);
}
