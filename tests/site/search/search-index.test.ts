import { describe, expect, it } from 'vitest';
import { searchableText } from '../../../src/site/assets/medical.js';
import { buildSearchIndex, decodeSearchIndex, searchRecords, type SearchIndex } from '../../../src/site/search/search-index.js';
import { queryTerms, wordSpans } from '../../../src/site/search/terms.js';
import { FIXTURE_ROWS } from '../medical/fixture.js';

const index = decodeSearchIndex(buildSearchIndex(FIXTURE_ROWS.map(searchableText)));
const find = (query: string): number[] | null => {
  const docs = searchRecords(index, query).docs;
  return docs ? [...docs] : null;
};

describe('searchRecords on the fixture', () => {
  it('finds words of the keywords', () => {
    expect(find('gallbladder')).toEqual([0, 1, 2, 3]);
    expect(find('cholecystectomy')).toEqual([0, 2]);
  });

  it('finds words that only the transcription holds', () => {
    expect(find('tourniquet')).toEqual([0]);
    expect(find('vertigo')).toEqual([7]);
  });

  it('is case- and accent-insensitive and matches word prefixes', () => {
    expect(find('GALL')).toEqual([0, 1, 2, 3]);
    expect(find('meniere')).toEqual([7]);
    expect(find('KNEE')).toEqual([5, 6]);
  });

  it('requires every query word (AND), in any order', () => {
    expect(find('chest pain')).toEqual([3, 4, 5]);
    expect(find('pain chest')).toEqual([3, 4, 5]);
    expect(find('knee pain')).toEqual([5, 6]);
    expect(find('knee fall')).toEqual([6]);
    expect(find('knee tourniquet')).toEqual([]);
  });

  it('never throws on regular-expression syntax and treats it as punctuation', () => {
    for (const query of ['(', '+', '*', '\\', '[', '.*', ')(', '']) expect(find(query)).toBeNull();
    expect(find('\\d+')).toEqual(find('d'));
    expect(find('c++')).toEqual(find('c'));
    expect(find('a*b\\c')).toEqual(find('a b c'));
    expect(find('(2-D)')).toEqual(find('2 d'));
    expect(find('echo (2-D) c++')).toEqual([4]);
  });

  it('finds markup words as words', () => {
    expect(find('onerror')).toEqual([2]);
    expect(find('<script>')).toEqual([2]);
  });

  it('returns no records for a word nobody wrote', () => {
    expect(find('zzz')).toEqual([]);
  });
});

describe('the index file', () => {
  it('stores words found in nearly every record as a bitmap and still finds them', () => {
    const t = index.terms.indexOf('sample');
    expect(t).toBeGreaterThanOrEqual(0);
    expect(index.isBitmap[t]).toBe(1);
    expect(find('sample')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(index.isBitmap[index.terms.indexOf('tourniquet')]).toBe(0);
  });

  it('rejects files that are not an index or are cut short', () => {
    const bytes = buildSearchIndex(['alpha beta']);
    expect(() => decodeSearchIndex(new TextEncoder().encode('nope'))).toThrow(/DSX1/);
    expect(() => decodeSearchIndex(bytes.subarray(0, bytes.length - 1))).toThrow(/postings|truncated/);
    expect(decodeSearchIndex(buildSearchIndex([])).terms).toEqual([]);
  });
});

describe('searchRecords against a brute-force scan', () => {
  // Pseudo-random documents over a small vocabulary, so words share prefixes and some are in most docs.
  const vocabulary = ['pain', 'painful', 'patient', 'pat', 'knee', 'kneel', 'x', 'xray', 'éclair', 'eclampsia', 'the', 'a1c', '42'];
  let state = 7;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n;
  };
  const docs = Array.from({ length: 300 }, () => Array.from({ length: next(12) }, () => vocabulary[next(vocabulary.length)]).join(', '));
  const big: SearchIndex = decodeSearchIndex(buildSearchIndex(docs));
  const brute = (query: string): number[] => {
    const terms = queryTerms(query);
    return docs.flatMap((doc, d) => {
      const words = wordSpans(doc).map((s) => s.term);
      return terms.every((t) => words.some((w) => w.startsWith(t))) ? [d] : [];
    });
  };

  it.each(['pain', 'pa', 'p', 'the knee', 'ECLA', 'e', 'x', 'a1', '4', 'kneel painful', 'zz'])('agrees for %j', (query) => {
    expect([...searchRecords(big, query).docs!]).toEqual(brute(query));
  });
});
