import type { Text } from 'mdast';
import type { Note, ProseBlock } from './types';

// Built only for blocks a rule reports on: most blocks never need one, and a typed array per block
// of every note was a large share of the allocation (and so of the garbage collection) per lint.
const offsetMaps = new WeakMap<ProseBlock, Int32Array>();

/** The note offsets [start, end) of the characters `from`…`to` of a prose block's text. */
export function proseSpan(note: Note, block: ProseBlock, from: number, to: number): [number, number] {
  let offsets = offsetMaps.get(block);
  if (!offsets) {
    offsets = new Int32Array(block.text.length);
    let at = 0;
    for (const part of block.parts) {
      mapOffsets(note, part, offsets, at);
      at += part.value.length;
    }
    offsetMaps.set(block, offsets);
  }
  const start = offsets[from] ?? 0;
  return [start, to > from ? (offsets[to - 1] ?? start) + 1 : start];
}

/**
 * Fills `offsets[at…]` with the note offset of each character of a text node. A node's value may
 * differ from its source (escapes, entities): then the source is walked alongside, in one pass.
 */
function mapOffsets(note: Note, node: Text, offsets: Int32Array, at: number): void {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const value = node.value;
  if (end - start === value.length && note.text.startsWith(value, start)) {
    for (let i = 0; i < value.length; i++) offsets[at + i] = start + i;
    return;
  }
  const source = note.text.slice(start, end);
  let s = 0;
  for (let v = 0; v < value.length; v++) {
    offsets[at + v] = start + Math.min(s, source.length);
    if (source[s] === '\\' && source[s + 1] === value[v]) s += 2;
    else if (source[s] === '&' && value[v] !== '&') {
      const semi = source.indexOf(';', s);
      s = semi === -1 ? s + 1 : semi + 1;
    } else s++;
  }
}
