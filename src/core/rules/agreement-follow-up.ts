import { noteAnchor } from '../note/anchors';
import { leadingBreak } from '../note/template';
import type { Fix } from '../model/types';
import type { AgreementsSection, Note } from '../note/types';
import { previousNote } from '../workspace/view';
import type { Rule } from './types';

const PREVIOUS = '---\nclient: Maria\ndate: 2026-02-16\n---\n\n## Agreements\n\n- [ ] Draft the email to her manager, due 2026-02-23\n- [x] Book the follow-up session\n';

export const agreementFollowUpRule: Rule = {
  id: 'agreement-follow-up',
  description: 'Open agreements from the same client\'s previous note are revisited in this note\'s Agreements, checked or not.',
  defaultSeverity: 'warning',
  fixable: true,
  crossNote: true,
  examples: [
    {
      title: 'The open agreement is carried forward (case, punctuation and due date ignored)',
      workspace: { 'maria-2026-02-16.coach.md': PREVIOUS },
      note: '---\nclient: Maria\ndate: 2026-03-02\n---\n\n## Agreements\n\n- [x] draft the email to her manager!\n',
      findings: 0,
    },
    {
      title: 'The open agreement was never revisited',
      workspace: { 'maria-2026-02-16.coach.md': PREVIOUS },
      note: '---\nclient: Maria\ndate: 2026-03-02\n---\n\n## Agreements\n\n- [ ] Try one conversation without apologising\n',
      findings: 1,
      reasons: ['Draft the email to her manager'],
    },
  ],
  check({ note, workspace, report }) {
    const { client, date, session } = note.meta;
    if (!workspace || !client || !date) return;
    const previous = previousNote(workspace, { path: note.path, client, date, ...(session !== undefined ? { session } : {}) });
    if (!previous) return;
    const here = new Set(note.agreements.map((a) => a.key));
    const section = note.agreementsSection;
    const eol = note.lines.eol;
    for (const agreement of previous.agreements) {
      if (agreement.kept || here.has(agreement.key)) continue;
      const line = `- [ ] ${agreement.text}${eol}`;
      const fix: Fix = section
        ? { title: 'Carry this agreement forward into Agreements', edits: [{ start: section.contentEnd, end: section.contentEnd, newText: carried(note, section, line.trimEnd()) }] }
        : { title: 'Add an Agreements section with this agreement', edits: [{ start: note.text.length, end: note.text.length, newText: `${leadingBreak(note, note.text.length)}## Agreements${eol}${eol}${line}` }] };
      report({
        reason: `Last session (${previous.date}) ended with an open agreement that this note does not revisit: “${agreement.text}”. Checking in on it, kept or not, keeps the promise visible for both of you.`,
        place: section?.headingPlace ?? noteAnchor(note),
        fixes: [fix],
        data: { agreement: agreement.text, previous: previous.path },
      });
    }
  },
};

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * A carried item with the line breaks around it: directly after a last list item, else after a blank
 * line (below the heading, or after a paragraph or an HTML block, which would otherwise swallow it).
 * A blank line follows it when text follows at once, so that text is not read as part of the item.
 * A code fence or HTML comment left open at the end of the note is closed first.
 */
function carried(note: Note, section: AgreementsSection, item: string): string {
  const eol = note.lines.eol;
  const at = section.contentEnd;
  const rest = note.text.slice(at);
  const close = note.openAtEnd !== undefined && rest.trim() === '' ? note.openAtEnd : undefined;
  const lastLine = note.text.slice(note.lines.lineStart(note.lines.point(at).line), at);
  let before = eol + eol;
  if (close) before = eol + close + eol + eol;
  else if (at !== section.headingPlace.end.offset && LIST_ITEM.test(lastLine)) before = eol;
  const after = /^[ \t]*(?:(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n|$)|$)/.test(rest) ? '' : eol;
  return before + item + after;
}
