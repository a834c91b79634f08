/**
 * US states, DC and the five inhabited territories: postal code ↔ name (D-6). The original had 55 entries and no
 * Northern Mariana Islands; the spec asks for MP as well, so there are 56. Pure data, shared with the browser.
 */
export const STATE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
});

export const TERRITORY_CODES: readonly string[] = Object.freeze(['PR', 'GU', 'VI', 'AS', 'MP']);

/** Every code, states and DC first (alphabetical by code), then the territories. */
export const STATE_CODES: readonly string[] = Object.freeze(Object.keys(STATE_NAMES));

// Other spellings seen in the bases data and elsewhere, lower-cased.
const ALIASES: Readonly<Record<string, string>> = {
  'virgin islands': 'VI',
  'us virgin islands': 'VI',
  'united states virgin islands': 'VI',
  'commonwealth of the northern mariana islands': 'MP',
  'northern marianas': 'MP',
  'washington dc': 'DC',
  'washington, d.c.': 'DC',
  'district of columbia': 'DC',
};

const BY_NAME: ReadonlyMap<string, string> = new Map([
  ...Object.entries(STATE_NAMES).map(([code, name]) => [name.toLowerCase(), code] as const),
  ...Object.entries(ALIASES),
]);

/** Postal code of a state or territory name (case-insensitive; a code is returned as is), or null. */
export function stateCodeOf(nameOrCode: string): string | null {
  const key = nameOrCode.trim();
  const upper = key.toUpperCase();
  if (upper.length === 2 && STATE_NAMES[upper] !== undefined) return upper;
  return BY_NAME.get(key.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}
