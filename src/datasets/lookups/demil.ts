/**
 * DEMIL (demilitarization) codes with their official meanings (DoD Manual 4160.28, Volume 2, "Demilitarization
 * Coding"), replacing the original's informal labels (weak point 31). `label` is short enough for a chart legend;
 * `meaning` is the official definition in brief. Pure data, shared with the browser.
 */
export interface DemilCode {
  code: string;
  label: string;
  meaning: string;
}

export const UNKNOWN_DEMIL = 'Unknown';

export const DEMIL_CODES: Readonly<Record<string, DemilCode>> = Object.freeze({
  A: {
    code: 'A',
    label: 'A – Non-MLI/Non-CCLI, no demil',
    meaning: 'Not on the Munitions List or the Commerce Control List; demilitarization not required.',
  },
  B: {
    code: 'B',
    label: 'B – MLI (non-SME), no demil',
    meaning: 'Munitions List item, not significant military equipment; demilitarization not required, trade security controls apply.',
  },
  C: {
    code: 'C',
    label: 'C – MLI (SME), remove key points',
    meaning: 'Significant military equipment; remove and/or demilitarize installed key points or lethal parts, components and accessories.',
  },
  D: {
    code: 'D',
    label: 'D – MLI (SME), total destruction',
    meaning: 'Significant military equipment; demilitarize by total destruction of the item and its components so it cannot be restored.',
  },
  E: {
    code: 'E',
    label: 'E – MLI (non-SME), demil required',
    meaning: 'Munitions List item, not significant military equipment; demilitarization required as the DEMIL manual prescribes.',
  },
  F: {
    code: 'F',
    label: 'F – MLI (SME), special instructions',
    meaning: 'Significant military equipment; demilitarization instructions are furnished by the item or technical manager.',
  },
  G: {
    code: 'G',
    label: 'G – MLI (SME), AEDA',
    meaning: 'Ammunition, explosives and dangerous articles; demilitarization (and declassification if needed) before transfer to DLA Disposition Services.',
  },
  P: {
    code: 'P',
    label: 'P – MLI (SME), security classified',
    meaning: 'Security classified item; declassification and any further demilitarization before transfer to DLA Disposition Services.',
  },
  Q: {
    code: 'Q',
    label: 'Q – CCLI, no demil',
    meaning: 'Commerce Control List (dual-use) item; demilitarization not required, export and trade security controls apply.',
  },
  [UNKNOWN_DEMIL]: { code: UNKNOWN_DEMIL, label: 'Unknown', meaning: 'No DEMIL code recorded.' },
});

/** Chart label of a DEMIL code; codes without an official entry are shown as they are. */
export function demilLabel(code: string): string {
  return DEMIL_CODES[code.trim().toUpperCase()]?.label ?? code;
}
