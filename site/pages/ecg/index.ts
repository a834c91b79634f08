import * as Plot from '@observablehq/plot';
import type { BeatFiducials } from '../../../src/ecg/schema.js';
import type { EcgPageClass, EcgPageData, EcgPageDataset } from '../../../src/site/contracts/ecg.js';
import { chartCard, inTurns } from '../../components/chart-card.js';
import { dataTable } from '../../components/data-table.js';
import { filterPanel } from '../../components/filter-panel.js';
import { radioGroup, type RadioGroup } from '../../components/radio-group.js';
import { h } from '../../lib/dom.js';
import { formatInteger, formatNumber } from '../../lib/format.js';
import { named } from '../../lib/chart-table.js';
import { chartBandLabels, chartTextWidth, RAMP_LEGEND, slantedLabels, titleShortened } from '../../lib/chart-layout.js';
import { ACCENTS, CATEGORICAL, PLOT_DEFAULTS, X_TITLE } from '../../lib/plot-theme.js';
import { startPage } from '../../lib/shell.js';
import { UrlState } from '../../lib/url-state.js';
import './ecg.css';
import { monitor } from './monitor.js';
import { intervalBands, measures, pointRows, type Measure, type PointRow } from './delineation.js';
import { pcaSampleIndices, SPEEDS, trimmedLength, type Speed } from './playback.js';

const AMPLITUDE = 'normalised amplitude';
const BAND_COLORS: Record<string, string> = { 'R–T end': ACCENTS.indigo, PR: ACCENTS.amber, QRS: ACCENTS.cyan };

startPage(async ({ root, json }) => {
  const data = await json<EcgPageData>('ecg');
  const url = new UrlState({
    dataset: { kind: 'enum', values: data.datasets.map((d) => d.key), default: 'mitbih' },
    class: { kind: 'string', default: '' },
    beat: { kind: 'number', default: 0, min: 0, max: 49 },
    scale: { kind: 'enum', values: ['linear', 'log'], default: 'linear' },
    speed: { kind: 'enum', values: Object.keys(SPEEDS), default: 'normal' },
  });
  const current = (): { dataset: EcgPageDataset; cls: EcgPageClass; beat: number } => {
    const dataset = data.datasets.find((d) => d.key === url.state.dataset) ?? (data.datasets[0] as EcgPageDataset);
    const cls = dataset.classes.find((c) => c.name === url.state.class) ?? (dataset.classes[0] as EcgPageClass);
    const beat = Math.min(url.state.beat, Math.max(0, cls.samples.length - 1));
    return { dataset, cls, beat };
  };

  const datasetRadio = radioGroup({
    label: 'Dataset',
    choices: data.datasets.map((d) => ({ value: d.key, label: d.key === 'mitbih' ? 'MIT-BIH' : 'PTB' })),
    value: url.state.dataset,
    onChange: (v) => url.set({ dataset: v, class: '', beat: 0 }),
  });
  const classHolder = h('div');
  const speedRadio = radioGroup({
    label: 'Speed',
    choices: [
      { value: 'slow', label: 'Slow 0.5×' },
      { value: 'normal', label: 'Normal 1×' },
      { value: 'fast', label: 'Fast 2×' },
    ],
    value: url.state.speed,
    onChange: (v) => url.set({ speed: v }, { replace: true }),
  });
  const scaleRadio = radioGroup({
    label: 'Distribution scale',
    choices: [
      { value: 'linear', label: 'Linear' },
      { value: 'log', label: 'Log' },
    ],
    value: url.state.scale,
    onChange: (v) => url.set({ scale: v }),
  });

  const beatLabel = h('span', { class: 'chart-note' });
  const player = monitor({
    rateHz: data.sampleRateHz,
    speed: url.state.speed as Speed,
    onBeat: (beat, total) => {
      beatLabel.textContent = `beat ${beat + 1} of ${total}`;
    },
  });
  const button = (label: string, action: () => void): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'btn btn-ghost' }, label);
    b.addEventListener('click', action);
    return b;
  };
  const monitorCard = h(
    'figure',
    { class: 'card chart-card wide', 'aria-label': 'Playback monitor' },
    h('header', { class: 'card-head' }, h('h2', { class: 'card-title' }, 'Playback monitor: the real sampled beats of the class')),
    h('div', { class: 'ecg-controls', role: 'group', 'aria-label': 'Playback' }, button('Play', () => player.play()), button('Pause', () => player.pause()), button('Reset', () => player.reset()), speedRadio.element, beatLabel),
    player.element,
  );

  const fiducialCard = chartCard({
    title: 'Heart rate, intervals and fiducials of the beat in the browser',
    info:
      'Each row of these datasets starts at its R peak and runs 1.2 median RR intervals: it holds the beat’s S and T, then the next beat’s P, QRS and R. ' +
      'So PR and QRS width are the next beat’s, and the QT interval, which starts before the row, is measured from R to T end. ' +
      'QT shortens as the heart beats faster, so R to T end is judged rate-corrected with the beat’s own RR: QT ≈ R to T end + 40 ms, QTc = QT / RR^(1/3) (Fridericia, RR in seconds), normal 350–450 ms; without an RR it is not judged. ' +
      'A point is shown only when found with confidence. Times in ms at 125 Hz (8 ms a sample); normal ranges are for adults at rest.',
  });
  const fiducialTable = h('div', { class: 'wide' });
  const browserCard = chartCard({ title: 'Waveform browser', info: 'The 50 sampled beats of the class, one at a time. Previous/next buttons or the arrow keys step through them; the fiducial chart follows.' });
  const prev = button('← Previous', () => step(-1));
  const next = button('Next →', () => step(1));
  const counter = h('span', { class: 'chart-note', 'aria-live': 'polite' });
  const step = (delta: number): void => {
    const { cls, beat } = current();
    const n = cls.samples.length;
    if (n === 0) return;
    url.set({ beat: (beat + delta + n) % n }, { replace: true });
  };
  browserCard.element.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      step(e.key === 'ArrowLeft' ? -1 : 1);
    }
  });
  browserCard.element.tabIndex = 0;
  browserCard.element.append(h('div', { class: 'ecg-controls' }, prev, counter, next));

  const distributionCard = chartCard({ title: 'Class distribution, train vs test', info: 'Rows per class in each split. PTB has no split of its own: normal and abnormal are concatenated and split 80/20 by a seeded permutation.' });
  const meanCard = chartCard({ title: 'Mean waveform ± 1 std per class', wide: true, info: 'Per-sample mean of every train beat of the class, with a band of ± one population standard deviation.' });
  const featureCard = chartCard({
    title: 'Features per class: median and spread',
    wide: true,
    info:
      'For each class, the middle half of its beats (interquartile range, the bar) and the median (the line), each feature on its own scale. ' +
      'Heart rate and QRS width come from the delineation; T amplitude is the T peak above the row’s median level; the row length is 1.2 median RR intervals of the recording the beat came from. ' +
      'Computed on a fixed random sample of up to 500 beats per class (all beats of smaller classes) of the train split.',
  });
  const correlationCard = chartCard({ title: 'Correlation of class mean waveforms', info: 'Pearson correlation between the mean train waveforms of each pair of classes.' });
  const pcaCard = chartCard({ title: 'PCA of the sampled beats', wide: true, info: 'The 50 sampled train beats per class projected on the first two principal components. Hover for the class and sample; click a point to open that beat in the browser.' });

  let loaded = '';
  let classRadio: { dataset: string; group: RadioGroup } | undefined;
  const draw = (): void => {
    const { dataset, cls, beat } = current();
    datasetRadio.setValue(dataset.key);
    speedRadio.setValue(url.state.speed);
    scaleRadio.setValue(url.state.scale);
    player.setSpeed(url.state.speed as Speed);
    // Rebuilt only when the dataset (and so the list of classes) changes: replacing it on every change would drop
    // the keyboard focus of someone arrowing through the classes.
    if (classRadio?.dataset !== dataset.key) {
      classRadio = {
        dataset: dataset.key,
        group: radioGroup({
          label: 'Class',
          choices: dataset.classes.map((c) => ({ value: c.name, label: c.name })),
          value: cls.name,
          onChange: (v) => url.set({ class: v, beat: 0 }),
        }),
      };
      classHolder.replaceChildren(classRadio.group.element);
    }
    classRadio.group.setValue(cls.name);
    const key = `${dataset.key}|${cls.name}`;
    if (key !== loaded) {
      loaded = key;
      player.load(cls.samples, cls.fiducials);
    }

    const sample = cls.samples[beat];
    const fid = cls.fiducials[beat] ?? null;
    counter.textContent = cls.samples.length === 0 ? 'no sampled beats' : `beat ${beat + 1} of ${cls.samples.length}`;
    browserCard.draw((width) => (sample ? beatPlot(width, sample, null, `${cls.name}, beat ${beat + 1}`) : null));
    fiducialCard.draw((width) => (sample ? beatPlot(width, sample, fid, '') : null));
    fiducialTable.replaceChildren(fiducialTablesFor(fid));

    const dist = dataset.classes.flatMap((c) => [
      { cls: c.name, split: 'train', n: c.train },
      { cls: c.name, split: 'test', n: c.test },
    ]);
    const log = url.state.scale === 'log';
    distributionCard.draw((width) =>
      Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: 300,
        marginBottom: 50,
        fx: { label: null, domain: dataset.classes.map((c) => c.name), ...(width < 640 ? { tickFormat: classCode } : { tickRotate: dataset.classes.length > 2 ? -15 : 0 }) },
        x: { axis: null, domain: ['train', 'test'] },
        y: { type: log ? 'log' : 'linear', label: `beats (${log ? 'log' : 'linear'} scale)`, grid: true, tickFormat: '~s' },
        color: { domain: ['train', 'test'], range: [ACCENTS.blue, ACCENTS.amber], legend: true },
        // A bar's base is 0 on the linear scale, which a log scale cannot place (every bar vanished): there bars start
        // at 1 beat, and empty splits are left out.
        marks: [
          Plot.barY(
            dist.filter((d) => !log || d.n > 0),
            { fx: 'cls', x: 'split', y1: log ? 1 : 0, y2: 'n', fill: 'split', className: 'distribution-bar', tip: true, title: (d) => `${d.cls} · ${d.split}\n${formatInteger(d.n)} beats` },
          ),
          Plot.ruleY([log ? 1 : 0]),
        ],
      }),
    );

    const bands = dataset.classes.flatMap((c) => c.mean.map((m, i) => ({ cls: c.name, i, m, lo: m - (c.std[i] ?? 0), hi: m + (c.std[i] ?? 0) })));
    meanCard.draw((width) =>
      Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: 110 * dataset.classes.length + 50,
        marginRight: 150,
        fy: { label: null, domain: dataset.classes.map((c) => c.name) },
        marginBottom: X_TITLE.marginBottom,
        x: { labelOffset: X_TITLE.labelOffset, label: 'sample (8 ms each)' },
        y: { label: AMPLITUDE, domain: [-0.2, 1.2], ticks: 3 },
        color: { domain: dataset.classes.map((c) => c.name), range: CATEGORICAL, label: 'class' },
        marks: [
          Plot.areaY(bands, { x: 'i', y1: 'lo', y2: 'hi', fy: 'cls', fill: 'cls', fillOpacity: 0.25 }),
          Plot.lineY(bands, { x: 'i', y: 'm', fy: 'cls', stroke: 'cls', strokeWidth: 1.5, tip: true, title: (d) => `${d.cls}, sample ${d.i} (${d.i * 8} ms)\nmean ${formatNumber(d.m, 3)}, ±1 std ${formatNumber(d.lo, 3)} to ${formatNumber(d.hi, 3)}` }),
          Plot.frame({ strokeOpacity: 0.15 }),
        ],
      }),
    );

    featureCard.draw((width) => featureCharts(width, dataset));

    correlationCard.draw((width) => {
      const c = dataset.correlation;
      if (!c) return null;
      const cells = c.classes.flatMap((a, i) => c.classes.map((b, j) => ({ a, b, r: c.matrix[i]?.[j] ?? 0 })));
      // Column names slant or stand by the room (cut with a <title> when they must be), as on the Combined heatmap;
      // row names get a measured margin; values are written only when they fit a cell.
      const rows = chartBandLabels(c.classes, width);
      const frame = { plotWidth: width - rows.marginLeft - 20, marginLeft: rows.marginLeft, marginBottom: 90 };
      const columns = slantedLabels(c.classes, frame, (t) => chartTextWidth(t));
      const written = chartTextWidth('−0.00', 11) + 4 <= frame.plotWidth / Math.max(1, c.classes.length);
      return titleShortened(
        titleShortened(
          Plot.plot({
            ...PLOT_DEFAULTS,
            width,
            height: 110 + c.classes.length * 48,
            marginLeft: rows.marginLeft,
            marginBottom: frame.marginBottom,
            x: { label: null, domain: c.classes, tickRotate: columns.rotate, tickFormat: columns.format },
            y: { label: null, domain: c.classes, tickFormat: rows.format },
            color: { type: 'linear', scheme: 'rdbu', domain: [-1, 1], legend: true, label: 'Pearson r', ...RAMP_LEGEND },
            marks: [
              Plot.cell(cells, { x: named('a', 'class (column)'), y: named('b', 'class (row)'), fill: 'r', inset: 1, tip: true, title: (d) => `${d.a} × ${d.b}\nr = ${formatNumber(d.r, 3)}` }),
              written ? Plot.text(cells, { x: 'a', y: 'b', text: (d) => formatNumber(d.r, 2), fill: (d) => (Math.abs(d.r) > 0.6 ? 'white' : 'black'), fontSize: 11 }) : null,
            ],
          }),
          c.classes,
          columns.format,
        ),
        c.classes,
        rows.format,
      );
    });

    pcaCard.draw((width) => {
      const p = dataset.pca;
      if (!p) return null;
      const index = pcaSampleIndices(p.labels);
      const points = p.x.map((x, i) => ({ x, y: p.y[i] as number, cls: p.labels[i] as string, sample: index[i] as number }));
      const plot = Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: 380,
        marginBottom: X_TITLE.marginBottom,
        x: { labelOffset: X_TITLE.labelOffset, label: `PC1 (${formatNumber(p.explained_variance[0] * 100, 1)} % of variance)`, grid: true, ticks: Math.max(2, Math.floor(width / 80)) },
        y: { label: `PC2 (${formatNumber(p.explained_variance[1] * 100, 1)} % of variance)`, grid: true },
        color: { domain: dataset.classes.map((c) => c.name), range: CATEGORICAL, legend: true },
        marks: [
          Plot.dot(points, { x: 'x', y: 'y', fill: 'cls', r: 4, fillOpacity: 0.75 }),
          Plot.tip(points, Plot.pointer({ x: 'x', y: 'y', title: (d) => `${d.cls}\nsample ${d.sample + 1} of 50 — click to open` })),
          Plot.dot(points, Plot.pointer({ x: 'x', y: 'y', r: 7, stroke: 'currentColor', fill: 'none' })),
        ],
      });
      plot.classList.add('pca-plot');
      plot.addEventListener('click', () => {
        const d = (plot as unknown as { value?: { cls: string; sample: number } }).value;
        if (d) url.set({ class: d.cls, beat: d.sample });
      });
      return plot;
    });
  };

  root.replaceChildren(
    filterPanel({ controls: [datasetRadio.element, classHolder, scaleRadio.element], onReset: () => url.reset() }),
    // For a reader, not the algorithm: how the beats are chosen is in README.md ("The ECG samples"), and the exact
    // method string stays in the precomputed JSON (sampling.method) for whoever reproduces it.
    h('p', { class: 'chart-note' }, `Source: ${data.source} data. The sampled beats are a fixed random choice of 50 per class: every build of the same files shows the same beats. PTB has no train/test split of its own, so its rows are shuffled the same way every time and 80 % go to train.`),
    // The browser and the fiducial chart of the same beat side by side, at one height, with that beat's tables under
    // both (they were under the fiducial chart alone, which stretched the browser card beside them to three times
    // its chart); the two half-width cards (distribution, correlation) share a row.
    h(
      'div',
      { class: 'grid' },
      monitorCard,
      browserCard.element,
      fiducialCard.element,
      fiducialTable,
      distributionCard.element,
      correlationCard.element,
      featureCard.element,
      meanCard.element,
      pcaCard.element,
    ),
  );
  url.subscribe(draw);
  inTurns(draw);
});

/** MIT-BIH's class names are long: narrow axes show their letter (N, S, V, F, Q), tooltips the whole name. */
function classCode(name: string): string {
  return /\((\w+)\)$/.exec(name)?.[1] ?? name;
}

/** A beat (padding trimmed) with, when given, its fiducials and the PR, QRS and R–T end intervals as bands. */
function beatPlot(width: number, beat: readonly number[], fid: BeatFiducials | null, caption: string): Element {
  const n = trimmedLength(beat);
  const line = beat.slice(0, n).map((v, i) => ({ i, v }));
  const points = fid ? pointRows(fid).flatMap((row) => (row.point ? [{ ...row.point, name: row.name, mark: row.mark }] : [])) : [];
  const bands = fid ? intervalBands(fid).map((b, k) => ({ ...b.interval, label: b.label, color: BAND_COLORS[b.label] ?? ACCENTS.blue, k })) : [];
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 280,
    ...(caption ? { caption } : {}),
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, label: 'sample (8 ms each) from the R peak', domain: [0, Math.max(n - 1, 1)] },
    y: { label: AMPLITUDE, domain: [-0.1, 1.2], grid: true },
    marks: [
      Plot.rectX(bands, { x1: 'start', x2: 'end', y1: (d) => 1.07 - d.k * 0.06, y2: (d) => 1.12 - d.k * 0.06, fill: 'color', fillOpacity: 0.75, tip: true, title: (d) => `${d.label}: ${d.samples} samples, ${d.ms} ms` }),
      Plot.text(bands, { x: (d) => (d.start + d.end) / 2, y: (d) => 1.095 - d.k * 0.06, text: (d) => ((d.end - d.start) * (width / n) >= d.label.length * 7 ? d.label : ''), fontSize: 9, fill: 'black' }),
      Plot.lineY(line, { x: 'i', y: 'v', stroke: ACCENTS.emerald, strokeWidth: 2, className: 'ecg-trace', tip: points.length === 0, title: (d) => `sample ${d.i} (${d.i * 8} ms)\namplitude ${formatNumber(d.v, 3)}` }),
      Plot.dot(points, { x: 'index', y: 'amplitude', fill: (d) => (d.mark === 'R' ? ACCENTS.rose : d.mark ? ACCENTS.amber : 'currentColor'), r: (d) => (d.mark ? 5 : 3.5), tip: true, title: (d) => `${d.name}: sample ${d.index} (${d.ms} ms), amplitude ${formatNumber(d.amplitude, 3)}` }),
      Plot.text(points, { x: 'index', y: 'amplitude', text: 'mark', dy: -12, fontWeight: 700, fill: 'currentColor' }),
    ],
  });
}

/** Heart rate and intervals with their normal ranges, then the points: two narrow tables that fit a phone. */
function fiducialTablesFor(fid: BeatFiducials | null): HTMLElement {
  if (!fid) return h('p', { class: 'chart-note' }, 'No fiducials for this beat.');
  // A rate-corrected value goes on a line of its own under the measured one, so a phone-width table keeps its columns.
  const value = (m: Measure): string | HTMLElement =>
    m.value === null ? 'not found' : m.corrected != null ? h('span', {}, `${formatNumber(m.value, 0)} ${m.unit}`, h('br'), h('span', { class: 'ecg-corrected' }, `QTc ${formatNumber(m.corrected, 0)}`)) : `${formatNumber(m.value, 0)} ${m.unit}`;
  const intervals = dataTable<Measure>({
    caption: 'Heart rate and intervals (hover a name for what is measured)',
    columns: [
      { key: 'name', label: 'Measure', value: (m) => m.name, format: (m) => h('span', { title: m.how }, m.name) },
      { key: 'value', label: 'Value', value: (m) => m.value, format: value, align: 'right' },
      { key: 'normal', label: 'Normal', value: (m) => m.normal[0], format: (m) => (m.judged ? h('span', {}, `${m.normal[0]}–${m.normal[1]}`, h('br'), h('span', { class: 'ecg-corrected' }, `of ${m.judged}`)) : `${m.normal[0]}–${m.normal[1]}`), align: 'right' },
      { key: 'status', label: 'vs normal', value: (m) => m.status, format: (m) => (m.status === 'normal' ? 'within' : (m.status ?? 'not judged')) },
    ],
    rows: measures(fid),
    pageSize: 10,
  }).element;
  const points = dataTable<PointRow>({
    caption: 'Fiducial points (sample from the R peak; ms at 125 Hz)',
    columns: [
      { key: 'name', label: 'Point', value: (r) => r.name },
      { key: 'index', label: 'Sample', value: (r) => r.point?.index ?? null, format: (r) => (r.point ? String(r.point.index) : '—'), align: 'right' },
      { key: 'ms', label: 'ms', value: (r) => r.point?.ms ?? null, format: (r) => (r.point ? formatNumber(r.point.ms, 0) : '—'), align: 'right' },
      { key: 'amplitude', label: 'Amplitude', value: (r) => r.point?.amplitude ?? null, format: (r) => (r.point ? formatNumber(r.point.amplitude, 2) : '—'), align: 'right' },
    ],
    rows: pointRows(fid),
    pageSize: 10,
  }).element;
  const rr = fid.rr;
  const summary = h(
    'p',
    { class: 'ecg-summary' },
    rr
      ? `Heart rate ${formatNumber(rr.bpm, 0)} bpm (RR ${formatNumber(rr.ms, 0)} ms, ${rr.source === 'r-peaks' ? 'between the two R peaks' : 'from the row length / 1.2: the next R is not in the row'}); normal at rest 60–100 bpm.`
      : 'Heart rate not found for this beat.',
  );
  return h('div', { class: 'ecg-fiducials' }, summary, intervals, points);
}

/**
 * One small chart per feature, each on its own scale: per class the interquartile range as a bar and the median as
 * a tick, over the class's feature sample (the counts are in each tooltip).
 */
function featureCharts(width: number, dataset: EcgPageDataset): Element {
  const features = [
    { key: 'heart_rate_bpm', label: 'Heart rate (bpm)', digits: 0 },
    { key: 'qrs_ms', label: 'QRS width, next beat (ms)', digits: 0 },
    { key: 't_amplitude', label: 'T amplitude (normalised)', digits: 2 },
    { key: 'length_ms', label: 'Row length before padding (ms)', digits: 0 },
    { key: 'energy', label: 'Energy (Σ x²)', digits: 1 },
  ] as const;
  const names = dataset.classes.map((c) => c.name);
  const columns = Math.max(1, Math.min(features.length, Math.floor((width + 8) / 228)));
  const each = Math.floor((width - 8 * (columns - 1)) / columns);
  return h(
    'div',
    { class: 'feature-row', style: `grid-template-columns: repeat(${columns}, minmax(0, 1fr))` },
    ...features.map((f) => {
      const rows = dataset.classes.flatMap((c) => {
        const s = c.features?.[f.key];
        return s ? [{ name: c.name, beats: c.features?.beats ?? 0, ...s }] : [];
      });
      const plot = Plot.plot({
        ...PLOT_DEFAULTS,
        width: each,
        height: 230,
        marginLeft: 52,
        marginBottom: 40,
        x: { label: null, domain: names, tickFormat: classCode },
        y: { label: null, grid: true, nice: true },
        color: { domain: names, range: CATEGORICAL },
        marks: [
          Plot.barY(rows, { x: 'name', y1: 'q1', y2: 'q3', fill: 'name', fillOpacity: 0.55, inset: 6 }),
          Plot.tickY(rows, { x: 'name', y: 'median', stroke: 'currentColor', strokeWidth: 2.5, inset: 4, className: 'feature-median' }),
          Plot.tip(
            rows,
            Plot.pointerX({
              // Small multiples share one table: each feature's medians get a column of their own.
              x: named('name', 'class'),
              y: named('median', `${f.label}, median`),
              // Narrow charts: a short tip above the median, centred, stays inside the card.
              preferredAnchor: 'bottom',
              title: (d) => `${d.name}\nmedian ${formatNumber(d.median, f.digits)}\nIQR ${formatNumber(d.q1, f.digits)}–${formatNumber(d.q3, f.digits)}\n${formatInteger(d.n)} of ${formatInteger(d.beats)} beats`,
            }),
          ),
        ],
      });
      return h('figure', {}, h('h3', { class: 'feature-title' }, f.label), plot);
    }),
  );
}
