import { describe, expect, it } from 'vitest';
import { highlightSegments, normalizeWord, queryTerms, wordSpans } from '../../../src/site/search/terms.js';

describe('normalizeWord', () => {
  it('folds case and accents', () => {
    expect(normalizeWord('Ménière')).toBe('meniere');
    expect(normalizeWord('KNEE')).toBe('knee');
  });
});

describe('wordSpans', () => {
  it('finds words with their positions, skipping punctuation', () => {
    expect(wordSpans('C++ (2-D)')).toEqual([
      { start: 0, end: 1, term: 'c' },
      { start: 5, end: 6, term: '2' },
      { start: 7, end: 8, term: 'd' },
    ]);
  });
});

describe('queryTerms', () => {
  it('keeps distinct words and drops those another query word starts with', () => {
    expect(queryTerms('Knee kne KNEE pain')).toEqual(['knee', 'pain']);
  });

  it('treats regular-expression syntax as punctuation', () => {
    for (const query of ['(', '+', '*', '\\', '[', '.*', '?', '^$', '|']) expect(queryTerms(query)).toEqual([]);
    expect(queryTerms('a(b+c*')).toEqual(['a', 'b', 'c']);
  });
});

describe('highlightSegments', () => {
  it('marks words starting with a query term and keeps the text intact', () => {
    const text = 'Knee pain; painful KNEES (left).';
    const segments = highlightSegments(text, ['knee', 'pain']);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['Knee', 'pain', 'painful', 'KNEES']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('leaves markup as plain text pieces', () => {
    const text = '<script>alert(1)</script> alert';
    const segments = highlightSegments(text, ['alert']);
    expect(segments).toEqual([
      { text: '<script>', hit: false },
      { text: 'alert', hit: true },
      { text: '(1)</script> ', hit: false },
      { text: 'alert', hit: true },
    ]);
  });

  it('returns the whole text unmarked without terms', () => {
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', hit: false }]);
    expect(highlightSegments('', [])).toEqual([]);
  });
});
