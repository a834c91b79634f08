/**
 * Military branch of a bases COMPONENT value. The real values are abbreviated ("AF Active", "MC Reserve", "WHS"), which
 * the original's substring match missed (weak point 13), so the branch is read from the leading word.
 * Pure data, shared with the browser.
 */
export const BRANCHES = ['Army', 'Navy', 'Air Force', 'Marine Corps', 'Other'] as const;
export type Branch = (typeof BRANCHES)[number];

export const BRANCH_COLORS: Readonly<Record<Branch, string>> = Object.freeze({
  Army: '#4ADE80',
  Navy: '#38BDF8',
  'Air Force': '#818CF8',
  'Marine Corps': '#FB7185',
  Other: '#94A3B8',
});

const PREFIXES: ReadonlyArray<readonly [RegExp, Branch]> = [
  [/^(af|usaf|air\s*force|ang)\b/i, 'Air Force'],
  [/^(mc|usmc|marines?|marine\s*corps)\b/i, 'Marine Corps'],
  [/^(army|usa|arng)\b/i, 'Army'],
  [/^(navy|usn)\b/i, 'Navy'],
];

/** "AF Guard" → Air Force, "MC Active" → Marine Corps, "Army Reserve" → Army, "Navy Active" → Navy, "WHS" → Other. */
export function branchOf(component: string): Branch {
  const text = component.trim();
  for (const [pattern, branch] of PREFIXES) if (pattern.test(text)) return branch;
  return 'Other';
}
