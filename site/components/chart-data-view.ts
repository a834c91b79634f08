import type { ChartCell, ChartTable } from '../lib/chart-table.js';
import { h } from '../lib/dom.js';
import { readPageMeta } from '../lib/meta.js';
import { dataTable } from './data-table.js';
import { exportButton } from './export-button.js';

/**
 * "View data" under a chart: a disclosure holding the figures the chart draws as a sortable table, with a CSV of
 * exactly those figures. Also the accessible alternative to the picture. The table is built when opened, and
 * again when the chart is redrawn while it is open.
 */
export function chartDataView(title: string, fileHint: string): { element: HTMLDetailsElement; set(table: ChartTable | null): void } {
  let table: ChartTable | null = null;
  const content = h('div', { class: 'chart-data-body' });
  const element = h('details', { class: 'chart-data', hidden: true }, h('summary', {}, 'View data'), content);
  const render = (): void => {
    if (!element.open || table === null) return;
    const shown = table;
    const view = dataTable<ChartCell[]>({
      caption: `Figures of the chart ${title}`,
      pageSize: 10,
      rows: shown.rows,
      columns: shown.columns.map((column, i) => ({
        key: String(i),
        label: column.label,
        value: (row) => row[i] ?? null,
        align: column.numeric ? 'right' : 'left',
        // Years read as years, not as grouped thousands.
        ...(column.numeric && /year/i.test(column.label) ? { format: (row: ChartCell[]) => String(row[i] ?? '—') } : {}),
      })),
    });
    const exporter = exportButton({ page: pageId(), header: () => shown.columns.map((c) => c.label), rows: () => view.sortedRows(), count: () => shown.rows.length, hint: () => fileHint });
    content.replaceChildren(h('div', { class: 'chart-data-actions' }, exporter.element), view.element);
  };
  element.addEventListener('toggle', render);
  return {
    element,
    set(next) {
      table = next;
      element.hidden = next === null;
      render();
    },
  };
}

function pageId(): string {
  try {
    return readPageMeta().page;
  } catch {
    return 'chart';
  }
}
