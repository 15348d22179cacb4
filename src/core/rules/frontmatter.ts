import type { Rule } from './types';

const VALID = `---
client: Maria
date: 2026-03-02
duration: 60
---

## 3.1 Genuine concern

Asked how her week had been after the move.
`;

export const frontmatterRule: Rule = {
  id: 'frontmatter',
  description: 'The note starts with valid frontmatter naming the client and the session date, with well-formed optional fields.',
  defaultSeverity: 'error',
  fixable: false,
  examples: [
    { title: 'Complete frontmatter', note: VALID, findings: 0 },
    { title: 'No frontmatter at all', note: '# Session\n\nWe talked about the new role.\n', findings: 1, reasons: ['no frontmatter'] },
    { title: 'Frontmatter that is never closed', note: '---\nclient: Maria\ndate: 2026-03-02\n\nWe talked.\n', findings: 1, reasons: ['never closed'] },
    { title: 'A YAML syntax error', note: '---\nclient: [Maria\ndate: 2026-03-02\n---\n', findings: 1, reasons: ['YAML'] },
    { title: 'An impossible date and a negative duration', note: '---\nclient: Maria\ndate: 2026-02-30\nduration: -45\n---\n', findings: 2, reasons: ['not a day on the calendar', 'duration'] },
    { title: 'Missing client', note: '---\ndate: 2026-03-02\n---\n', findings: 1, reasons: ['`client`'] },
    { title: 'Unknown framework', note: '---\nclient: Maria\ndate: 2026-03-02\nframework: icf-2031\n---\n', findings: 1, reasons: ['not known'] },
    { title: 'Unknown keys are kept and allowed', note: '---\nclient: Maria\ndate: 2026-03-02\nlocation: video call\n---\n', findings: 0 },
  ],
  check({ note, report }) {
    for (const problem of note.frontmatter.problems) {
      report({ reason: problem.reason, place: problem.place, ...(problem.field ? { data: { field: problem.field } } : {}) });
    }
  },
};
