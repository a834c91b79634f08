import * as d3 from 'd3';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element with its attributes and children, for the charts drawn without d3 selections or Plot; strings go
 * in as text nodes, so dataset names stay text.
 */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const name in attrs) node.setAttribute(name, String(attrs[name]));
  for (const child of children) node.append(child);
  return node;
}

/** An accessible SVG for the page's d3 charts; `centered` puts (0, 0) in the middle (donut, sunburst). */
export function svgRoot(width: number, height: number, label: string, options: { centered?: boolean; interactive?: boolean } = {}): d3.Selection<SVGSVGElement, undefined, null, undefined> {
  const origin = options.centered ? `${-width / 2} ${-height / 2}` : '0 0';
  // An image cannot hold controls (axe's nested-interactive): a chart with buttons in it is a named group.
  const role = options.interactive ? 'group' : 'img';
  return d3.create('svg').attr('viewBox', `${origin} ${width} ${height}`).attr('width', width).attr('height', height).attr('role', role).attr('aria-label', label);
}
