/**
 * The original's synthetic beat (inventory §4.4 `_generate_ecg_beat`): a sum of five Gaussians P, Q, R, S, T with
 * per-class overrides. It is the reference input of the fiducial detector, and the demo generator's beat shapes.
 */

export interface Wave {
  amp: number;
  centre: number;
  width: number;
}

export interface BeatShape {
  p: Wave;
  q: Wave;
  r: Wave;
  s: Wave;
  t: Wave;
}

const DEFAULT_SHAPE: BeatShape = {
  p: { amp: 0.12, centre: 0.2, width: 0.04 },
  q: { amp: -0.08, centre: 0.33, width: 0.012 },
  r: { amp: 1.0, centre: 0.36, width: 0.015 },
  s: { amp: -0.15, centre: 0.39, width: 0.012 },
  t: { amp: 0.25, centre: 0.55, width: 0.06 },
};

type Overrides = { [K in keyof BeatShape]?: Partial<Wave> };

/** Per-class overrides of the default shape, keyed by class name (both datasets). */
const OVERRIDES: Record<string, Overrides> = {
  'Normal (N)': {},
  Normal: {},
  'Supraventricular (S)': { p: { amp: 0.18, width: 0.03 }, t: { amp: 0.2, width: 0.05 } },
  'Ventricular (V)': { q: { amp: -0.15 }, r: { width: 0.025 }, s: { amp: -0.25 }, t: { amp: 0.15, centre: 0.6, width: 0.08 } },
  'Fusion (F)': { r: { width: 0.022 }, s: { amp: -0.2 }, t: { amp: 0.18 }, q: { amp: -0.1 } },
  'Unknown (Q)': { p: { amp: 0.06 }, r: { amp: 0.65, width: 0.02 }, t: { amp: 0.12 } },
  Abnormal: { q: { amp: -0.12 }, s: { amp: -0.22 }, t: { amp: 0.35, centre: 0.5, width: 0.055 } },
};

export const SYNTHETIC_CLASSES = Object.keys(OVERRIDES);

export function beatShape(className: string): BeatShape {
  const overrides = OVERRIDES[className];
  if (!overrides) throw new Error(`no synthetic beat shape for class "${className}"`);
  const shape = { ...DEFAULT_SHAPE };
  for (const key of Object.keys(shape) as (keyof BeatShape)[]) shape[key] = { ...DEFAULT_SHAPE[key], ...overrides[key] };
  return shape;
}

/** The shape's value at time t (t in beat units: the original evaluates t = 0…1). */
export function shapeAt(shape: BeatShape, t: number): number {
  let v = 0;
  for (const wave of [shape.p, shape.q, shape.r, shape.s, shape.t]) {
    const z = t - wave.centre;
    v += wave.amp * Math.exp(-(z * z) / (2 * wave.width * wave.width));
  }
  return v;
}

/** `_generate_ecg_beat(length, class)`: `length` points evenly spaced on [0, 1]. */
export function syntheticBeat(className: string, length = 200): Float64Array {
  const shape = beatShape(className);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = shapeAt(shape, length === 1 ? 0 : i / (length - 1));
  return out;
}
