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
