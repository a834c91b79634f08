import { h } from '../../lib/dom.js';
import { THEME_EVENT } from '../../lib/theme.js';
import { buildTrack, elapsedFor, samplesAt, visibleMarkers, windowRange, beatAt, type Speed, type Track } from './playback.js';

/** About three beats of 187 samples at 125 Hz. */
const WINDOW = 375;

export interface Monitor {
  element: HTMLElement;
  load(beats: number[][], fiducials: Parameters<typeof buildTrack>[1]): void;
  setSpeed(speed: Speed): void;
  play(): void;
  pause(): void;
  reset(): void;
}

/**
 * ECG-1: the playback monitor. The trace is drawn on a canvas by requestAnimationFrame (a Plot re-render per frame
 * would not hold 60 fps); markers appear once the trace passes them. Frame statistics are kept on the canvas's
 * data attributes so a browser test or benchmark can read dropped frames.
 */
export function monitor(options: { rateHz: number; speed: Speed; onBeat: (beat: number, total: number) => void }): Monitor {
  const canvas = h('canvas', { class: 'ecg-monitor', role: 'img', 'aria-label': 'ECG playback monitor' });
  const status = h('p', { class: 'chart-note', 'aria-live': 'polite' }, 'Paused');
  const element = h('div', { class: 'ecg-monitor-wrap' }, canvas, status);
  let track: Track = buildTrack([], []);
  let speed = options.speed;
  let drawn = 0;
  let playing = false;
  let startedAt = 0;
  let frame = 0;
  let lastBeat = -1;
  let frames = 0;
  let dropped = 0;
  let lastTime = 0;

  const paint = (): void => {
    const width = canvas.clientWidth || 800;
    const height = canvas.clientHeight || 220;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const style = getComputedStyle(canvas);
    const [from, to] = windowRange(drawn, WINDOW);
    const x = (i: number): number => ((i - from) / (to - from)) * width;
    const y = (v: number): number => height - 16 - v * (height - 32);
    const color = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
    ctx.strokeStyle = color('--grid', 'rgba(148,163,184,0.2)');
    ctx.lineWidth = 1;
    for (let s = Math.ceil(from / 25) * 25; s < to; s += 25) {
      ctx.beginPath();
      ctx.moveTo(x(s), 0);
      ctx.lineTo(x(s), height);
      ctx.stroke();
    }
    // Before playback a preview of the first beats in the theme's muted text colour (readable on either background,
    // and plainly not the live trace), so the monitor never looks empty or broken.
    const preview = drawn === 0;
    ctx.strokeStyle = preview ? color('--trace-idle', '#94a3b8') : color('--trace', '#34d399');
    ctx.lineWidth = preview ? 1.5 : 2;
    const until = preview ? Math.min(to, track.values.length) : drawn;
    ctx.beginPath();
    for (let i = from; i < until; i++) {
      const v = track.values[i] as number;
      if (i === from) ctx.moveTo(x(i), y(v));
      else ctx.lineTo(x(i), y(v));
    }
    ctx.stroke();
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    const rColor = color('--marker-r', '#fb7185');
    const otherColor = color('--marker', '#fbbf24');
    const textColor = color('--marker-text', '#e5e7eb');
    for (const m of visibleMarkers(track, drawn, [from, to])) {
      ctx.fillStyle = m.wave === 'r' ? rColor : otherColor;
      ctx.beginPath();
      ctx.arc(x(m.index), y(m.amplitude), 4, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = textColor;
      ctx.fillText(m.wave.toUpperCase(), x(m.index), y(m.amplitude) - 8);
    }
  };

  const tick = (now: number): void => {
    if (!playing) return;
    if (lastTime > 0) {
      frames++;
      // A frame that took longer than 1.5 vsync intervals (60 Hz) means at least one was dropped.
      if (now - lastTime > 25) dropped += Math.round((now - lastTime) / (1000 / 60)) - 1;
    }
    lastTime = now;
    canvas.dataset.frames = String(frames);
    canvas.dataset.dropped = String(dropped);
    drawn = samplesAt(now - startedAt, speed, options.rateHz, track.values.length);
    const beat = drawn === 0 ? 0 : beatAt(track, drawn - 1);
    if (beat !== lastBeat) {
      lastBeat = beat;
      options.onBeat(beat, track.beatStarts.length);
    }
    paint();
    if (drawn >= track.values.length) {
      playing = false;
      status.textContent = `Complete: ${track.beatStarts.length} beats played`;
      canvas.dataset.state = 'complete';
      return;
    }
    frame = requestAnimationFrame(tick);
  };

  const api: Monitor = {
    element,
    load(beats, fiducials) {
      api.pause();
      track = buildTrack(beats, fiducials);
      drawn = 0;
      lastBeat = -1;
      canvas.dataset.state = 'ready';
      status.textContent = beats.length === 0 ? 'No sampled beats' : `${beats.length} beats ready: press Play`;
      paint();
    },
    setSpeed(next) {
      if (playing) startedAt = performance.now() - elapsedFor(drawn, next, options.rateHz);
      speed = next;
    },
    play() {
      if (playing || track.values.length === 0) return;
      // Replay after the end starts clean instead of drawing back to the start over the old trace.
      if (drawn >= track.values.length) drawn = 0;
      playing = true;
      lastTime = 0;
      startedAt = performance.now() - elapsedFor(drawn, speed, options.rateHz);
      canvas.dataset.state = 'playing';
      status.textContent = 'Playing';
      frame = requestAnimationFrame(tick);
    },
    pause() {
      if (!playing) return;
      playing = false;
      cancelAnimationFrame(frame);
      canvas.dataset.state = 'paused';
      status.textContent = 'Paused';
    },
    reset() {
      api.pause();
      drawn = 0;
      lastBeat = -1;
      canvas.dataset.state = 'ready';
      status.textContent = `${track.beatStarts.length} beats ready: press Play`;
      paint();
    },
  };
  new ResizeObserver(() => paint()).observe(canvas);
  // The canvas bakes the theme's colours in: repaint when the visitor switches theme.
  window.addEventListener(THEME_EVENT, () => paint());
  return api;
}
