import type { NearMiss } from '../note/types';
import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';

const PCC_HEAD = HEAD.replace('---\n\n', 'framework: icf-pcc-2020\n---\n\n');

/** Why the line does not count yet, in the words a supervisor would use. */
function reasonFor(n: NearMiss): string {
  const named = `${n.marker.id} “${n.marker.title}”`;
  switch (n.form) {
    case 'bold-line':
      return `This bold line looks like your section for ${named}, but only a heading counts as a marker section. Make it a heading to count it.`;
    case 'no-space':
      return `This looks like a heading for ${named}, but Markdown needs a space after the #, so it reads as plain text and does not count yet. Add the space to count it.`;
    case 'unsure-heading':
      return `This heading reads like ${named}, but not clearly enough to count for it. If that is what it is, add the marker id to count it.`;
  }
}

export const markerHeadingRule: Rule = {
  id: 'marker-heading',
  description:
    'A line that reads like a marker section but does not count as one (a bold line, `##3.1` without a space, a heading whose words match a marker only loosely) is offered as a heading that counts.',
  details: `
### How a heading is read as a marker section

Every heading (level 1 to 6, \`#\` or underlined) is read within the note's framework, by
\`matchMarkerHeading\` (src/core/frameworks/markers.ts); coverage, the Marker Coverage view, the
report, the workspace summary and every rule use that one reading.

**By id.** A marker id of the framework anywhere in the heading — \`## 3.1 Genuine concern\`,
\`## Genuine concern (3.1)\`, \`## Clear agreements – 3.3\`, \`## [3.2] Integrity\`,
\`## Marker 3.1:\`, \`## ICF 3.4 – Respect\`, \`## PCC 6.3\`, \`## 3,3 Clear agreements\` (decimal
comma), \`## **3.3** Clear agreements\`, \`## 3.3\` — counts when one of these holds:

- nothing else is left but brackets, punctuation and the words \`Marker\`, \`ICF\`, \`PCC\`,
  \`Competency\` or \`No.\` (\`## 3.3\`, \`## PCC 6.3\`, \`## 4.3 —\`);
- the heading starts with the id and a separator follows it: \`:\`, a dash or \`|\`
  (\`### 3.4 — what I noticed\`);
- the other words share one with the marker's title or aliases, or two with its description
  (\`## Marker 5.4 (curiosity)\`, \`## Genuine concern (3.1)\`).

**A number is not an id by itself.** \`## 3.5 hours of prep\`, \`## The 3.2 release plan\`,
\`## Sprint 3.4 retro\`, \`## Agenda item 3.1: hiring\` and \`## 3.1 Background\` (in a PCC note)
are not sections: the words around the number have nothing to do with the marker. Nor are
\`## Q3.1 goals\`, \`## 3.1.2026 follow-up\` (a date), \`## 6.3% attrition\`, \`## 8.5/10\`,
\`## Sections 5.1–5.3\` or \`## Python 3.12\`: an id stands alone, not inside a longer number, a
percentage, a fraction or a range. An id at the start of a heading that the framework does not have
(\`## 3.9 Deep listening\`) is reported by [\`unknown-marker\`](#unknown-marker) when its
competency is in the framework; otherwise (\`## 2.1 Her role\` in a PCC note) it is prose.

**By title.** Without an id, a heading counts when it holds every meaningful word of the marker's
title or of one of its aliases, read without regard to case, punctuation, \`&\`/\`and\`, British
or American spelling (\`behaviours\`/\`behaviors\`, \`summarises\`/\`summarizes\`) and simple
inflection (\`Respecting\`, \`Design next steps\`), with

- the name of the marker's competency free (\`## Establishing trust: Genuine concern\`,
  \`## Listens Actively: Explores emotions\`),
- words of the marker's description free (\`## Respecting the client's learning style\`), and
- at most one other word (\`## Notes on clear agreements\`, \`## Celebrates progress and wins\`).

A heading that is part of exactly one marker's title or alias also counts: \`## Concern\`,
\`## Emotions\`, \`## Sincerity\`. Words such as *the*, *my*, *her* and *client* never decide.
When two markers fit equally well, the heading counts for neither. The vocabulary (spelling pairs,
such words, the words allowed before an id) is data: src/core/frameworks/heading-words.json,
checked against schemas/heading-words.schema.json. An \`Agreements\` heading is always the
agreements list, never marker 3.3.

**Near misses**, reported by this rule with a fix, do not count until fixed, and are never also
reported by [\`missing-marker-section\`](#missing-marker-section):

- a bold line alone on its line, \`**3.5 Championing new behaviours**\` or \`__Genuine concern:__\`
  (but not \`**Permission:**\`, the permission check) — the fix makes it a heading at the level
  the note's marker sections use;
- \`##3.1 Genuine concern\`, which Markdown reads as text — the fix adds the space;
- a heading with no id whose words match a marker only loosely: at least two of its words, and all
  but one, come from one marker's title, aliases or description
  (\`## Client voicing feelings and beliefs\` → 4.3 in a PCC note) — the fix adds the id.

A near miss is not reported for a marker that already has a section. A level-1 heading counts like
any other when it names a marker clearly (\`# 3.2 Integrity and honesty\`, \`# Genuine concern\`);
a note's own title (\`# Dana Okafor — session 5\`) names none.

**Not recognised yet:** headings in the words of a marker's description with a single word
(\`## Didn't interrupt\`), an id followed by unrelated words without a separator
(\`## 3.4 What I noticed\`; write \`## 3.4 — What I noticed\`), headings of more than twelve words,
headings inside lists and quotes, and titles in languages other than English.
`,
  defaultSeverity: 'warning',
  fixable: true,
  examples: [
    {
      title: 'Headings that count: the id anywhere, the title in other words, spelling and case',
      note:
        HEAD +
        [
          'Genuine concern (3.1)',
          '[3.2] Integrity',
          'Marker 3,3: Clear agreements',
          'Respecting her learning style',
          'Championing new behaviors',
          'Permission',
        ]
          .map((h) => `## ${h}\n\nObserved in session.\n`)
          .join('\n'),
      findings: 0,
    },
    {
      title: 'A number that is not a marker id is left alone (and is no section)',
      note: HEAD + '## 3.5 hours of prep\n\nRead her 360 feedback.\n\n## The 3.2 release plan\n\nShe leads it.\n',
      findings: 0,
    },
    {
      title: 'A bold line used as a heading',
      note: HEAD + '**3.5 Championing new behaviours**\n\nNamed the risk she took in the budget meeting.\n',
      findings: 1,
      reasons: ['3.5 “Championing new behaviours”'],
    },
    {
      title: 'No space after the #s',
      note: HEAD + '##3.1 Genuine concern\n\nAsked about the move first.\n',
      findings: 1,
      reasons: ['3.1 “Genuine concern”'],
    },
    {
      title: 'A heading that matches a marker only loosely: the fix adds the id',
      note: PCC_HEAD + '## Client voicing feelings and beliefs\n\nShe named her fear of the board.\n',
      findings: 1,
      reasons: ['4.3 “Welcomes what the client shares”'],
    },
    {
      title: 'A `Permission:` line in bold is a permission check, not a heading',
      note: HEAD + '**Permission:**\nAsked whether she wanted to bring her health into coaching. She said yes.\n',
      findings: 0,
    },
  ],
  check({ note, report }) {
    for (const n of note.nearMisses) {
      report({
        reason: reasonFor(n),
        place: n.place,
        expected: [n.replacement],
        data: { marker: n.marker.id, form: n.form },
      });
    }
  },
};
