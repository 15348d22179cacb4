import { noteSensitiveMentions } from '../lexicons/sensitive';
import type { Fix } from '../model/types';
import type { Note } from '../note/types';
import { listText, recordLineEdit } from './permission-check';
import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';

/** What the quick fix leaves for the coach to complete (like the permission line's “<client's answer>”). */
export const REFERRAL_PLACEHOLDER = '<referred to whom, or the crisis line or resource shared, or why not>';

// A paragraph or list item that starts with `Referral:` (bold allowed), outside a quote.
const REFERRAL_LINE = /^\s*referral\s*:/i;

export const referralCheckRule: Rule = {
  id: 'referral-check',
  description: 'A note that mentions self-harm or suicidal thoughts says plainly whether a referral or a crisis resource was discussed.',
  defaultSeverity: 'warning',
  fixable: true,
  examples: [
    {
      title: 'Suicidal thoughts, even with a permission check',
      note: HEAD + '**Permission:** Asked whether she wanted to talk about it now; she said yes.\n\nShe said she has been having suicidal thoughts since the spring.\n',
      findings: 1,
      reasons: ['self-harm or suicidal thoughts'],
    },
    {
      title: 'Everyday wording counts too',
      note: HEAD + 'He said everyone would be better off without him, and that he has been giving away his things.\n',
      findings: 1,
    },
    {
      title: 'A recorded referral',
      note: HEAD + 'She mentioned self-harm urges during audit season.\n\n**Referral:** Gave her the Samaritans number; she agreed to see her GP this week.\n',
      findings: 0,
    },
    {
      title: 'Figures of speech are not flagged',
      note: HEAD + 'Moving the launch again would be career suicide, she said, and she would kill herself laughing if it worked.\n',
      findings: 0,
    },
  ],
  check({ note, sensitive, report }) {
    if (hasReferralRecord(note)) return;
    const mentions = noteSensitiveMentions(note, sensitive).filter((m) => m.mention.topic.referral);
    const first = mentions[0];
    if (!first) return;
    const topics = listText([...new Set(mentions.map((m) => m.mention.topic.label))]);
    report({
      reason:
        `This note mentions ${topics} (‘${first.mention.text}’). ICF's guidance is to refer the client to a mental-health professional or a crisis service when this comes up; a permission check alone is not enough. ` +
        'Say plainly in the note whether a referral or a crisis resource was discussed, and what the client agreed to, e.g. “Referral: …”.',
      place: note.lines.place(first.start, first.end),
      fixes: [referralFix(note, first.start)],
      data: {
        topics: [...new Set(mentions.map((m) => m.mention.topic.id))].join(','),
        mention: first.mention.text,
        mentions: mentions.length,
      },
    });
  },
};

/** Whether the note holds a `Referral:` line (the coach's record, not a quote of the client). */
export function hasReferralRecord(note: Note): boolean {
  return note.prose.some((block) => !block.quoted && REFERRAL_LINE.test(block.text));
}

function referralFix(note: Note, mentionStart: number): Fix {
  return {
    title: 'Record whether a referral was discussed (then complete the line)',
    edits: [recordLineEdit(note, mentionStart, `**Referral:** ${REFERRAL_PLACEHOLDER}.`)],
  };
}
