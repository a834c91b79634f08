/**
 * What "an agency" is on every page: a (state, agency name) pair. Agency names repeat across states
 * ("BEDFORD POLICE DEPT" is six police departments in six states; the DLA's 2020-03-31 release has 5,682 distinct
 * names but 6,522 distinct pairs), so counting or ranking names alone merges unrelated agencies. A line with a
 * blank agency name belongs to no identifiable agency: it counts in every sum but never as an agency.
 * Pure (no Node modules): the asset builders and the browser pages share it.
 */

/** Whether a cache's Agency Name names an agency at all. */
export const namesAgency = (name: string | null | undefined): name is string => name !== null && name !== undefined && name.trim() !== '';

/** The label of a pair wherever an agency is shown or exported as one value: "BEDFORD POLICE DEPT, VA". */
export function agencyLabel(state: string | null | undefined, name: string): string {
  const code = state?.trim() ?? '';
  return `${name.trim()}, ${code === '' ? 'no state' : code}`;
}

/** A dictionary-encoded column as the pages read it (codes into a dictionary of strings). */
export interface CodedColumn {
  readonly codes: ArrayLike<number>;
  readonly dictionary: readonly (string | null)[];
}

/**
 * One code per row for its (state, agency name) pair, with the pairs' labels as the dictionary, in label order.
 * Rows with a blank agency name share one null entry (last), which the pages leave out of counts and rankings.
 */
export function agencyPairs(state: CodedColumn, name: CodedColumn, rows: number): { codes: Uint32Array; dictionary: (string | null)[] } {
  const nNames = name.dictionary.length;
  const pairOf = new Map<number, number>();
  const labels: string[] = [];
  const raw = new Uint32Array(rows);
  const NONE = 0xffffffff;
  for (let i = 0; i < rows; i++) {
    const n = name.codes[i] as number;
    if (!namesAgency(name.dictionary[n])) {
      raw[i] = NONE;
      continue;
    }
    const key = (state.codes[i] as number) * nNames + n;
    let pair = pairOf.get(key);
    if (pair === undefined) {
      pair = labels.length;
      pairOf.set(key, pair);
      labels.push(agencyLabel(state.dictionary[state.codes[i] as number], name.dictionary[n] as string));
    }
    raw[i] = pair;
  }
  // Label order, so codes (and ties in rankings) do not depend on row order.
  const order = labels.map((_, i) => i).sort((a, b) => (labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : 0));
  const rank = new Uint32Array(labels.length);
  order.forEach((pair, r) => (rank[pair] = r));
  const dictionary: (string | null)[] = order.map((pair) => labels[pair]!);
  const blank = dictionary.length;
  let anyBlank = false;
  const codes = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) {
    const pair = raw[i] as number;
    if (pair === NONE) {
      anyBlank = true;
      codes[i] = blank;
    } else codes[i] = rank[pair] as number;
  }
  if (anyBlank) dictionary.push(null);
  return { codes, dictionary };
}
