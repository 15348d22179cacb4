import { competencyOf } from '../frameworks/markers';
import type { FrameworkRegistry } from '../frameworks/registry';
import type { NoteSummary } from '../workspace/summary';
import { computeCoverage } from './compute';
import { formatQuarter, inQuarter, quarterOf, type Quarter } from './quarters';

/** A node of the Marker Coverage view, as plain data; the extension only maps it to TreeItems. */
export interface CoverageNode {
  /** Stable id: the same node keeps its id across refreshes, so the view keeps expansion state. */
  id: string;
  kind: 'framework' | 'competency' | 'marker' | 'evidenced' | 'missing' | 'client' | 'session' | 'missing-marker' | 'note' | 'show-all-time' | 'attention' | 'invalid-note';
  label: string;
  description?: string;
  tooltip?: string;
  /** For notes and sessions: the file, and the line to open it at. */
  path?: string;
  line?: number;
  /** Whether the node shows a gap (a missing marker, a note missing it). */
  warning?: boolean;
  children: CoverageNode[];
}

export type Grouping = 'marker' | 'client';

export interface TreeOptions {
  grouping: Grouping;
  quarter?: Quarter;
  firstMonth?: number;
  defaultFramework?: string;
}

/** What the view shows and says about itself: nothing it leaves out goes unmentioned. */
export interface CoverageView {
  roots: CoverageNode[];
  /** Above the tree while a quarter is picked, e.g. "2026-Q1 · showing 12 of 40 notes". */
  message?: string;
  /** Beside the view's title. */
  description: string;
  /** Countable notes (valid frontmatter and a date) shown, and in all. */
  shown: number;
  total: number;
}

/**
 * The whole view: with a quarter picked, first a "Show all time" row (the way back is in the tree,
 * not only behind a title-bar icon); then the notes coverage cannot count, with their reason; then
 * the coverage tree.
 */
export function buildCoverageView(summaries: readonly NoteSummary[], frameworks: FrameworkRegistry, options: TreeOptions): CoverageView {
  const { quarter } = options;
  const countable = summaries.filter((s) => s.valid && s.date !== undefined);
  const shown = quarter ? countable.filter((s) => inQuarter(s.date ?? '', quarter, options.firstMonth ?? 1)).length : countable.length;
  const roots: CoverageNode[] = [];
  let message: string | undefined;
  if (quarter) {
    const label = formatQuarter(quarter);
    message = `${label} · showing ${shown} of ${countable.length} note${countable.length === 1 ? '' : 's'}`;
    roots.push({ id: 'show-all-time', kind: 'show-all-time', label: 'Show all time', description: `only ${label} is shown`, tooltip: 'Show coverage of every note, not only one quarter', children: [] });
  }
  const attention = needsAttention(summaries);
  if (attention) roots.push(attention);
  roots.push(...buildCoverageTree(summaries, frameworks, options));
  return { roots, ...(message ? { message } : {}), description: `${quarter ? formatQuarter(quarter) : 'All time'} · by ${options.grouping}`, shown, total: countable.length };
}

/** Notes coverage leaves out (frontmatter invalid or no date), each with the reason, so none vanishes silently. */
export function needsAttention(summaries: readonly NoteSummary[]): CoverageNode | undefined {
  const left = summaries.filter((s) => !s.valid || s.date === undefined).sort((a, b) => a.path.localeCompare(b.path));
  if (left.length === 0) return undefined;
  return {
    id: 'attention',
    kind: 'attention',
    label: 'Needs attention',
    description: `${left.length} note${left.length === 1 ? '' : 's'} not counted`,
    tooltip: 'Notes whose frontmatter keeps them out of coverage and reports',
    warning: true,
    children: left.map((s) => {
      const reason = s.invalidReason ?? (s.date === undefined ? 'The note has no `date:` in its frontmatter.' : 'The frontmatter is not valid.');
      return { id: `attention/${s.path}`, kind: 'invalid-note', label: baseName(s.path), description: reason, tooltip: `${s.path}\n${reason}`, path: s.path, line: 1, warning: true, children: [] };
    }),
  };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** Builds the whole coverage tree from note summaries. */
export function buildCoverageTree(summaries: readonly NoteSummary[], frameworks: FrameworkRegistry, options: TreeOptions): CoverageNode[] {
  const coverage = computeCoverage(summaries, frameworks, {
    ...(options.quarter ? { quarter: options.quarter } : {}),
    ...(options.firstMonth ? { firstMonth: options.firstMonth } : {}),
    ...(options.defaultFramework ? { defaultFramework: options.defaultFramework } : {}),
  });
  return options.grouping === 'marker' ? byMarker(coverage.included, frameworks, coverage.notesByFramework) : byClient(coverage.included, frameworks);
}

function noteLabel(s: NoteSummary): string {
  return `${s.date ?? '????-??-??'} · ${s.client ?? 'unknown client'}${s.session !== undefined ? ` · session ${s.session}` : ''}`;
}

function byMarker(notes: NoteSummary[], frameworks: FrameworkRegistry, counts: Record<string, number>): CoverageNode[] {
  const out: CoverageNode[] = [];
  for (const fwId of Object.keys(counts).sort()) {
    const framework = frameworks.get(fwId);
    if (!framework) continue;
    const ofFramework = notes.filter((n) => n.framework === fwId).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const total = ofFramework.length;
    const competencies = new Map<string, CoverageNode>();
    for (const marker of framework.markers) {
      const cId = competencyOf(marker);
      let comp = competencies.get(cId);
      if (!comp) {
        const title = framework.competencies.find((c) => c.id === cId)?.title;
        comp = { id: `m/${fwId}/${cId}`, kind: 'competency', label: title ? `${cId}. ${title}` : `Competency ${cId}`, children: [] };
        competencies.set(cId, comp);
      }
      const evidenced = ofFramework.filter((n) => n.evidenced.includes(marker.id));
      const missing = ofFramework.filter((n) => !n.evidenced.includes(marker.id));
      const base = `m/${fwId}/${cId}/${marker.id}`;
      const noteNode = (group: string, n: NoteSummary, warning: boolean): CoverageNode => ({
        id: `${base}/${group}/${n.path}`,
        kind: 'note',
        label: noteLabel(n),
        path: n.path,
        ...(n.sectionLines[marker.id] !== undefined ? { line: n.sectionLines[marker.id] } : {}),
        warning,
        children: [],
      });
      comp.children.push({
        id: base,
        kind: 'marker',
        label: `${marker.id} ${marker.title} — ${evidenced.length}/${total} notes (${percent(evidenced.length, total)}%)`,
        tooltip: marker.description,
        warning: evidenced.length < total,
        children: [
          { id: `${base}/evidenced`, kind: 'evidenced', label: `Evidenced in ${evidenced.length}`, children: evidenced.map((n) => noteNode('e', n, false)) },
          { id: `${base}/missing`, kind: 'missing', label: `Missing in ${missing.length}`, warning: missing.length > 0, children: missing.map((n) => noteNode('x', n, true)) },
        ],
      });
    }
    const compNodes = [...competencies.values()];
    out.push({
      id: `m/${fwId}`,
      kind: 'framework',
      label: framework.name,
      description: `${total} note${total === 1 ? '' : 's'}`,
      tooltip: framework.description ?? framework.name,
      // A one-competency framework reads better without the extra level.
      children: compNodes.length === 1 ? (compNodes[0]?.children ?? []) : compNodes,
    });
  }
  return out;
}

function byClient(notes: NoteSummary[], frameworks: FrameworkRegistry): CoverageNode[] {
  const clients = new Map<string, NoteSummary[]>();
  for (const n of notes) {
    const key = n.client ?? '';
    clients.set(key, [...(clients.get(key) ?? []), n]);
  }
  return [...clients.keys()].sort((a, b) => a.localeCompare(b)).map((client) => {
    const sessions = (clients.get(client) ?? []).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path));
    const gaps = sessions.filter((s) => s.unevidenced.length > 0).length;
    return {
      id: `c/${client}`,
      kind: 'client' as const,
      label: client,
      description: `${sessions.length} session${sessions.length === 1 ? '' : 's'}${gaps > 0 ? ` · ${gaps} with gaps` : ''}`,
      children: sessions.map((s) => {
        const framework = frameworks.get(s.framework);
        return {
          id: `c/${client}/${s.path}`,
          kind: 'session' as const,
          label: noteLabel(s).replace(` · ${client}`, ''),
          description: s.unevidenced.length === 0 ? 'all required markers evidenced' : `${s.unevidenced.length} marker${s.unevidenced.length === 1 ? '' : 's'} without evidence`,
          path: s.path,
          warning: s.unevidenced.length > 0,
          children: s.unevidenced.map((id) => {
            const marker = framework?.markers.find((m) => m.id === id);
            const line = s.sectionLines[id];
            return {
              id: `c/${client}/${s.path}/${id}`,
              kind: 'missing-marker' as const,
              label: `${id} ${marker?.title ?? ''}`.trim(),
              description: s.missing.includes(id) ? 'no section' : 'section is empty',
              ...(marker ? { tooltip: marker.description } : {}),
              path: s.path,
              ...(line !== undefined ? { line } : {}),
              warning: true,
              children: [],
            };
          }),
        };
      }),
    };
  });
}

/** Quarters that have countable notes, latest first, with their note counts. */
export function quartersWithNotes(summaries: readonly NoteSummary[], firstMonth = 1): { quarter: Quarter; label: string; notes: number }[] {
  const counts = new Map<string, { quarter: Quarter; notes: number }>();
  for (const s of summaries) {
    if (!s.valid || s.date === undefined) continue;
    const q = quarterOf(s.date, firstMonth);
    const key = formatQuarter(q);
    const entry = counts.get(key) ?? { quarter: q, notes: 0 };
    entry.notes++;
    counts.set(key, entry);
  }
  return [...counts.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([label, v]) => ({ label, ...v }));
}

/** Notes with at least one required marker that has no section: the view's badge. */
export function notesWithMissingMarkers(summaries: readonly NoteSummary[]): number {
  return summaries.filter((s) => s.valid && s.missing.length > 0).length;
}
