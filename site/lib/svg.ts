import * as d3 from 'd3';

/** An accessible SVG for the page's d3 charts; `centered` puts (0, 0) in the middle (donut, sunburst). */
export function svgRoot(width: number, height: number, label: string, options: { centered?: boolean } = {}): d3.Selection<SVGSVGElement, undefined, null, undefined> {
  const origin = options.centered ? `${-width / 2} ${-height / 2}` : '0 0';
  return d3.create('svg').attr('viewBox', `${origin} ${width} ${height}`).attr('width', width).attr('height', height).attr('role', 'img').attr('aria-label', label);
}
