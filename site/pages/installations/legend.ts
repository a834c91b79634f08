import { componentColor, parseComponent, SERVICE_NAMES, SERVICES, TIERS } from './components.js';

/**
 * The page's one component legend: a row per service (hue), a column per tier (shade). Built from every
 * component in the data, not the filtered rows, so it does not jump while filtering; components outside the
 * five service codes get their own row.
 */
export function componentLegend(components: readonly string[]): HTMLElement {
  const present = new Set(components);
  const table = document.createElement('table');
  table.className = 'inst-legend';
  table.setAttribute('aria-label', 'Colour legend: hue is the service, shade the tier');
  const head = table.createTHead().insertRow();
  for (const label of ['Service', ...TIERS]) {
    const th = document.createElement('th');
    th.textContent = label;
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  const swatch = (component: string): HTMLElement => {
    const cell = document.createElement('span');
    cell.className = 'inst-swatch';
    cell.style.background = componentColor(component);
    cell.title = component;
    const label = document.createElement('span');
    label.textContent = component;
    const wrap = document.createElement('span');
    wrap.className = 'inst-legend-item';
    wrap.append(cell, label);
    return wrap;
  };
  for (const service of SERVICES) {
    const tiers = TIERS.filter((tier) => present.has(`${service} ${tier}`));
    const untiered = present.has(service);
    if (tiers.length === 0 && !untiered) continue;
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = SERVICE_NAMES[service];
    row.append(th);
    for (const tier of TIERS) {
      const td = row.insertCell();
      if (tiers.includes(tier)) td.append(swatch(`${service} ${tier}`));
      else if (untiered && tier === 'Active') td.append(swatch(service));
    }
  }
  const others = components.filter((c) => parseComponent(c).service === null || (parseComponent(c).tier === null && !SERVICES.includes(c as never)));
  for (const other of [...new Set(others)].sort()) {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = 'Other';
    row.append(th);
    const td = row.insertCell();
    td.colSpan = TIERS.length;
    td.append(swatch(other));
  }
  return table;
}
