import type { NoteSummary } from '../workspace/summary';

/** A client of the workspace, as completion offers it. */
export interface KnownClient {
  name: string;
  /** Date of the client's latest dated note, YYYY-MM-DD. */
  lastDate?: string;
  notes: number;
}

/** The workspace's clients, most recent session first (undated ones last, then by name). */
export function recentClients(summaries: readonly NoteSummary[]): KnownClient[] {
  const byName = new Map<string, KnownClient>();
  for (const s of summaries) {
    if (s.client === undefined || s.client.trim() === '') continue;
    const known = byName.get(s.client) ?? { name: s.client, notes: 0 };
    known.notes++;
    if (s.date !== undefined && (known.lastDate === undefined || s.date > known.lastDate)) known.lastDate = s.date;
    byName.set(s.client, known);
  }
  return [...byName.values()].sort(
    (a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.name.localeCompare(b.name),
  );
}

/**
 * The session number a new note of `client` takes: one more than the highest number among the
 * client's other notes dated on or before `date` (all of them when the date is not known yet).
 * Notes without a number count as one session each, so a client with unnumbered notes still moves on.
 */
export function nextSessionNumber(summaries: readonly NoteSummary[], client: string, self: { path?: string; date?: string }): number {
  let highest = 0;
  let count = 0;
  for (const s of summaries) {
    if (s.client !== client || s.path === self.path) continue;
    if (self.date !== undefined && s.date !== undefined && s.date > self.date) continue;
    count++;
    if (s.session !== undefined) highest = Math.max(highest, s.session);
  }
  return Math.max(highest, count) + 1;
}
