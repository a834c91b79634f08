import { countBy } from './aggregates.js';
import { compareComponents } from './components.js';
import type { Installation } from './installations.js';

export interface SunburstNode {
  name: string;
  /** Installations below this node (1 for a base). */
  value: number;
  /** Depth in the path: 0 root, 1 state, 2 component, 3 installation. */
  depth: number;
  /** For leaves: the installation, so a click can select it on the map. */
  installation?: Installation;
  children?: SunburstNode[];
}

/**
 * BA-9: State → Component → Installation for the `limit` states with the most installations (ties
 * alphabetical). Every installation counts 1, so two bases sharing a name stay two leaves. States are in
 * ranked order, components in legend order, installations by name.
 */
export function sunburstHierarchy(rows: readonly Installation[], limit = 15): SunburstNode {
  const states = countBy(rows, (row) => row.state).slice(0, limit);
  const children = states.map(({ key: state, count }) => {
    const inState = rows.filter((row) => row.state === state);
    const components = [...new Set(inState.map((row) => row.component))].sort(compareComponents);
    return {
      name: state,
      value: count,
      depth: 1,
      children: components.map((component) => {
        const bases = inState.filter((row) => row.component === component).sort((a, b) => a.name.localeCompare(b.name));
        return {
          name: component,
          value: bases.length,
          depth: 2,
          children: bases.map((installation) => ({ name: installation.name, value: 1, depth: 3, installation })),
        };
      }),
    };
  });
  return { name: 'Installations', value: children.reduce((sum, node) => sum + node.value, 0), depth: 0, children };
}

/** The node at `path` (names from the root's children down), or null when the path no longer exists. */
export function findNode(root: SunburstNode, path: readonly string[]): SunburstNode | null {
  let node: SunburstNode | undefined = root;
  for (const name of path) {
    node = node.children?.find((child) => child.name === name);
    if (node === undefined) return null;
  }
  return node;
}

/** A label runs along the radius and needs this much arc (px) for its 10 px text. */
export const LABEL_ARC_PX = 11;
/** At most this many rings below the centre: a third ring at 520 px is hundreds of unlabelled slivers. */
export const MAX_RINGS = 2;

/**
 * How many rings to draw below `focus` in a sunburst of `radius` px (the centre takes one ring's width): the most,
 * up to MAX_RINGS, whose outermost ring is at least half covered by arcs wide enough for a label (the rest are
 * components, whose colour the legend names). Deeper levels are reached by drilling.
 */
export function ringsThatFit(focus: SunburstNode, radius: number): number {
  const total = focus.value;
  const levels: number[][] = [];
  let nodes = focus.children ?? [];
  while (nodes.length > 0 && levels.length < MAX_RINGS) {
    levels.push(nodes.map((n) => n.value / total));
    nodes = nodes.flatMap((n) => n.children ?? []);
  }
  for (let rings = levels.length; rings > 1; rings--) {
    const ringWidth = radius / (rings + 1);
    const outer = levels[rings - 1] as number[];
    const labelled = outer.filter((share) => share * 2 * Math.PI * (rings + 0.5) * ringWidth >= LABEL_ARC_PX).reduce((sum, share) => sum + share, 0);
    if (labelled >= 0.5) return rings;
  }
  return Math.min(1, levels.length);
}
