// Shapes the healthcare cache rows into what the Medical Records page downloads:
// - `records`: the small columns every chart, filter and the table need (loaded before the first chart);
// - `shards`: the full transcriptions in consecutive pieces, fetched only when a record is opened;
// - `searchIndex`: the inverted index over keywords, transcription, sample name and description, fetched
//   when a search is made.
import { recordKeywords, specialtyExclusions } from '../medical/keywords.js';
import { buildSearchIndex } from '../search/search-index.js';
import { planShards } from '../medical/transcript-shards.js';

/** The healthcare cache columns the page uses (src/datasets/healthcare.ts writes them; blanks are null). */
export interface HealthcareRow {
  'Serial No': number | null;
  description: string | null;
  medical_specialty: string | null;
  sample_name: string | null;
  transcription: string | null;
  keywords: string;
  transcription_length: number;
}

/** What the page calls records whose specialty is blank. */
export const NO_SPECIALTY = 'Unspecified';

/** Columnar: entry i of every per-record array belongs to record i, which is also its search doc id. */
export interface MedicalRecords {
  serial: (number | null)[];
  /** Sorted distinct specialties; `specialty[i]` indexes into it. */
  specialties: string[];
  specialty: number[];
  sampleName: string[];
  description: string[];
  /** The original's "complexity": characters of the cleaned transcription. */
  length: number[];
  /** The raw keywords text, for the table and the CSV export. */
  keywords: string[];
  /** HC-6 keywords as (record, keyword) pairs in record order: record keywordRecord[k] carries keywordTerms[keywordId[k]]. */
  keywordTerms: string[];
  keywordRecord: number[];
  keywordId: number[];
  /** Record index at which each transcript shard starts. */
  shardFirst: number[];
}

export interface MedicalSiteData {
  records: MedicalRecords;
  /** shards[s] = the transcriptions of records shardFirst[s] … shardFirst[s + 1] − 1. */
  shards: string[][];
  searchIndex: Uint8Array;
}

/** About 256k characters of transcription per shard: ~70 kB compressed per record opened. */
export const SHARD_CHARS = 256_000;

function dictionary(values: readonly string[]): { entries: string[]; ids: number[] } {
  const entries = [...new Set(values)].sort();
  const id = new Map(entries.map((entry, i) => [entry, i]));
  return { entries, ids: values.map((value) => id.get(value)!) };
}

/** Everything a search looks through for one record. */
export function searchableText(row: HealthcareRow): string {
  return [row.sample_name, row.description, row.keywords, row.transcription].filter((part) => part !== null).join('\n');
}

export function shapeMedicalData(rows: readonly HealthcareRow[], shardChars = SHARD_CHARS): MedicalSiteData {
  const specialty = dictionary(rows.map((row) => row.medical_specialty ?? NO_SPECIALTY));
  const excluded = specialtyExclusions(specialty.entries);
  const perRecord = rows.map((row) => recordKeywords(row.keywords, excluded));
  const terms = dictionary(perRecord.flat());
  const termId = new Map(terms.entries.map((term, i) => [term, i]));
  const keywordRecord: number[] = [];
  const keywordId: number[] = [];
  perRecord.forEach((list, record) => {
    for (const keyword of list) {
      keywordRecord.push(record);
      keywordId.push(termId.get(keyword)!);
    }
  });
  const transcripts = rows.map((row) => row.transcription ?? '');
  const shardFirst = planShards(
    transcripts.map((text) => text.length),
    shardChars,
  );
  const shards = shardFirst.map((first, s) => transcripts.slice(first, shardFirst[s + 1] ?? transcripts.length));
  return {
    records: {
      serial: rows.map((row) => row['Serial No']),
      specialties: specialty.entries,
      specialty: specialty.ids,
      sampleName: rows.map((row) => row.sample_name ?? ''),
      description: rows.map((row) => row.description ?? ''),
      length: rows.map((row) => row.transcription_length),
      keywords: rows.map((row) => row.keywords),
      keywordTerms: terms.entries,
      keywordRecord,
      keywordId,
      shardFirst,
    },
    shards,
    searchIndex: buildSearchIndex(rows.map(searchableText)),
  };
}
