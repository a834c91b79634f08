import { shapeMedicalData, type HealthcareRow } from '../assets/medical.js';
import { MEDICAL_ASSETS, type MedicalMeta } from '../contracts/medical.js';
import { columnarAsset, jsonAsset, type PageDefinition } from '../page.js';

const COLUMNS = ['Serial No', 'description', 'medical_specialty', 'sample_name', 'transcription', 'keywords', 'transcription_length'] as const;

export const medical: PageDefinition = {
  id: 'medical',
  title: 'Medical Records',
  summary: 'Medical transcriptions by specialty: volumes, complexity, keywords, and every record searchable and readable in full.',
  guide: [
    'Filter by specialty and search the keywords and full text of every transcription (plain words, any order).',
    'Records per specialty, a demand quadrant at the medians, length box plots, a Pareto of workload and a resource index (specialties with n ≥ 20 records); n on every specialty figure.',
    'The 30 most frequent keywords as bars, and a word cloud of the keywords that set the selection apart from all other records (weighted log-odds).',
    'A sortable, paged table; select a record to read its full transcription with the search words highlighted.',
  ],
  caches: ['healthcare'],
  async data(context) {
    const columns = await context.caches.columns('healthcare', COLUMNS);
    const rows: HealthcareRow[] = columns['Serial No'].map((_, i) => ({
      'Serial No': columns['Serial No'][i] as number | null,
      description: columns.description[i] as string | null,
      medical_specialty: columns.medical_specialty[i] as string | null,
      sample_name: columns.sample_name[i] as string | null,
      transcription: columns.transcription[i] as string | null,
      keywords: (columns.keywords[i] as string | null) ?? '',
      transcription_length: Number(columns.transcription_length[i] ?? 0),
    }));
    const { records, shards, searchIndex } = shapeMedicalData(rows);
    const meta: MedicalMeta = { shardFirst: records.shardFirst };
    return [
      columnarAsset(
        MEDICAL_ASSETS.records,
        [
          { name: 'serial', type: 'float64', values: records.serial },
          { name: 'specialty', type: 'dict', values: records.specialty.map((s) => records.specialties[s]!) },
          { name: 'sampleName', type: 'dict', values: records.sampleName },
          { name: 'description', type: 'dict', values: records.description },
          { name: 'length', type: 'uint32', values: records.length },
          { name: 'keywords', type: 'dict', values: records.keywords },
        ],
        meta,
      ),
      columnarAsset(MEDICAL_ASSETS.keywords, [
        { name: 'record', type: 'uint32', values: records.keywordRecord },
        { name: 'keyword', type: 'dict', values: records.keywordId.map((id) => records.keywordTerms[id]!) },
      ]),
      columnarAsset(MEDICAL_ASSETS.search, [{ name: 'bytes', type: 'uint8', values: searchIndex }], undefined, { preload: false }),
      ...shards.map((shard, s) => jsonAsset(MEDICAL_ASSETS.shard(s), shard, { preload: false })),
    ];
  },
};
