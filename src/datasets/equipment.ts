import type { ColumnDef } from '../cache/parquet.js';
import { writeEquipmentDemo } from '../demo/equipment.js';
import type { CsvFormat } from './csv.js';
import { EQUIPMENT_FILE, EQUIPMENT_FOLDER } from './layout.js';
import { columnSum, ingestCsv, locateFile, nullCount, type CsvDataset } from './ingest.js';
import { csvFilesIn } from './input.js';
import { categoryForNsn } from './lookups/nsn.js';
import { STATE_NAMES } from './lookups/states.js';
import type { DatasetModule } from './types.js';
import { isBlank, parseDateTime, parseNumber, textOr, textOrNull } from './values.js';

/**
 * The Kaggle header; the DLA's own publication calls column 2 "Station Name (LEA)". UI and DEMIL IC may be absent.
 *
 * Odd rows are kept and warned about (first lines named in the build output, the manifest and the Status page):
 * a State that is no two-letter US state or territory code (kept as written: it counts in the totals but is on no
 * map or state chart), non-numeric Quantity or Acquisition Value (0), an unparseable Ship Date (empty).
 */
const FORMAT: CsvFormat = {
  delimiter: ',',
  columns: [
    { name: 'State', required: true },
    { name: 'Agency Name', aliases: ['Station Name (LEA)'], required: true },
    { name: 'NSN', required: true },
    { name: 'Item Name', required: true },
    { name: 'Quantity', required: true },
    { name: 'UI', required: false },
    { name: 'Acquisition Value', required: true },
    { name: 'DEMIL Code', required: true },
    { name: 'DEMIL IC', required: false },
    { name: 'Ship Date', required: true },
    { name: 'Station Type', required: true },
  ],
};

/** equipment.parquet, one row per transfer line (D-1). */
export const EQUIPMENT_COLUMNS: readonly ColumnDef[] = [
  { name: 'State', type: 'STRING', nullable: false, doc: 'two-letter state or territory code, trimmed' },
  { name: 'Agency Name', type: 'STRING', nullable: false, doc: 'receiving law-enforcement agency, trimmed (DLA: "Station Name (LEA)")' },
  { name: 'NSN', type: 'STRING', nullable: false, doc: 'National Stock Number as written' },
  { name: 'Item Name', type: 'STRING', nullable: false, doc: 'item description, trimmed' },
  { name: 'Quantity', type: 'INT32', nullable: false, doc: 'units; non-numeric or blank → 0, fractions truncated' },
  { name: 'UI', type: 'STRING', nullable: true, doc: 'unit of issue (Each, Kit, …); null when blank or absent' },
  { name: 'Acquisition Value', type: 'DOUBLE', nullable: false, doc: 'US dollars for the line; non-numeric or blank → 0' },
  { name: 'DEMIL Code', type: 'STRING', nullable: false, doc: 'demilitarization code, trimmed; blank → "Unknown"' },
  { name: 'DEMIL IC', type: 'STRING', nullable: true, doc: 'DEMIL integrity code as written; null when blank or absent' },
  { name: 'Ship Date', type: 'TIMESTAMP', nullable: true, doc: 'ship date-time (no zone); unparseable or blank → null, the row is kept' },
  { name: 'Station Type', type: 'STRING', nullable: false, doc: 'State / Federal …, trimmed; blank → "Unknown"' },
  { name: 'Year', type: 'INT32', nullable: true, doc: 'calendar year of Ship Date; null when there is no date' },
  { name: 'Category', type: 'STRING', nullable: false, doc: 'category of the first two NSN digits (46-prefix map), else "Other"' },
];

const INT32_MAX = 2_147_483_647;

const DATASET: CsvDataset = {
  name: 'equipment',
  version: '1',
  format: FORMAT,
  columns: EQUIPMENT_COLUMNS,
  transform: ([state, agency, nsn, item, quantityText, ui, valueText, demil, demilIc, dateText, stationType], line, log) => {
    let quantity = parseNumber(quantityText);
    if (quantity === null) {
      if (!isBlank(quantityText)) log.note('Quantity', 'non-numeric values set to 0', line, quantityText ?? '');
      quantity = 0;
    } else if (Math.abs(quantity) > INT32_MAX) {
      log.note('Quantity', 'values out of the 32-bit range set to 0', line, quantityText ?? '');
      quantity = 0;
    }
    let value = parseNumber(valueText);
    if (value === null) {
      if (!isBlank(valueText)) log.note('Acquisition Value', 'non-numeric values set to 0', line, valueText ?? '');
      value = 0;
    }
    const stateCode = textOr(state, '');
    if (!Object.prototype.hasOwnProperty.call(STATE_NAMES, stateCode)) log.note('State', 'codes that are no US state or territory (rows kept as written; on no map or state chart)', line, stateCode);
    const shipDate = parseDateTime(dateText);
    if (shipDate === null && !isBlank(dateText)) log.note('Ship Date', 'unparseable dates left empty (rows kept)', line, dateText ?? '');
    return [
      stateCode,
      textOr(agency, ''),
      textOr(nsn, ''),
      textOr(item, ''),
      Math.trunc(quantity),
      textOrNull(ui),
      value,
      textOr(demil, 'Unknown'),
      textOrNull(demilIc),
      shipDate,
      textOr(stationType, 'Unknown'),
      shipDate === null ? null : new Date(shipDate).getUTCFullYear(),
      categoryForNsn(nsn),
    ];
  },
  details: (table) => ({
    totalQuantity: columnSum(table, 'Quantity'),
    totalValue: columnSum(table, 'Acquisition Value'),
    undatedRows: nullCount(table, 'Ship Date'),
  }),
};

export const equipment: DatasetModule = {
  name: 'equipment',
  title: 'Military equipment transfers (DoD 1033 program)',
  artefact: 'equipment.parquet',
  version: DATASET.version,
  demoVersion: '1',
  expects: `${EQUIPMENT_FILE} (or *.csv files in ${EQUIPMENT_FOLDER}/)`,
  // The Kaggle file when present, otherwise the DLA's per-state CSVs in the same folder.
  locate: async (datasetsDir) => {
    const single = await locateFile(datasetsDir, EQUIPMENT_FILE);
    if (single) return single;
    const files = await csvFilesIn(datasetsDir, EQUIPMENT_FOLDER);
    return files.length > 0 ? { kind: 'full', root: datasetsDir, files } : null;
  },
  writeDemo: writeEquipmentDemo,
  build: (context) => ingestCsv(DATASET, context),
};
