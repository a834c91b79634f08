// HC-6 word cloud: d3-cloud lays the keywords out in the browser (it measures glyphs on a canvas, which
// Node lacks), seeded so the same keywords land in the same places on every load. Words are SVG text nodes
// whose content is set as text, never markup.
import cloud from 'd3-cloud';
import { Random } from '../../../src/demo/random.js';
import { withTable } from '../../lib/chart-data.js';
import { CATEGORICAL } from '../../lib/plot-theme.js';
import { cloudWords, type CloudItem, type CloudWord } from './word-cloud-words.js';

const SVG = 'http://www.w3.org/2000/svg';
const SEED = 5;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

type PlacedWord = CloudWord & cloud.Word;

/** Lays out and draws the cloud; null when there are no words. Words that do not fit are left out. */
export function wordCloud(items: readonly CloudItem[], label: string, width: number, height = 380): SVGSVGElement | null {
  if (items.length === 0) return null;
  const random = new Random(SEED);
  let placed: PlacedWord[] = [];
  cloud<PlacedWord>()
    .size([width, height])
    .words(cloudWords(items, 12, Math.max(20, Math.min(54, width / 9))).map((w) => ({ ...w })))
    .padding(2)
    .rotate(() => 0)
    .font(FONT)
    .fontWeight(600)
    .fontSize((w) => w.size)
    .random(() => random.next())
    .timeInterval(Infinity)
    .on('end', (words) => {
      placed = words;
    })
    .start();

  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Word cloud of ${placed.length} ${label}`);
  svg.classList.add('word-cloud');
  const group = document.createElementNS(SVG, 'g');
  group.setAttribute('transform', `translate(${width / 2},${height / 2})`);
  placed.forEach((word, rank) => {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('transform', `translate(${word.x ?? 0},${word.y ?? 0})`);
    text.setAttribute('font-size', `${word.size}px`);
    text.setAttribute('font-family', FONT);
    text.setAttribute('font-weight', '600');
    text.setAttribute('fill', CATEGORICAL[rank % CATEGORICAL.length]!);
    text.textContent = word.text;
    const title = document.createElementNS(SVG, 'title');
    title.textContent = word.title;
    text.append(title);
    group.append(text);
  });
  svg.append(group);
  return withTable(svg, { columns: [{ label: 'keyword', numeric: false }, { label: 'distinctiveness (z)', numeric: true }], rows: placed.map((w) => [w.text, Math.round(w.weight * 100) / 100]) });
}
