import type nlpType from 'compromise/two';

/** A word of a sentence with its part-of-speech tags from compromise (Adjective, Noun, Person, PastTense, …). */
export interface TaggedWord {
  /** Offsets in the text given to `tagSentence`. */
  start: number;
  end: number;
  text: string;
  tags: ReadonlySet<string>;
}

type Nlp = typeof nlpType;
let nlp: Nlp | undefined;
const MAX_CACHED = 2000;
const cache = new Map<string, TaggedWord[]>();

/**
 * Tags one sentence. The tagger is loaded on first use (about 150 ms), so notes without a
 * candidate phrase never pay for it; results are cached, since a note is re-linted on every pause
 * in typing and most of its sentences have not changed.
 */
export function tagSentence(sentence: string): readonly TaggedWord[] {
  const hit = cache.get(sentence);
  if (hit) {
    // Refresh its place so the most recently used sentences stay.
    cache.delete(sentence);
    cache.set(sentence, hit);
    return hit;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: most lints never need it
  nlp ??= (require('compromise/two') as { default?: Nlp } & Nlp).default ?? (require('compromise/two') as Nlp);
  const words: TaggedWord[] = [];
  for (const s of nlp(sentence).json({ offset: true, terms: { offset: true } }) as Array<{ terms: RawTerm[] }>) {
    for (const t of s.terms) {
      if (!t.offset || t.offset.length === 0) continue; // implicit words of contractions (“isn't” → not)
      words.push({ start: t.offset.start, end: t.offset.start + t.offset.length, text: t.text, tags: new Set(t.tags) });
    }
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(sentence, words);
  return words;
}

interface RawTerm {
  text: string;
  tags: string[];
  offset?: { start: number; length: number };
}

/** The tags of the word covering `offset` (a word of `words`), or an empty set. */
export function tagsAt(words: readonly TaggedWord[], offset: number): ReadonlySet<string> {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid] as TaggedWord;
    if (offset < w.start) hi = mid - 1;
    else if (offset >= w.end) lo = mid + 1;
    else return w.tags;
  }
  return NONE;
}

const NONE: ReadonlySet<string> = new Set();
