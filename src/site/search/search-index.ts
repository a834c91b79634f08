// A small inverted index over the medical records, built by `dash site` and queried in the browser.
//
// Why not MiniSearch: the page needs only "every query word is the prefix of a word of the record", over
// ~4k documents. That is ~150 lines here, with a compact binary file the page fetches only when a search
// is made, no fuzzy/ranking machinery to ship, and the same word rules as the highlighter (terms.ts).
//
// File layout (all integers are unsigned LEB128 varints):
//   "DSX1" | docCount | termCount | vocabBytes | UTF-8 of the sorted terms joined by "\n"
//   then for every term, in vocabulary order: header = payloadBytes·2 + isBitmap, payload
// A payload is either the doc ids as gaps (first id, then differences) in varints, or — when smaller, for
// words found in most records — a bitmap of ceil(docCount / 8) bytes, bit d set when doc d holds the term.
import { distinctTerms, queryTerms } from './terms.js';

const MAGIC = 'DSX1';

export interface SearchIndex {
  docCount: number;
  /** Sorted by UTF-16 code units, as `<` compares strings. */
  terms: string[];
  bytes: Uint8Array;
  /** Where each term's payload starts in `bytes`, and its length; bitmap payloads are flagged. */
  payloadStart: Uint32Array;
  payloadLength: Uint32Array;
  isBitmap: Uint8Array;
}

export interface SearchResult {
  /** The normalized query terms, for highlighting; empty when the query holds no words. */
  terms: string[];
  /** Matching doc ids in ascending order, or null when there is nothing to search for (no filter). */
  docs: Uint32Array | null;
}

class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  varint(value: number): void {
    this.reserve(5);
    let v = value;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

function varintLength(value: number): number {
  let length = 1;
  for (let v = value; v >= 0x80; v >>>= 7) length++;
  return length;
}

function gapLength(docs: readonly number[]): number {
  let length = 0;
  let previous = 0;
  for (const doc of docs) {
    length += varintLength(doc - previous);
    previous = doc;
  }
  return length;
}

function bitmapBytes(docs: readonly number[], docCount: number): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(docCount / 8));
  for (const doc of docs) bitmap[doc >>> 3]! |= 1 << (doc & 7);
  return bitmap;
}

/** Builds the index file for `docs` (doc id = position); each doc is all the searchable text of one record. */
export function buildSearchIndex(docs: readonly string[]): Uint8Array {
  const postings = new Map<string, number[]>();
  docs.forEach((text, doc) => {
    for (const term of distinctTerms(text)) {
      const list = postings.get(term);
      if (list) list.push(doc);
      else postings.set(term, [doc]);
    }
  });
  const terms = [...postings.keys()].sort();
  const writer = new ByteWriter();
  writer.bytes(new TextEncoder().encode(MAGIC));
  writer.varint(docs.length);
  writer.varint(terms.length);
  const vocabulary = new TextEncoder().encode(terms.join('\n'));
  writer.varint(vocabulary.length);
  writer.bytes(vocabulary);
  const bitmapSize = Math.ceil(docs.length / 8);
  for (const term of terms) {
    const list = postings.get(term)!;
    const gaps = gapLength(list);
    if (bitmapSize < gaps) {
      writer.varint(bitmapSize * 2 + 1);
      writer.bytes(bitmapBytes(list, docs.length));
      continue;
    }
    writer.varint(gaps * 2);
    let previous = 0;
    for (const doc of list) {
      writer.varint(doc - previous);
      previous = doc;
    }
  }
  return writer.result();
}

class ByteReader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error('search index is truncated');
      const byte = this.bytes[this.offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }
}

/** Reads an index file written by buildSearchIndex; throws on a file that is not one (wrong magic, truncated). */
export function decodeSearchIndex(bytes: Uint8Array): SearchIndex {
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error(`search index: expected the "${MAGIC}" header`);
  const reader = new ByteReader(bytes);
  reader.offset = 4;
  const docCount = reader.varint();
  const termCount = reader.varint();
  const vocabBytes = reader.varint();
  const vocabEnd = reader.offset + vocabBytes;
  if (vocabEnd > bytes.length) throw new Error('search index is truncated');
  const terms = termCount === 0 ? [] : new TextDecoder().decode(bytes.subarray(reader.offset, vocabEnd)).split('\n');
  if (terms.length !== termCount) throw new Error(`search index: expected ${termCount} terms, found ${terms.length}`);
  reader.offset = vocabEnd;
  const payloadStart = new Uint32Array(termCount);
  const payloadLength = new Uint32Array(termCount);
  const isBitmap = new Uint8Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const header = reader.varint();
    payloadLength[t] = Math.floor(header / 2);
    isBitmap[t] = header & 1;
    payloadStart[t] = reader.offset;
    reader.offset += payloadLength[t]!;
  }
  if (reader.offset !== bytes.length) throw new Error('search index: postings do not match the vocabulary');
  return { docCount, terms, bytes, payloadStart, payloadLength, isBitmap };
}

/** First index in sorted `terms` whose term is ≥ `prefix`. */
function lowerBound(terms: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sets in the bitset `hits` (bit d of byte d >> 3) every doc holding a term that starts with `prefix`. */
function markPrefix(index: SearchIndex, prefix: string, hits: Uint8Array): void {
  const { terms, bytes } = index;
  for (let t = lowerBound(terms, prefix); t < terms.length && terms[t]!.startsWith(prefix); t++) {
    const start = index.payloadStart[t]!;
    const end = start + index.payloadLength[t]!;
    if (index.isBitmap[t]) {
      for (let i = start; i < end; i++) hits[i - start]! |= bytes[i]!;
      continue;
    }
    let doc = 0;
    let i = start;
    while (i < end) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[i++]!;
        gap += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte >= 0x80);
      doc += gap;
      hits[doc >>> 3]! |= 1 << (doc & 7);
    }
  }
}

/**
 * The records matching a plain-text query: every word of the query must be the start of some word of the
 * record (case- and accent-insensitive). Any string is accepted; a query with no words is "no filter".
 */
export function searchRecords(index: SearchIndex, query: string): SearchResult {
  const terms = queryTerms(query);
  if (terms.length === 0) return { terms, docs: null };
  const size = Math.ceil(index.docCount / 8);
  let matched: Uint8Array | undefined;
  for (const term of terms) {
    const hits = new Uint8Array(size);
    markPrefix(index, term, hits);
    if (matched) for (let i = 0; i < size; i++) matched[i]! &= hits[i]!;
    else matched = hits;
  }
  const docs: number[] = [];
  matched!.forEach((byte, i) => {
    for (let bit = 0; byte !== 0; bit++, byte >>>= 1) if (byte & 1) docs.push(i * 8 + bit);
  });
  return { terms, docs: Uint32Array.from(docs) };
}
