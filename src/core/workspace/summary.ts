import { markerByRole } from '../frameworks/markers';
import { requiredMarkers } from '../frameworks/required';
import type { CoachConfig } from '../config/types';
import { noteSensitiveMentions, type SensitiveLexicon } from '../lexicons/sensitive';
import { hasPermissionCheck } from '../note/parse';
import type { AgreementItem, Note } from '../note/types';

/**
 * What the workspace keeps per note: small, serialisable, no syntax tree. Coverage, the tree view,
 * reports and cross-note rules all read summaries, so a large workspace stays cheap to hold.
 */
export interface NoteSummary {
  path: string;
  /** Counted in coverage: frontmatter valid (client and real date present, no field errors). */
  valid: boolean;
  /** Why it is not counted, in the coach's language (first frontmatter problem). */
  invalidReason?: string;
  client?: string;
  /** `client_id`, when the note has one: the same client under another name. */
  clientId?: string;
  date?: string;
  session?: number;
  duration?: number;
  framework: string;
  type: 'individual' | 'group';
  groupSize?: number;
  paid: boolean;
  icfLog: boolean;
  /** Marker ids with evidence: an evidenced section or an inline tag. */
  evidenced: string[];
  /** Marker ids that have a section, evidenced or not. */
  sections: string[];
  /** Required marker ids with no section at all. */
  missing: string[];
  /** Required marker ids without evidence (no evidenced section, no tag). */
  unevidenced: string[];
  agreements: AgreementItem[];
  permissionCheck: boolean;
  /** Sensitive areas the note touches (ids and labels), for the report's trust signals. */
  sensitiveTopics: { id: string; label: string }[];
  /** 1-based line of each marker's section heading, for navigation. */
  sectionLines: Record<string, number>;
}

export function summarize(note: Note, setup: { config: CoachConfig; sensitive: SensitiveLexicon }): NoteSummary {
  const config = setup.config;
  const { meta, frontmatter } = note;
  const evidenced = new Set<string>();
  const sections = new Set<string>();
  const sectionLines: Record<string, number> = {};
  for (const s of note.sections) {
    if (!s.marker) continue;
    sections.add(s.marker.id);
    sectionLines[s.marker.id] ??= s.headingPlace.start.line;
    if (s.evidenced) evidenced.add(s.marker.id);
  }
  for (const t of note.tags) if (t.marker) evidenced.add(t.marker.id);
  // A recorded `Permission:` line is evidence of the framework's permission marker (ICF 3.6).
  const permission = markerByRole(note.framework, 'permission');
  if (permission && note.permissionLines.length > 0) evidenced.add(permission.id);
  const required = note.framework ? requiredMarkers(note.framework, config).map((m) => m.id) : [];
  const summary: NoteSummary = {
    path: note.path,
    valid: frontmatter.valid,
    framework: meta.framework,
    type: meta.type,
    paid: meta.paid,
    icfLog: meta.icfLog,
    evidenced: order(note, evidenced),
    sections: order(note, sections),
    missing: required.filter((id) => !sections.has(id)),
    unevidenced: required.filter((id) => !evidenced.has(id)),
    // Positions stay with the note: a summary is kept for every note of the workspace.
    agreements: note.agreements.map(({ place: _place, ...item }) => item),
    permissionCheck: hasPermissionCheck(note),
    sensitiveTopics: sensitiveTopics(note, setup.sensitive),
    sectionLines,
  };
  if (!frontmatter.valid) summary.invalidReason = frontmatter.problems[0]?.reason ?? 'The frontmatter is not valid.';
  if (meta.client !== undefined) summary.client = meta.client;
  if (meta.clientId !== undefined) summary.clientId = meta.clientId;
  if (meta.date !== undefined) summary.date = meta.date;
  if (meta.session !== undefined) summary.session = meta.session;
  if (meta.duration !== undefined) summary.duration = meta.duration;
  if (meta.groupSize !== undefined) summary.groupSize = meta.groupSize;
  return summary;
}

/** Marker ids in framework order, so lists read 3.1, 3.2, … everywhere. */
function order(note: Note, ids: Set<string>): string[] {
  const all = note.framework?.markers.map((m) => m.id) ?? [];
  return [...ids].sort((a, b) => all.indexOf(a) - all.indexOf(b));
}

function sensitiveTopics(note: Note, lexicon: SensitiveLexicon): { id: string; label: string }[] {
  const topics = new Map<string, string>();
  for (const { mention } of noteSensitiveMentions(note, lexicon)) topics.set(mention.topic.id, mention.topic.label);
  return [...topics].map(([id, label]) => ({ id, label }));
}
