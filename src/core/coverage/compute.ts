import type { FrameworkRegistry } from '../frameworks/registry';
import type { NoteSummary } from '../workspace/summary';
import { formatQuarter, inQuarter, type Quarter } from './quarters';

export interface MarkerCoverage {
  framework: string;
  id: string;
  title: string;
  /** Notes in range, of this framework, with evidence for the marker (section or tag). */
  notes: number;
  /** `notes` divided by the notes in range of this framework (0 when there are none). */
  coverage: number;
}

/** The shape of `coach-notes coverage --format json`. Other tools build on it: keep it exact. */
export interface CoverageJson {
  quarter: string | null;
  notes: number;
  clients: number;
  hours: number;
  markers: MarkerCoverage[];
}

export interface CoverageResult extends CoverageJson {
  /** Notes in range per framework id. */
  notesByFramework: Record<string, number>;
  /** Notes left out because their frontmatter is invalid, with the reason. */
  excluded: { path: string; reason: string }[];
  /** The counted notes themselves. */
  included: NoteSummary[];
}

export interface CoverageOptions {
  quarter?: Quarter;
  /** First month of the (fiscal) year, 1–12. */
  firstMonth?: number;
  /** Framework listed even when no note uses it (the workspace default). */
  defaultFramework?: string;
}

/** Marker coverage over a set of note summaries, optionally limited to one quarter. */
export function computeCoverage(summaries: readonly NoteSummary[], frameworks: FrameworkRegistry, options: CoverageOptions = {}): CoverageResult {
  const firstMonth = options.firstMonth ?? 1;
  const excluded: CoverageResult['excluded'] = [];
  const included: NoteSummary[] = [];
  for (const s of [...summaries].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!s.valid || s.date === undefined) {
      excluded.push({ path: s.path, reason: s.invalidReason ?? 'The frontmatter is not valid.' });
      continue;
    }
    if (options.quarter && !inQuarter(s.date, options.quarter, firstMonth)) continue;
    included.push(s);
  }

  const notesByFramework: Record<string, number> = {};
  const evidence = new Map<string, number>();
  let minutes = 0;
  const clients = new Set<string>();
  for (const s of included) {
    notesByFramework[s.framework] = (notesByFramework[s.framework] ?? 0) + 1;
    for (const id of s.evidenced) evidence.set(`${s.framework}\u0000${id}`, (evidence.get(`${s.framework}\u0000${id}`) ?? 0) + 1);
    minutes += s.duration ?? 0;
    if (s.client !== undefined) clients.add(s.client);
  }

  const listed = Object.keys(notesByFramework);
  if (listed.length === 0 && options.defaultFramework) listed.push(options.defaultFramework);
  const markers: MarkerCoverage[] = [];
  for (const id of orderFrameworks(listed, options.defaultFramework)) {
    const framework = frameworks.get(id);
    if (!framework) continue;
    const total = notesByFramework[id] ?? 0;
    for (const m of framework.markers) {
      const n = evidence.get(`${id}\u0000${m.id}`) ?? 0;
      markers.push({ framework: id, id: m.id, title: m.title, notes: n, coverage: total === 0 ? 0 : n / total });
    }
  }
  return {
    quarter: options.quarter ? formatQuarter(options.quarter) : null,
    notes: included.length,
    clients: clients.size,
    // Minutes are summed exactly; hours are derived once.
    hours: minutes / 60,
    markers,
    notesByFramework,
    excluded,
    included,
  };
}

/** The default framework first, then the others alphabetically. */
function orderFrameworks(ids: string[], first?: string): string[] {
  return [...ids].sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
}

export function toCoverageJson(result: CoverageResult): CoverageJson {
  const { quarter, notes, clients, hours, markers } = result;
  return { quarter, notes, clients, hours, markers };
}
