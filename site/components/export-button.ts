import { csvFileName, toCsv, type CsvValue } from '../lib/csv.js';
import { downloadText } from '../lib/download.js';
import { h } from '../lib/dom.js';
import { formatInteger } from '../lib/format.js';

type Rows = Iterable<readonly CsvValue[]>;

/**
 * "Export CSV" for the rows the filters leave (P-9). `rows()` is called at click time, so the file always
 * matches what the page shows; the button label says how many rows it will write. `rows()` may return a promise
 * (columns fetched on the first export): the button says so while it waits, and says so if it fails.
 */
export function exportButton(options: { page: string; header: () => string[]; rows: () => Rows | Promise<Rows>; count: () => number; hint?: () => string | undefined }): { element: HTMLButtonElement; refresh(): void } {
  const element = h('button', { type: 'button', class: 'btn btn-primary export-button' });
  const refresh = (): void => {
    const n = options.count();
    element.textContent = `Export CSV (${formatInteger(n)} rows)`;
    element.disabled = n === 0;
  };
  const save = (rows: Rows): void => {
    downloadText(toCsv(options.header(), rows), csvFileName(options.page, new Date(), options.hint?.()), 'text/csv;charset=utf-8');
  };
  element.addEventListener('click', () => {
    const rows = options.rows();
    if (!(rows instanceof Promise)) return save(rows);
    element.disabled = true;
    element.textContent = 'Preparing the export…';
    rows.then(
      (ready) => {
        refresh();
        save(ready);
      },
      (err: unknown) => {
        refresh();
        element.textContent = `Export failed (${err instanceof Error ? err.message : String(err)}): try again`;
      },
    );
  });
  refresh();
  return { element, refresh };
}
