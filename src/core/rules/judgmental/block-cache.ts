import type { JudgmentalLexicon } from '../../lexicons/judgmental';
import { BlockView } from './block-view';
import { findJudgments, type Judgment, type People } from './judge';

// A note being edited is linted again after each pause in typing, and all but one of its blocks
// are as they were. What a block read as is kept, per lexicon, for the next lint: the sentence
// model reads every sentence, so re-reading unchanged blocks would cost a long note a third of a
// second per keystroke. Positions are the block's own, so a block that moved is still a hit.

export interface BlockReading {
  /** Kept for the rewrites, which read around each judgment. */
  view: BlockView;
  judgments: readonly Judgment[];
}

/** Blocks kept per lexicon: a long note's worth, most recently used first to stay. */
export const MAX_CACHED_BLOCKS = 4096;
const caches = new WeakMap<JudgmentalLexicon, Map<string, BlockReading>>();

/**
 * The judgments of one block, from the cache when the same text was read for the same client
 * with the same lexicon. A reading cut short by the time budget is not kept.
 */
export function readBlock(text: string, lexicon: JudgmentalLexicon, people: People, sentences: boolean, expired: () => boolean): BlockReading {
  let cache = caches.get(lexicon);
  // Stryker disable next-line ConditionalExpression: a new cache per call only reads the block again, to the same judgments; only time tells.
  if (!cache) {
    cache = new Map();
    caches.set(lexicon, cache);
  }
  // Of the names known from elsewhere in the note, only those in this block can change its reading.
  const lower = people.others ? text.toLowerCase() : '';
  const names = people.others ? [...people.others].filter((n) => lower.includes(n)).join(' ') : '';
  const key = `${people.client ?? ''}\u0000${people.pronoun ?? ''}\u0000${names}\u0000${sentences ? 's' : ''}\u0000${text}`;
  const kept = cache.get(key);
  // Stryker disable next-line ConditionalExpression,BlockStatement: skipping a kept reading reads the block again, to the same judgments; only time tells.
  if (kept) {
    cache.delete(key); // refreshed: the least recently used go first
    cache.set(key, kept);
    return kept;
  }
  const view = new BlockView(text, lexicon.allow);
  let cut = false;
  const judgments = findJudgments(view, lexicon, people, () => (cut ||= expired()), sentences);
  const reading = { view, judgments };
  if (!cut) {
    cache.set(key, reading);
    if (cache.size > MAX_CACHED_BLOCKS) cache.delete(cache.keys().next().value as string);
  }
  return reading;
}
