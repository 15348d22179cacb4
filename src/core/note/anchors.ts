import type { Place } from '../model/types';
import type { Note } from './types';

/**
 * Where note-wide findings are shown: the closing `---` line of the frontmatter (or the first
 * line when there is none), so they sit together at the top without covering the text.
 */
export function noteAnchor(note: Note): Place {
  const fm = note.frontmatter.place;
  let line = 1;
  if (fm) line = fm.end.column === 1 && fm.end.line > 1 ? fm.end.line - 1 : fm.end.line;
  return note.lines.place(note.lines.lineStart(line), note.lines.lineEnd(line));
}
