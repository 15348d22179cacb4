import type { TextEdit } from '../model/types';
import type { Agreement, Note } from '../note/types';

/**
 * The note's line for an agreement key, read from the note as it is now (summaries keep no
 * positions, and the note may have moved lines since it was indexed). An open line wins over a
 * kept one, since that is the one a coach acts on.
 */
export function findAgreement(note: Note, key: string): Agreement | undefined {
  const matches = note.agreements.filter((a) => a.key === key);
  return matches.find((a) => !a.kept) ?? matches[0];
}

/** The edit that checks an open item, `[ ]` → `[x]`; undefined when it is not an open checkbox. */
export function markKeptEdit(text: string, agreement: Agreement): TextEdit | undefined {
  if (agreement.kept) return undefined;
  const start = agreement.place.start.offset;
  // The item's paragraph starts at its checkbox: `[ ] text`.
  if (text.slice(start, start + 3) !== '[ ]') return undefined;
  return { start: start + 1, end: start + 2, newText: 'x' };
}
