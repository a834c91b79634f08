// HC-6: how many of the filtered records carry each extracted keyword (extraction: src/site/medical/keywords.ts).
import type { MedicalRecords } from '../../../src/site/assets/medical.js';

export interface KeywordCount {
  keyword: string;
  records: number;
}

/** The `top` keywords carried by the most records in `rows`, most first (ties alphabetical). */
export function keywordCounts(
  records: Pick<MedicalRecords, 'keywordTerms' | 'keywordStart' | 'keywordId'>,
  rows: ArrayLike<number>,
  top: number,
): KeywordCount[] {
  const counts = new Uint32Array(records.keywordTerms.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let k = records.keywordStart[row]!; k < records.keywordStart[row + 1]!; k++) counts[records.keywordId[k]!]!++;
  }
  const ranked: KeywordCount[] = [];
  counts.forEach((n, id) => {
    if (n > 0) ranked.push({ keyword: records.keywordTerms[id]!, records: n });
  });
  ranked.sort((a, b) => b.records - a.records || (a.keyword < b.keyword ? -1 : 1));
  return ranked.slice(0, top);
}
