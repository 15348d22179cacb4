import type { Fix } from '../model/types';
import type { Note } from '../note/types';
import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';


/**
 * An HTML comment or code fence left open runs to the end of the note in Markdown: everything
 * after it is hidden from every check and from a preview, silently. This says so, once.
 */
export const unclosedBlockRule: Rule = {
  id: 'unclosed-block',
  description: 'Says when a comment (`<!--`) or code fence is never closed, which hides the rest of the note from every check and from the preview.',
  defaultSeverity: 'warning',
  fixable: true,
  examples: [
    { title: 'A comment closed on its own line', note: HEAD + '<!-- ask about the offsite -->\n\n## 3.1 Genuine concern\n\nAsked about her week.\n', findings: 0 },
    {
      title: 'A comment never closed hides every line after it',
      note: HEAD + '<!-- ask about the offsite\n\n## 3.1 Genuine concern\n\nShe was lazy about the plan.\n',
      findings: 1,
      reasons: ['opens on line 6 is never closed'],
    },
    {
      title: 'A code fence never closed',
      note: HEAD + '## 3.1 Genuine concern\n\n```\nher exact words\n\n## 3.2 Integrity and honesty\n\nNamed the sponsor.\n',
      findings: 1,
      reasons: ['code block'],
    },
  ],
  check({ note, report }) {
    const close = note.openAtEnd;
    const block = note.tree.children[note.tree.children.length - 1];
    // Stryker disable next-line OptionalChaining: a parsed block always has a position.
    const start = block?.position?.start.offset;
    // Stryker disable next-line ConditionalExpression: `!block` and `start === undefined` never hold when openAtEnd is set (openBlockAtEnd needs a last block with a position).
    if (close === undefined || !block || start === undefined) return;
    const first = note.lines.point(start).line;
    const firstEnd = note.lines.lineEnd(first);
    const hidden = linesWithText(note.text.slice(firstEnd));
    const what = block.type === 'code' ? 'code block' : close === '-->' ? 'comment' : 'HTML block';
    const lines = hidden === 1 ? 'the line of text after it is' : `the ${hidden} lines of text after it are`;
    const after = hidden > 0 ? `, so ${lines} hidden from every check and from a Markdown preview` : '';
    report({
      reason: `The ${what} that opens on line ${first} is never closed with \`${close}\`${after}. Close it where it should end.`,
      place: note.lines.place(start, firstEnd),
      fixes: fixesFor(note, what, close, firstEnd),
      data: { close, hiddenLines: hidden },
    });
  },
};

/** A comment usually belongs to its own line; a code block most likely runs to the end of the note. */
function fixesFor(note: Note, what: string, close: string, firstEnd: number): Fix[] {
  const eol = note.lines.eol;
  const atEnd: Fix = {
    title: `Close the ${what} at the end of the note`,
    edits: [{ start: note.text.length, end: note.text.length, newText: `${/[\r\n]$/.test(note.text) ? '' : eol}${close}${eol}` }],
  };
  if (what !== 'comment') return [atEnd];
  return [{ title: 'Close the comment at the end of its first line', edits: [{ start: firstEnd, end: firstEnd, newText: ` ${close}` }] }, atEnd];
}

/** Lines with any text in `rest` (what follows the opening line). */
function linesWithText(rest: string): number {
  return rest.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;
}
