import { requiredMarkers } from '../frameworks/required';
import type { Fix } from '../model/types';
import { noteAnchor } from '../note/anchors';
import { insertionOffset, leadingBreak, markerSkeleton, sectionDepth } from '../note/template';
import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';

const ALL = ['3.1 Genuine concern', '3.2 Integrity', '3.3 Clear agreements', '3.4 Respect', '3.5 Championing', '3.6 Permission']
  .map((h) => `## ${h}\n\nObserved in session.\n`)
  .join('\n');

export const missingMarkerSectionRule: Rule = {
  id: 'missing-marker-section',
  description: 'Every required marker of the note\'s framework has a section, so coverage can be seen at a glance.',
  defaultSeverity: 'warning',
  fixable: true,
  examples: [
    { title: 'Every required marker has a section', note: HEAD + ALL, findings: 0 },
    {
      title: 'Two markers have no section (each is reported)',
      note: HEAD + ALL.replace(/## 3\.2[^]*?(?=## 3\.3)/, '').replace(/## 3\.5[^]*?(?=## 3\.6)/, ''),
      findings: 2,
      reasons: ['3.2', '3.5'],
    },
    {
      title: 'The workspace config requires only some markers',
      note: HEAD + '## 3.3 Clear agreements\n\nRevisited the plan.\n',
      config: 'required_markers:\n  icf-trust: ["3.3"]\n',
      findings: 0,
    },
    {
      title: 'A bold line standing in for a heading is not reported as missing (marker-heading offers to make it a heading)',
      note: HEAD + ALL.replace('## 3.2 Integrity', '**3.2 Integrity**'),
      findings: 0,
    },
  ],
  check({ note, config, report }) {
    const framework = note.framework;
    if (!framework || !note.frontmatter.closed) return;
    // A near miss (a bold line, `##3.1`) is reported by marker-heading with its fix: saying
    // "No section" about a section the coach did write would contradict it.
    const present = new Set([...note.sections.map((s) => s.marker?.id), ...note.nearMisses.map((n) => n.marker.id)].filter(Boolean));
    const missing = requiredMarkers(framework, config).filter((m) => !present.has(m.id));
    if (missing.length === 0) return;
    const place = noteAnchor(note);
    const depth = sectionDepth(note);
    const eol = note.lines.eol;
    const editFor = (m: (typeof missing)[number]) => {
      const at = insertionOffset(note, m);
      return { start: at, end: at, newText: leadingBreak(note, at) + markerSkeleton(m, depth, eol) };
    };
    const all: Fix | undefined = missing.length > 1
      ? { title: `Add all ${missing.length} missing marker sections`, edits: mergeInsertions(missing.map(editFor), (at) => leadingBreak(note, at).length) }
      : undefined;
    for (const marker of missing) {
      const skeleton = markerSkeleton(marker, depth, eol);
      report({
        reason: `No section for ${marker.id} “${marker.title}” yet. If it showed up in the session, a line of evidence makes it count; if it did not, an empty heading keeps it in view.`,
        place,
        fixes: [{ title: `Add a section for ${marker.id} ${marker.title}`, edits: [editFor(marker)] }, ...(all ? [all] : [])],
        data: { marker: marker.id, framework: framework.id, skeleton },
      });
    }
  },
};

/** Several insertions at the same offset must become one edit, in framework order. */
function mergeInsertions(edits: { start: number; end: number; newText: string }[], leadLength: (at: number) => number) {
  const byOffset = new Map<number, string>();
  for (const e of edits) {
    const prev = byOffset.get(e.start);
    // Only the first block at an offset needs the leading break; later ones follow a blank line.
    byOffset.set(e.start, prev === undefined ? e.newText : prev + e.newText.slice(leadLength(e.start)));
  }
  return [...byOffset].map(([start, newText]) => ({ start, end: start, newText }));
}
