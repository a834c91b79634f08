/**
 * NSN prefix → equipment category (D-6): the original's simplified 46-prefix map over the two leading digits of the
 * Federal Supply Class. Pure data, no Node imports: the browser pages import it too.
 */
const GROUPS: ReadonlyArray<readonly [category: string, prefixes: readonly string[]]> = [
  ['Weapons & Firearms', ['10', '11', '12', '14']],
  ['Ammunition & Explosives', ['13']],
  ['Aircraft & Parts', ['15', '16', '17']],
  ['Ships & Marine', ['19', '20']],
  ['Vehicles & Transport', ['22', '23', '24', '25', '26']],
  ['Engines & Power', ['28', '29']],
  ['Industrial Equipment', ['34', '35', '36', '37']],
  ['Construction Equipment', ['38', '39']],
  ['Safety & Fire Equipment', ['42']],
  ['Maintenance Equipment', ['49']],
  ['Tools', ['51', '52', '53']],
  ['Communications & Electronics', ['58', '59', '60', '61']],
  ['Medical Equipment', ['65']],
  ['Scientific Equipment', ['66']],
  ['Imaging Equipment', ['67']],
  ['Chemicals', ['68']],
  ['Training & Simulation', ['69']],
  ['IT & Computing', ['70']],
  ['Furniture & Supplies', ['71', '72', '73']],
  ['Office Equipment', ['74', '75']],
  ['Clothing & Textiles', ['83', '84']],
  ['Personal Gear', ['85']],
];

export const OTHER_CATEGORY = 'Other';

/** Two-digit prefix → category (46 entries). */
export const NSN_PREFIX_CATEGORIES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(GROUPS.flatMap(([category, prefixes]) => prefixes.map((p) => [p, category]))),
);

/** Every category in map order, then "Other": the options of the Category filter. */
export const CATEGORIES: readonly string[] = Object.freeze([...GROUPS.map(([category]) => category), OTHER_CATEGORY]);

/** The category of an NSN from its first two characters; anything unmapped (or shorter than 2) is "Other". */
export function categoryForNsn(nsn: string | null | undefined): string {
  if (typeof nsn !== 'string') return OTHER_CATEGORY;
  const prefix = nsn.trim().slice(0, 2);
  return prefix.length === 2 ? (NSN_PREFIX_CATEGORIES[prefix] ?? OTHER_CATEGORY) : OTHER_CATEGORY;
}
