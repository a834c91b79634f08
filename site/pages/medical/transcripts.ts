// Full transcriptions, fetched shard by shard when a record is opened (never all ~18 MB up front), and
// rendered as text with the search words marked.
import { shardOf } from '../../../src/site/medical/transcript-shards.js';
import { highlightSegments } from '../../../src/site/search/terms.js';

/** Loads each shard at most once; `text(record)` resolves to the record's transcription ('' when blank). */
export function transcriptStore(shardFirst: readonly number[], loadShard: (shard: number) => Promise<string[]>): { text(record: number): Promise<string> } {
  const shards = new Map<number, Promise<string[]>>();
  return {
    async text(record) {
      const s = shardOf(shardFirst, record);
      let shard = shards.get(s);
      if (shard === undefined) {
        shard = loadShard(s);
        shards.set(s, shard);
        // A failed download may be retried on the next open.
        shard.catch(() => shards.delete(s));
      }
      return (await shard)[record - shardFirst[s]!] ?? '';
    },
  };
}

/** `text` as text nodes, with the words matching `terms` in <mark>; markup in the text stays visible text. */
export function highlighted(text: string, terms: readonly string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of highlightSegments(text, terms)) {
    if (segment.hit) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      fragment.append(mark);
    } else fragment.append(document.createTextNode(segment.text));
  }
  return fragment;
}
