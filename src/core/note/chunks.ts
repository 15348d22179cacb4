import type { Nodes, Root, RootContent } from 'mdast';

/**
 * Large notes are parsed section by section, and unchanged sections come from a small cache, so a
 * keystroke in a 300 KB session log re-parses one section, not the whole note.
 *
 * A note is cut only before an ATX heading that starts at column 0 outside fenced code and
 * multi-line HTML blocks: such a heading always starts a new top-level block in CommonMark (it
 * ends any paragraph, list or block quote above it), so the parts parse exactly as the whole,
 * except that a link reference defined in one section does not resolve in another.
 */
export const CHUNKED_ABOVE = 32 * 1024;
/** Total characters of section text kept parsed (their trees are ~30× larger in memory). */
const CACHE_CHARS = 1024 * 1024;

const cache = new Map<string, Root>();
let cachedChars = 0;

/** Offsets where sections start (always including 0). */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  let fence: { char: string; size: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.size) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open?.[1]) fence = { char: open[1][0] ?? '`', size: open[1].length };
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) htmlEnd = /-->/;
      else if (/^ {0,3}<(pre|script|style|textarea)[\s>]/i.test(line) && !/<\/(pre|script|style|textarea)>/i.test(line)) htmlEnd = /<\/(pre|script|style|textarea)>/i;
      else if (lineStart > 0 && /^#{1,6}([ \t]|\r?$)/.test(line)) starts.push(lineStart);
    }
    lineStart = lineEnd + 1;
  }
  return starts;
}

/** Parses `text` whole, or section by section with cached sections when it is large. */
export function parseInSections(text: string, parse: (text: string) => Root): Root {
  if (text.length <= CHUNKED_ABOVE) return parse(text);
  const starts = sectionStarts(text);
  const children: RootContent[] = [];
  let line = 1;
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1] ?? text.length;
    const part = text.slice(start, end);
    let tree = cache.get(part);
    if (tree) {
      // Most recently used last.
      cache.delete(part);
      cache.set(part, tree);
    } else {
      tree = parse(part);
      remember(part, tree);
    }
    for (const child of tree.children) children.push(shift(child, start, line - 1) as RootContent);
    line += countLines(part);
  }
  const endPoint = { line, column: 1, offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint } };
}

function remember(part: string, tree: Root): void {
  if (part.length > CACHE_CHARS / 4) return;
  cache.set(part, tree);
  cachedChars += part.length;
  for (const [key] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(key);
    cachedChars -= key.length;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A copy of a cached node with positions moved to where its section sits in the note. */
function shift(node: Nodes, offset: number, lines: number): Nodes {
  const copy = { ...node } as Nodes & { children?: Nodes[] };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset },
      end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset },
    };
  }
  if ('children' in node) copy.children = (node.children as Nodes[]).map((c) => shift(c, offset, lines));
  return copy;
}
