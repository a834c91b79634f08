import type { Installation } from '../../../../site/pages/installations/installations.js';

type Spec = [name: string, component: string, status: string, state: string, abbrev: string, joint: string, area: number, perimeter: number];

// 14 installations: 5 in Texas, 3 in Virginia, 2 in California, 2 in Guam, 1 in Puerto Rico, 1 with an
// unknown component; two joint bases; areas chosen so box-plot quartiles can be worked out by hand.
const SPECS: Spec[] = [
  ['Fort Alpha', 'Army Active', 'Active', 'Texas', 'TX', 'Not Joint', 100, 40],
  ['Camp Bravo', 'Army Guard', 'Active', 'Texas', 'TX', 'Not Joint', 10, 12],
  ['Randolph', 'AF Active', 'Active', 'Texas', 'TX', 'Joint Base San Antonio', 1000, 130],
  ['Lackland', 'AF Active', 'Active', 'Texas', 'TX', 'Joint Base San Antonio', 10000, 400],
  ['Fort Sam Houston', 'Army Active', 'Inactive', 'Texas', 'TX', 'Joint Base San Antonio', 1, 4],
  ['Norfolk', 'Navy Active', 'Active', 'Virginia', 'VA', 'Not Joint', 1000, 150],
  ['Quantico', 'MC Active', 'Active', 'Virginia', 'VA', 'Not Joint', 100, 44],
  ['Pentagon', 'WHS', 'Active', 'Virginia', 'VA', 'Not Joint', 0, 0],
  ['Pendleton', 'MC Active', 'Active', 'California', 'CA', 'Not Joint', 10000, 420],
  ['Lemoore', 'Navy Reserve', 'Inactive', 'California', 'CA', 'Not Joint', 100, 0],
  ['Andersen', 'AF Active', 'Active', 'Guam', 'GU', 'Joint Region Marianas', 1000, 140],
  ['Apra Harbor', 'Navy Active', 'Active', 'Guam', 'GU', 'Joint Region Marianas', 10, 14],
  ['Fort Buchanan', 'Army Reserve', 'Active', 'Puerto Rico', 'PR', 'Not Joint', 10, 13],
  ['Depot X', 'DLA', 'Unknown', 'Texas', 'TX', 'Not Joint', 100000, 1300],
];

export const FIXTURE: Installation[] = SPECS.map(([name, component, status, state, stateAbbrev, joint, area, perimeter], i) => ({
  name,
  component,
  status,
  state,
  stateAbbrev,
  joint,
  lat: 20 + i,
  lon: -100 + i,
  area,
  perimeter,
  // The fixture's figures double as footprint measures; no recorded area means no footprint.
  areaKm2: area > 0 ? area : Number.NaN,
  perimeterKm: perimeter > 0 ? perimeter : Number.NaN,
  // Neighbours in a chain, one degree of latitude and longitude apart (≈ 150 km); the last points back.
  nearest: i === SPECS.length - 1 ? i - 1 : i + 1,
  nearestKm: i === 2 ? 0 : 150,
  footprint: i % 2 === 0 ? i / 2 : -1,
}));
