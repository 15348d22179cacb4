import { relative } from 'node:path';
import { formatQuarter, inQuarter, previousQuarter, quarterRange, type Quarter } from '../coverage/quarters';
import type { EngineSetup } from '../engine/setup';
import type { Framework } from '../frameworks/types';
import { agreementFigures, agreementThreads } from '../agreements/figures';
import { buildCredential } from '../credential/build';
import { engagementRows } from '../credential/log';
import { clientKey } from '../credential/sessions';
import { lintNote } from '../engine/lint';
import { parseWith } from '../workspace/batch';
import { summarize } from '../workspace/summary';
import type { NoteFile } from '../workspace/files';
import type { NoteSummary } from '../workspace/summary';
import type { ClientMarkerMatrix, Engagement, MarkerRow, NoteRow, ReportData, ReportTotals, TrustSignals } from './types';

export interface ReportOptions {
  quarter: Quarter;
  /** First month of the (fiscal) year, 1–12. */
  firstMonth?: number;
  /** Replace client names with “Client A”, “Client B”… and leave out paths. */
  pseudonymize?: boolean;
  /** Paths in the report are relative to this folder (the workspace root). */
  root: string;
}

/** How many of the least-covered markers “Focus for next quarter” lists. */
const FOCUS_SIZE = 3;

/**
 * Builds the data of a quarterly coverage report from every note of a workspace. The previous
 * quarter is read from the same notes, for the ▲/▼ change. Used by the CLI and the extension alike.
 */
export function buildReport(files: readonly NoteFile[], setup: EngineSetup, options: ReportOptions): ReportData {
  // Each note is parsed once; only the quarter's notes are checked, and only for judgmental wording.
  const notes = files.map((file): ReportNote => {
    const note = parseWith(setup, file);
    const summary = summarize(note, setup);
    const counted = summary.valid && summary.date !== undefined && inQuarter(summary.date, options.quarter, options.firstMonth ?? 1);
    return { path: file.path, summary, judgmental: counted ? judgmentalCount(lintNote(note, setup, { only: ['judgmental-language'] })) : 0 };
  });
  return reportFromNotes(notes, setup, options);
}

/** One note as the report sees it: its summary and its judgmental-language findings. */
export interface ReportNote {
  path: string;
  summary: NoteSummary;
  /** Judgmental-language findings; only needed for notes in the quarter. */
  judgmental: number;
}

export function judgmentalCount(findings: readonly { ruleId: string }[]): number {
  return findings.filter((f) => f.ruleId === 'judgmental-language').length;
}

/** The report from summaries (e.g. the extension's index), without reading notes again. */
export function reportFromNotes(results: readonly ReportNote[], setup: EngineSetup, options: ReportOptions): ReportData {
  const firstMonth = options.firstMonth ?? 1;
  const valid = results.filter((r) => r.summary.valid && r.summary.date !== undefined && r.summary.client !== undefined);
  const inQ = (q: Quarter) => valid.filter((r) => inQuarter(r.summary.date ?? '', q, firstMonth)).sort(byDate);
  const current = inQ(options.quarter);
  const prevQ = previousQuarter(options.quarter);
  const previous = inQ(prevQ);
  const label = clientLabeller(valid.map((r) => r.summary), options.pseudonymize === true);
  const path = (p: string) => (options.pseudonymize ? null : relative(options.root, p).split('\\').join('/'));

  const frameworkIds = [...new Set(current.map((r) => r.summary.framework))].sort((a, b) => (a === setup.config.framework ? -1 : b === setup.config.framework ? 1 : a.localeCompare(b)));
  const frameworks = frameworkIds.map((id) => setup.frameworks.get(id)).filter((f): f is Framework => f !== undefined);
  const markers = markerRows(frameworks, current, previous);

  const period = quarterRange(options.quarter, firstMonth);
  return {
    schemaVersion: 1,
    quarter: formatQuarter(options.quarter),
    period: { ...period, firstMonth },
    previousQuarter: formatQuarter(prevQ),
    frameworks: frameworks.map((f) => ({ id: f.id, name: f.name, notes: current.filter((r) => r.summary.framework === f.id).length })),
    pseudonymized: options.pseudonymize === true,
    totals: totals(current.map((r) => r.summary)),
    markers,
    focus: focusMarkers(markers, current),
    matrix: matrix(frameworks, current, label),
    signals: signals(current, results, options.quarter, firstMonth),
    notes: current.map((r): NoteRow => ({
      date: r.summary.date ?? '',
      client: label(r.summary.client ?? ''),
      session: r.summary.session ?? null,
      framework: r.summary.framework,
      missing: r.summary.unevidenced,
      path: path(r.path),
    })),
    engagements: engagements(current.map((r) => r.summary), label),
    excluded: results
      .filter((r) => !r.summary.valid)
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((r, i) => ({ path: path(r.path) ?? `note ${i + 1} (path hidden)`, reason: r.summary.invalidReason ?? 'The frontmatter is not valid.' })),
    ...credentialPanel(valid.map((r) => r.summary), setup, period.end, label, path),
  };
}

/** Credential progress as of the quarter's end, once the coach has set when their training started. */
function credentialPanel(summaries: NoteSummary[], setup: EngineSetup, asOf: string, label: (c: string) => string, path: (p: string) => string | null): Pick<ReportData, 'credential'> {
  const trainingStart = setup.config.credential.trainingStart;
  if (trainingStart === undefined) return {};
  return { credential: buildCredential(summaries, { asOf, trainingStart, label: (_key, latest) => label(latest), notePath: path, ...(setup.credentials ? { rules: setup.credentials } : {}) }).progress };
}

/**
 * The least-covered markers of the coach's main framework this quarter (the one with the most
 * notes): a framework used once would otherwise crowd the list with zeros.
 */
function focusMarkers(markers: MarkerRow[], current: ReportNote[]): MarkerRow[] {
  const counts = new Map<string, number>();
  for (const r of current) counts.set(r.summary.framework, (counts.get(r.summary.framework) ?? 0) + 1);
  const main = [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
  const mine = markers.filter((m) => m.framework === main && m.coverage < 1);
  // Array.prototype.sort is stable, so equal coverage keeps framework order.
  return mine.sort((a, b) => a.coverage - b.coverage).slice(0, FOCUS_SIZE);
}

function byDate(a: ReportNote, b: ReportNote): number {
  return (a.summary.date ?? '').localeCompare(b.summary.date ?? '') || (a.summary.session ?? 0) - (b.summary.session ?? 0) || a.path.localeCompare(b.path);
}

/** Pseudonyms in a stable order: by each client's first session in the workspace, then name. */
export function clientLabeller(summaries: readonly NoteSummary[], pseudonymize: boolean): (client: string) => string {
  if (!pseudonymize) return (client) => client;
  const first = new Map<string, string>();
  for (const s of summaries) {
    if (s.client === undefined || s.date === undefined) continue;
    const seen = first.get(s.client);
    if (seen === undefined || s.date < seen) first.set(s.client, s.date);
  }
  const order = [...first.entries()].sort(([a, da], [b, db]) => da.localeCompare(db) || a.localeCompare(b)).map(([c]) => c);
  const names = new Map(order.map((c, i) => [c, `Client ${letters(i)}`]));
  return (client) => names.get(client) ?? 'Client ?';
}

/** 0 → A, 25 → Z, 26 → AA … */
function letters(i: number): string {
  let n = i;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function markerRows(frameworks: Framework[], current: ReportNote[], previous: ReportNote[]): MarkerRow[] {
  const rows: MarkerRow[] = [];
  for (const f of frameworks) {
    const cur = current.filter((r) => r.summary.framework === f.id);
    const prev = previous.filter((r) => r.summary.framework === f.id);
    for (const m of f.markers) {
      const notes = cur.filter((r) => r.summary.evidenced.includes(m.id)).length;
      const coverage = cur.length === 0 ? 0 : notes / cur.length;
      const prevNotes = prev.filter((r) => r.summary.evidenced.includes(m.id)).length;
      const before = prev.length === 0 ? null : { notes: prevNotes, total: prev.length, coverage: prevNotes / prev.length };
      rows.push({
        framework: f.id,
        id: m.id,
        title: m.title,
        description: m.description,
        notes,
        total: cur.length,
        coverage,
        previous: before,
        deltaPoints: before ? Math.round(coverage * 100) - Math.round(before.coverage * 100) : null,
      });
    }
  }
  return rows;
}

function totals(notes: NoteSummary[]): ReportTotals {
  // Minutes are summed exactly; each hour figure is derived from minutes once.
  const minutes = (pick: (s: NoteSummary) => boolean) => notes.filter(pick).reduce((sum, s) => sum + (s.duration ?? 0), 0);
  const all = minutes(() => true);
  return {
    notes: notes.length,
    clients: new Set(notes.map((s) => s.client)).size,
    minutes: all,
    hours: all / 60,
    paidHours: minutes((s) => s.paid) / 60,
    proBonoHours: minutes((s) => !s.paid) / 60,
    individualHours: minutes((s) => s.type === 'individual') / 60,
    groupHours: minutes((s) => s.type === 'group') / 60,
    individualNotes: notes.filter((s) => s.type === 'individual').length,
    groupNotes: notes.filter((s) => s.type === 'group').length,
    notesWithoutDuration: notes.filter((s) => s.duration === undefined).length,
  };
}

function matrix(frameworks: Framework[], current: ReportNote[], label: (c: string) => string): ClientMarkerMatrix {
  const clients = [...new Set(current.map((r) => r.summary.client ?? ''))].sort((a, b) => label(a).localeCompare(label(b)));
  const markers = frameworks.flatMap((f) => f.markers.map((m) => ({ framework: f.id, id: m.id, title: m.title })));
  return {
    clients: clients.map(label),
    markers,
    cells: clients.map((client) =>
      markers.map((m) => {
        const sessions = current.filter((r) => r.summary.client === client && r.summary.framework === m.framework);
        return { evidenced: sessions.filter((r) => r.summary.evidenced.includes(m.id)).length, sessions: sessions.length };
      }),
    ),
  };
}

function signals(current: ReportNote[], all: readonly ReportNote[], quarter: Quarter, firstMonth: number): TrustSignals {
  const { start, end } = quarterRange(quarter, firstMonth);
  const months = [0, 1, 2].map((i) => {
    const d = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  const judgmentalByMonth = months.map((month) => {
    const inMonth = current.filter((r) => r.summary.date?.startsWith(month));
    return { month, notes: inMonth.length, findings: inMonth.reduce((n, r) => n + r.judgmental, 0) };
  });

  const topics = new Map<string, { id: string; label: string; withPermission: number; withoutPermission: number }>();
  let withPermission = 0;
  let withoutPermission = 0;
  for (const r of current) {
    const found = r.summary.sensitiveTopics;
    if (found.length === 0) continue;
    if (r.summary.permissionCheck) withPermission++;
    else withoutPermission++;
    for (const { id, label } of found) {
      const t = topics.get(id) ?? { id, label, withPermission: 0, withoutPermission: 0 };
      if (r.summary.permissionCheck) t.withPermission++;
      else t.withoutPermission++;
      topics.set(id, t);
    }
  }

  return {
    judgmentalByMonth,
    sensitive: { withPermission, withoutPermission, topics: [...topics.values()].sort((a, b) => b.withPermission + b.withoutPermission - (a.withPermission + a.withoutPermission) || a.label.localeCompare(b.label)) },
    agreements: agreementSignals(all, { start, end }),
  };
}

/** The Agreements view's threads, counted for the quarter: one core function for both. */
function agreementSignals(all: readonly ReportNote[], period: { start: string; end: string }): TrustSignals['agreements'] {
  return agreementFigures(agreementThreads(all.map((r) => r.summary)), period);
}

function engagements(notes: NoteSummary[], label: (c: string) => string): Engagement[] {
  const logged = notes.filter((s) => s.icfLog && s.client !== undefined && s.date !== undefined);
  return engagementRows(
    logged.map((s) => ({ key: clientKey(s), client: s.client ?? '', date: s.date ?? '', type: s.type, paid: s.paid, minutes: s.duration ?? 0, ...(s.groupSize !== undefined ? { groupSize: s.groupSize } : {}) })),
    (_key, latest) => label(latest),
  );
}
