import { isUtf8 } from 'node:buffer';

/**
 * Finds the byte sequences of a file that are not UTF-8, by physical line, as the file streams past in chunks of
 * any size. The text decoder turns each into U+FFFD without a word; this says where. A chunk is checked natively
 * (isUtf8); only a chunk that fails is walked byte by byte, so a clean file costs one pass of native code.
 */
export class Utf8Check {
  private carry: Buffer = Buffer.alloc(0);
  private newlines = 0;
  /** The first `keep` lines holding invalid bytes, and the bytes found there (`0xE9 0x20`). */
  readonly found: { line: number; bytes: string }[] = [];
  count = 0;

  constructor(private readonly keep = 5) {}

  push(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = completeEnd(buf);
    const body = buf.subarray(0, end);
    if (!isUtf8(body)) this.locate(body);
    this.newlines += countNewlines(body);
    this.carry = Buffer.from(buf.subarray(end));
  }

  /** The file ended: an incomplete sequence left over is invalid too. */
  end(): void {
    if (this.carry.length > 0) this.note(this.carry, 0, this.carry.length);
    this.carry = Buffer.alloc(0);
  }

  private locate(body: Buffer): void {
    let i = 0;
    while (i < body.length) {
      const b = body[i] as number;
      if (b < 0x80) {
        i++;
        continue;
      }
      const length = sequenceLength(body, i);
      if (length > 0) {
        i += length;
        continue;
      }
      let j = i + 1;
      // One note per run of bad bytes.
      while (j < body.length && (body[j] as number) >= 0x80 && sequenceLength(body, j) === 0) j++;
      this.note(body, i, j);
      i = j;
    }
  }

  private note(body: Buffer, start: number, end: number): void {
    this.count++;
    if (this.found.length >= this.keep) return;
    const line = this.newlines + countNewlines(body.subarray(0, start)) + 1;
    this.found.push({ line, bytes: [...body.subarray(start, Math.min(end, start + 8))].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ') });
  }
}

/** Bytes of the valid UTF-8 sequence starting at `i` (a non-ASCII lead byte), 0 when it is not valid. */
function sequenceLength(buf: Buffer, i: number): number {
  const b = buf[i] as number;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0; // overlong
    if (b === 0xed) high = 0x9f; // surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90; // overlong
    if (b === 0xf4) high = 0x8f; // above U+10FFFF
  } else return 0;
  if (i + length > buf.length) return 0;
  const second = buf[i + 1] as number;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if (((buf[i + k] as number) & 0xc0) !== 0x80) return 0;
  return length;
}

/** Where the chunk's complete sequences end: a multi-byte character cut by the chunk boundary waits for the next. */
function completeEnd(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back] as number;
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? buf.length - back : buf.length;
    }
  }
  return buf.length;
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  let i = buf.indexOf(10);
  while (i !== -1) {
    n++;
    i = buf.indexOf(10, i + 1);
  }
  return n;
}
