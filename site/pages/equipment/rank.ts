/**
 * Top-N over arrays indexed by dictionary code. Ties are broken by name so every ranking is deterministic and
 * reproducible outside the page (e.g. `ORDER BY v DESC, name` in SQL).
 */

export interface Ranked {
  readonly code: number;
  readonly name: string;
  readonly score: number;
}

const byName = (a: Ranked, b: Ranked): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The `n` largest scores among the codes `keep` accepts, largest first (n = Infinity ranks them all). */
export function topN(
  scores: ArrayLike<number>,
  name: (code: number) => string,
  n: number,
  keep: (code: number) => boolean = () => true,
): Ranked[] {
  const candidates: Ranked[] = [];
  for (let code = 0; code < scores.length; code++) {
    if (keep(code)) candidates.push({ code, name: name(code), score: scores[code] as number });
  }
  candidates.sort((a, b) => b.score - a.score || byName(a, b));
  return candidates.slice(0, n);
}
