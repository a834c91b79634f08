// The word cloud's question: which keywords set the selected records apart from all the others? Weighted log-odds
// ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis
// 16(4), eq. 16–22), over (record, keyword) pairs: a keyword counts once per record that carries it.
import type { KeywordPairs } from './keyword-counts.js';
import type { SpecialtyColumns, SpecialtyStat } from './specialty-stats.js';

export interface DistinctiveKeyword {
  keyword: string;
  /** Selected records carrying the keyword, and all the others carrying it. */
  inFocus: number;
  inRest: number;
  /** δ̂: log-odds of the keyword in the selection minus in the rest, both smoothed by the prior. */
  logOdds: number;
  /** δ̂ / σ̂: the z-score the words are ranked and sized by. */
  z: number;
}

/**
 * Keywords over-represented in `focus` (a row mask over all records) against the rest, by z = δ̂/σ̂ with
 *   δ̂_w = log((y_w^f + α_w) / (n^f + α₀ − y_w^f − α_w)) − log((y_w^r + α_w) / (n^r + α₀ − y_w^r − α_w)),
 *   σ̂²_w ≈ 1/(y_w^f + α_w) + 1/(y_w^r + α_w),
 * where y are keyword counts, n the pair totals and the prior α_w = α₀ · (y_w^f + y_w^r)/(n^f + n^r) is the
 * keyword's share of the whole corpus, scaled to `priorSize` pseudo-counts (α₀; default: the corpus's own size,
 * as tidylo does). The prior shrinks rare keywords toward "not distinctive", so one record's keyword cannot top
 * the list. The `top` with z > 0 are returned, highest first (ties alphabetical).
 */
export function distinctiveKeywords(pairs: KeywordPairs, focus: Uint8Array, top: number, priorSize?: number): DistinctiveKeyword[] {
  const terms = pairs.keywordTerms.length;
  const inFocus = new Float64Array(terms);
  const inRest = new Float64Array(terms);
  for (let k = 0; k < pairs.keywordRecord.length; k++) {
    const id = pairs.keywordId[k]!;
    if (focus[pairs.keywordRecord[k]!]) inFocus[id]!++;
    else inRest[id]!++;
  }
  const nFocus = inFocus.reduce((a, b) => a + b, 0);
  const nRest = inRest.reduce((a, b) => a + b, 0);
  const n = nFocus + nRest;
  if (nFocus === 0 || nRest === 0) return [];
  const alpha0 = priorSize ?? n;
  const result: DistinctiveKeyword[] = [];
  for (let id = 0; id < terms; id++) {
    const yf = inFocus[id]!;
    const yr = inRest[id]!;
    if (yf === 0) continue;
    const alpha = (alpha0 * (yf + yr)) / n;
    const logOdds = Math.log((yf + alpha) / (nFocus + alpha0 - yf - alpha)) - Math.log((yr + alpha) / (nRest + alpha0 - yr - alpha));
    const z = logOdds / Math.sqrt(1 / (yf + alpha) + 1 / (yr + alpha));
    if (z > 0) result.push({ keyword: pairs.keywordTerms[id] ?? '', inFocus: yf, inRest: yr, logOdds, z });
  }
  result.sort((a, b) => b.z - a.z || (a.keyword < b.keyword ? -1 : 1));
  return result.slice(0, top);
}

export interface CloudContrast {
  /** 1 for the records compared against all others. */
  focus: Uint8Array;
  /** What the focus is, for the card: a specialty, "the 3 selected specialties", "the matching records". */
  label: string;
  focusRecords: number;
  restRecords: number;
  /** True when nothing was filtered and the largest specialty stands in (the card says so). */
  defaulted: boolean;
}

/**
 * The records the cloud sets against the rest: the filtered ones; with no filter (every record shown, nothing to
 * contrast) the largest specialty's, said in the card.
 */
export function cloudContrast(records: Pick<SpecialtyColumns, 'specialties' | 'specialty'>, rows: ArrayLike<number>, stats: readonly SpecialtyStat[], selected: readonly string[]): CloudContrast {
  const total = records.specialty.length;
  const focus = new Uint8Array(total);
  const defaulted = rows.length === total && stats.length > 1;
  let label: string;
  if (defaulted) {
    const largest = records.specialties.indexOf(stats[0]!.specialty);
    for (let row = 0; row < total; row++) if (records.specialty[row] === largest) focus[row] = 1;
    label = stats[0]!.specialty;
  } else {
    for (let i = 0; i < rows.length; i++) focus[rows[i]!] = 1;
    label = selected.length === 1 ? selected[0]! : selected.length > 1 ? `the ${selected.length} selected specialties` : 'the matching records';
  }
  const focusRecords = focus.reduce((sum, v) => sum + v, 0);
  return { focus, label, focusRecords, restRecords: total - focusRecords, defaulted };
}
