import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Place } from '../model/types';
import type { Note } from './types';

/** A heading and what it contains, for outlines (document symbols) and folding. */
export interface OutlineItem {
  text: string;
  depth: number;
  /** The heading line. */
  selection: Place;
  /** From the heading to the end of its section (last non-blank line before the next heading of the same or higher level). */
  range: Place;
  /** Marker id when the heading is a marker section of the note's framework. */
  markerId?: string;
  children: OutlineItem[];
}

export interface FoldingSpan {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  kind: 'section' | 'frontmatter' | 'comment' | 'region';
}

/** The note's heading tree, from the same remark tree the rules use. */
export function outline(note: Note): OutlineItem[] {
  const headings = note.tree.children.filter((n): n is Heading => n.type === 'heading');
  const roots: OutlineItem[] = [];
  const stack: OutlineItem[] = [];
  const markers = new Map(note.sections.map((s) => [s.headingPlace.start.offset, s.marker?.id]));
  headings.forEach((h, i) => {
    const start = h.position?.start.offset ?? 0;
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
    const end = trimEnd(note.text, next?.position?.start.offset ?? note.text.length);
    const item: OutlineItem = {
      text: toString(h, { includeHtml: false }).trim() || '(untitled heading)',
      depth: h.depth,
      selection: note.lines.place(start, h.position?.end.offset ?? start),
      range: note.lines.place(start, Math.max(end, h.position?.end.offset ?? start)),
      children: [],
    };
    const markerId = markers.get(start);
    if (markerId) item.markerId = markerId;
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= h.depth) stack.pop();
    (stack[stack.length - 1]?.children ?? roots).push(item);
    stack.push(item);
  });
  return roots;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

/** Folding spans: heading sections, the frontmatter block, multi-line HTML comments and #region markers. */
export function foldingSpans(note: Note): FoldingSpan[] {
  const spans: FoldingSpan[] = [];
  const fm = note.frontmatter.place;
  if (fm && note.frontmatter.closed && fm.end.line > fm.start.line) {
    spans.push({ startLine: fm.start.line, endLine: fm.end.column === 1 ? fm.end.line - 1 : fm.end.line, kind: 'frontmatter' });
  }
  const visit = (items: OutlineItem[]) => {
    for (const item of items) {
      if (item.range.end.line > item.selection.start.line) spans.push({ startLine: item.selection.start.line, endLine: item.range.end.line, kind: 'section' });
      visit(item.children);
    }
  };
  visit(outline(note));
  const regions: number[] = [];
  for (const node of note.tree.children) {
    if (node.type !== 'html' || !node.position) continue;
    const { start, end } = node.position;
    if (/^<!--\s*#region\b/.test(node.value)) regions.push(start.line);
    else if (/^<!--\s*#endregion\b/.test(node.value)) {
      const open = regions.pop();
      if (open !== undefined) spans.push({ startLine: open, endLine: end.line, kind: 'region' });
    } else if (node.value.startsWith('<!--') && end.line > start.line) spans.push({ startLine: start.line, endLine: end.line, kind: 'comment' });
  }
  return spans.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
