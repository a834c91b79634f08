import { drawWithTable } from '../lib/chart-data.js';
import { downloadBlob, downloadText } from '../lib/download.js';
import { h, uid } from '../lib/dom.js';
import { emptyState } from '../lib/shell.js';
import { THEME_EVENT } from '../lib/theme.js';
import { titlesAsHoverCards } from '../lib/tooltip.js';
import { chartDataView } from './chart-data-view.js';
import { infoTip } from './info-tip.js';

/** Draws the chart for the card's current inner width; null means "nothing to show" (the empty state). */
export type ChartRender = (width: number) => Element | null;

export interface ChartCardOptions {
  title: string;
  /** What the chart shows and how it is computed (the info tooltip). */
  info?: string;
  /** Base of the downloaded file name; defaults to the title. */
  fileName?: string;
  /** Span the full grid row. */
  wide?: boolean;
  /** Shown when the render returns null (default: nothing matches the filters). */
  empty?: string;
  render?: ChartRender;
}

export interface ChartCard {
  element: HTMLElement;
  /** Replaces the render function (after a filter change) and draws. */
  draw(render?: ChartRender): void;
}

/** Cards whose draw() is waiting for its turn (set only while `inTurns` runs the page's first view). */
let turns: (() => void)[] | null = null;

/**
 * Runs a page's first view so that its charts appear one after another: the first card that `work` draws is drawn
 * at once, every other one in a task of its own, in the same order. The browser can then paint the first charts
 * while the rest are drawn (a page of ten charts, a map or a word cloud among them, would otherwise show nothing
 * until the last was done). A card drawn again before its turn (a filter change, a resize) draws at once and
 * skips its turn.
 */
export function inTurns(work: () => void): void {
  const queue: (() => void)[] = [];
  turns = queue;
  try {
    work();
  } finally {
    turns = null;
  }
  const next = (): void => {
    queue.shift()?.();
    if (queue.length > 0) setTimeout(next, 0);
  };
  next();
}

/**
 * A titled card holding one chart: info tooltip, SVG/PNG download, redraw on resize, empty state when the
 * render returns null, and "View data" (the figures drawn, as a table and CSV). A <figure> named by its title, so screen readers announce what it is. Its title is an h2:
 * a card sits right under the page's h1 or beside a section's h2, never deeper.
 */
export function chartCard(options: ChartCardOptions): ChartCard {
  const titleId = uid('chart-title');
  const body = h('div', { class: 'chart-body' });
  const svgButton = h('button', { type: 'button', class: 'btn btn-ghost btn-small', title: 'Download this chart as SVG' }, 'SVG');
  const pngButton = h('button', { type: 'button', class: 'btn btn-ghost btn-small', title: 'Download this chart as PNG' }, 'PNG');
  const element = h(
    'figure',
    { class: `card chart-card${options.wide ? ' wide' : ''}`, 'aria-labelledby': titleId },
    h('header', { class: 'card-head' }, h('h2', { class: 'card-title', id: titleId }, options.title), options.info ? infoTip(options.info, options.title) : null, h('div', { class: 'card-actions', role: 'group', 'aria-label': `Download ${options.title}` }, svgButton, pngButton)),
    body,
  );
  const name = (options.fileName ?? options.title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const dataView = chartDataView(options.title, name);
  element.append(dataView.element);
  let render = options.render;
  let lastWidth = -1;
  // The body's width as the ResizeObserver last saw it: a page redrawing many cards after a filter change would
  // otherwise force a full layout per card (reading clientWidth right after the previous card's DOM changed).
  let observedWidth = 0;

  let waiting = false;
  const draw = (next?: ChartRender): void => {
    if (next) render = next;
    if (!render) return;
    if (turns) {
      if (!waiting) turns.push(() => waiting && draw());
      waiting = true;
      return;
    }
    waiting = false;
    const width = Math.max(240, observedWidth || Math.floor(body.clientWidth || 640));
    lastWidth = width;
    const current = render;
    const { chart, table } = drawWithTable(() => current(width));
    body.replaceChildren(chart ?? emptyState(options.empty));
    dataView.set(table);
    svgButton.disabled = pngButton.disabled = chart === null;
  };

  quietPlotGroups(body);
  titlesAsHoverCards(body);
  // Colours some charts compute from the theme (e.g. text on a cell) follow a switch of theme.
  window.addEventListener(THEME_EVENT, () => draw());
  new ResizeObserver(() => {
    const width = Math.floor(body.clientWidth);
    observedWidth = width;
    // Every observer reports once when it starts, all in one rendering step (one task): a card still waiting for
    // its turn (inTurns) draws then, at this width; drawing it here drew most of a page's charts in one long task.
    if (waiting) return;
    if (width > 0 && Math.abs(width - lastWidth) > 8) draw();
  }).observe(body);

  svgButton.addEventListener('click', () => {
    const svg = serializeChart(body);
    if (svg) downloadText(svg.text, `${name}.svg`, 'image/svg+xml');
  });
  pngButton.addEventListener('click', () => {
    const svg = serializeChart(body);
    if (svg) void rasterize(svg).then((blob) => downloadBlob(blob, `${name}.png`));
  });
  if (render) queueMicrotask(() => draw());
  return { element, draw };
}

/**
 * Plot names each mark's <g> (aria-label="bar", "rule", "tip" …) without a role, which ARIA forbids, and redraws
 * its tip's <g> on every pointer move. Those names say nothing to a listener (the card's title and its data table
 * do), so they move to data-mark whenever they appear.
 */
function quietPlotGroups(body: HTMLElement): void {
  const quiet = (root: ParentNode): void => {
    for (const g of root.querySelectorAll('g[aria-label], g[aria-description]')) {
      if (g.hasAttribute('role')) continue;
      // Kept as data for styles and tests ("tip", "x-axis tick" …), out of the accessibility tree.
      g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
      g.removeAttribute('aria-label');
      g.removeAttribute('aria-description');
    }
  };
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        quiet(node.parentNode ?? node);
        // Faceted tips are drawn inside the group that carries the name.
        if (node instanceof SVGGElement && node.closest('g[data-mark=tip]')) keepInWindow(node);
      }
  }).observe(body, { childList: true, subtree: true });
}

/**
 * Plot keeps a tip inside its own SVG, but a narrow window can be narrower than a wide tip or than the SVG: the
 * tip is then moved sideways, just enough for the window to show all of it.
 */
function keepInWindow(tip: SVGGElement): void {
  const box = tip.getBoundingClientRect();
  const svg = tip.ownerSVGElement;
  if (!svg || box.width === 0) return;
  const edge = 4;
  const right = document.documentElement.clientWidth - edge;
  const shift = box.left < edge ? edge - box.left : box.right > right ? Math.max(edge - box.left, right - box.right) : 0;
  if (shift === 0) return;
  const scale = svg.viewBox.baseVal.width > 0 ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
  tip.setAttribute('transform', `${tip.getAttribute('transform') ?? ''} translate(${shift / scale},0)`);
}

interface SerializedChart {
  text: string;
  width: number;
  height: number;
}

/** The card's main SVG as a standalone file, with the theme's text colour and background baked in. */
function serializeChart(body: HTMLElement): SerializedChart | null {
  const svg = [...body.querySelectorAll('svg')].sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
  if (!svg) return null;
  const rect = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const computed = getComputedStyle(body);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(rect.width)));
  clone.setAttribute('height', String(Math.round(rect.height)));
  clone.style.color = computed.color;
  clone.style.background = getComputedStyle(body.closest('.card') ?? body).backgroundColor;
  clone.style.fontFamily = computed.fontFamily;
  return { text: new XMLSerializer().serializeToString(clone), width: rect.width, height: rect.height };
}

/** SVG → PNG at twice the size, through an <img> of a blob URL (needs img-src blob: in the CSP). */
function rasterize(svg: SerializedChart): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(svg.width * scale);
      canvas.height = Math.ceil(svg.height * scale);
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('no 2D canvas'));
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, svg.width, svg.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be rasterized'));
    };
    image.src = url;
  });
}
