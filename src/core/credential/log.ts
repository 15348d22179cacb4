import type { Engagement } from '../report/types';

/** What the ICF coaching log needs of one session. */
export interface LogSession {
  /** `client_id`, or else the client's name. */
  key: string;
  client: string;
  date: string;
  type: 'individual' | 'group';
  groupSize?: number;
  paid: boolean;
  /** 0 when the note gives no duration. */
  minutes: number;
}

/**
 * The rows of ICF's client coaching log: one per client (by `client_id` or name), with the first
 * and last session date, individual or group, the largest group size, the number of sessions, and
 * paid and pro bono hours. A renamed client is one row, shown under the latest name, passed to
 * `label` with the key (to pseudonymize). Sorted by the label.
 */
export function engagementRows(sessions: readonly LogSession[], label: (key: string, latestName: string) => string, minutesPerHour = 60): Engagement[] {
  const byKey = new Map<string, LogSession[]>();
  for (const s of sessions) {
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  return [...byKey.entries()]
    .map(([key, list]): Engagement => {
      const ordered = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const group = list.some((s) => s.type === 'group');
      const size = Math.max(0, ...list.map((s) => s.groupSize ?? 0));
      const hours = (paid: boolean) => list.filter((s) => s.paid === paid).reduce((n, s) => n + s.minutes, 0) / minutesPerHour;
      return {
        client: label(key, ordered[ordered.length - 1]?.client ?? key),
        start: ordered[0]?.date ?? '',
        end: ordered[ordered.length - 1]?.date ?? '',
        type: group ? 'group' : 'individual',
        groupSize: group ? size || null : null,
        sessions: list.length,
        paidHours: hours(true),
        proBonoHours: hours(false),
      };
    })
    .sort((a, b) => a.client.localeCompare(b.client));
}
