import { noteAnchor } from '../note/anchors';
import { MAX_NESTING } from '../note/parse';
import type { Note } from '../note/types';
import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';

const LONG = 'We went through the week, day by day, in her own words.\n'.repeat(40);

/**
 * Resource bounds made visible: a note beyond the size limit is checked up to it, and a note that
 * runs over its time budget skips the remaining checks. Either way the coach is told, and every
 * other note is still checked.
 */
export const noteTooLargeRule: Rule = {
  id: 'note-too-large',
  description: 'Says when a note was too large to check fully (beyond `max_note_size_kb`, nested too deeply, or over the time budget, naming the checks skipped or stopped part-way), so silence never hides unchecked text.',
  defaultSeverity: 'info',
  fixable: false,
  examples: [
    { title: 'A note of ordinary size', note: HEAD + '## 3.1 Genuine concern\n\nAsked about her week.\n', findings: 0 },
    { title: 'A note beyond the configured size limit', config: 'max_note_size_kb: 1\n', note: HEAD + LONG, findings: 1, reasons: ['first 1 KB'] },
  ],
  check({ note, config, report }) {
    if (note.checkedUpTo !== undefined) report({ reason: sizeReason(note, note.checkedUpTo, config.maxNoteChars), place: noteAnchor(note) });
    if (note.unparsed === 'too-deep') {
      report({
        reason: `This note is too deeply nested to check: quotes, lists or emphasis sit inside one another more than ${MAX_NESTING} levels deep, so only its frontmatter was checked. Flattening the nesting gets the rest of the note checked; the other notes were checked as usual.`,
        place: noteAnchor(note),
      });
    } else if (note.unparsed === 'parser-error') {
      report({
        reason: 'Coach Notes could not read the Markdown of this note, so only its frontmatter was checked. The other notes were checked as usual.',
        place: noteAnchor(note),
      });
    }
    if (note.skippedRules && note.skippedRules.length > 0) {
      report({
        reason: `Checking this note took too long, so these checks were skipped: ${note.skippedRules.join(', ')}. The note is probably unusually large or deeply nested; the other notes were checked as usual.`,
        place: noteAnchor(note),
      });
    }
    if (note.cutShortRules && note.cutShortRules.length > 0) {
      report({
        reason: `Checking this note took too long, so these checks stopped part-way and some of their findings may be missing: ${note.cutShortRules.join(', ')}. The note is probably unusually large, or one very long paragraph; splitting it gets it checked in full. The other notes were checked as usual.`,
        place: noteAnchor(note),
      });
    }
  },
};

const LIMIT_SETTING = '(the limit is `max_note_size_kb` in .coach/config.yaml)';

/**
 * What was checked of a note cut at `upTo` (a line start). A note is only cut at a line break, so
 * when one line alone runs past the limit, little or nothing of the body is checked: then the
 * message names that line instead of claiming "the first 0 KB".
 */
function sizeReason(note: Note, upTo: number, limitChars: number): string {
  const total = `This note is ${Math.round(note.text.length / 1024)} KB, more than Coach Notes reads in one go`;
  const checkedKb = Math.round(upTo / 1024);
  const bodyChecked = note.text.slice(note.bodyStart, upTo).trim() !== '';
  if (bodyChecked && checkedKb >= 1) {
    return `${total}, so only its first ${checkedKb} KB were checked. Splitting it into session-sized notes gets every part checked ${LIMIT_SETTING}.`;
  }
  const limit = `the ${Math.round(limitChars / 1024)} KB limit`;
  if (note.bodyStart >= limitChars) {
    return `${total}, and its frontmatter alone is longer than ${limit}, so only the frontmatter was checked. Moving text out of the frontmatter and into the body, or raising the limit, gets the rest checked ${LIMIT_SETTING}.`;
  }
  const line = note.lines.point(upTo).line;
  const before = line - 1;
  const checked = bodyChecked ? `only the ${before === 1 ? 'line before it was' : `${before} lines before it were`} checked` : note.frontmatter.present ? 'only the frontmatter was checked' : 'none of it could be checked';
  return `${total}, and line ${line} alone runs past ${limit}, so ${checked}. Breaking that line into paragraphs, or splitting the note into session-sized notes, gets it checked ${LIMIT_SETTING}.`;
}
