import { markerByRole } from '../frameworks/markers';
import { noteSensitiveMentions } from '../lexicons/sensitive';
import type { Fix, Place, TextEdit } from '../model/types';
import { hasPermissionCheck } from '../note/parse';
import { leadingBreak } from '../note/template';
import type { Note } from '../note/types';
import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';


export const permissionCheckRule: Rule = {
  id: 'permission-check',
  description: 'A note that touches a sensitive area records that permission to coach there was asked.',
  defaultSeverity: 'warning',
  fixable: true,
  examples: [
    {
      title: 'A permission line before the sensitive topic',
      note: HEAD + '**Permission:** Asked whether we could talk about her father; she said yes, for ten minutes.\n\nHer father died in January and the grief still comes in waves at work.\n',
      findings: 0,
    },
    {
      title: 'Grief and health with no permission check (one finding for the whole note)',
      note: HEAD + 'Her father died in January.\n\nShe has been sick twice since, and grief comes in waves at work.\n',
      findings: 1,
      reasons: ['grief and health'],
    },
    {
      title: 'The client\'s own words count too',
      note: HEAD + 'She opened with the divorce:\n\n> The divorce is final, and the debts are all in my name.\n',
      findings: 1,
      reasons: ['relationships and money'],
    },
    {
      title: 'Everyday wording, without the obvious keyword',
      note: HEAD + 'The card balance keeps climbing and the electricity bill is two months overdue.\n\nHer last day is Friday after the restructure cut her role.\n',
      findings: 1,
      reasons: ['money and job loss'],
    },
    {
      title: 'Criminal records, immigration status and the other GDPR special categories',
      note: HEAD + 'He has a criminal record from his twenties, his work visa is tied to this employer, and he joined the union last month.\n',
      findings: 1,
      reasons: ['legal matters, immigration status and trade-union membership'],
    },
    {
      title: 'The topic meant is the one named: a gender transition with therapy is not mental health',
      note: HEAD + 'She is in the middle of her gender transition, and the hormone therapy has been hard on her energy.\n',
      findings: 1,
      reasons: ['touches on gender identity, but'],
    },
    {
      title: 'Evidence under the permission marker (3.6) counts as a permission check',
      note: HEAD + '## 3.6 Permission in sensitive areas\n\nChecked before going into her diagnosis; she wanted to.\n\n## 3.1 Genuine concern\n\nAsked how the new medication is going.\n',
      findings: 0,
    },
    {
      title: 'Everyday senses of sensitive words are not flagged',
      note: HEAD + 'The deadline is a dead end, the tech debt is growing and the health of the project worries her. She is killing it in sales and planned the launch after the bank holiday.\n\nIt is a do-or-die quarter: she wants to triage the backlog, and calls the launch plan kamikaze. The old product is dead in the water, the team is bankrupt of ideas, and office politics are stalling the merger, a marriage of two very different teams. The legal team reviewed the contract while he was migrating the database.\n',
      findings: 0,
    },
    {
      title: 'Words the workspace allows',
      config: 'sensitive_topics:\n  allow: [therapy, "health coaching"]\n',
      note: HEAD + 'She runs a therapy practice and wants to grow her health coaching offer.\n',
      findings: 0,
    },
    {
      title: 'Topics the workspace adds',
      config: 'sensitive_topics:\n  extra:\n    - topic: housing\n      terms: [tenancy, "social housing"]\n',
      note: HEAD + 'Her tenancy runs out in May.\n',
      findings: 1,
      reasons: ['housing'],
    },
    {
      title: 'Self-harm is left to coach:referral-check, which asks for more than a permission line',
      note: HEAD + 'She said she has been having suicidal thoughts on and off since the spring.\n',
      findings: 0,
    },
  ],
  check({ note, sensitive, report }) {
    if (hasPermissionCheck(note)) return;
    // Self-harm and suicidal thoughts get coach:referral-check's stronger message instead.
    const mentions = noteSensitiveMentions(note, sensitive).filter((m) => !m.mention.topic.referral);
    const first = mentions[0];
    if (!first) return;
    const labels = [...new Set(mentions.map((m) => m.mention.topic.label))];
    const topics = listText(labels);
    const marker = markerByRole(note.framework, 'permission');
    const evidence = marker ? ` A line of evidence under ${marker.id} ${marker.title}, or a [#${marker.id}] tag, counts too.` : '';
    report({
      reason: `This note touches on ${topics}, but records no permission check. ICF 3.6 asks the coach to ask permission before coaching in sensitive, new areas. Note the question you asked and the client's answer, e.g. “Permission: …”.${evidence}`,
      place: note.lines.place(first.start, first.end),
      fixes: [permissionFix(note, first.start, topics)],
      data: {
        topics: [...new Set(mentions.map((m) => m.mention.topic.id))].join(','),
        mention: first.mention.text,
        mentions: mentions.length,
      },
    });
  },
};

/** “a”, “a and b”, “a, b and c”. */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function permissionFix(note: Note, mentionStart: number, topics: string): Fix {
  return {
    title: 'Record the permission check (then fill in the client\'s answer)',
    edits: [recordLineEdit(note, mentionStart, `**Permission:** Asked whether we could explore ${topics}; <client's answer>.`)],
  };
}

/**
 * Inserts a record line (`**Permission:** …`, `**Referral:** …`) for the coach to complete, as its
 * own top-level paragraph just before the block of the first mention: never inside a list or quote
 * (a quoted line would be the client's words, not the coach's record). A heading keeps its place:
 * the line goes just below it.
 */
export function recordLineEdit(note: Note, mentionStart: number, line: string): TextEdit {
  const eol = note.lines.eol;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,OptionalChaining: parsed blocks always have positions, are in order and do not overlap, and a mention sits inside one, so `find` meets the same block.
  const block = note.tree.children.find((c) => (c.position?.start.offset ?? 0) <= mentionStart && mentionStart < (c.position?.end.offset ?? 0));
  // Stryker disable next-line OptionalChaining,LogicalOperator: as above, `block` and its position are always there.
  const place: Place = note.lines.place(block?.position?.start.offset ?? mentionStart, block?.position?.end.offset ?? mentionStart);
  // Stryker disable next-line OptionalChaining: as above.
  const at = block?.type === 'heading' ? note.lines.lineStart(place.end.line + 1) : note.lines.lineStart(place.start.line);
  const rest = note.text.slice(at);
  const trail = rest === '' || /^[ \t]*(\r?\n|\r)/.test(rest) ? eol : eol + eol;
  return { start: at, end: at, newText: leadingBreak(note, at) + line + trail };
}
