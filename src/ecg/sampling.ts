/**
 * The seeded choices of the ECG precompute (D-4 fix: one documented, reproducible design):
 *
 * - Sample beats: every beat gets a key, a seeded hash of its 188 values' IEEE-754 bits; the sample of a
 *   (split, class) group is the SAMPLES_PER_CLASS beats with the smallest keys, in ascending key order
 *   (bottom-k sampling: a uniform sample without replacement). The features are computed on the
 *   FEATURE_SAMPLES_PER_CLASS beats with the smallest keys, of which the shown samples are the first. The key depends only on the seed and the beat, so the
 *   choice is the same whatever the chunking, worker count, row order, line endings or float formatting.
 * - PTB split: the normal rows then the abnormal rows, in file order, are shuffled by Fisher–Yates with
 *   `Random.derive(seed, 'ecg:ptbdb-split')`; the first floor(0.8 N) of the permutation are train, the rest test.
 */
import { Random } from '../demo/random.js';
import { BEAT_LENGTH, FEATURE_SAMPLES_PER_CLASS, FIELDS_PER_ROW, SAMPLES_PER_CLASS } from './schema.js';

/** The seed of every ECG choice (the original used 42 throughout). */
export const ECG_SEED = 42;

export const SAMPLING_METHOD =
  `Samples: the ${SAMPLES_PER_CLASS} beats of each split and class with the smallest key, key = a seeded 53-bit hash of the row's ` +
  `188 values (IEEE-754 bits), in ascending key order; features over the ${FEATURE_SAMPLES_PER_CLASS} with the smallest keys. ` +
  `PTB split: normal then abnormal rows in file order, Fisher-Yates ` +
  `shuffled by dash's sfc32 generator derived from the seed and "ecg:ptbdb-split"; the first floor(0.8 N) are train.`;

/**
 * A 53-bit key of a row of FIELDS_PER_ROW doubles. `words` views the same memory as 32-bit integers; two
 * multiply-xorshift lanes (even and odd words) give 64 bits of state, then a murmur3 finaliser each.
 */
export function beatKey(words: Int32Array, seed: number): number {
  let a = seed ^ 0x9e3779b9;
  let b = seed ^ 0x7f4a7c15;
  for (let i = 0; i < FIELDS_PER_ROW * 2; i += 2) {
    a = Math.imul(a ^ (words[i] as number), 0x85ebca6b);
    a ^= a >>> 15;
    b = Math.imul(b ^ (words[i + 1] as number), 0xc2b2ae35);
    b ^= b >>> 13;
  }
  a = finalise(a ^ b);
  b = finalise(b + a);
  return (a >>> 0) * 2 ** 21 + (b >>> 11);
}

function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The plain-data form of a sample (structured-clone friendly): keys ascending, beats row-major. */
export interface SampleSet {
  keys: Float64Array;
  beats: Float64Array;
}

/** Keeps the `capacity` beats with the smallest keys. */
export class BottomK {
  private readonly keys: Float64Array;
  private readonly beats: Float64Array;
  private size = 0;
  private maxAt = 0;

  constructor(readonly capacity = FEATURE_SAMPLES_PER_CLASS) {
    this.keys = new Float64Array(capacity);
    this.beats = new Float64Array(capacity * BEAT_LENGTH);
  }

  offer(key: number, row: ArrayLike<number>, offset = 0): void {
    let slot: number;
    if (this.size < this.capacity) slot = this.size++;
    else if (key < (this.keys[this.maxAt] as number)) slot = this.maxAt;
    else return;
    this.keys[slot] = key;
    for (let i = 0; i < BEAT_LENGTH; i++) this.beats[slot * BEAT_LENGTH + i] = row[offset + i] as number;
    if (this.size === this.capacity) {
      let at = 0;
      for (let i = 1; i < this.size; i++) if ((this.keys[i] as number) > (this.keys[at] as number)) at = i;
      this.maxAt = at;
    }
  }

  offerAll(set: SampleSet): void {
    for (let i = 0; i < set.keys.length; i++) this.offer(set.keys[i] as number, set.beats, i * BEAT_LENGTH);
  }

  /** The kept beats, ascending by key. */
  result(): SampleSet {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((x, y) => (this.keys[x] as number) - (this.keys[y] as number));
    const keys = new Float64Array(this.size);
    const beats = new Float64Array(this.size * BEAT_LENGTH);
    order.forEach((from, to) => {
      keys[to] = this.keys[from] as number;
      beats.set(this.beats.subarray(from * BEAT_LENGTH, (from + 1) * BEAT_LENGTH), to * BEAT_LENGTH);
    });
    return { keys, beats };
  }
}

/** Rows of [0, n) assigned to train (true) or test (false) by the seeded permutation described above. */
export function ptbTrainMask(n: number, seed: number): Uint8Array {
  const order = Random.derive(seed, 'ecg:ptbdb-split').shuffle(Array.from({ length: n }, (_, i) => i));
  const mask = new Uint8Array(n);
  const trainCount = Math.floor(0.8 * n);
  for (let i = 0; i < trainCount; i++) mask[order[i] as number] = 1;
  return mask;
}
