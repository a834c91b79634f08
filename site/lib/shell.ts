import { loadJson, loadTable, type DecodedTable } from './data.js';
import { h, withCode } from './dom.js';
import { readPageMeta, type PageMeta } from './meta.js';

/** What a page module gets from the shell. */
export interface PageContext {
  meta: PageMeta;
  /** The page's content area; the shell put a loading state in it, which the page replaces. */
  root: HTMLElement;
  json<T>(name: string): Promise<T>;
  table(name: string): Promise<DecodedTable>;
}

/**
 * Every page module calls this once: it reads the build facts, lets the page render into #page-root, and turns
 * any failure (a missing data asset, a bad file) into a visible error state instead of a blank page.
 */
export function startPage(render: (context: PageContext) => Promise<void> | void): void {
  const root = document.getElementById('page-root');
  // From disk the data cannot be fetched; site/boot says so and what to run, and that notice stays.
  if (root === null || window.location.protocol === 'file:') return;
  const run = async (): Promise<void> => {
    const meta = readPageMeta();
    await render({ meta, root, json: (name) => loadJson(meta, name), table: (name) => loadTable(meta, name) });
  };
  run()
    .catch((err: unknown) => showError(root, err instanceof Error ? err.message : String(err)))
    .finally(() => root.removeAttribute('aria-busy'));
}

export function showError(root: HTMLElement, message: string): void {
  root.replaceChildren(
    h('div', { class: 'state state-error', role: 'alert' }, h('h2', {}, 'This page could not load its data'), h('p', {}, message), h('p', {}, h('a', { href: 'status.html' }, 'See the Status page'), ' for the state of each dataset.')),
  );
}

/** The message shown where a filter leaves nothing to draw; never silently all data. */
export function emptyState(message = 'Nothing matches the current filters.'): HTMLElement {
  return h('div', { class: 'state state-empty', role: 'status' }, withCode(message));
}

export function loadingState(message = 'Loading…'): HTMLElement {
  return h('div', { class: 'state state-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), message);
}

/** A titled section of a page; `id` makes it linkable. */
export function section(title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'page-section', 'aria-label': title }, h('h2', { class: 'section-title' }, title), ...children);
}
