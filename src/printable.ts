/**
 * Text from input files (field values, header names) is shown in error messages, warnings, the manifest and the
 * Status page. Control characters in it would act on the terminal or CI log that shows it (an ESC sequence can
 * recolour, move the cursor, retitle the window or hide the rest of the line), and bidirectional overrides reorder
 * what is displayed. Every such character is written as a visible escape instead: ESC → `\x1B`, U+202E → `\u202E`.
 */

// C0 controls (tab and newlines included: a message is one line), DEL, C1 controls (0x9B is a one-byte CSI),
// line/paragraph separators, and the bidi embedding, override and isolate characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every control or display-reordering character escaped; anything else (accents, emoji) kept. */
export function printable(text: string): string {
  UNPRINTABLE.lastIndex = 0;
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE, escape) : text;
}
