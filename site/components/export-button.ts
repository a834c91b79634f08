import { csvFileName, toCsv, type CsvValue } from '../lib/csv.js';
import { downloadText } from '../lib/download.js';
import { h } from '../lib/dom.js';
import { formatInteger } from '../lib/format.js';

/**
 * "Export CSV" for the rows the filters leave (P-9). `rows()` is called at click time, so the file always
 * matches what the page shows; the button label says how many rows it will write.
 */
export function exportButton(options: { page: string; header: () => string[]; rows: () => Iterable<readonly CsvValue[]>; count: () => number; hint?: () => string | undefined }): { element: HTMLButtonElement; refresh(): void } {
  const element = h('button', { type: 'button', class: 'btn btn-primary export-button' });
  const refresh = (): void => {
    const n = options.count();
    element.textContent = `Export CSV (${formatInteger(n)} rows)`;
    element.disabled = n === 0;
  };
  element.addEventListener('click', () => {
    const csv = toCsv(options.header(), options.rows());
    downloadText(csv, csvFileName(options.page, new Date(), options.hint?.()), 'text/csv;charset=utf-8');
  });
  refresh();
  return { element, refresh };
}
