import { describe, expect, it } from 'vitest';
import { emptyFiducials } from '../../../../src/ecg/fiducials.js';
import type { BeatFiducials, FiducialPoint } from '../../../../src/ecg/schema.js';
import { beatAt, buildTrack, elapsedFor, pcaSampleIndices, samplesAt, trimmedLength, visibleMarkers, windowRange } from '../../../../site/pages/ecg/playback.js';

const point = (index: number, amplitude = 0.5): FiducialPoint => ({ index, ms: index * 8, amplitude });
const fid = (r: number, t: number | null = null, nextR: number | null = null): BeatFiducials => ({
  ...emptyFiducials(187),
  r: point(r, 1),
  t: t === null ? null : point(t),
  next_r: nextR === null ? null : point(nextR, 0.9),
});

describe('trimmedLength', () => {
  it('drops trailing zero padding but keeps a minimum length', () => {
    const beat = [...Array.from({ length: 30 }, (_, i) => (i + 1) / 30), ...new Array(157).fill(0)];
    expect(trimmedLength(beat)).toBe(30);
    expect(trimmedLength(new Array(187).fill(0))).toBe(24);
    expect(trimmedLength([0.5, 0, 0.2, 0, 0], 2)).toBe(3);
  });
});

describe('buildTrack', () => {
  const a = [...new Array(30).fill(0.1), ...new Array(10).fill(0)];
  const b = [...new Array(40).fill(0.2), ...new Array(5).fill(0)];
  const track = buildTrack([a, b], [fid(10, 35), fid(5, 25, 38)]);

  it('concatenates the trimmed beats and offsets their fiducials', () => {
    expect(track.values.length).toBe(70);
    expect(track.beatStarts).toEqual([0, 30]);
    // Beat 0's T at 35 lies in its padding (trimmed length 30): not drawn.
    expect(track.markers.map((m) => [m.wave, m.index, m.beat])).toEqual([
      ['r', 10, 0],
      ['r', 35, 1],
      ['t', 55, 1],
      ['r', 68, 1],
    ]);
    expect(beatAt(track, 29)).toBe(0);
    expect(beatAt(track, 30)).toBe(1);
    expect(beatAt(track, 69)).toBe(1);
  });

  it("marks the next beat's R as an R, never as a T", () => {
    const row = [1, ...new Array(59).fill(0.2), 0.95, ...new Array(11).fill(0.2)];
    const marks = buildTrack([row], [fid(0, 30, 60)]).markers.map((m) => [m.wave, m.index]);
    expect(marks).toEqual([
      ['r', 0],
      ['t', 30],
      ['r', 60],
    ]);
  });

  it('shows markers only once the trace has passed them, within the window', () => {
    expect(visibleMarkers(track, 10, windowRange(10, 50)).map((m) => m.index)).toEqual([]);
    expect(visibleMarkers(track, 11, windowRange(11, 50)).map((m) => m.index)).toEqual([10]);
    expect(visibleMarkers(track, 61, windowRange(61, 50)).map((m) => m.index)).toEqual([35, 55]);
  });
});

describe('schedule', () => {
  it('draws 125 samples a second at normal speed, half at slow, double at fast, capped at the end', () => {
    expect(samplesAt(1000, 'normal', 125, 10_000)).toBe(125);
    expect(samplesAt(1000, 'slow', 125, 10_000)).toBe(62);
    expect(samplesAt(1000, 'fast', 125, 10_000)).toBe(250);
    expect(samplesAt(16, 'normal', 125, 10_000)).toBe(2);
    expect(samplesAt(60_000, 'fast', 125, 300)).toBe(300);
    expect(samplesAt(-5, 'fast', 125, 300)).toBe(0);
    expect(samplesAt(elapsedFor(200, 'slow', 125), 'slow', 125, 1000)).toBe(200);
  });

  it('scrolls a fixed-size window once it is full', () => {
    expect(windowRange(100, 375)).toEqual([0, 375]);
    expect(windowRange(500, 375)).toEqual([125, 500]);
  });
});

describe('pcaSampleIndices', () => {
  it('numbers points within their class', () => {
    expect(pcaSampleIndices(['N', 'N', 'S', 'S', 'S', 'V'])).toEqual([0, 1, 0, 1, 2, 0]);
  });
});
