import { h, uid } from '../lib/dom.js';
import { formatInteger, formatNumber } from '../lib/format.js';
import { pageOf, sortRows, type Cell, type SortDirection } from '../lib/table-model.js';
import { UrlState, type Schema } from '../lib/url-state.js';

export interface Column<Row> {
  key: string;
  label: string;
  /** The sort key and, without `format`, the text shown. */
  value: (row: Row) => Cell;
  /** Display text or node (e.g. a badge); text only — never HTML from data. */
  format?: (row: Row) => string | Node;
  align?: 'left' | 'right';
  /** Keep the cell on one line (dates, codes); numbers never wrap anyway. */
  nowrap?: boolean;
  sortable?: boolean;
}

export interface DataTableOptions<Row> {
  caption: string;
  columns: Column<Row>[];
  rows?: readonly Row[];
  pageSize?: number;
  sort?: { key: string; direction: SortDirection };
  /** Makes rows focusable and selectable with Enter/Space or a click (e.g. to open a transcription). */
  onActivate?: (row: Row) => void;
  emptyMessage?: string;
}

export interface DataTable<Row> {
  element: HTMLElement;
  setRows(rows: readonly Row[], options?: { keepPage?: boolean }): void;
  setView(view: { sort?: string | null; direction?: SortDirection; page?: number }): void;
  /** The rows in the current sort order (all pages): what CSV export writes. */
  sortedRows(): Row[];
  /** Called when the user sorts or pages (bindTableToUrl uses it to keep the view in the URL). */
  onView(listener: (view: TableView) => void): void;
}

export interface TableView {
  sort: string | null;
  direction: SortDirection;
  page: number;
}

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * A sortable, paginated table. Headers are buttons (aria-sort on the column); paging has its own nav landmark, shown
 * only when the rows do not fit the smallest page size.
 */
export function dataTable<Row>(options: DataTableOptions<Row>): DataTable<Row> {
  let rows: readonly Row[] = options.rows ?? [];
  let sortKey: string | null = options.sort?.key ?? null;
  let direction: SortDirection = options.sort?.direction ?? 'asc';
  let page = 0;
  let pageSize = options.pageSize ?? 25;
  let order: number[] = [];
  let selected: Row | undefined;
  const viewListeners: ((view: TableView) => void)[] = [];

  const captionId = uid('table');
  const thead = h('thead');
  const tbody = h('tbody');
  const table = h('table', { class: 'data-table', 'aria-labelledby': captionId }, h('caption', { id: captionId, class: 'sr-only' }, options.caption), thead, tbody);
  const status = h('span', { class: 'table-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'btn btn-ghost btn-small' }, '‹ Previous');
  const next = h('button', { type: 'button', class: 'btn btn-ghost btn-small' }, 'Next ›');
  const sizeId = uid('page-size');
  const size = h('select', { id: sizeId, class: 'select-small' }, ...PAGE_SIZES.map((n) => h('option', { value: n, selected: n === pageSize }, String(n))));
  const pager = h('nav', { class: 'table-pager', 'aria-label': `${options.caption} pages` }, status, h('span', { class: 'pager-controls' }, h('label', { for: sizeId }, 'Rows per page'), size, prev, next));
  // The scroll box is focusable (keyboard users scroll it) and named, but a group, not a region landmark: a page
  // section titled like its table would otherwise give two landmarks of one name.
  const element = h('div', { class: 'table-wrap' }, h('div', { class: 'table-scroll', tabindex: 0, role: 'group', 'aria-labelledby': captionId }, table), pager);

  const resort = (): void => {
    const indices = rows.map((_, i) => i);
    const column = options.columns.find((c) => c.key === sortKey);
    order = column ? sortRows(indices, (i) => column.value(rows[i] as Row), direction) : indices;
  };

  const renderHead = (): void => {
    thead.replaceChildren(
      h(
        'tr',
        {},
        ...options.columns.map((column) => {
          const sorted = column.key === sortKey;
          const th = h('th', { scope: 'col', class: column.align === 'right' ? 'num' : '', 'aria-sort': sorted ? (direction === 'asc' ? 'ascending' : 'descending') : null });
          if (column.sortable === false) th.append(column.label);
          else {
            const button = h('button', { type: 'button', class: 'sort-button' }, column.label, h('span', { class: 'sort-icon', 'aria-hidden': 'true' }, sorted ? (direction === 'asc' ? '▲' : '▼') : '↕'));
            button.addEventListener('click', () => {
              if (sortKey === column.key) direction = direction === 'asc' ? 'desc' : 'asc';
              else {
                sortKey = column.key;
                direction = typeof column.value(rows[0] as Row) === 'number' ? 'desc' : 'asc';
              }
              page = 0;
              resort();
              render();
              notify();
              (thead.querySelectorAll('th')[options.columns.indexOf(column)]?.querySelector('button') as HTMLButtonElement | null)?.focus();
            });
            th.append(button);
          }
          return th;
        }),
      ),
    );
  };

  const renderBody = (): void => {
    const slice = pageOf(order, page, pageSize);
    page = slice.page;
    if (rows.length === 0) {
      tbody.replaceChildren(h('tr', {}, h('td', { colspan: options.columns.length, class: 'table-empty' }, options.emptyMessage ?? 'No rows match the current filters.')));
    } else {
      tbody.replaceChildren(
        ...slice.rows.map((i) => {
          const row = rows[i] as Row;
          const tr = h('tr', {}, ...options.columns.map((c) => h('td', { class: c.align === 'right' ? 'num' : c.nowrap ? 'nowrap' : '' }, c.format ? c.format(row) : cellText(c.value(row)))));
          if (options.onActivate) {
            const activate = options.onActivate;
            tr.tabIndex = 0;
            tr.classList.add('activatable');
            tr.setAttribute('aria-selected', String(row === selected));
            const choose = (): void => {
              selected = row;
              for (const other of tbody.querySelectorAll('tr')) other.setAttribute('aria-selected', String(other === tr));
              activate(row);
            };
            tr.addEventListener('click', choose);
            tr.addEventListener('keydown', (event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                choose();
              }
            });
          }
          return tr;
        }),
      );
    }
    status.textContent = rows.length === 0 ? 'No rows' : `Rows ${formatInteger(slice.first)}–${formatInteger(slice.last)} of ${formatInteger(rows.length)} · page ${slice.page + 1} of ${slice.pageCount}`;
    prev.disabled = slice.page === 0;
    next.disabled = slice.page >= slice.pageCount - 1;
    // Paging only where there is something to page: a table that fits the smallest page size shows all its rows
    // with no pager, and one that fits the chosen size keeps only the size choice.
    pager.hidden = rows.length <= (PAGE_SIZES[0] as number);
    prev.hidden = next.hidden = slice.pageCount === 1;
  };

  const render = (): void => {
    renderHead();
    renderBody();
  };
  const notify = (): void => {
    for (const listener of viewListeners) listener({ sort: sortKey, direction, page });
  };

  prev.addEventListener('click', () => {
    page -= 1;
    renderBody();
    notify();
  });
  next.addEventListener('click', () => {
    page += 1;
    renderBody();
    notify();
  });
  size.addEventListener('change', () => {
    pageSize = Number(size.value);
    page = 0;
    renderBody();
    notify();
  });

  resort();
  render();
  return {
    element,
    setRows(next, opts = {}) {
      rows = next;
      if (!opts.keepPage) page = 0;
      resort();
      render();
    },
    setView(view) {
      if (view.sort !== undefined) sortKey = view.sort;
      if (view.direction !== undefined) direction = view.direction;
      if (view.page !== undefined) page = view.page;
      resort();
      render();
    },
    sortedRows: () => order.map((i) => rows[i] as Row),
    onView: (listener) => viewListeners.push(listener),
  };
}

function cellText(value: Cell): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '—';
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? formatInteger(value) : formatNumber(value, 2);
}

/**
 * Keeps a table's sort and page in the query string (`<prefix>sort`, `<prefix>dir`, `<prefix>page`), so a shared
 * link opens the table as it was seen. Call once, after creating the table with the same initial sort.
 */
export function bindTableToUrl<Row>(table: DataTable<Row>, defaults: { sort: string; direction: SortDirection }, prefix = ''): void {
  const keys = { sort: `${prefix}sort`, dir: `${prefix}dir`, page: `${prefix}page` };
  const state = new UrlState({
    [keys.sort]: { kind: 'string', default: defaults.sort },
    [keys.dir]: { kind: 'enum', values: ['asc', 'desc'], default: defaults.direction },
    [keys.page]: { kind: 'number', default: 1, min: 1 },
  } satisfies Schema);
  const apply = (): void => {
    const s = state.state as Record<string, unknown>;
    table.setView({ sort: (s[keys.sort] as string) || null, direction: s[keys.dir] as SortDirection, page: (s[keys.page] as number) - 1 });
  };
  apply();
  state.subscribe(apply);
  table.onView((view) => state.set({ [keys.sort]: view.sort ?? '', [keys.dir]: view.direction, [keys.page]: view.page + 1 } as never));
}
