import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';


export const unknownMarkerRule: Rule = {
  id: 'unknown-marker',
  description: 'A heading or tag that looks like a marker id (`## 3.9`, `[#3.9]`) names a marker of the note\'s framework.',
  defaultSeverity: 'warning',
  fixable: false,
  examples: [
    { title: 'Known marker ids', note: HEAD + '## 3.6 Permission\n\nAsked before exploring her health worries [#3.6].\n', findings: 0 },
    { title: 'A heading with an id the framework does not have', note: HEAD + '## 3.9 Deep listening\n\nReflected back her words.\n', findings: 1, reasons: ['3.9'] },
    { title: 'An inline tag with an unknown id', note: HEAD + 'She chose her own pace [#4.2].\n', findings: 1, reasons: ['4.2'] },
    {
      title: 'The same id is fine in the framework that has it',
      note: '---\nclient: Maria\ndate: 2026-03-02\nframework: icf-pcc-2020\n---\n\n## 4.2 Acknowledges the client\n\nNamed her courage in raising it.\n',
      findings: 0,
    },
  ],
  check({ note, report }) {
    const framework = note.framework;
    if (!framework) return; // The frontmatter rule already reports an unknown framework.
    const known = framework.markers.map((m) => m.id).join(', ');
    for (const section of note.sections) {
      if (section.marker || !section.idLike) continue;
      report({
        reason: `“${section.idLike}” is not a marker of ${framework.name} (${framework.id}), whose markers are ${known}. Check the number, or set \`framework:\` in the frontmatter if this note follows another model.`,
        place: section.headingPlace,
        data: { id: section.idLike },
      });
    }
    for (const tag of note.tags) {
      if (tag.marker) continue;
      report({
        reason: `The tag [#${tag.id}] names no marker of ${framework.name} (${framework.id}), whose markers are ${known}.`,
        place: tag.place,
        data: { id: tag.id },
      });
    }
  },
};
