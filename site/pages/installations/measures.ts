import { km2ToAcres } from '../../../src/site/geometry/measure.js';
import { formatInteger } from '../../lib/format.js';
import type { UnitFinding } from '../../../src/site/contracts/installations.js';
import type { Installation } from './installations.js';

/**
 * Three significant figures, grouped: 0.00123, 0.0456, 2.35, 58.1, 1,234. Footprints span seven orders of
 * magnitude (a 30 m² armory annex to a 10,000 km² range), so fixed decimals would print 0.00 or false precision.
 */
export function formatSignificant(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1000) return formatInteger(value);
  if (value === 0) return '0';
  return String(Number(value.toPrecision(3)));
}

/** "2.35 km² (581 acres)" from a geodesic km² figure; "no footprint" when there is none. */
export function formatArea(km2: number): string {
  return km2 > 0 ? `${formatSignificant(km2)} km² (${formatSignificant(km2ToAcres(km2))} acres)` : 'no footprint';
}

export function formatLength(km: number): string {
  return km > 0 ? `${formatSignificant(km)} km` : '—';
}

/** The hover line for an installation's size, from its footprint polygon. */
export const sizeLine = (row: Installation): string =>
  row.areaKm2 > 0 ? `Footprint ${formatArea(row.areaKm2)} · perimeter ${formatLength(row.perimeterKm)}` : 'No footprint in the dataset';

/** Installations the isolation chart can place on its two log axes: a footprint and another installation some way off. */
export function withAreaAndNearest(rows: readonly Installation[]): Installation[] {
  return rows.filter((row) => row.areaKm2 > 0 && row.nearestKm > 0);
}

/** "AREA reads as square miles (412 of 700 footprints agree within 5 %)", for the charts' info text. */
export function describeUnits(findings: readonly UnitFinding[]): string {
  return findings
    .map((f) =>
      f.compared === 0
        ? `${f.field}: no footprint to compare with`
        : f.unit === null
          ? `${f.field} matches no known unit (compared on ${formatInteger(f.compared)} footprints)`
          : `${f.field} reads as ${f.unit} (${formatInteger(f.agreeing)} of ${formatInteger(f.compared)} footprints agree within 5 %)`,
    )
    .join('; ');
}
