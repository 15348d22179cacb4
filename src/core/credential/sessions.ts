import type { NoteSummary } from '../workspace/summary';
import type { CredentialRules } from './requirements';

/** A session as ICF counts it: hours coached (a group's once), paid or pro bono, and the clients it brings. */
export interface CountedSession {
  path: string;
  /** The client's `client_id`, or else the name: one client across a change of name. */
  key: string;
  client: string;
  date: string;
  minutes: number;
  paid: boolean;
  type: 'individual' | 'group';
  /** Each member of a group counts as a client; an individual session brings one. */
  clients: number;
  groupSize?: number;
  session?: number;
}

/** A note that could count toward a credential but does not, and why: named, never guessed at. */
export interface LeftOutSession {
  path: string;
  client: string;
  date: string;
  reason: string;
}

/** The client a summary belongs to for counting: `client_id` when there is one. */
export function clientKey(s: Pick<NoteSummary, 'client' | 'clientId'>): string {
  return s.clientId ?? s.client ?? '';
}

/**
 * Splits the workspace's notes into the sessions that count toward a credential up to `asOf`, and
 * the ones left out with a reason the coach can act on. Invalid notes and `icf_log: false` sessions
 * are not coaching hours and are not listed (the report lists invalid notes on its own; the number
 * kept out of the log is returned). Later-dated notes wait for their day.
 */
export function countedSessions(
  summaries: readonly NoteSummary[],
  rules: CredentialRules,
  options: { trainingStart?: string; asOf: string },
): { counted: CountedSession[]; leftOut: LeftOutSession[]; notLogged: number } {
  const counted: CountedSession[] = [];
  const leftOut: LeftOutSession[] = [];
  let notLogged = 0;
  for (const s of summaries) {
    if (!s.valid || s.date === undefined || s.client === undefined || s.date > options.asOf) continue;
    if (!s.icfLog) {
      notLogged++;
      continue;
    }
    const out = (reason: string) => leftOut.push({ path: s.path, client: s.client ?? '', date: s.date ?? '', reason });
    if (options.trainingStart !== undefined && s.date < options.trainingStart) {
      out(`dated ${s.date}, before your training started (${options.trainingStart}): ICF counts hours from the start of coach-specific training.`);
      continue;
    }
    if (s.duration === undefined) {
      out('no `duration`: add the session length in minutes, such as `duration: 60`, for its hours to count.');
      continue;
    }
    if (s.type === 'group' && s.groupSize === undefined) {
      out(`a group session without \`group_size\`: ICF counts each member as a client and only groups of ${rules.maxGroupSize} or fewer, so add the number of participants, such as \`group_size: 5\`.`);
      continue;
    }
    if (s.type === 'group' && (s.groupSize ?? 0) > rules.maxGroupSize) {
      out(`a group of ${s.groupSize}: ICF counts only groups of ${rules.maxGroupSize} or fewer.`);
      continue;
    }
    counted.push({
      path: s.path,
      key: clientKey(s),
      client: s.client,
      date: s.date,
      minutes: s.duration,
      paid: s.paid,
      type: s.type,
      clients: s.type === 'group' ? (s.groupSize ?? 1) : 1,
      ...(s.groupSize !== undefined ? { groupSize: s.groupSize } : {}),
      ...(s.session !== undefined ? { session: s.session } : {}),
    });
  }
  // Code-unit order: dates are ASCII, and localeCompare costs a lot over tens of thousands of notes.
  const byDate = (a: { date: string; path: string }, b: { date: string; path: string }) => compare(a.date, b.date) || compare(a.path, b.path);
  return { counted: counted.sort(byDate), leftOut: leftOut.sort(byDate), notLogged };
}

/**
 * Distinct clients among sessions: one per client (by `client_id` or name); a group's members
 * each count, by the largest `group_size` its sessions give.
 */
export function distinctClients(sessions: readonly CountedSession[]): number {
  const per = new Map<string, number>();
  for (const s of sessions) per.set(s.key, Math.max(per.get(s.key) ?? 0, s.clients));
  let total = 0;
  for (const n of per.values()) total += n;
  return total;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
