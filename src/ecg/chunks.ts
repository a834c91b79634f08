/**
 * Byte-range chunks of the ECG files, so several threads parse one file. A chunk [start, end) owns the rows whose
 * first byte lies in it; each side of a boundary finds the same line start independently, so chunks need no
 * coordination and every row is parsed exactly once.
 */
import { readSync } from 'node:fs';
import { parseRows, RowProblem, type FieldRanges } from './parse.js';

const LF = 10;
/** Bytes read per system call; rows are ~5 kB, so a block holds a few hundred. */
const BLOCK_BYTES = 1 << 20;

/**
 * The read buffer, reused by every chunk this thread parses: fresh memory is expensive to fault in (about 3.5 ms per
 * MiB on this machine), and a new buffer per 8 MiB chunk cost more than reading the chunk.
 */
let scratch = new Uint8Array(BLOCK_BYTES + 1);

export interface Chunk {
  id: number;
  /** Index of the file in the caller's file list. */
  file: number;
  start: number;
  end: number;
}

/** Splits files of the given sizes into chunks of about `chunkBytes`, in file order. */
export function planChunks(sizes: readonly number[], chunkBytes: number): Chunk[] {
  const chunks: Chunk[] = [];
  sizes.forEach((size, file) => {
    const count = Math.max(1, Math.round(size / chunkBytes));
    for (let i = 0; i < count; i++) {
      chunks.push({ id: chunks.length, file, start: Math.floor((size * i) / count), end: Math.floor((size * (i + 1)) / count) });
    }
  });
  return chunks;
}

/** A bad row located in the file: byte offset of the row's start and of the offending field (or -1). */
export class FileProblem extends Error {
  constructor(
    readonly rowOffset: number,
    readonly fieldOffset: number,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'FileProblem';
  }
}

/**
 * Parses the rows of one chunk of the open file `fd` into `values` (one row at a time); `onRow` gets the row's
 * byte offset in the file (and throws a FileProblem to reject the row). A value outside `ranges` (default: any finite
 * number) rejects its row. Returns the number of rows.
 */
export function readChunkRows(
  fd: number,
  fileSize: number,
  chunk: Pick<Chunk, 'start' | 'end'>,
  values: Float64Array,
  onRow: (values: Float64Array, rowOffset: number) => void,
  ranges?: FieldRanges,
): number {
  const from = chunk.start === 0 ? 0 : lineStartAfter(fd, chunk.start - 1, fileSize);
  const to = chunk.end >= fileSize ? fileSize : lineStartAfter(fd, chunk.end - 1, fileSize);
  let buffer = scratch;
  let carried = 0;
  let position = from;
  let rows = 0;
  while (position < to) {
    const read = readSync(fd, buffer, carried, Math.min(buffer.length - 1 - carried, to - position), position);
    if (read === 0) throw new FileProblem(position, -1, 'the file ended early (was it changed during the build?)');
    const base = position - carried;
    position += read;
    let length = carried + read;
    let complete: number;
    if (position >= to) {
      // The chunk ends at a line start or at the end of the file: everything left is whole rows.
      if (buffer[length - 1] !== LF) buffer[length++] = LF;
      complete = length;
    } else {
      complete = buffer.lastIndexOf(LF, length - 1) + 1;
      if (complete === 0) {
        // One row longer than the buffer: grow it and read on.
        const larger = new Uint8Array(buffer.length * 2);
        larger.set(buffer.subarray(0, length));
        buffer = scratch = larger;
        carried = length;
        continue;
      }
    }
    try {
      parseRows(buffer, 0, complete, values, (row, rowStart) => {
        rows++;
        onRow(row, base + rowStart);
      }, ranges);
    } catch (err) {
      if (err instanceof RowProblem) throw new FileProblem(base + err.rowStart, err.fieldStart < 0 ? -1 : base + err.fieldStart, err.problem);
      throw err;
    }
    carried = length - complete;
    buffer.copyWithin(0, complete, length);
  }
  return rows;
}

/** The offset just after the first LF at or after `position`, or the file size. */
function lineStartAfter(fd: number, position: number, fileSize: number): number {
  const block = scratch.subarray(0, 64 * 1024);
  while (position < fileSize) {
    const read = readSync(fd, block, 0, Math.min(block.length, fileSize - position), position);
    if (read === 0) break;
    const at = block.subarray(0, read).indexOf(LF);
    if (at >= 0) return position + at + 1;
    position += read;
  }
  return fileSize;
}
