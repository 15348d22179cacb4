import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';


export const emptyMarkerSectionRule: Rule = {
  id: 'empty-marker-section',
  description: 'A marker section holds some evidence: text besides whitespace and HTML comments.',
  defaultSeverity: 'info',
  fixable: false,
  examples: [
    { title: 'A section with evidence', note: HEAD + '## 3.4 Respect for the client\n\nFollowed her lead when she preferred to think aloud.\n', findings: 0 },
    { title: 'Only a reminder comment', note: HEAD + '## 3.4 Respect for the client\n\n<!-- Demonstrates respect for the client\'s perceptions. -->\n\n## 3.5 Championing new behaviours\n\nCelebrated the first cold call.\n', findings: 1, reasons: ['3.4'] },
    { title: 'Matched by title, ignoring case', note: HEAD + '## genuine concern\n\n', findings: 1, reasons: ['3.1'] },
  ],
  check({ note, report }) {
    for (const section of note.sections) {
      if (!section.marker || section.evidenced) continue;
      const m = section.marker;
      report({
        reason: `The section for ${m.id} “${m.title}” has no evidence yet. One sentence on what you did or noticed makes it count; until then this note does not count toward ${m.id} in coverage.`,
        place: section.headingPlace,
        data: { marker: m.id },
      });
    }
  },
};
