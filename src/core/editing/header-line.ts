import type { NoteSummaryForRules } from '../workspace/view';

/** What the line at the top of a note says: coverage, open agreements, and the client's adjacent notes. */
export interface HeaderLine {
  /** Required markers evidenced, of how many (undefined when the framework is unknown). */
  evidenced?: { count: number; of: number };
  openAgreements: number;
  /** Paths of the client's notes just before and after this one. */
  previous?: string;
  next?: string;
  /** `5/6 markers evidenced · 2 open agreements`. */
  summary: string;
}

export interface HeaderInput {
  path: string;
  client?: string;
  date?: string;
  session?: number;
  /** Required marker ids of the note's framework, and those still without evidence. */
  required?: readonly string[];
  unevidenced: readonly string[];
  agreements: readonly { kept: boolean }[];
}

type Key = readonly [string, number, string];
const keyOf = (n: { date: string; session?: number; path: string }): Key => [n.date, n.session ?? 0, n.path];
const before = (a: Key, b: Key) => (a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2]);

/** `clientNotes`: the client's counted notes, any order (the workspace index). Ordered as agreement-follow-up orders them: date, then session, then path. */
export function headerLine(note: HeaderInput, clientNotes: readonly NoteSummaryForRules[]): HeaderLine {
  const open = note.agreements.filter((a) => !a.kept).length;
  const parts: string[] = [];
  const line: HeaderLine = { openAgreements: open, summary: '' };
  if (note.required) {
    const of = note.required.length;
    line.evidenced = { count: of - note.unevidenced.filter((id) => note.required?.includes(id)).length, of };
    parts.push(`${line.evidenced.count}/${of} markers evidenced`);
  }
  parts.push(`${open} open ${open === 1 ? 'agreement' : 'agreements'}`);
  line.summary = parts.join(' · ');
  if (note.client === undefined || note.date === undefined) return line;
  const me = keyOf({ date: note.date, path: note.path, ...(note.session !== undefined ? { session: note.session } : {}) });
  let previous: Key | undefined;
  let next: Key | undefined;
  for (const other of clientNotes) {
    if (other.path === note.path || other.client !== note.client) continue;
    const k = keyOf(other);
    if (before(k, me)) {
      if (!previous || before(previous, k)) previous = k;
    } else if (!next || before(k, next)) next = k;
  }
  if (previous) line.previous = previous[2];
  if (next) line.next = next[2];
  return line;
}
