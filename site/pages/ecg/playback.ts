/**
 * The playback monitor's schedule, apart from drawing so it is tested in Node: the real sampled beats of a class
 * played one after another (their trailing zero padding trimmed), which samples are on screen at a given time for a
 * speed, and which P/Q/R/S/T markers the trace has passed (each row's R, S, T and the next beat's P, Q, R).
 */
import type { BeatFiducials } from '../../../src/ecg/schema.js';

export const SPEEDS = { slow: 0.5, normal: 1, fast: 2 } as const;
export type Speed = keyof typeof SPEEDS;
export type Wave = 'p' | 'q' | 'r' | 's' | 't';

/**
 * The peaks the monitor marks, from the delineation of each row: its own R, S and T, then the next beat's P, Q and R
 * (labelled R too: on the trace it is simply the next R peak).
 */
export const MARKED: readonly { key: keyof BeatFiducials & ('r' | 's' | 't' | 'p' | 'q' | 'next_r'); wave: Wave }[] = [
  { key: 'r', wave: 'r' },
  { key: 's', wave: 's' },
  { key: 't', wave: 't' },
  { key: 'p', wave: 'p' },
  { key: 'q', wave: 'q' },
  { key: 'next_r', wave: 'r' },
];

export interface Marker {
  /** Position in the concatenated track. */
  index: number;
  wave: Wave;
  amplitude: number;
  beat: number;
}

export interface Track {
  values: Float64Array;
  /** Start of each beat in the track; beat i spans [beatStarts[i], beatStarts[i + 1]). */
  beatStarts: number[];
  markers: Marker[];
}

/**
 * Length of a beat without its trailing zero padding (the datasets pad every beat to 187 samples with zeros).
 * Kept at `minLength` at least so a flat or nearly empty beat still shows as a beat.
 */
export function trimmedLength(beat: readonly number[], minLength = 24): number {
  let end = beat.length;
  while (end > 0 && beat[end - 1] === 0) end--;
  return Math.min(beat.length, Math.max(end, minLength));
}

export function buildTrack(beats: readonly (readonly number[])[], fiducials: readonly (BeatFiducials | undefined)[]): Track {
  const lengths = beats.map((b) => trimmedLength(b));
  const total = lengths.reduce((a, b) => a + b, 0);
  const values = new Float64Array(total);
  const beatStarts: number[] = [];
  const markers: Marker[] = [];
  let at = 0;
  beats.forEach((beat, i) => {
    const n = lengths[i] as number;
    beatStarts.push(at);
    for (let k = 0; k < n; k++) values[at + k] = beat[k] as number;
    const f = fiducials[i];
    if (f) {
      for (const { key, wave } of MARKED) {
        const point = f[key];
        // A fiducial found in the padding would sit past the trimmed beat: it cannot be drawn on the trace.
        if (point && point.index < n) markers.push({ index: at + point.index, wave, amplitude: point.amplitude, beat: i });
      }
    }
    at += n;
  });
  markers.sort((a, b) => a.index - b.index);
  return { values, beatStarts, markers };
}

/** Samples drawn after `elapsedMs` of playing at `speed` (the data's rate × the speed), capped at the track's end. */
export function samplesAt(elapsedMs: number, speed: Speed, rateHz: number, total: number): number {
  return Math.min(total, Math.max(0, Math.floor((elapsedMs / 1000) * rateHz * SPEEDS[speed])));
}

/** The time at which the trace reaches `samples` (inverse of samplesAt), for resuming after a pause. */
export function elapsedFor(samples: number, speed: Speed, rateHz: number): number {
  return (samples / (rateHz * SPEEDS[speed])) * 1000;
}

/** The scrolling window: the last `size` samples drawn, or [0, size) before the trace fills it. */
export function windowRange(drawn: number, size: number): [number, number] {
  return drawn <= size ? [0, size] : [drawn - size, drawn];
}

/** Markers the trace has passed that are inside the window. */
export function visibleMarkers(track: Track, drawn: number, window: readonly [number, number]): Marker[] {
  return track.markers.filter((m) => m.index < drawn && m.index >= window[0]);
}

/** The beat a track position belongs to. */
export function beatAt(track: Track, index: number): number {
  let lo = 0;
  let hi = track.beatStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((track.beatStarts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Sample index of each PCA point within its class, given points listed class by class in sample order. */
export function pcaSampleIndices(labels: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const i = seen.get(label) ?? 0;
    seen.set(label, i + 1);
    return i;
  });
}
