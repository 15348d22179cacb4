/**
 * Finds, in one pass over a text, every word that is in an index — with no string made per word
 * for ASCII prose. Lexicons use it to find where one of their phrases may start; only there is the
 * phrase itself matched. Cheaper than one regex of every first word, which is tried at every
 * character and slows down as the lexicon grows.
 */

/** A trie by character (digits 0–9, then a–z) of the ASCII words. */
interface Trie<T> {
  next: Array<Trie<T> | undefined>;
  value?: T;
}

export interface WordIndex<T> {
  /** Every word, lower-cased: how words with letters other than ASCII are looked up. */
  byWord: Map<string, T>;
  ascii: Trie<T>;
}

export function createWordIndex<T>(): WordIndex<T> {
  return { byWord: new Map(), ascii: { next: [] } };
}

/** Adds a lower-case word (a run of letters and digits) with its value. */
export function addWord<T>(index: WordIndex<T>, word: string, value: T): void {
  index.byWord.set(word, value);
  let node = index.ascii;
  for (let k = 0; k < word.length; k++) {
    const slot = slotOf(word.charCodeAt(k));
    if (slot < 0) return; // not plain ASCII: found through byWord
    node = node.next[slot] ??= { next: [] };
  }
  node.value = value;
}

const WORD_CHAR = /[\p{L}\p{N}]/uy;
const FLATTEN = /$/;

/** Trie slot of a lower-case ASCII letter or digit, or -1. */
function slotOf(lower: number): number {
  if (lower >= 97 && lower <= 122) return lower - 87;
  if (lower >= 48 && lower <= 57) return lower - 48;
  return -1;
}

/**
 * Calls `visit` with the start and value of every run of letters and digits that is in the index,
 * in order. A hand loop: prose is mostly ASCII, so each word is walked down the trie as it is read,
 * and only a word with other letters is cut out, lower-cased and looked up by its text.
 */
export function forEachWord<T, C>(text: string, index: WordIndex<T>, visit: (start: number, value: T, context: C) => void, context: C): void;
export function forEachWord<T>(text: string, index: WordIndex<T>, visit: (start: number, value: T) => void): void;
export function forEachWord<T, C>(text: string, index: WordIndex<T>, visit: (start: number, value: T, context?: C) => void, context?: C): void {
  // Prose is often built by concatenation, and charCodeAt on such a string walks its pieces every
  // time. Running any regex flattens it in place, once, so the loop below reads a plain string.
  FLATTEN.test(text);
  const length = text.length;
  let i = 0;
  while (i < length) {
    const start = i;
    let node: Trie<T> | undefined = index.ascii;
    let ascii = true;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const slot = slotOf(c >= 65 && c <= 90 ? c | 32 : c);
        if (slot < 0) break;
        node = node?.next[slot];
        i++;
      } else {
        const width = wordCharWidth(text, i);
        if (width === 0) break;
        ascii = false;
        i += width;
      }
    }
    if (i === start) {
      i++;
      continue;
    }
    const value = ascii ? node?.value : index.byWord.get(text.slice(start, i).toLowerCase());
    if (value !== undefined) visit(start, value, context);
  }
}

/** 1 or 2 (a surrogate pair) when a letter or digit other than ASCII starts at `i`, else 0. */
function wordCharWidth(text: string, i: number): number {
  WORD_CHAR.lastIndex = i;
  const m = WORD_CHAR.exec(text);
  return m ? m[0].length : 0;
}
