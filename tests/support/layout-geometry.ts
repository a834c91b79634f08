/**
 * Pure geometry behind the browser layout audit (tests/e2e/layout.test.ts): boxes are measured in the page,
 * judged here, so the rules are unit-tested without a browser. A chart's text is often rotated (slanted tick
 * labels, sunburst arcs), so a text is the quadrilateral its own box makes on the screen, not the upright box
 * around it: two slanted labels side by side do not touch though their upright boxes overlap.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A text element of a chart: the corners of its box on the screen, in order around it, and the text. */
export interface TextQuad {
  text: string;
  corners: [Point, Point, Point, Point];
}

/** The corners of an upright box, for texts that are not transformed (and for tests). */
export function quadOf(text: string, b: Box): TextQuad {
  return { text, corners: [{ x: b.x, y: b.y }, { x: b.x + b.width, y: b.y }, { x: b.x + b.width, y: b.y + b.height }, { x: b.x, y: b.y + b.height }] };
}

/** The upright box around a quad. */
export function boundsOf(q: TextQuad): Box {
  const xs = q.corners.map((p) => p.x);
  const ys = q.corners.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const length = (p: Point): number => Math.hypot(p.x, p.y);

/** The quad moved inwards by `by` px from each of its edges (none if it is thinner than that). */
function shrink(q: TextQuad, by: number): Point[] | null {
  const [p0, p1, , p3] = q.corners;
  const w = length(sub(p1, p0));
  const h = length(sub(p3, p0));
  if (w <= 2 * by || h <= 2 * by) return null;
  const u = { x: ((p1.x - p0.x) / w) * by, y: ((p1.y - p0.y) / w) * by };
  const v = { x: ((p3.x - p0.x) / h) * by, y: ((p3.y - p0.y) / h) * by };
  const signs = [[1, 1], [-1, 1], [-1, -1], [1, -1]] as const;
  return q.corners.map((p, i) => ({ x: p.x + signs[i]![0] * u.x + signs[i]![1] * v.x, y: p.y + signs[i]![0] * u.y + signs[i]![1] * v.y }));
}

/** Separating-axis test of two convex quadrilaterals: true when their insides intersect. */
function intersect(a: Point[], b: Point[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const edge = sub(poly[(i + 1) % poly.length]!, poly[i]!);
      const axis = { x: -edge.y, y: edge.x };
      const project = (ps: Point[]): [number, number] => {
        const d = ps.map((p) => p.x * axis.x + p.y * axis.y);
        return [Math.min(...d), Math.max(...d)];
      };
      const [minA, maxA] = project(a);
      const [minB, maxB] = project(b);
      if (maxA <= minB || maxB <= minA) return false;
    }
  }
  return true;
}

/**
 * Pairs of texts whose boxes overlap by more than `tolerance` px. The tolerance absorbs the blank space above and
 * below glyphs in a text's line box, so labels set line under line do not count.
 */
export function collidingTexts<T extends TextQuad>(quads: readonly T[], tolerance = 2): [T, T][] {
  const shrunk = quads
    .filter((q) => q.text.trim() !== '')
    .map((q) => ({ q, inner: shrink(q, tolerance / 2), bounds: boundsOf(q) }))
    .filter((s): s is { q: T; inner: Point[]; bounds: Box } => s.inner !== null)
    .sort((a, b) => a.bounds.x - b.bounds.x);
  const pairs: [T, T][] = [];
  for (let i = 0; i < shrunk.length; i++) {
    const a = shrunk[i]!;
    for (let j = i + 1; j < shrunk.length; j++) {
      const b = shrunk[j]!;
      if (b.bounds.x >= a.bounds.x + a.bounds.width) break;
      if (intersect(a.inner, b.inner)) pairs.push([a.q, b.q]);
    }
  }
  return pairs;
}

/** Boxes that stick out of `container` by more than `tolerance` px on any side (cut text, an overflowing chart). */
export function outside<T extends Box>(boxes: readonly T[], container: Box, tolerance = 1): T[] {
  return boxes.filter(
    (b) =>
      b.width > 0 &&
      b.height > 0 &&
      (b.x < container.x - tolerance ||
        b.y < container.y - tolerance ||
        b.x + b.width > container.x + container.width + tolerance ||
        b.y + b.height > container.y + container.height + tolerance),
  );
}

/** One layout-shift entry as the browser reports it (PerformanceObserver 'layout-shift'). */
export interface LayoutShift {
  value: number;
  startTime: number;
  hadRecentInput: boolean;
}

/**
 * Cumulative Layout Shift as Lighthouse and Core Web Vitals define it: shifts not caused by input, grouped into
 * session windows (a gap under 1 s, at most 5 s long); the score is the largest window's sum.
 */
export function cumulativeLayoutShift(shifts: readonly LayoutShift[]): number {
  let worst = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].filter((s) => !s.hadRecentInput).sort((a, b) => a.startTime - b.startTime)) {
    if (shift.startTime - previous >= 1000 || shift.startTime - windowStart >= 5000) {
      current = 0;
      windowStart = shift.startTime;
    }
    current += shift.value;
    previous = shift.startTime;
    worst = Math.max(worst, current);
  }
  return worst;
}

/** A text and where it is, for a failure message. */
export function describeText(q: TextQuad): string {
  const b = boundsOf(q);
  return `"${q.text}" (${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)})`;
}

/**
 * The share of a card's height left empty under its content: from the bottom of its last child to its own bottom
 * less its padding. A card a grid row stretched to a taller neighbour's height shows that share as a blank area.
 */
export function emptyBelowShare(card: Box, contentBottom: number, paddingBottom = 0): number {
  if (card.height <= 0) return 0;
  return Math.max(0, card.y + card.height - paddingBottom - contentBottom) / card.height;
}
