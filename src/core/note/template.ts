import type { Root } from 'mdast';
import type { Framework, Marker } from '../frameworks/types';
import type { Note } from './types';

/** The text of an empty marker section, with the marker's description as a reminder comment. */
export function markerSkeleton(marker: Marker, depth: number, eol = '\n'): string {
  return `${'#'.repeat(depth)} ${marker.id} ${marker.title}${eol}${eol}<!-- ${marker.description} -->${eol}${eol}`;
}

/**
 * Where a missing marker section belongs: after the closest earlier marker's section in framework
 * order, else before the closest later one, else before the Agreements section, else at the end.
 */
export function insertionOffset(note: Note, marker: Marker): number {
  const order = note.framework?.markers.map((m) => m.id) ?? [];
  const index = order.indexOf(marker.id);
  const present = note.sections.filter((s) => s.marker);
  const rank = (s: (typeof present)[number]) => order.indexOf(s.marker?.id ?? '');
  const before = present.filter((s) => rank(s) < index).sort((a, b) => rank(b) - rank(a))[0];
  if (before) return before.end;
  const after = present.filter((s) => rank(s) > index).sort((a, b) => rank(a) - rank(b))[0];
  if (after) return after.headingPlace.start.offset;
  if (note.agreementsSection) return note.agreementsSection.headingPlace.start.offset;
  return note.text.length;
}

/** Depth used for new marker sections: the depth the note already uses, else 2. */
export function sectionDepth(note: Note): number {
  return note.sections.find((s) => s.marker)?.depth ?? 2;
}

/**
 * Text needed before an insertion at `offset` so that the inserted block starts on its own paragraph.
 * At the very end of a note left inside an unclosed code fence or HTML comment, that block is closed
 * first: otherwise the inserted section would be read as part of it.
 */
export function leadingBreak(note: Note, offset: number): string {
  const close = offset === note.text.length ? note.openAtEnd : undefined;
  if (close) return (/[\r\n]$/.test(note.text) ? '' : note.lines.eol) + close + note.lines.eol + note.lines.eol;
  const before = note.text.slice(Math.max(0, offset - 4), offset);
  // A blank line already: two line breaks, never the CR and LF of one CRLF.
  if (offset === 0 || /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)$/.test(before)) return '';
  // A lone CR followed by an inserted LF would read as one CRLF line break, not two.
  const merges = before.endsWith('\r') && note.lines.eol.startsWith('\n');
  return /(\n|\r)$/.test(before) && !merges ? note.lines.eol : note.lines.eol + note.lines.eol;
}

export interface SessionNoteFields {
  client: string;
  date: string;
  session?: number;
  /** Open agreements carried forward from the client's last note, listed first under Agreements. */
  carried?: readonly { text: string }[];
}

/** A whole new session note for a framework: frontmatter plus every marker section and Agreements. */
export function sessionNoteTemplate(framework: Framework, fields: SessionNoteFields): string {
  return `${noteHead(framework, fields)}${framework.markers.map((m) => markerSkeleton(m, 2)).join('')}${agreementsBlock(fields)}`;
}

/**
 * The same note for the New Session Note command, with an empty line in the first marker section
 * (blank lines around it) and `cursor` on it, so the coach can start typing at once.
 */
export function sessionNoteDraft(framework: Framework, fields: SessionNoteFields): { text: string; cursor: number } {
  const [first, ...rest] = framework.markers;
  const before = noteHead(framework, fields) + (first ? markerSkeleton(first, 2) : '');
  const text = `${before}\n\n${rest.map((m) => markerSkeleton(m, 2)).join('')}${agreementsBlock(fields)}`;
  return { text, cursor: before.length };
}

function noteHead(framework: Framework, fields: SessionNoteFields): string {
  const lines = ['---', `client: ${JSON.stringify(fields.client)}`, `date: ${fields.date}`];
  if (fields.session !== undefined) lines.push(`session: ${fields.session}`);
  lines.push('duration: 60', `framework: ${framework.id}`, '---', '', `# Session with ${fields.client}`, '', '');
  return lines.join('\n');
}

function agreementsBlock(fields: SessionNoteFields): string {
  // A carried item stays one line: a list item's wrapped text is joined back up.
  const carried = (fields.carried ?? []).map((a) => `- [ ] ${a.text.replace(/\s+/g, ' ').trim()}\n`).join('');
  return `## Agreements\n\n${carried}- [ ] \n`;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that run until an end marker (CommonMark kinds 1 to 5), with that marker. */
const HTML_OPEN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^ {0,3}<!--/, () => '-->'],
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, (m) => `</${(m[1] ?? '').toLowerCase()}>`],
  [/^ {0,3}<\?/, () => '?>'],
  [/^ {0,3}<!\[CDATA\[/, () => ']]>'],
  [/^ {0,3}<![a-z]/i, () => '>'],
];

/** The text that closes the block a note ends in, when that block is a code fence or HTML block never closed. */
export function openBlockAtEnd(text: string, tree: Root): string | undefined {
  const last = tree.children[tree.children.length - 1];
  const start = last?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (!last || start === undefined || end === undefined || text.slice(end).trim() !== '') return undefined;
  const source = text.slice(start, end);
  if (last.type === 'code') {
    const fence = FENCE_OPEN.exec(source)?.[1];
    // Indented code ends at the blank line an insertion starts with.
    if (!fence) return undefined;
    const lines = source.split(/\r\n|\r|\n/);
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    return lines.length > 1 && closing.test(lines[lines.length - 1] ?? '') ? undefined : fence;
  }
  if (last.type === 'html') {
    for (const [open, endMarker] of HTML_OPEN) {
      const m = open.exec(source);
      if (!m) continue;
      const marker = endMarker(m);
      // The opening line counts too: `<!-->` and `<?>` end where they start, as in CommonMark.
      return source.toLowerCase().includes(marker) ? undefined : marker;
    }
  }
  return undefined;
}
