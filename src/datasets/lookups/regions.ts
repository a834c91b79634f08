/**
 * US Census Bureau regions (four-region scheme) plus the territories as a fifth group of their own, so they can be
 * chosen in the Combined page's region filter instead of falling into an unselectable "Other" (weak point 19).
 * Pure data, shared with the browser.
 */
export const REGION_STATES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  Northeast: ['CT', 'ME', 'MA', 'NH', 'RI', 'VT', 'NJ', 'NY', 'PA'],
  Midwest: ['IL', 'IN', 'MI', 'OH', 'WI', 'IA', 'KS', 'MN', 'MO', 'NE', 'ND', 'SD'],
  South: ['DE', 'DC', 'FL', 'GA', 'MD', 'NC', 'SC', 'VA', 'WV', 'AL', 'KY', 'MS', 'TN', 'AR', 'LA', 'OK', 'TX'],
  West: ['AZ', 'CO', 'ID', 'MT', 'NV', 'NM', 'UT', 'WY', 'AK', 'CA', 'HI', 'OR', 'WA'],
  Territories: ['PR', 'GU', 'VI', 'AS', 'MP'],
});

export const REGIONS: readonly string[] = Object.freeze(Object.keys(REGION_STATES));

/** The original's region colours, plus one for the territories (which had none). */
export const REGION_COLORS: Readonly<Record<string, string>> = Object.freeze({
  Northeast: '#38BDF8',
  Midwest: '#34D399',
  South: '#FB7185',
  West: '#FBBF24',
  Territories: '#A78BFA',
});

const REGION_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(REGION_STATES).flatMap(([region, codes]) => codes.map((code) => [code, region] as const)),
);

/** Region of a postal code, or null for a code that is not a state, DC or territory. */
export function regionOf(code: string): string | null {
  return REGION_OF.get(code.trim().toUpperCase()) ?? null;
}
