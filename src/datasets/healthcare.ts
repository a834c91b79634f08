import type { ColumnDef } from '../cache/parquet.js';
import { writeHealthcareDemo } from '../demo/healthcare.js';
import type { CsvFormat } from './csv.js';
import { HEALTHCARE_FILE } from './layout.js';
import { columnSum, ingestCsv, locateFile, type CsvDataset } from './ingest.js';
import type { DatasetModule } from './types.js';
import { isBlank, parseNumber, textOrNull } from './values.js';

/** The Kaggle file: comma CSV, quoted multi-line text. pandas-written copies name the index column "" or "Unnamed: 0". */
const FORMAT: CsvFormat = {
  delimiter: ',',
  columns: [
    { name: 'Serial No', aliases: ['', 'Unnamed: 0'], required: false },
    { name: 'description', required: false },
    { name: 'medical_specialty', required: true },
    { name: 'sample_name', required: false },
    { name: 'transcription', required: false },
    { name: 'keywords', required: true },
    { name: 'cleaned_transcription', required: true },
  ],
};

/** healthcare.parquet, one row per transcription (D-3). */
export const HEALTHCARE_COLUMNS: readonly ColumnDef[] = [
  { name: 'Serial No', type: 'INT32', nullable: true, doc: 'record number; null when blank, absent or not an integer' },
  { name: 'description', type: 'STRING', nullable: true, doc: 'short description, trimmed; null when blank' },
  { name: 'medical_specialty', type: 'STRING', nullable: true, doc: 'specialty, trimmed; null when blank' },
  { name: 'sample_name', type: 'STRING', nullable: true, doc: 'trimmed; null when blank' },
  { name: 'transcription', type: 'STRING', nullable: true, doc: 'full text as written (newlines kept); null when blank' },
  { name: 'keywords', type: 'STRING', nullable: false, doc: 'comma-separated keywords, trimmed, trailing commas removed; missing → ""' },
  { name: 'cleaned_transcription', type: 'STRING', nullable: true, doc: 'stop-word-stripped text as written; null when blank' },
  { name: 'transcription_length', type: 'INT32', nullable: false, doc: 'characters (code points) of cleaned_transcription; 0 when missing' },
];

/** Characters as people (and Python's len) count them: a surrogate pair is one character. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** "fever, cough, ," → "fever, cough". */
export function cleanKeywords(text: string | undefined): string {
  return (text ?? '').trim().replace(/[\s,]+$/, '');
}

/** Long text as written (newlines and indentation kept), or null when blank. */
function textAsWritten(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

const DATASET: CsvDataset = {
  name: 'healthcare',
  version: '1',
  format: FORMAT,
  columns: HEALTHCARE_COLUMNS,
  transform: ([serial, description, specialty, sample, transcription, keywords, cleaned], line, log) => {
    const number = parseNumber(serial);
    const serialNo = number !== null && Number.isInteger(number) && Math.abs(number) <= 2_147_483_647 ? number : null;
    if (serialNo === null && !isBlank(serial)) log.note('Serial No', 'non-integer values left empty', line, serial ?? '');
    return [
      serialNo,
      textOrNull(description),
      textOrNull(specialty),
      textOrNull(sample),
      textAsWritten(transcription),
      cleanKeywords(keywords),
      textAsWritten(cleaned),
      codePointLength(cleaned ?? ''),
    ];
  },
  details: (table) => ({ totalTranscriptionLength: columnSum(table, 'transcription_length') }),
};

export const healthcare: DatasetModule = {
  name: 'healthcare',
  title: 'Medical transcriptions',
  artefact: 'healthcare.parquet',
  version: DATASET.version,
  // 2: records consistent (sex and age fit the procedure, sections written for their person).
  demoVersion: '2',
  expects: HEALTHCARE_FILE,
  locate: (datasetsDir) => locateFile(datasetsDir, HEALTHCARE_FILE),
  writeDemo: writeHealthcareDemo,
  build: (context) => ingestCsv(DATASET, context),
};
