import { noteAnchor } from '../note/anchors';
import { MAX_NESTING } from '../note/parse';
import type { Rule } from './types';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
const LONG = 'We went through the week, day by day, in her own words.\n'.repeat(40);

/**
 * Resource bounds made visible: a note beyond the size limit is checked up to it, and a note that
 * runs over its time budget skips the remaining checks. Either way the coach is told, and every
 * other note is still checked.
 */
export const noteTooLargeRule: Rule = {
  id: 'note-too-large',
  description: 'Says when a note was too large to check fully (beyond `max_note_size_kb`, nested too deeply, or over the time budget), so silence never hides unchecked text.',
  defaultSeverity: 'info',
  fixable: false,
  examples: [
    { title: 'A note of ordinary size', note: HEAD + '## 3.1 Genuine concern\n\nAsked about her week.\n', findings: 0 },
    { title: 'A note beyond the configured size limit', config: 'max_note_size_kb: 1\n', note: HEAD + LONG, findings: 1, reasons: ['first 1 KB'] },
  ],
  check({ note, report }) {
    if (note.checkedUpTo !== undefined) {
      const kb = Math.round(note.checkedUpTo / 1024);
      const total = Math.round(note.text.length / 1024);
      report({
        reason: `This note is ${total} KB, more than Coach Notes reads in one go, so only its first ${kb} KB were checked. Splitting it into session-sized notes gets every part checked (the limit is \`max_note_size_kb\` in .coach/config.yaml).`,
        place: noteAnchor(note),
      });
    }
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
  },
};
