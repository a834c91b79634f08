import * as Plot from '@observablehq/plot';
import type { BeatFiducials } from '../../../src/ecg/schema.js';
import type { EcgPageClass, EcgPageData, EcgPageDataset } from '../../../src/site/contracts/ecg.js';
import { chartCard, inTurns } from '../../components/chart-card.js';
import { dataTable } from '../../components/data-table.js';
import { filterPanel } from '../../components/filter-panel.js';
import { radioGroup, type RadioGroup } from '../../components/radio-group.js';
import { h } from '../../lib/dom.js';
import { formatInteger, formatNumber } from '../../lib/format.js';
import { ACCENTS, CATEGORICAL, PLOT_DEFAULTS, X_TITLE } from '../../lib/plot-theme.js';
import { startPage } from '../../lib/shell.js';
import { UrlState } from '../../lib/url-state.js';
import { monitor } from './monitor.js';
import { pcaSampleIndices, SPEEDS, trimmedLength, WAVES, type Speed } from './playback.js';

const AMPLITUDE = 'normalised amplitude';
const INTERVALS = [
  { key: 'pr', label: 'PR', color: ACCENTS.amber },
  { key: 'qt', label: 'QT', color: ACCENTS.indigo },
  { key: 'st', label: 'ST', color: ACCENTS.cyan },
] as const;

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

  const fiducialCard = chartCard({ title: 'Fiducials of the beat in the browser', info: 'P, Q, R, S and T found by the pipeline (inventory §4.4), with the PR, QT and ST intervals shaded. Intervals are in samples and in milliseconds at 125 Hz (8 ms a sample).' });
  const fiducialTable = h('div');
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
  const featureCard = chartCard({ title: 'Features per class', info: 'Mean per beat of the peak amplitude, the energy (sum of squared samples) and the crossings of the 0.5 level. Each feature has its own scale so all three can be compared across classes.' });
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
    fiducialTable.replaceChildren(fiducialTableFor(fid));

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
        fx: { label: null, domain: dataset.classes.map((c) => c.name), tickRotate: dataset.classes.length > 2 ? -15 : 0 },
        x: { axis: null, domain: ['train', 'test'] },
        y: { type: log ? 'log' : 'linear', label: `beats (${log ? 'log' : 'linear'} scale)`, grid: true, tickFormat: '~s' },
        color: { domain: ['train', 'test'], range: [ACCENTS.blue, ACCENTS.amber], legend: true },
        marks: [Plot.barY(dist.filter((d) => !log || d.n > 0), { fx: 'cls', x: 'split', y: 'n', fill: 'split', tip: true, title: (d) => `${d.cls} · ${d.split}\n${formatInteger(d.n)} beats` }), ...(log ? [] : [Plot.ruleY([0])])],
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
        color: { domain: dataset.classes.map((c) => c.name), range: CATEGORICAL },
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
      return Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: 90 + c.classes.length * 48,
        marginLeft: 140,
        marginBottom: 70,
        x: { label: null, domain: c.classes, tickRotate: -20 },
        y: { label: null, domain: c.classes },
        color: { type: 'linear', scheme: 'rdbu', domain: [-1, 1], legend: true, label: 'Pearson r' },
        marks: [Plot.cell(cells, { x: 'a', y: 'b', fill: 'r', inset: 1, tip: true, title: (d) => `${d.a} × ${d.b}\nr = ${formatNumber(d.r, 3)}` }), Plot.text(cells, { x: 'a', y: 'b', text: (d) => formatNumber(d.r, 2), fill: (d) => (Math.abs(d.r) > 0.6 ? 'white' : 'black'), fontSize: 11 })],
      });
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
        x: { label: `PC1 (${formatNumber(p.explained_variance[0] * 100, 1)} % of variance)`, grid: true },
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
    h('div', { class: 'grid' }, monitorCard, browserCard.element, h('div', {}, fiducialCard.element, fiducialTable), distributionCard.element, featureCard.element, meanCard.element, correlationCard.element, pcaCard.element),
  );
  url.subscribe(draw);
  inTurns(draw);
});

/** A beat (padding trimmed) with, when given, its fiducials and the PR/QT/ST intervals as shaded bands. */
function beatPlot(width: number, beat: readonly number[], fid: BeatFiducials | null, caption: string): Element {
  const n = trimmedLength(beat);
  const line = beat.slice(0, n).map((v, i) => ({ i, v }));
  const points = fid ? WAVES.flatMap((w) => (fid[w] ? [{ wave: w.toUpperCase(), ...fid[w] }] : [])) : [];
  const bands = fid ? INTERVALS.flatMap((iv) => (fid[iv.key] ? [{ label: iv.label, color: iv.color, ...fid[iv.key] }] : [])) : [];
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 280,
    ...(caption ? { caption } : {}),
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, label: 'sample (8 ms each)', domain: [0, Math.max(n - 1, 1)] },
    y: { label: AMPLITUDE, domain: [-0.1, 1.15], grid: true },
    marks: [
      ...bands.map((b, k) => Plot.rectX([b], { x1: 'start', x2: 'end', y1: 1.02 - k * 0.05, y2: 1.06 - k * 0.05, fill: b.color, fillOpacity: 0.7, title: (d) => `${d.label}: ${d.samples} samples, ${d.ms} ms` })),
      ...bands.map((b, k) => Plot.text([b], { x: (d) => (d.start + d.end) / 2, y: 1.04 - k * 0.05, text: (d) => `${d.label} ${d.ms} ms`, fontSize: 9, fill: 'black' })),
      // The hover card reads the trace when there are no fiducial dots to read instead.
      Plot.lineY(line, { x: 'i', y: 'v', stroke: ACCENTS.emerald, strokeWidth: 2, ...(fid === null ? { tip: true, title: (d: { i: number; v: number }) => `sample ${d.i} (${d.i * 8} ms)\namplitude ${formatNumber(d.v, 3)}` } : {}) }),
      Plot.dot(points, { x: 'index', y: 'amplitude', fill: (d) => (d.wave === 'R' ? ACCENTS.rose : ACCENTS.amber), r: 5, tip: true, title: (d) => `${d.wave}: sample ${d.index} (${d.ms} ms), amplitude ${formatNumber(d.amplitude, 3)}` }),
      Plot.text(points, { x: 'index', y: 'amplitude', text: 'wave', dy: -12, fontWeight: 700, fill: 'currentColor' }),
    ],
  });
}

function fiducialTableFor(fid: BeatFiducials | null): HTMLElement {
  if (!fid) return h('p', { class: 'chart-note' }, 'No fiducials for this beat.');
  type Row = { name: string; index: number | null; ms: number | null; amplitude: number | null };
  const rows: Row[] = [
    ...WAVES.map((w) => ({ name: w.toUpperCase(), index: fid[w]?.index ?? null, ms: fid[w]?.ms ?? null, amplitude: fid[w]?.amplitude ?? null })),
    ...INTERVALS.map((iv) => ({ name: `${iv.label} interval`, index: fid[iv.key]?.samples ?? null, ms: fid[iv.key]?.ms ?? null, amplitude: null })),
  ];
  return dataTable<Row>({
    caption: 'Fiducials (index or length in samples; ms at 125 Hz)',
    columns: [
      { key: 'name', label: 'Point / interval', value: (r) => r.name },
      { key: 'index', label: 'Samples', value: (r) => r.index, align: 'right' },
      { key: 'ms', label: 'ms', value: (r) => r.ms, align: 'right' },
      { key: 'amplitude', label: 'Amplitude', value: (r) => r.amplitude, format: (r) => (r.amplitude === null ? '—' : formatNumber(r.amplitude, 3)), align: 'right' },
    ],
    rows,
    pageSize: 10,
  }).element;
}

/** ECG-6: one small bar chart per feature, each with its own y scale (the original drew them on one axis). */
function featureCharts(width: number, dataset: EcgPageDataset): Element {
  const features = [
    { key: 'peak_amplitude', label: 'Peak amplitude' },
    { key: 'energy', label: 'Energy (Σ x²)' },
    { key: 'zero_crossings', label: 'Crossings of 0.5' },
  ] as const;
  const each = Math.max(160, Math.floor(width / 3) - 8);
  return h(
    'div',
    { class: 'feature-row' },
    ...features.map((f) =>
      Plot.plot({
        ...PLOT_DEFAULTS,
        width: each,
        height: 260,
        marginBottom: 90,
        title: f.label,
        x: { label: null, domain: dataset.classes.map((c) => c.name), tickRotate: -45, tickFormat: (s: string) => s.replace(/ \(.*\)$/, '') },
        y: { label: null, grid: true },
        color: { domain: dataset.classes.map((c) => c.name), range: CATEGORICAL },
        marks: [Plot.barY(dataset.classes, { x: 'name', y: (c: EcgPageClass) => c.features?.[f.key] ?? 0, fill: 'name', tip: true, title: (c: EcgPageClass) => `${c.name}\n${f.label}: ${formatNumber(c.features?.[f.key] ?? 0, 3)}` }), Plot.ruleY([0])],
      }),
    ),
  );
}
