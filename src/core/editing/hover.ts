import { markerByRole } from '../frameworks/markers';
import type { Framework, Marker } from '../frameworks/types';
import type { Finding, Place } from '../model/types';
import type { Note } from '../note/types';
import { ruleDocUrl, RULE_PREFIX } from '../rules/docs';
import { ruleById } from '../rules/index';
import type { NoteSummary } from '../workspace/summary';
import { escapeMarkdown } from './markdown-text';

/** Markdown for a hover, and the text it is about. */
export interface HoverText {
  markdown: string;
  place: Place;
}

const within = (place: Place, offset: number) => place.start.offset <= offset && offset <= place.end.offset;

/** The marker named at `offset`: a marker section's heading, a heading-like line standing for one, or an evidence tag (the id under the cursor in `[#3.1 #3.4]`). */
export function markerAt(note: Note, offset: number): { marker: Marker; place: Place } | undefined {
  const tags = note.tags.filter((t) => t.marker && within(t.place, offset));
  if (tags.length > 0) {
    const first = tags[0];
    const bracket = first ? note.text.slice(first.place.start.offset, first.place.end.offset) : '';
    // All ids of one bracket share its place: pick the id written under the cursor.
    const at = offset - (first?.place.start.offset ?? 0);
    for (const m of bracket.matchAll(/#(\d+(?:\.\d+)+)/g)) {
      const tag = tags.find((t) => t.id === m[1]);
      if (tag?.marker && at >= m.index && at <= m.index + m[0].length) return { marker: tag.marker, place: tag.place };
    }
    return first?.marker ? { marker: first.marker, place: first.place } : undefined;
  }
  const section = note.sections.find((s) => s.marker && within(s.headingPlace, offset));
  if (section?.marker) return { marker: section.marker, place: section.headingPlace };
  const near = note.nearMisses.find((n) => within(n.place, offset));
  return near ? { marker: near.marker, place: near.place } : undefined;
}

/** Whether this note, as written now, evidences the marker (as summaries count it). */
function evidencedHere(note: Note, marker: Marker): boolean {
  if (note.sections.some((s) => s.marker?.id === marker.id && s.evidenced)) return true;
  if (note.tags.some((t) => t.marker?.id === marker.id)) return true;
  return markerByRole(note.framework, 'permission')?.id === marker.id && note.permissionLines.length > 0;
}

/** A marker's full text, its framework, and how often it is evidenced for the note's client. */
export function markerHover(note: Note, offset: number, summaries: readonly NoteSummary[]): HoverText | undefined {
  const found = markerAt(note, offset);
  if (!found || !note.framework) return undefined;
  const { marker } = found;
  const lines = [`**${escapeMarkdown(marker.id)} ${escapeMarkdown(marker.title)}**`, '', escapeMarkdown(marker.description), '', frameworkLine(note.framework, marker), '', evidenceLine(note, marker, summaries)];
  return { markdown: lines.join('\n'), place: found.place };
}

function frameworkLine(framework: Framework, marker: Marker): string {
  const competency = framework.competencies.find((c) => c.id === marker.competency);
  const of = competency ? ` · competency ${escapeMarkdown(competency.id)}, ${escapeMarkdown(competency.title)}` : '';
  return `Framework: ${escapeMarkdown(framework.name)} (\`${framework.id}\`)${of}`;
}

function evidenceLine(note: Note, marker: Marker, summaries: readonly NoteSummary[]): string {
  const client = note.meta.client;
  if (client === undefined) return 'Add a `client:` to the frontmatter to see how often this marker is evidenced for the client.';
  const others = summaries.filter((s) => s.client === client && s.valid && s.framework === note.meta.framework && s.path !== note.path);
  const here = evidencedHere(note, marker);
  const evidenced = others.filter((s) => s.evidenced.includes(marker.id));
  const count = evidenced.length + (here ? 1 : 0);
  const last = evidenced.map((s) => s.date ?? '').sort().pop();
  const total = others.length + 1;
  return (
    `Evidenced for ${escapeMarkdown(client)} in ${count} of ${total} ${total === 1 ? 'note' : 'notes'}` +
    `${here ? ', this one included' : ', not yet in this one'}` +
    `${last ? `; in an earlier note last on ${last}` : ''}.`
  );
}

/** The rule behind each finding at `offset`: its explanation and where it is documented. One entry per rule. */
export function findingHover(findings: readonly Finding[], offset: number): HoverText | undefined {
  const here = findings.filter((f) => within(f.place, offset));
  const first = here[0];
  if (!first) return undefined;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const f of here) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = ruleById(f.ruleId);
    parts.push(`**${RULE_PREFIX}${f.ruleId}**: ${escapeMarkdown(rule?.description ?? f.reason)}\n\n[How this rule works](${ruleDocUrl(f.ruleId)})`);
  }
  return { markdown: parts.join('\n\n---\n\n'), place: first.place };
}
