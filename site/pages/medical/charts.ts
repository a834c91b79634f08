// The Medical Records charts (HC-1 … HC-6 bars) drawn with Observable Plot from the pure figures of
// specialty-stats.ts and keyword-counts.ts. Each returns null when there is nothing to draw (the card's
// empty state).
import * as Plot from '@observablehq/plot';
import { quantileSorted, ticks } from 'd3';
import { named } from '../../lib/chart-table.js';
import { chartBandLabels, chartTextWidth, RAMP_LEGEND, slantedLabels, titleShortened } from '../../lib/chart-layout.js';
import { formatInteger, formatNumber } from '../../lib/format.js';
import { ACCENTS, PLOT_DEFAULTS, X_TITLE } from '../../lib/plot-theme.js';
import { emptyState } from '../../lib/shell.js';
import { withSizeLegend } from '../../lib/size-legend.js';
import type { KeywordCount } from './keyword-counts.js';
import { demandQuadrant, paretoBars, QUADRANTS, resourceIndex, type Quadrant, type SpecialtyStat } from './specialty-stats.js';

const ROW_PX = 20;
const PARETO_MARGIN = { left: 80, right: 56, bottom: 130 } as const;

/** Whole-number ticks for axes of counts (a filter down to a few records must not label 0.2 records), as many as fit. */
function countTicks(max: number, count = 6): number[] {
  return ticks(0, max, count).filter(Number.isInteger);
}

function rankedHeight(rows: number): number {
  return Math.max(160, rows * ROW_PX + 50);
}

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  'High Volume + Complex': ACCENTS.rose,
  'High Volume': ACCENTS.amber,
  'Complex Cases': ACCENTS.cyan,
  'Low Priority': '#94A3B8',
};

/** HC-1: records per specialty, largest at the top. */
export function specialtyBars(stats: readonly SpecialtyStat[], width: number): Element | null {
  if (stats.length === 0) return null;
  const labels = chartBandLabels(stats.map((s) => s.specialty), width, { marginRight: 50 });
  return titleShortened(Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: rankedHeight(stats.length),
    marginLeft: labels.marginLeft,
    marginRight: 50,
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, label: 'Records', grid: true, ticks: countTicks(Math.max(...stats.map((s) => s.volume)), labels.ticks), tickFormat: formatInteger },
    y: { label: null, domain: stats.map((s) => s.specialty), tickFormat: labels.format },
    marks: [
      Plot.barX(stats, { x: 'volume', y: 'specialty', fill: ACCENTS.indigo, tip: { format: { x: formatInteger } } }),
      Plot.text(stats, { x: 'volume', y: 'specialty', text: (d: SpecialtyStat) => formatInteger(d.volume), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }), stats.map((s) => s.specialty), labels.format);
}

/** HC-2: volume against mean length, split at the two medians; each quadrant is coloured and named. */
export function demandChart(stats: readonly SpecialtyStat[], width: number): Element | null {
  if (stats.length === 0) return null;
  const q = demandQuadrant(stats);
  const xMax = Math.max(...stats.map((s) => s.volume)) * 1.08;
  // Complexity is a mean length, far from zero: the axis starts below the shortest, not at 0.
  const lengths = stats.map((s) => s.avgComplexity);
  const ySpan = Math.max(...lengths) - Math.min(...lengths) || Math.max(...lengths) || 1;
  const yMin = Math.max(0, Math.min(...lengths) - ySpan * 0.15);
  const yMax = Math.max(...lengths) + ySpan * 0.15;
  const corners: { quadrant: Quadrant; x: number; y: number; anchor: 'start' | 'end' }[] = [
    { quadrant: 'High Volume + Complex', x: xMax, y: yMax, anchor: 'end' },
    { quadrant: 'Complex Cases', x: 0, y: yMax, anchor: 'start' },
    { quadrant: 'High Volume', x: xMax, y: yMin, anchor: 'end' },
    { quadrant: 'Low Priority', x: 0, y: yMin, anchor: 'start' },
  ];
  // Two corner names side by side that do not fit the plot's width (a phone) go on two lines: the right one lower.
  const bold = (t: string): number => chartTextWidth(t) * 1.08;
  const stagger = bold('Complex Cases') + bold('High Volume + Complex') + 24 > width - 80;
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 420,
    marginLeft: 60,
    marginTop: 24,
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, label: 'Case volume (records)', domain: [0, xMax], grid: true, ticks: countTicks(xMax), tickFormat: formatInteger },
    y: { label: 'Avg complexity (chars of cleaned text)', domain: [yMin, yMax], grid: true },
    r: { range: [3, 18] },
    color: { domain: [...QUADRANTS], range: QUADRANTS.map((name) => QUADRANT_COLORS[name]), legend: true },
    marks: [
      Plot.ruleX([q.medianVolume], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
      Plot.ruleY([q.medianComplexity], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
      ...corners.map((c) =>
        Plot.text([c], { x: 'x', y: 'y', text: 'quadrant', textAnchor: c.anchor, fill: QUADRANT_COLORS[c.quadrant], fontWeight: 600, dx: c.anchor === 'start' ? 6 : -6, dy: (c.y === yMax ? 8 : -8) * (stagger && c.anchor === 'end' ? 3 : 1) }),
      ),
      Plot.dot(q.points, {
        x: 'volume',
        y: 'avgComplexity',
        r: 'volume',
        fill: 'quadrant',
        fillOpacity: 0.75,
        stroke: 'currentColor',
        strokeOpacity: 0.4,
        channels: { Specialty: 'specialty', 'Records (n)': 'volume' },
        tip: { format: { Specialty: true, 'Records (n)': formatInteger, x: false, y: (v: number) => formatInteger(v), r: false, fill: true } },
      }),
    ],
  });
  return withSizeLegend(plot, { label: 'Bubble area: records', max: Math.max(...stats.map((s) => s.volume)), format: formatInteger });
}

type LengthRecord = { specialty: string; length: number };

/** The hover card of one box: its specialty, count, median and quartiles. */
function boxSummary(group: readonly LengthRecord[]): string {
  const lengths = group.map((d) => d.length).sort((a, b) => a - b);
  const q = (p: number): string => formatInteger(quantileSorted(lengths, p) ?? 0);
  return `${group[0]?.specialty ?? ''}\n${formatInteger(lengths.length)} records\nmedian ${q(0.5)} chars, quartiles ${q(0.25)}–${q(0.75)}`;
}

/** HC-3: transcription length per record, one box per specialty (the 15 with most records), largest first. */
export function lengthBoxes(records: readonly { specialty: string; length: number }[], order: readonly string[], width: number): Element | null {
  if (records.length === 0) return null;
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.specialty, (counts.get(r.specialty) ?? 0) + 1);
  // "Surgery · n = 1,103": every box carries its record count; the band labels fit the whole text.
  const shown = new Map(order.map((d) => [d, withN(d, counts.get(d) ?? 0)]));
  const labels = chartBandLabels([...shown.values()], width);
  const format = (d: string): string => labels.format(shown.get(d) ?? d);
  return titleShortened(Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: rankedHeight(order.length) + 30,
    marginLeft: labels.marginLeft,
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, label: 'Transcription length (chars of cleaned text)', grid: true, ticks: labels.ticks, tickFormat: formatInteger },
    y: { label: null, domain: [...order], tickFormat: format },
    marks: [
      Plot.boxX(records, { x: 'length', y: 'specialty', fill: ACCENTS.blue, fillOpacity: 0.35, stroke: ACCENTS.blue }),
      Plot.tip(records, Plot.pointerY(Plot.groupY({ x: 'median', title: boxSummary }, { x: 'length', y: 'specialty', title: (d: LengthRecord) => d }))),
    ],
  }), [...shown.values()], labels.format);
}

/** HC-4: records per specialty, descending, with the running share of all records on the right axis. */
export function paretoChart(stats: readonly SpecialtyStat[], width: number): Element | null {
  // As many bars as the width holds a slanted or upright label for; the rest are one "Other" bar.
  const plotWidth = width - PARETO_MARGIN.left - PARETO_MARGIN.right;
  const bars = paretoBars(stats, Math.max(4, Math.min(20, Math.floor(plotWidth / 18) - 1)));
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.records));
  const toBars = (percent: number): number => (percent / 100) * max;
  const labels = bars.map((b) => b.label);
  const { rotate, format } = slantedLabels(labels, { plotWidth, marginLeft: PARETO_MARGIN.left, marginBottom: PARETO_MARGIN.bottom }, (t) => chartTextWidth(t));
  return titleShortened(Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 440,
    marginLeft: PARETO_MARGIN.left,
    marginRight: PARETO_MARGIN.right,
    marginBottom: PARETO_MARGIN.bottom,
    x: { label: null, domain: labels, tickRotate: rotate, tickFormat: format, padding: 0.15 },
    y: { label: 'Records', domain: [0, max * 1.05], grid: true, ticks: countTicks(max), tickFormat: formatInteger },
    marks: [
      Plot.barY(bars, { x: named('label', 'specialty'), y: 'records', fill: (b: { specialties: number }) => (b.specialties > 1 ? '#64748B' : ACCENTS.indigo), channels: { Share: (b: { percent: number }) => `${formatNumber(b.percent)} %` }, tip: { format: { y: formatInteger, fill: false } } }),
      Plot.line(bars, { x: 'label', y: (b: { cumulativePercent: number }) => toBars(b.cumulativePercent), stroke: ACCENTS.amber, strokeWidth: 2 }),
      Plot.dot(bars, { x: 'label', y: (b: { cumulativePercent: number }) => toBars(b.cumulativePercent), fill: ACCENTS.amber, r: 3, channels: { 'Cumulative share': (b: { cumulativePercent: number }) => `${formatNumber(b.cumulativePercent)} %` }, tip: { format: { x: true, y: false } } }),
      Plot.axisY(countTicks(max), { anchor: 'left', label: 'Records', tickFormat: formatInteger }),
      Plot.axisY([0, 20, 40, 60, 80, 100].map(toBars), { anchor: 'right', label: 'Cumulative % of records', tickFormat: (v: number) => `${Math.round((v / max) * 100)}` }),
      Plot.ruleY([0]),
    ],
  }), labels, format);
}

/** "Surgery · n = 1,103": every specialty figure carries its record count. */
export const withN = (specialty: string, n: number): string => `${specialty} · n = ${formatInteger(n)}`;

/**
 * HC-5: (0.5 · volume/max + 0.5 · complexity/max) × 100 over the shown specialties with at least
 * MIN_RECORDS_FOR_INDEX records, top 20, highest at the top, each labelled with its score and n; a note
 * says how many specialties were left out for too few records.
 */
export function resourceChart(stats: readonly SpecialtyStat[], width: number): Element | null {
  if (stats.length === 0) return null;
  const index = resourceIndex(stats, 20);
  if (index.scores.length === 0) return emptyState(`No specialty in the selection has n ≥ ${formatInteger(index.minRecords)} records, the fewest the index ranks (a mean length over a few records is noise).`);
  const scores = index.scores;
  const labels = chartBandLabels(scores.map((s) => s.specialty), width, { marginRight: 96 });
  const note = document.createElement('p');
  note.className = 'chart-note resource-note';
  note.textContent =
    `Specialties with n ≥ ${formatInteger(index.minRecords)} records only` +
    (index.excluded > 0 ? `: ${formatInteger(index.excluded)} with fewer left out (a mean length over a few records is noise).` : '.');
  const figure = document.createElement('div');
  figure.append(
    titleShortened(Plot.plot({
      ...PLOT_DEFAULTS,
      width,
      height: rankedHeight(scores.length) + 40,
      marginLeft: labels.marginLeft,
      marginRight: 96,
      marginBottom: X_TITLE.marginBottom,
      x: { labelOffset: X_TITLE.labelOffset, label: 'Resource need score (0–100)', domain: [0, 100], grid: true, ticks: labels.ticks },
      y: { label: null, domain: scores.map((s) => s.specialty), tickFormat: labels.format },
      color: { type: 'linear', scheme: 'YlOrRd', domain: [0, 100], legend: true, label: 'Score', ...RAMP_LEGEND },
      marks: [
        Plot.barX(scores, {
          x: 'score',
          y: 'specialty',
          fill: 'score',
          channels: { Records: { value: 'volume', label: 'Records (n)' }, 'Avg length': (s: SpecialtyStat) => formatInteger(s.avgComplexity) },
          tip: { format: { x: (v: number) => formatNumber(v), fill: false, Records: formatInteger } },
        }),
        Plot.text(scores, { x: 'score', y: 'specialty', text: (s: SpecialtyStat & { score: number }) => `${formatNumber(s.score)} · n = ${formatInteger(s.volume)}`, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      ],
    }), scores.map((s) => s.specialty), labels.format),
    note,
  );
  return figure;
}

/** HC-6 bars: the most frequent keywords, largest at the top. */
export function keywordBars(counts: readonly KeywordCount[], width: number): Element | null {
  if (counts.length === 0) return null;
  const labels = chartBandLabels(counts.map((c) => c.keyword), width, { marginRight: 40 });
  return titleShortened(Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: rankedHeight(counts.length),
    marginLeft: labels.marginLeft,
    marginRight: 40,
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, label: 'Records with the keyword', grid: true, ticks: countTicks(Math.max(...counts.map((c) => c.records)), labels.ticks), tickFormat: formatInteger },
    y: { label: null, domain: counts.map((c) => c.keyword), tickFormat: labels.format },
    marks: [
      Plot.barX(counts, { x: 'records', y: 'keyword', fill: ACCENTS.emerald, tip: { format: { x: formatInteger } } }),
      Plot.text(counts, { x: 'records', y: 'keyword', text: (c: KeywordCount) => formatInteger(c.records), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
    ],
  }), counts.map((c) => c.keyword), labels.format);
}
