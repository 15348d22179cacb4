import type { Nodes, Root, RootContent } from 'mdast';
import { openBlockAtEnd } from './template';

/**
 * Large notes, and every note being edited live, are parsed section by section, and unchanged
 * sections come from a small cache, so a keystroke re-parses one section, not the whole note.
 *
 * A note is cut only before an ATX heading that starts at column 0 outside fenced code and
 * multi-line HTML blocks, or before a paragraph or a block quote in column 0 after a blank line:
 * either always starts a new top-level block in CommonMark (a heading ends any paragraph, list or
 * block quote above it; after a blank line, only indented lines continue one), so the parts parse
 * exactly as the whole. Runs longer than LONG_RUN are also cut where the parts differ from the whole
 * only in how the run is split into blocks (see `cutsRun`).
 * A link reference definition resolves across the whole note, so a note that may hold one (a `]:`
 * and a line that starts with `[`) is parsed whole. The line scan
 * only proposes cuts: a section whose parse ends inside a fence or HTML block is joined with the
 * next, so a misjudged cut costs a larger parse, never a different tree.
 */
export const CHUNKED_ABOVE = 32 * 1024;
/** Total characters of section text kept parsed (their trees are ~30× larger in memory). */
const CACHE_CHARS = 1024 * 1024;

const cache = new Map<string, Root>();
let cachedChars = 0;

/** One line at a time, without its line ending: LF, CRLF or a lone CR, as CommonMark counts lines. */
const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/y;

/**
 * A run of lines longer than this is cut even where the parts differ a little from the whole (see
 * `cutsRun`): micromark parses one long paragraph, block quote or list in time growing with the
 * square of its length (a pasted transcript with a tag on every line, 1 MB: about a minute; 128 KB
 * of nested bullets: more than a minute).
 */
export const LONG_RUN = 8 * 1024;
/** A line that ends a sentence: a cut after it splits no sentence of a long paragraph. */
const SENTENCE_END = /[.!?]["'”’)\]]*[ \t]*$/;
/** A line of a block quote's paragraph that starts with a word. */
const QUOTE_LINE = /^> ?["'“‘(]?[\p{L}\p{N}]/u;
/** A list item in column 0; its bullet, or its number's delimiter, tells one list from the next. */
const LIST_ITEM = /^(?:([-*+])|\d{1,9}([.)]))(?:[ \t]|$)/;

/** A long run of lines of one kind: a top-level paragraph, a block quote's paragraph, or a list with items in column 0. */
type Run = { kind: 'paragraph' | 'quote' } | { kind: 'list'; marker: string };

function listMarker(line: string): string | undefined {
  const m = LIST_ITEM.exec(line);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The run that a line after a blank line, a heading or the start begins. */
function runOf(line: string): Run | undefined {
  if (startsParagraph(line)) return { kind: 'paragraph' };
  if (QUOTE_LINE.test(line)) return { kind: 'quote' };
  const marker = listMarker(line);
  return marker ? { kind: 'list', marker } : undefined;
}

/** Whether `line` goes on the run: a list goes on through blank and indented lines. */
function continues(run: Run, line: string, blank: boolean): boolean {
  if (run.kind !== 'list') return run.kind === 'paragraph' ? startsParagraph(line) : QUOTE_LINE.test(line);
  return blank || /^[ \t]/.test(line) || listMarker(line) === run.marker;
}

/**
 * Whether a long run may be cut before `line`: before a plain line of a paragraph (or of a block
 * quote's paragraph), or before the next item of a list. The part after it starts a paragraph (in a
 * block quote) or a list of its own, so the run's text and every list item read as in the whole
 * parse; what differs is that one paragraph or list becomes several (an ordered list's later parts
 * start at their own number), and an inline span (emphasis, a link) across the cut is lost. A
 * paragraph is cut after a sentence when one ends near, so no sentence is split.
 */
function cutsRun(run: Run, line: string, previous: string, length: number): boolean {
  if (run.kind === 'list') return length >= LONG_RUN && listMarker(line) === run.marker;
  if (!continues(run, line, false)) return false;
  return length >= (SENTENCE_END.test(previous) ? LONG_RUN : 4 * LONG_RUN);
}

/** Offsets where sections start (always including 0). */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  let fence: { char: string; size: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let lineStart = 0;
  let afterBlank = false;
  let afterHeading = false;
  let run: Run | undefined;
  let previous = '';
  while (lineStart < text.length) {
    LINE.lastIndex = lineStart;
    const [whole = '', line = ''] = LINE.exec(text) ?? [];
    const blank = /^[ \t]*$/.test(line);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.size) fence = undefined;
      run = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      run = undefined;
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open?.[1]) fence = { char: open[1][0] ?? '`', size: open[1].length };
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) htmlEnd = /-->/;
      else if (/^ {0,3}<(pre|script|style|textarea)[\s>]/i.test(line) && !/<\/(pre|script|style|textarea)>/i.test(line)) htmlEnd = /<\/(pre|script|style|textarea)>/i;
      else if (lineStart > 0 && (/^#{1,6}([ \t]|$)/.test(line) || (afterBlank && (startsParagraph(line) || line.startsWith('>'))))) starts.push(lineStart);
      else if (run && cutsRun(run, line, previous, lineStart - (starts[starts.length - 1] as number))) starts.push(lineStart);
      if (fence || htmlEnd) run = undefined;
      else if (!(run && continues(run, line, blank))) run = afterBlank || afterHeading || lineStart === 0 ? runOf(line) : undefined;
    }
    afterHeading = !fence && !htmlEnd && /^#{1,6}([ \t]|$)/.test(line);
    afterBlank = blank && !fence && !htmlEnd;
    previous = line;
    lineStart += whole.length;
  }
  return starts;
}

/**
 * A line in column 0 that starts with a letter or digit (and is not an ordered list item), after a
 * blank line, begins a new top-level paragraph: after a blank line no list item, quote or indented
 * code can continue without indentation. Cutting there too keeps sections short in long notes with
 * no headings, whose lists micromark would otherwise parse in time growing with the square of the
 * note's length (20,000 lines of lists and paragraphs: about 20 s).
 */
function startsParagraph(line: string): boolean {
  return /^[\p{L}\p{N}]/u.test(line) && !/^\d{1,9}[.)]/.test(line);
}

/**
 * Parses `text` whole, or section by section with cached sections when it is large or `live`
 * (being edited: the next version differs by a keystroke, so its other sections are cached).
 */
export function parseInSections(text: string, parse: (text: string) => Root, live = false): Root {
  if ((!live && text.length <= CHUNKED_ABOVE) || mayDefine(text)) return parse(text);
  return parseBySection(text, parse);
}

/** A line that may start a link reference definition: `[` after nothing but container markers. */
const DEFINITION_START = /(?:^|[\r\n])[ \t>*+\-0-9.)]*\[/;

/** Whether the text may hold a link reference definition (`[label]: url`, at the start of a line). */
function mayDefine(text: string): boolean {
  return text.includes(']:') && DEFINITION_START.test(text);
}

/** Parses `text` section by section, whatever its size (exported for tests: small notes show every edge). */
export function parseBySection(text: string, parse: (text: string) => Root): Root {
  const starts = sectionStarts(text);
  const children: RootContent[] = [];
  let line = 1;
  for (let i = 0; i < starts.length; ) {
    const start = starts[i] ?? 0;
    let next = i + 1;
    let part = text.slice(start, starts[next] ?? text.length);
    let tree = cachedParse(part, parse);
    // The line scan can misjudge where a fence or HTML block ends; the parser cannot. A section that
    // ends inside one would swallow the next heading in the whole note, so it takes the next section in.
    while (next < starts.length && absorbsNextLine(part, tree)) {
      next++;
      part = text.slice(start, starts[next] ?? text.length);
      tree = cachedParse(part, parse);
    }
    for (const child of tree.children) children.push(shift(child, start, line - 1) as RootContent);
    line += countLines(part);
    i = next;
  }
  // The column just past the last character, as a whole parse has it (a note need not end with a line break).
  const endPoint = { line, column: text.length - Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')), offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint } };
}

function cachedParse(part: string, parse: (text: string) => Root): Root {
  let tree = cache.get(part);
  if (tree) {
    // Most recently used last.
    cache.delete(part);
    cache.set(part, tree);
  } else {
    tree = parse(part);
    remember(part, tree);
  }
  return tree;
}

/**
 * Whether `part` ends inside a top-level block that a following ATX heading would not end: a code
 * fence or an HTML block of kinds 1–5 never closed, or an HTML block of kinds 6–7 (`<div>`,
 * `<span>` alone on a line), which only a blank line ends. Every other block, and every list or
 * quote, ends at a heading in column 0.
 */
function absorbsNextLine(part: string, tree: Root): boolean {
  const last = tree.children[tree.children.length - 1];
  if (last && last.type !== 'code' && last.type !== 'html') return endsInNestedCodeOrHtml(last);
  if (last?.type !== 'code' && last?.type !== 'html') return false;
  if (openBlockAtEnd(part, tree) !== undefined) return true;
  const end = last.position?.end.offset;
  if (last.type !== 'html' || end === undefined || part.slice(end).trim() !== '') return false;
  // Kinds 1–5 closed (openBlockAtEnd said so) or kinds 6–7 followed by a blank line: ended.
  return !KINDS_1_TO_5.test(part.slice(last.position?.start.offset ?? 0)) && !BLANK_LINE_AFTER.test(part.slice(end));
}

/**
 * A code or HTML block last in a list or quote ends with its container at the next heading, but a
 * section parsed alone ends it at the end of the input, a line later. Rare enough to just join.
 */
function endsInNestedCodeOrHtml(node: Nodes): boolean {
  for (let n: Nodes | undefined = node; n && 'children' in n; ) {
    n = n.children[n.children.length - 1];
    if (n?.type === 'code' || n?.type === 'html') return true;
  }
  return false;
}

const KINDS_1_TO_5 = /^ {0,3}(<!--|<(script|pre|style|textarea)(?=[\s>]|$)|<\?|<!\[CDATA\[|<![a-z])/i;
/** Two line breaks in a row, never the CR and LF of one CRLF. */
const BLANK_LINE_AFTER = /^(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)/;

/** Empties the section cache: measurements (the scaling bench and test) start each note afresh. */
export function clearSectionCache(): void {
  cache.clear();
  cachedChars = 0;
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

/** Line endings in `text`, counted as the parser counts them: a CRLF once, a lone CR or LF once each. */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
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
