import type { Heading, Html, List, ListItem, Nodes, Paragraph, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { FrameworkRegistry } from '../frameworks/registry';
import { matchMarkerHeading, normalizeTitle } from '../frameworks/markers';
import { LineIndex } from '../model/lines';
import type { Place } from '../model/types';
import { parseInSections } from './chunks';
import { proseSpan, visibleText } from './prose';
import { readFrontmatter } from './frontmatter';
import { openBlockAtEnd } from './template';
import type { Agreement, AgreementsSection, DisableDirective, MarkerSection, MarkerTag, Note, ProseBlock } from './types';

// Bare remark-parse only. remark-gfm is not used: task-list checkboxes are read from list items
// directly, and nothing else in a note needs GFM's extra (and costly) constructs. Nor is
// remark-frontmatter: the frontmatter is located by hand and blanked out before parsing.
const processor = unified().use(remarkParse);

/** `[#3.4]` or `[#3.1 #3.4]` / `[#3.1, #3.4]` inside prose: evidence for those markers. */
export const TAG_PATTERN = /\[(#\d+(?:\.\d+)+(?:[\s,]+#\d+(?:\.\d+)+)*)\]/g;
const TAG_ID = /#(\d+(?:\.\d+)+)/g;
const CHECKBOX = /^\[([ xX])\][ \t]+/;
const DUE = /\(?\bdue:?\s+(\d{4}-\d{2}-\d{2})\)?/i;
const PERMISSION = /^\s*permission\s*:/i;
const DIRECTIVE = /<!--\s*coach-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)-->/g;

export interface ParseOptions {
  frameworks: FrameworkRegistry;
  defaultFramework: string;
  /** Characters parsed at most; a longer note is read up to the last line break before it. */
  maxChars?: number;
  /** The note is being edited: reuse the parse of its unchanged sections (see chunks.ts). */
  live?: boolean;
}

/** 8 MiB of text: far beyond any real session note, and still parsed in a few seconds. */
export const DEFAULT_MAX_CHARS = 8 * 1024 * 1024;

/** Parses a note once into everything the rules, coverage and adapters need. Never throws on any text. */
export function parseNote(rawText: string, path: string, options: ParseOptions): Note {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(text);
  const { frontmatter, meta, bodyStart } = readFrontmatter(text, lines, options.frameworks, options.defaultFramework);
  // An unclosed frontmatter block would otherwise be read as a thematic break and a heading.
  const limit = options.maxChars ?? DEFAULT_MAX_CHARS;
  // A pathological note is parsed up to a line break before the limit; positions stay exact.
  // A lone CR ends a line too; a CR is searched one earlier so a CRLF is never split.
  const cut = text.length > limit ? Math.max(bodyStart, text.lastIndexOf('\n', limit) + 1, text.lastIndexOf('\r', limit - 1) + 1) : text.length;
  const parsed = blankFrontmatter(cut < text.length ? text.slice(0, cut) : text, bodyStart);
  let unparsed: Note['unparsed'];
  let tree: Root;
  if (frontmatter.present && !frontmatter.closed) tree = emptyRoot(text);
  else if (nestingDepth(parsed) > MAX_NESTING) {
    // Refused before parsing: such nesting makes Markdown parsing take minutes and overflow the stack.
    tree = emptyRoot(text);
    unparsed = 'too-deep';
  } else {
    try {
      tree = parseInSections(parsed, (part) => processor.parse(part), options.live);
    } catch (error) {
      tree = emptyRoot(text);
      unparsed = error instanceof RangeError ? 'too-deep' : 'parser-error';
    }
  }
  const framework = options.frameworks.get(meta.framework);
  const note: Note = {
    path,
    text,
    lines,
    tree,
    frontmatter,
    meta,
    sections: [],
    nearMisses: [],
    tags: [],
    agreements: [],
    permissionLines: [],
    directives: [],
    prose: [],
    bodyStart,
  };
  if (cut < text.length) note.checkedUpTo = cut;
  if (framework) note.framework = framework;
  try {
    readSections(note);
    readNearMisses(note);
    walk(note, tree, false);
  } catch (error) {
    // Nesting the pre-check cannot see (e.g. emphasis inside emphasis) can still overflow the stack:
    // the body is then left unchecked, and the note says so, instead of the whole run failing.
    Object.assign(note, { tree: emptyRoot(text), sections: [], nearMisses: [], tags: [], agreements: [], permissionLines: [], directives: [], prose: [] });
    delete note.agreementsSection;
    unparsed = error instanceof RangeError ? 'too-deep' : 'parser-error';
  }
  if (unparsed) note.unparsed = unparsed;
  const open = cut === text.length ? openBlockAtEnd(text, note.tree) : undefined;
  if (open) note.openAtEnd = open;
  return note;
}

/** Quotes and list items nested deeper than this are not parsed: no real note comes near it. */
export const MAX_NESTING = 100;

/** The container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) a line starts with, and its indentation. */
const LINE_PREFIX = /^([ \t]*)((?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=[\r\n]|$)))+)/gm;
const CONTAINER_MARKER = />|[-*+]|\d{1,9}[.)]/g;

/**
 * A cheap upper estimate of how deeply quotes and lists nest, read from line prefixes: one level per
 * marker, plus one per two columns of indentation before the first. A line of one repeated `-` or
 * `*` and nothing else is a thematic break, not nesting.
 */
function nestingDepth(text: string): number {
  let deepest = 0;
  for (const m of text.matchAll(LINE_PREFIX)) {
    const markers = (m[2] ?? '').match(CONTAINER_MARKER) ?? [];
    // The prefix takes the spaces after the markers, so the next character starts the line's content.
    const next = text[(m.index ?? 0) + m[0].length];
    const alone = next === undefined || next === '\n' || next === '\r';
    if (alone && new Set(markers).size === 1 && (markers[0] === '-' || markers[0] === '*')) continue;
    const indent = (m[1] ?? '').replace(/\t/g, '    ').length;
    deepest = Math.max(deepest, markers.length + Math.floor(indent / 2));
  }
  return deepest;
}

/**
 * The frontmatter turned into blank lines of the same length: Markdown sees nothing there, and
 * every offset, line and column of the body stays exactly as in the file.
 */
function blankFrontmatter(text: string, bodyStart: number): string {
  if (bodyStart === 0) return text;
  return text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(bodyStart);
}

function emptyRoot(text: string): Root {
  const end = { line: 1, column: 1, offset: 0 };
  return { type: 'root', children: [], position: { start: end, end: { ...end, offset: text.length } } };
}

function placeOf(note: Note, node: Nodes): Place {
  return note.lines.place(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** Marker sections and the Agreements section, from the top-level headings. */
function readSections(note: Note): void {
  const children = note.tree.children;
  const headings = children
    .map((node, index) => ({ node, index }))
    .filter((h): h is { node: Heading; index: number } => h.node.type === 'heading');
  const nextOf = sectionEnds(headings.map((h) => h.node.depth));
  for (const [i, { node, index }] of headings.entries()) {
    const next = headings[nextOf[i] as number];
    const end = next?.node.position?.start.offset ?? note.text.length;
    const contentNodes = children.slice(index + 1, next ? next.index : children.length);
    const headingText = toString(node, { includeHtml: false }).trim();
    if (normalizeTitle(headingText) === 'agreements') {
      if (!note.agreementsSection) note.agreementsSection = agreementsSection(note, node, contentNodes, end);
      continue;
    }
    // A level-1 heading counts too when it clearly names a marker; a note's own title never does.
    const match = matchMarkerHeading(headingText, note.framework);
    if (match.nearMiss) {
      const id = match.nearMiss.id;
      const replacement = `${'#'.repeat(node.depth)} ${id} ${headingSource(note, node)}`;
      note.nearMisses.push({ marker: match.nearMiss, form: 'unsure-heading', place: placeOf(note, node), replacement });
    }
    // A level-1 heading is the note's title unless it names a marker: a number there is no unknown id.
    if (node.depth === 1) delete match.idLike;
    if (!match.marker && !match.idLike) continue;
    const section: MarkerSection = {
      headingText,
      depth: node.depth,
      headingPlace: placeOf(note, node),
      end,
      evidenced: contentNodes.some(isEvidence),
    };
    if (match.marker) section.marker = match.marker;
    if (match.idLike) section.idLike = match.idLike;
    note.sections.push(section);
  }
}

/**
 * For each heading (by depth), the index of the next one at the same or a higher level, which ends
 * its section (-1: none). One pass with a stack, so 20,000 headings take no longer than a scan.
 */
function sectionEnds(depths: readonly number[]): number[] {
  const next = depths.map(() => -1);
  const open: number[] = [];
  depths.forEach((depth, i) => {
    while (open.length > 0 && (depths[open[open.length - 1] as number] as number) >= depth) next[open.pop() as number] = i;
    open.push(i);
  });
  return next;
}

/** The words of a heading as written (emphasis kept), without `#`s or a setext underline. */
function headingSource(note: Note, node: Heading): string {
  const raw = note.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const atx = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(raw);
  const text = atx ? raw.slice(atx[0].length).replace(/[ \t]+#+[ \t]*$/, '') : raw.replace(/(?:\r\n|\r|\n)[ \t]*[=-]+[ \t]*$/, '');
  return text.replace(/\s+/g, ' ').trim();
}

/** A bold line alone (`**3.1 Genuine concern**`, `__Permission:__`) and `##3.1` without a space, on a paragraph's first line. */
const BOLD_LINE = /^(\*\*|__)([^*_\r\n]{1,120}?)\1[ \t]*(:?)[ \t]*$/;
const NO_SPACE = /^(#{1,6})([^#\s][^\r\n]{0,120})$/;

/**
 * Top-level paragraphs whose first line stands in for a marker heading. A `**Permission:**` line is
 * the documented permission check and `**Agreements**` the agreements list, so neither is one.
 */
function readNearMisses(note: Note): void {
  const credited = new Set(note.sections.map((s) => s.marker?.id));
  const depth = note.sections.find((s) => s.marker)?.depth ?? 2;
  for (const node of note.tree.children) {
    if (node.type !== 'paragraph') continue;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const lineEnd = note.text.slice(start, Math.min(end, start + 200)).search(/[\r\n]/);
    const line = note.text.slice(start, lineEnd < 0 ? end : start + lineEnd);
    const bold = BOLD_LINE.exec(line);
    const hashes = bold ? undefined : NO_SPACE.exec(line);
    const title = (bold?.[2] ?? hashes?.[2] ?? '').replace(/[\s:.]+$/, '').trim();
    if (!title || normalizeTitle(title) === 'agreements' || PERMISSION.test((bold?.[2] ?? '') + (bold?.[3] ?? ''))) continue;
    const match = matchMarkerHeading(title, note.framework);
    const marker = match.marker ?? match.nearMiss;
    if (!marker) continue;
    const words = match.marker ? title : `${marker.id} ${title}`;
    note.nearMisses.push({
      marker,
      form: bold ? 'bold-line' : 'no-space',
      place: note.lines.place(start, start + line.length),
      replacement: `${hashes?.[1] ?? '#'.repeat(depth)} ${words}`,
    });
  }
  // A marker that has its section needs no second one: a bold reminder inside it is just emphasis.
  note.nearMisses = note.nearMisses.filter((n) => !credited.has(n.marker.id));
}

function agreementsSection(note: Note, heading: Heading, content: RootContent[], end: number): AgreementsSection {
  const last = content[content.length - 1];
  return {
    headingPlace: placeOf(note, heading),
    depth: heading.depth,
    contentEnd: last?.position?.end.offset ?? heading.position?.end.offset ?? end,
    end,
  };
}

/** Anything but whitespace, HTML comments and sub-headings counts as evidence. */
function isEvidence(node: RootContent): boolean {
  // HTML counts only for the text it shows: a lone `<br>` or a comment is not evidence.
  if (node.type === 'html') return node.value.replace(/<!--[^]*?-->/g, '').replace(/<[^>]*>/g, '').trim() !== '';
  if (node.type === 'heading' || node.type === 'thematicBreak' || node.type === 'definition') return false;
  if (node.type === 'code' || node.type === 'image') return true;
  return toString(node, { includeHtml: false }).trim() !== '';
}

/** One pass over the tree: prose blocks, tags, agreements, permission lines and directives. */
function walk(note: Note, node: Nodes, quoted: boolean): void {
  switch (node.type) {
    case 'yaml':
    case 'code':
    case 'inlineCode':
      return;
    case 'html':
      readDirectives(note, node);
      return;
    case 'blockquote':
      for (const child of node.children) walk(note, child, true);
      return;
    case 'list':
      readList(note, node, quoted);
      return;
    case 'paragraph':
    case 'heading':
      readProse(note, node, quoted, node.type === 'paragraph');
      return;
    default:
      if ('children' in node) for (const child of node.children as Nodes[]) walk(note, child, quoted);
  }
}

function readList(note: Note, list: List, quoted: boolean): void {
  for (const item of list.children) {
    readAgreement(note, item);
    for (const child of item.children) walk(note, child, quoted);
  }
}

function readAgreement(note: Note, item: ListItem): void {
  const section = note.agreementsSection;
  const start = item.position?.start.offset ?? -1;
  if (!section || start < section.headingPlace.end.offset || start >= section.end) return;
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const text = toString(first, { includeHtml: false });
  const box = CHECKBOX.exec(text);
  if (!box) return;
  const body = text.slice(box[0].length).trim();
  const agreement: Agreement = {
    text: body,
    key: agreementKey(body),
    kept: box[1] !== ' ',
    place: placeOf(note, first),
  };
  const due = DUE.exec(body)?.[1];
  if (due) agreement.due = due;
  note.agreements.push(agreement);
}

/** Agreements match across notes ignoring case, punctuation and the due date. */
export function agreementKey(text: string): string {
  return text
    .replace(DUE, ' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function readDirectives(note: Note, node: Html): void {
  const base = node.position?.start.offset ?? 0;
  for (const m of node.value.matchAll(DIRECTIVE)) {
    const kind = m[1] as DisableDirective['kind'];
    // Anything after ` -- ` is the coach's reason, not rule ids.
    const ids = (m[2] ?? '').split(/\s--(?:\s|$)/)[0] ?? '';
    const rules = ids
      .split(/[\s,]+/)
      .map((r) => r.replace(/^coach:/, ''))
      .filter((r) => r !== '' && r !== '--');
    const start = base + (m.index ?? 0);
    note.directives.push({ kind, rules, place: note.lines.place(start, start + m[0].length) });
  }
}

/**
 * Collects the visible text of a paragraph or heading with a map back to note offsets,
 * leaving out code, HTML, link URLs and image alt text. Also finds tags and `Permission:`.
 */
function readProse(note: Note, block: Paragraph | Heading, quoted: boolean, isParagraph: boolean): void {
  const parts: Text[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'text') return void parts.push(node);
    if (node.type === 'html') return readDirectives(note, node);
    if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference') return;
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  for (const child of block.children) visit(child);
  let text = '';
  for (const part of parts) text += visibleText(part.value);
  const prose: ProseBlock = { text, parts, quoted };
  if (!isParagraph) prose.heading = true;
  note.prose.push(prose);
  if (text.includes('[#')) {
    for (const m of text.matchAll(TAG_PATTERN)) {
      const [start, end] = proseSpan(note, prose, m.index, m.index + m[0].length);
      for (const id of (m[1] ?? '').matchAll(TAG_ID)) {
        const tag: MarkerTag = { id: id[1] ?? '', place: note.lines.place(start, end) };
        const marker = note.framework?.markers.find((mk) => mk.id === tag.id);
        if (marker) tag.marker = marker;
        note.tags.push(tag);
      }
    }
  }
  if (isParagraph && !quoted && PERMISSION.test(text)) note.permissionLines.push(placeOf(note, block));
}

/** Whether the note records a permission check: a `Permission:` line, or evidence for the permission marker. */
export function hasPermissionCheck(note: Note): boolean {
  if (note.permissionLines.length > 0) return true;
  const role = (s: { marker?: { role?: string } }) => s.marker?.role === 'permission';
  return note.sections.some((s) => role(s) && s.evidenced) || note.tags.some(role);
}
