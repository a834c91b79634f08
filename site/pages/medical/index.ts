// The Medical Records page (P-5): specialty and full-text filters in the URL, HC-1 … HC-6, the records
// table, the full transcription of the selected record, CSV export.
import { MEDICAL_ASSETS, type MedicalMeta } from '../../../src/site/contracts/medical.js';
import { decodeSearchIndex, searchRecords, type SearchIndex, type SearchResult } from '../../../src/site/search/search-index.js';
import { queryTerms } from '../../../src/site/search/terms.js';
import { chartCard, inTurns } from '../../components/chart-card.js';
import { bindTableToUrl, dataTable, type Column } from '../../components/data-table.js';
import { exportButton } from '../../components/export-button.js';
import { filterPanel } from '../../components/filter-panel.js';
import { multiSelect } from '../../components/multi-select.js';
import { textSearch } from '../../components/text-search.js';
import { csvFileName, toCsv } from '../../lib/csv.js';
import { h } from '../../lib/dom.js';
import { downloadText } from '../../lib/download.js';
import { formatInteger, formatNumber } from '../../lib/format.js';
import { section, startPage } from '../../lib/shell.js';
import { UrlState } from '../../lib/url-state.js';
import { demandChart, keywordBars, lengthBoxes, paretoChart, resourceChart, specialtyBars } from './charts.js';
import { cloudContrast, distinctiveKeywords } from './distinctive-keywords.js';
import { keywordCounts, type KeywordPairs } from './keyword-counts.js';
import { filterRecords } from './record-filter.js';
import { specialtyStats, topSpecialties, type SpecialtyColumns } from './specialty-stats.js';
import { highlighted, transcriptStore } from './transcripts.js';
import { wordCloud } from './word-cloud.js';
import './medical.css';

interface RecordRow {
  index: number;
  serial: number | null;
  specialty: string;
  sampleName: string;
  description: string;
  length: number;
  keywords: string;
}

const CSV_HEADER = ['Serial No', 'medical_specialty', 'sample_name', 'description', 'keywords', 'transcription_length'];
const csvRow = (r: RecordRow): (string | number | null)[] => [r.serial, r.specialty, r.sampleName, r.description, r.keywords, r.length];

startPage(async ({ root, table, json }) => {
  const [recordTable, keywordTable] = await Promise.all([table(MEDICAL_ASSETS.records), table(MEDICAL_ASSETS.keywords)]);
  const specialty = recordTable.dict('specialty');
  const columns: SpecialtyColumns = { specialties: specialty.dictionary, specialty: specialty.codes, length: recordTable.numbers('length') };
  const keywordColumn = keywordTable.dict('keyword');
  const pairs: KeywordPairs = { recordCount: recordTable.rows, keywordTerms: keywordColumn.dictionary, keywordRecord: keywordTable.numbers('record'), keywordId: keywordColumn.codes };
  const { shardFirst } = recordTable.meta as MedicalMeta;
  const text = (name: string, i: number): string => (recordTable.value(name, i) as string | null) ?? '';
  const records: RecordRow[] = Array.from({ length: recordTable.rows }, (_, i) => ({
    index: i,
    serial: recordTable.value('serial', i) as number | null,
    specialty: text('specialty', i),
    sampleName: text('sampleName', i),
    description: text('description', i),
    length: columns.length[i]!,
    keywords: text('keywords', i),
  }));
  const allStats = specialtyStats(columns, records.map((r) => r.index));

  const url = new UrlState({
    specialty: { kind: 'list', values: allStats.map((s) => s.specialty) },
    q: { kind: 'string' },
    record: { kind: 'number', default: -1, min: -1, max: records.length - 1 },
  });

  let searchIndex: Promise<SearchIndex> | undefined;
  const loadIndex = (): Promise<SearchIndex> => (searchIndex ??= table(MEDICAL_ASSETS.search).then((t) => decodeSearchIndex(t.numbers('bytes') as Uint8Array)));
  const transcripts = transcriptStore(shardFirst, (s) => json<string[]>(MEDICAL_ASSETS.shard(s)));

  let rows: Uint32Array = new Uint32Array(0);
  let terms: string[] = [];

  // Filters
  const specialties = multiSelect({
    label: 'Medical specialty',
    options: allStats.map((s) => ({ value: s.specialty, label: s.specialty, hint: formatInteger(s.volume) })).sort((a, b) => (a.label < b.label ? -1 : 1)),
    value: url.state.specialty,
    placeholder: 'All specialties',
    onChange: (values) => url.set({ specialty: values, record: -1 }),
  });
  const search = textSearch({
    label: 'Search keywords and transcriptions',
    value: url.state.q,
    placeholder: 'e.g. chest pain',
    onChange: (value) => url.set({ q: value, record: -1 }, { replace: true }),
  });
  const searchStatus = h('p', { class: 'search-status', 'aria-live': 'polite' });
  const exporter = exportButton({
    page: 'medical-records',
    header: () => CSV_HEADER,
    rows: () => recordTableView.sortedRows().map(csvRow),
    count: () => rows.length,
    hint: () => url.state.specialty.join(' ') || undefined,
  });
  const exportFull = h('button', { type: 'button', class: 'btn btn-ghost', title: 'Also downloads the full transcription of every exported record' }, 'Export with transcriptions');
  exportFull.addEventListener('click', () => void exportWithTranscriptions());
  const filters = filterPanel({
    controls: [specialties.element, h('div', { class: 'search-block' }, search.element, searchStatus)],
    onReset: () => {
      specialties.setValue([]);
      search.setValue('');
      url.set({ specialty: [], q: '', record: -1 });
    },
    actions: [exporter.element, exportFull],
  });

  // Charts
  const cards = {
    specialties: chartCard({ title: 'Records by medical specialty', info: 'HC-1. Number of records per specialty in the current filter, largest at the top.' }),
    demand: chartCard({
      title: 'Resource demand quadrant',
      info: 'HC-2. Each bubble is a specialty: records (x, and bubble size) against the mean length of its cleaned transcriptions (y). The dashed lines are the medians over the specialties shown; a value at the median counts as high.',
    }),
    lengths: chartCard({ title: 'Transcription length by specialty', info: 'HC-3. Distribution of cleaned-transcription length (characters) for the 15 specialties with most records: box = quartiles, line = median, whiskers to 1.5 IQR, dots = outliers.' }),
    pareto: chartCard({
      title: 'Workload concentration (Pareto)',
      info: 'HC-4. Records per specialty, descending, with the running share of all filtered records (right axis). Specialties after the 20th are folded into one grey "Other" bar, so the line ends at 100 % of what is shown.',
    }),
    resource: chartCard({ title: 'Resource allocation index', info: 'HC-5. Score = (0.5 × records ÷ max records + 0.5 × mean length ÷ max mean length) × 100, maxima over the specialties shown; the 20 highest.' }),
    keywords: chartCard({
      title: 'Top 30 medical keywords',
      info: 'HC-6. Keywords of the filtered records (comma-separated keywords column, lowercased; entries of 2 or fewer or more than 40 characters and specialty names left out), counted once per record.',
    }),
    cloud: chartCard({
      title: 'Distinctive keywords',
      info: 'What sets the selected records apart, where the bars above say what is common in them: the 30 keywords most over-represented in the selection against all other records, by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). Each keyword’s prior is its share of the whole collection, worth as many pseudo-counts as the collection has (record, keyword) pairs, which shrinks keywords seen in a few records toward zero; words are sized by the z-score (square-root scale), hover for the counts. With no filter the largest specialty is compared with the rest. Laid out with d3-cloud, seeded so the layout is the same on every load.',
    }),
  };

  // Table and transcription
  const cell = (value: string): Node => h('span', { class: 'cell-clip', title: value }, highlighted(value, terms));
  const tableColumns: Column<RecordRow>[] = [
    { key: 'serial', label: 'ID', value: (r) => r.serial, align: 'right' },
    { key: 'specialty', label: 'Specialty', value: (r) => r.specialty, format: (r) => cell(r.specialty) },
    { key: 'sample', label: 'Sample name', value: (r) => r.sampleName, format: (r) => cell(r.sampleName) },
    { key: 'description', label: 'Description', value: (r) => r.description, format: (r) => cell(r.description) },
    { key: 'length', label: 'Length', value: (r) => r.length, align: 'right' },
  ];
  const recordTableView = dataTable<RecordRow>({
    caption: 'Medical records',
    columns: tableColumns,
    pageSize: 10,
    sort: { key: 'serial', direction: 'asc' },
    onActivate: (row) => url.set({ record: row.index }),
    emptyMessage: 'No records match the current filters.',
  });
  bindTableToUrl(recordTableView, { sort: 'serial', direction: 'asc' });
  const viewerTitle = h('h3', { class: 'card-title' });
  const viewerNote = h('p', { class: 'viewer-note' });
  const viewerText = h('pre', { class: 'transcript', tabindex: 0, 'aria-label': 'Full transcription' });
  const viewerClose = h('button', { type: 'button', class: 'btn btn-ghost btn-small' }, 'Close');
  viewerClose.addEventListener('click', () => url.set({ record: -1 }));
  const viewer = h('article', { class: 'card transcript-card', 'aria-live': 'polite', hidden: true }, h('header', { class: 'card-head' }, viewerTitle, h('div', { class: 'card-actions' }, viewerClose)), viewerNote, viewerText);

  root.replaceChildren(
    filters,
    section(
      'Specialties',
      h('div', { class: 'grid' }, cards.specialties.element, cards.demand.element, cards.lengths.element, cards.pareto.element, cards.resource.element, cards.keywords.element, h('div', { class: 'wide' }, cards.cloud.element)),
    ),
    section('Records', h('p', { class: 'prose' }, 'Select a record (click, or Enter on a focused row) to read its full transcription.'), recordTableView.element, viewer),
  );

  let viewToken = 0;
  const showRecord = async (record: number): Promise<void> => {
    const token = ++viewToken;
    const row = records[record];
    if (row === undefined) {
      viewer.hidden = true;
      return;
    }
    viewer.hidden = false;
    viewerTitle.textContent = `${row.sampleName || 'Untitled record'} — ${row.specialty} (ID ${row.serial ?? '—'})`;
    viewerNote.textContent = 'Loading the transcription…';
    viewerText.replaceChildren();
    try {
      const transcript = await transcripts.text(record);
      if (token !== viewToken) return;
      const visible = rows.includes(record);
      viewerNote.textContent = `${formatInteger(transcript.length)} characters${visible ? '' : ' · this record is not in the current filter'}${terms.length > 0 ? ' · search words are highlighted' : ''}`;
      viewerText.replaceChildren(transcript === '' ? 'This record has no transcription.' : highlighted(transcript, terms));
    } catch (err) {
      if (token === viewToken) viewerNote.textContent = `The transcription could not be loaded: ${(err as Error).message}`;
    }
  };

  const draw = (): void => {
    const stats = specialtyStats(columns, rows);
    const top = topSpecialties(stats, 15);
    const inTop = new Set(top);
    const boxRows = [...rows].map((i) => records[i]!).filter((r) => inTop.has(r.specialty));
    const keywords = keywordCounts(pairs, rows, 30);
    cards.specialties.draw((w) => specialtyBars(stats, w));
    cards.demand.draw((w) => demandChart(stats, w));
    cards.lengths.draw((w) => lengthBoxes(boxRows, top, w));
    cards.pareto.draw((w) => paretoChart(stats, w));
    cards.resource.draw((w) => resourceChart(stats, w));
    cards.keywords.draw((w) => keywordBars(keywords, w));
    const contrast = cloudContrast(columns, rows, stats, url.state.specialty);
    const distinctive = distinctiveKeywords(pairs, contrast.focus, 30);
    cards.cloud.draw((w) => {
      const cloud = wordCloud(
        distinctive.map((d) => ({ text: d.keyword, weight: d.z, title: `${d.keyword}: z = ${formatNumber(d.z, 1)} · in ${formatInteger(d.inFocus)} of ${formatInteger(contrast.focusRecords)} records compared, ${formatInteger(d.inRest)} of ${formatInteger(contrast.restRecords)} others` })),
        `keywords distinctive of ${contrast.label}`,
        w,
      );
      if (cloud === null) return null;
      return h('div', {}, h('p', { class: 'chart-note cloud-contrast' }, `${contrast.label} (n = ${formatInteger(contrast.focusRecords)}) against all other records (n = ${formatInteger(contrast.restRecords)})${contrast.defaulted ? ' · no filter: the largest specialty; choose specialties above to compare others' : ''}`), cloud);
    });
    recordTableView.setRows([...rows].map((i) => records[i]!), { keepPage: true });
    exporter.refresh();
    exportFull.disabled = rows.length === 0;
  };

  let generation = 0;
  /** `first`: the page's first view, whose charts are drawn one per task (inTurns). */
  const apply = async (first = false): Promise<void> => {
    const state = url.state;
    const token = ++generation;
    specialties.setValue(state.specialty);
    let result: SearchResult = { terms: [], docs: null };
    if (queryTerms(state.q).length > 0) {
      searchStatus.textContent = 'Searching…';
      let index: SearchIndex;
      try {
        index = await loadIndex();
      } catch (err) {
        searchIndex = undefined; // the next search tries the download again
        if (token === generation) searchStatus.textContent = `Search is unavailable: ${(err as Error).message}`;
        return;
      }
      if (token !== generation) return;
      result = searchRecords(index, state.q);
    }
    terms = result.terms;
    rows = filterRecords(columns, { specialties: state.specialty, matches: result.docs });
    searchStatus.textContent =
      result.docs === null
        ? state.q.trim() === ''
          ? 'Every word must appear; words match from their start.'
          : 'No words to search for in that text.'
        : `${formatInteger(result.docs.length)} records contain ${terms.map((t) => `“${t}…”`).join(' and ')}`;
    if (first) inTurns(draw);
    else draw();
    void showRecord(state.record);
  };

  const exportWithTranscriptions = async (): Promise<void> => {
    exportFull.disabled = true;
    const original = exportFull.textContent;
    exportFull.textContent = 'Downloading transcriptions…';
    try {
      const sorted = recordTableView.sortedRows();
      const texts = await Promise.all(sorted.map((r) => transcripts.text(r.index)));
      const csv = toCsv([...CSV_HEADER, 'transcription'], sorted.map((r, i) => [...csvRow(r), texts[i]]));
      downloadText(csv, csvFileName('medical-records-full', new Date(), url.state.specialty.join(' ') || undefined), 'text/csv;charset=utf-8');
    } finally {
      exportFull.textContent = original;
      exportFull.disabled = rows.length === 0;
    }
  };

  url.subscribe(() => {
    search.setValue(url.state.q);
    void apply();
  });
  await apply(true);
});
