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

/** Text needed before an insertion at `offset` so that the inserted block starts on its own paragraph. */
export function leadingBreak(note: Note, offset: number): string {
  const before = note.text.slice(Math.max(0, offset - 4), offset);
  if (offset === 0 || /(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(before)) return '';
  return /(\n|\r)$/.test(before) ? note.lines.eol : note.lines.eol + note.lines.eol;
}

/** A whole new session note for a framework: frontmatter plus every marker section and Agreements. */
export function sessionNoteTemplate(framework: Framework, fields: { client: string; date: string; session?: number }): string {
  const quoted = JSON.stringify(fields.client);
  const lines = ['---', `client: ${quoted}`, `date: ${fields.date}`];
  if (fields.session !== undefined) lines.push(`session: ${fields.session}`);
  lines.push('duration: 60', `framework: ${framework.id}`, '---', '', `# Session with ${fields.client}`, '', '');
  const body = framework.markers.map((m) => markerSkeleton(m, 2)).join('');
  return `${lines.join('\n')}${body}## Agreements\n\n- [ ] \n`;
}
