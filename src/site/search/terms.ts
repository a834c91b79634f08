// Words of medical text as the search index, the query and the highlighter all see them. One definition
// keeps the three in agreement: a word the index holds is a word the highlighter marks.
//
// The user's query is only ever split by these fixed patterns; it never becomes a regular expression, so
// input such as "(", "+", "*" or "\" is just punctuation between words.

/** Runs of letters (with their combining marks) and digits in the original text. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** Case- and accent-insensitive form of one word ("Ménière" → "meniere"). */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII, where Unicode normalization changes nothing: skip it (index build time).
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(NOT_ALNUM, '').toLowerCase();
}

export interface WordSpan {
  start: number;
  end: number;
  term: string;
}

/** Every word of `text` with its position in `text` and its normalized term (words that normalize to nothing are skipped). */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term !== '') spans.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return spans;
}

/** The distinct normalized terms of `text`, in first-seen order. */
export function distinctTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term !== '') terms.add(term);
  }
  return [...terms];
}

/**
 * The terms of a search query: distinct, and without terms that another query term already starts with
 * ("knee kne" → ["knee"]), because every query term matches as a prefix and the longer one is stricter.
 */
export function queryTerms(query: string): string[] {
  const terms = distinctTerms(query).sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const term of terms) if (!kept.some((longer) => longer.startsWith(term))) kept.push(term);
  return kept.sort();
}

export interface TextSegment {
  text: string;
  hit: boolean;
}

/**
 * `text` cut into plain and matched pieces, where a matched piece is a word starting with one of `terms`
 * (normalized query terms). Joined back together the pieces are exactly `text`; the page renders them as
 * text nodes and <mark> elements, never as HTML.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (terms.length === 0) return text === '' ? [] : [{ text, hit: false }];
  const segments: TextSegment[] = [];
  let plainFrom = 0;
  for (const span of wordSpans(text)) {
    if (!terms.some((term) => span.term.startsWith(term))) continue;
    if (span.start > plainFrom) segments.push({ text: text.slice(plainFrom, span.start), hit: false });
    segments.push({ text: text.slice(span.start, span.end), hit: true });
    plainFrom = span.end;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom), hit: false });
  return segments;
}
