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
  /**
   * Until the node is first walked through: the phrases (trimmed, lower case) that pass through it
   * and where in each it stands. A group of 4,000 phrases is matched at a few words of a note, so
   * a node's children are made only when a match reaches it.
   */
  pending?: Array<[phrase: string, at: number]>;
}

export interface PhraseTrie {
  root: Node;
  flexibleHyphens: boolean;
}

const APOSTROPHE = 39;
const CURLY_APOSTROPHE = 0x2019;

/** A trie of the phrases (any case); empty phrases are left out. Its nodes are made as matches reach them. */
export function buildPhraseTrie(phrases: Iterable<string>, flexibleHyphens: boolean): PhraseTrie {
  const pending: Array<[string, number]> = [];
  for (const phrase of phrases) {
    const text = phrase.trim().toLowerCase();
    if (text !== '') pending.push([text, 0]);
  }
  return { root: { end: false, pending }, flexibleHyphens };
}

/** Makes a node's children from the phrases passing through it: one step of each phrase. */
function expand(node: Node, flexibleHyphens: boolean): void {
  const pending = node.pending;
  if (!pending) return;
  node.pending = undefined;
  const into = (child: Node, text: string, at: number) => (child.pending ??= []).push([text, at]);
  for (const [text, i] of pending) {
    if (i >= text.length) {
      node.end = true;
      continue;
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i + 1;
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
      into((node.space ??= { end: false }), text, j);
    } else if (flexibleHyphens && isHyphen(c) && isWordAt(text, i - 1) && isWordAt(text, i + 1)) {
      into((node.hyphen ??= { end: false }), text, i + 1);
    } else {
      const key = c === CURLY_APOSTROPHE ? APOSTROPHE : c;
      const chars = (node.chars ??= new Map());
      let next = chars.get(key);
      if (!next) chars.set(key, (next = { end: false }));
      into(next, text, i + 1);
    }
  }
}

/**
 * The end of the longest phrase that matches `text` at `start` and ends at a word edge (no letter,
 * digit or underscore next, nor a hyphen joining one), or -1.
 */
export function matchPhraseAt(trie: PhraseTrie, text: string, start: number): number {
  return longest(trie.root, text, start, trie.flexibleHyphens);
}

/** Depth first, longer paths first; each step reads one character, so the walk is bounded by the phrase. */
function longest(node: Node, text: string, i: number, flexible: boolean): number {
  if (node.pending) expand(node, flexible);
  let best = -1;
  if (node.chars && i < text.length) {
    const next = node.chars.get(lowerAt(text, i));
    if (next) best = longest(next, text, i + 1, flexible);
  }
  if (best < 0 && node.space && i < text.length && isSpace(text.charCodeAt(i))) {
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    best = longest(node.space, text, j, flexible);
  }
  if (best < 0 && node.hyphen) {
    const c = text.charCodeAt(i);
    if (i < text.length && (isHyphen(c) || isSpace(c))) best = longest(node.hyphen, text, i + 1, flexible);
    if (best < 0) best = longest(node.hyphen, text, i, flexible);
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
