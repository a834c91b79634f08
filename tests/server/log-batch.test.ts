import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TurnBatchedLines } from '../../src/server/log-batch.js';

describe('TurnBatchedLines', () => {
  it('writes the lines of one event-loop turn in one write, in order, after the turn', async () => {
    const writes: string[] = [];
    const batch = new TurnBatchedLines({ write: (text: string) => writes.push(text) });
    expect(batch.write('a\n')).toBe(true);
    batch.write('b\n');
    batch.write('c\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n']);

    batch.write('d\n');
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
  });

  it('writes what is waiting when flushed (as on process exit), and nothing twice', async () => {
    const writes: string[] = [];
    const batch = new TurnBatchedLines({ write: (text: string) => writes.push(text) });
    batch.write('last words\n');
    batch.flush();
    expect(writes).toEqual(['last words\n']);
    await nextTurn();
    expect(writes).toEqual(['last words\n']);
  });
});
