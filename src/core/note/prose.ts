import type { Text } from 'mdast';
import type { Note, ProseBlock } from './types';

/**
 * Characters that show nothing and can sit inside a word: a soft hyphen (pasted from word
 * processors), zero-width space and no-break joiner, and a byte-order mark. Left in, "la\u00ADzy"
 * would hide "lazy" from every rule, so prose text leaves them out. Zero-width (non-)joiners stay:
 * some scripts need them to spell words.
 */
export const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** A text node's value as prose reads it. */
export function visibleText(value: string): string {
  return INVISIBLE.test(value) ? value.replace(INVISIBLE_ALL, '') : value;
}

// Built only for blocks a rule reports on: most blocks never need one, and a typed array per block
// of every note was a large share of the allocation (and so of the garbage collection) per lint.
const offsetMaps = new WeakMap<ProseBlock, Int32Array>();

/** The note offsets [start, end) of the characters `from`…`to` of a prose block's text. */
export function proseSpan(note: Note, block: ProseBlock, from: number, to: number): [number, number] {
  let offsets = offsetMaps.get(block);
  if (!offsets) {
    offsets = new Int32Array(block.text.length);
    let at = 0;
    for (const part of block.parts) at = mapOffsets(note, part, offsets, at);
    offsetMaps.set(block, offsets);
  }
  const start = offsets[from] ?? 0;
  return [start, to > from ? (offsets[to - 1] ?? start) + 1 : start];
}

/**
 * Fills `offsets[at…]` with the note offset of each visible character of a text node and returns
 * the next index. A node's value may differ from its source (escapes, entities, invisible
 * characters left out): then the source is walked alongside, in one pass.
 */
function mapOffsets(note: Note, node: Text, offsets: Int32Array, at: number): number {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const value = node.value;
  if (end - start === value.length && note.text.startsWith(value, start) && !INVISIBLE.test(value)) {
    for (let i = 0; i < value.length; i++) offsets[at + i] = start + i;
    return at + value.length;
  }
  const source = note.text.slice(start, end);
  let s = 0;
  let out = at;
  for (let v = 0; v < value.length; v++) {
    const shown = !INVISIBLE.test(value[v] ?? '');
    if (shown) offsets[out++] = start + Math.min(s, source.length);
    if (source[s] === '\\' && source[s + 1] === value[v]) s += 2;
    else if (source[s] === '&') {
      // A character reference the parser decoded (`&eacute;`, `&amp;`, `&#38;`) is skipped whole; a
      // bare `&`, or a reference left as written (an unknown name), is one character.
      const ref = CHARACTER_REFERENCE.exec(source.slice(s, s + 40));
      s += ref && !value.startsWith(ref[0], v) ? ref[0].length : 1;
    } else s++;
  }
  return out;
}
