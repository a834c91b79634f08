/**
 * Top-N over arrays indexed by dictionary code. Ties are broken by name so every ranking is deterministic and
 * reproducible outside the page (e.g. `ORDER BY v DESC, name` in SQL).
 */

export interface Ranked {
  readonly code: number;
  readonly name: string;
  readonly score: number;
}

/** True when a ranks before b: larger score first, then name in code-unit order. */
const before = (a: Ranked, b: Ranked): boolean => a.score > b.score || (a.score === b.score && a.name < b.name);

/**
 * The `n` largest scores among the codes `keep` accepts, largest first. One pass with a small sorted list:
 * names are looked up only for codes that can enter it, so ranking 10k agencies costs one scan, not a sort.
 */
export function topN(scores: ArrayLike<number>, name: (code: number) => string, n: number, keep: (code: number) => boolean = () => true): Ranked[] {
  const top: Ranked[] = [];
  for (let code = 0; code < scores.length; code++) {
    const score = scores[code] as number;
    const last = top[n - 1];
    if (last !== undefined && score < last.score) continue;
    if (!keep(code)) continue;
    const entry = { code, name: name(code), score };
    if (last !== undefined && !before(entry, last)) continue;
    let i = top.length;
    while (i > 0 && before(entry, top[i - 1] as Ranked)) i--;
    top.splice(i, 0, entry);
    if (top.length > n) top.pop();
  }
  return top;
}
