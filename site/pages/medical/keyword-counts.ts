// HC-6: how many of the filtered records carry each extracted keyword (extraction: src/site/medical/keywords.ts).

/** The (record, keyword) pairs of src/site/assets/medical.ts, as arrays or decoded columns. */
export interface KeywordPairs {
  recordCount: number;
  keywordTerms: readonly (string | null)[];
  keywordRecord: ArrayLike<number>;
  keywordId: ArrayLike<number>;
}

export interface KeywordCount {
  keyword: string;
  records: number;
}

/** The `top` keywords carried by the most records in `rows`, most first (ties alphabetical). */
export function keywordCounts(
  records: KeywordPairs,
  rows: ArrayLike<number>,
  top: number,
): KeywordCount[] {
  const wanted = new Uint8Array(records.recordCount);
  for (let i = 0; i < rows.length; i++) wanted[rows[i]!] = 1;
  const counts = new Uint32Array(records.keywordTerms.length);
  for (let k = 0; k < records.keywordRecord.length; k++) if (wanted[records.keywordRecord[k]!]) counts[records.keywordId[k]!]!++;
  const ranked: KeywordCount[] = [];
  counts.forEach((n, id) => {
    if (n > 0) ranked.push({ keyword: records.keywordTerms[id] ?? '', records: n });
  });
  ranked.sort((a, b) => b.records - a.records || (a.keyword < b.keyword ? -1 : 1));
  return ranked.slice(0, top);
}
