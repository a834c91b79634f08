import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colorWanted, createLogger, isInteractive } from '../src/log.js';

function textLog(env: NodeJS.ProcessEnv, tty: boolean): string {
  const out = new PassThrough() as PassThrough & { isTTY?: boolean };
  out.isTTY = tty;
  const chunks: string[] = [];
  out.on('data', (d: Buffer) => chunks.push(d.toString('utf8')));
  createLogger({ level: 'info', format: 'text', destination: out, env }).warn('hello');
  return chunks.join('');
}

// eslint-disable-next-line no-control-regex -- the escape is what is looked for
const ESC = /\u001b\[/;

describe('colour (https://no-color.org, FORCE_COLOR)', () => {
  it('dash serve text logs: coloured on a terminal, never with NO_COLOR, always with FORCE_COLOR', () => {
    expect(textLog({}, true)).toMatch(ESC);
    expect(textLog({ NO_COLOR: '1' }, true)).not.toMatch(ESC);
    expect(textLog({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).not.toMatch(ESC);
    expect(textLog({}, false)).not.toMatch(ESC);
    expect(textLog({ FORCE_COLOR: '1' }, false)).toMatch(ESC);
    expect(textLog({ FORCE_COLOR: '0' }, true)).not.toMatch(ESC);
    expect(textLog({ NO_COLOR: '1' }, true)).toContain('hello');
  });

  it('colorWanted: an empty NO_COLOR does not count; TERM=dumb gets none', () => {
    expect(colorWanted({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(colorWanted({ isTTY: false }, { FORCE_COLOR: 'true' })).toBe(true);
    expect(colorWanted({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
  });
});

describe('isInteractive (the spinner)', () => {
  const stream = (columns: number | undefined) => Object.assign(new PassThrough(), { isTTY: true, columns });
  it('needs a terminal with a real width, outside CI', () => {
    expect(isInteractive({ stream: stream(80), env: {} })).toBe(true);
    expect(isInteractive({ stream: stream(0), env: {} })).toBe(false);
    expect(isInteractive({ stream: stream(undefined), env: {} })).toBe(false);
    expect(isInteractive({ stream: stream(80), env: { CI: 'true' } })).toBe(false);
    expect(isInteractive({ stream: stream(80), env: { TERM: 'dumb' } })).toBe(false);
  });
});
