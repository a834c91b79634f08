/** The Medical Records page's data assets (src/site/pages/medical.ts writes them, site/pages/medical.ts reads them). */
export const MEDICAL_ASSETS = {
  /** One row per record: serial, specialty, sampleName, description, length, keywords. Loaded first. */
  records: 'records',
  /** One row per (record, keyword) pair of the HC-6 keyword extraction. Loaded first. */
  keywords: 'keywords',
  /** The search index file (src/site/search/search-index.ts) as one uint8 column "bytes"; fetched on the first search. */
  search: 'search',
  /** A JSON array of the transcriptions of records shardFirst[s] …; fetched when a record of it is opened. */
  shard: (s: number): string => `transcripts-${s}`,
} as const;

export interface MedicalMeta {
  /** Record index at which each transcript shard starts. */
  shardFirst: number[];
}
