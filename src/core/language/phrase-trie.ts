/**
 * A matcher for many literal phrases at one position, walked character by character through a
 * trie. It replaces one regex per group of phrases: a case-insensitive Unicode regex of thousands
 * of alternatives costs tens of milliseconds to compile, and it was compiled the first time its
 * first word appeared — in the middle of a keystroke. A trie is built in time linear in its
 * phrases and matches in time linear in the phrase it finds.
 *
 * Matching is case-insensitive; a run of white space in a phrase matches any run of white space;
 * an apostrophe matches a straight or curly one; and, with `flexibleHyphens`, a hyphen between two
 * letters matches a hyphen, one space or nothing (“non-compliant”, “non compliant”, “noncompliant”).
 */

interface Node {
  /** Next node by the lower-case character's code unit. */
  chars?: Map<number, Node>;
  /** After a run of white space. */
  space?: Node;
  /** After an optional hyphen (or one space). */
  hyphen?: Node;
  /** A phrase ends here. */
  end: boolean;
}

export interface PhraseTrie {
  root: Node;
}

const APOSTROPHE = 39;
const CURLY_APOSTROPHE = 0x2019;

/** Builds a trie of the phrases (any case); empty phrases are left out. */
export function buildPhraseTrie(phrases: Iterable<string>, flexibleHyphens: boolean): PhraseTrie {
  const root: Node = { end: false };
  for (const phrase of phrases) {
    const text = phrase.trim().toLowerCase();
    if (text === '') continue;
    let node = root;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        while (i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) i++;
        node = node.space ??= { end: false };
      } else if (flexibleHyphens && isHyphen(c) && isWordAt(text, i - 1) && isWordAt(text, i + 1)) {
        node = node.hyphen ??= { end: false };
      } else {
        const key = c === CURLY_APOSTROPHE ? APOSTROPHE : c;
        const chars = (node.chars ??= new Map());
        let next = chars.get(key);
        if (!next) chars.set(key, (next = { end: false }));
        node = next;
      }
    }
    node.end = true;
  }
  return { root };
}

/**
 * The end of the longest phrase that matches `text` at `start` and ends at a word edge (no letter,
 * digit or underscore next, nor a hyphen joining one), or -1.
 */
export function matchPhraseAt(trie: PhraseTrie, text: string, start: number): number {
  return longest(trie.root, text, start);
}

/** Depth first, longer paths first; each step reads one character, so the walk is bounded by the phrase. */
function longest(node: Node, text: string, i: number): number {
  let best = -1;
  if (node.chars && i < text.length) {
    const next = node.chars.get(lowerAt(text, i));
    if (next) best = longest(next, text, i + 1);
  }
  if (best < 0 && node.space && i < text.length && isSpace(text.charCodeAt(i))) {
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    best = longest(node.space, text, j);
  }
  if (best < 0 && node.hyphen) {
    const c = text.charCodeAt(i);
    if (i < text.length && (isHyphen(c) || isSpace(c))) best = longest(node.hyphen, text, i + 1);
    if (best < 0) best = longest(node.hyphen, text, i);
  }
  if (best < 0 && node.end && endsWord(text, i)) best = i;
  return best;
}

/** The character at `i`, lower-cased, with a curly apostrophe read as a straight one. */
function lowerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90 ? c | 32 : c;
  if (c === CURLY_APOSTROPHE) return APOSTROPHE;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** Whether a phrase may start at `i`: no letter or digit just before it, nor a hyphen joining one (“date-USCIS”). */
export function startsWord(text: string, i: number): boolean {
  if (isWordAt(text, i - 1)) return false;
  return !(isHyphen(text.charCodeAt(i - 1)) && isWordAt(text, i - 2));
}

function endsWord(text: string, i: number): boolean {
  if (i >= text.length) return true;
  if (isWordAt(text, i) || text.charCodeAt(i) === 95) return false;
  return !(isHyphen(text.charCodeAt(i)) && isWordAt(text, i + 1));
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

const WORD_CHAR = /[\p{L}\p{N}]/uy;

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text);
}

const OTHER_SPACE = /\s/u;

function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && OTHER_SPACE.test(String.fromCharCode(c));
}
