import type { AgreementItem } from '../note/types';
import type { NoteSummary } from '../workspace/summary';

/** What the agreements model reads of a note's summary. */
export type AgreementSource = Pick<NoteSummary, 'path' | 'valid' | 'client' | 'clientId' | 'date' | 'session' | 'agreements'>;

/** One note's line of an agreement. */
export interface Occurrence {
  path: string;
  date: string;
  session?: number;
  /** The item text after the checkbox, as written in that note. */
  text: string;
  kept: boolean;
  due?: string;
}

/**
 * One agreement across a client's notes: made in one note, perhaps carried forward (the same
 * `agreementKey`) into later ones, and kept when a note checks it. A thread ends when it is kept;
 * the same words in a later note start a new one.
 */
export interface AgreementThread {
  /** Stable while the note it was made in keeps it: client, key and that note. */
  id: string;
  /** `client_id` when the notes give one, else the client's name: one client across renames. */
  clientKey: string;
  /** The client's name in their latest note. */
  client: string;
  key: string;
  /** As written in the latest note. */
  text: string;
  /** The latest due date written on any of its lines. */
  due?: string;
  kept: boolean;
  /** In note order: the first is where it was made, the last where it was last revisited (or kept). */
  occurrences: Occurrence[];
  /** Still open, and the client's next note after its last line did not mention it: that note's date. */
  droppedAt?: string;
}

/** Notes the view and the report read: valid, with a client and a date. */
export function counts(s: AgreementSource): s is AgreementSource & { client: string; date: string } {
  return s.valid && s.client !== undefined && s.date !== undefined;
}

export function clientKeyOf(s: Pick<AgreementSource, 'client' | 'clientId'>): string {
  return s.clientId ?? s.client ?? '';
}

/** Note order within a client, as `previousNote` has it: date, then session, then path. */
function before(a: AgreementSource, b: AgreementSource): number {
  return compare(a.date ?? '', b.date ?? '') || (a.session ?? 0) - (b.session ?? 0) || compare(a.path, b.path);
}

/** Code-unit order: ISO dates and paths need no locale (and localeCompare is slow in bulk). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The agreement threads of one client's notes (any order; notes that do not count are skipped). */
export function threadsOfClient(notes: Iterable<AgreementSource>): AgreementThread[] {
  const ordered = [...notes].filter(counts).sort(before);
  const last = ordered[ordered.length - 1];
  if (!last) return [];
  const clientKey = clientKeyOf(last);
  const threads: AgreementThread[] = [];
  const open = new Map<string, { thread: AgreementThread; at: number }>();
  const kept = new Set<string>();
  for (let at = 0; at < ordered.length; at++) {
    const note = ordered[at] as AgreementSource & { client: string; date: string };
    const items = note.agreements;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as AgreementItem;
      // The same words twice in one note are one agreement (a list is short: no Set needed).
      if (repeated(items, i)) continue;
      const current = open.get(item.key);
      // A kept item copied into later notes is the same kept agreement, not a new one.
      if (!current && item.kept && kept.has(item.key)) continue;
      const line = occurrence(note, item);
      let thread: AgreementThread;
      if (current) {
        thread = current.thread;
        thread.occurrences.push(line);
        current.at = at;
      } else {
        thread = { id: `${clientKey}\n${item.key}\n${note.path}`, clientKey, client: last.client, key: item.key, text: item.text, kept: false, occurrences: [line] };
        threads.push(thread);
        open.set(item.key, { thread, at });
      }
      if (item.kept) {
        thread.kept = true;
        open.delete(item.key);
        kept.add(item.key);
      }
    }
  }
  for (const { thread, at } of open.values()) {
    const next = ordered[at + 1];
    if (next) thread.droppedAt = next.date;
  }
  for (const thread of threads) finish(thread);
  return threads;
}

function repeated(items: readonly AgreementItem[], i: number): boolean {
  const key = (items[i] as AgreementItem).key;
  for (let j = 0; j < i; j++) if ((items[j] as AgreementItem).key === key) return true;
  return false;
}

function occurrence(note: AgreementSource & { date: string }, item: AgreementItem): Occurrence {
  // Plain assignments, not conditional spreads: this runs for every agreement line of the workspace.
  const o: Occurrence = { path: note.path, date: note.date, text: item.text, kept: item.kept };
  if (note.session !== undefined) o.session = note.session;
  if (item.due !== undefined) o.due = item.due;
  return o;
}

function finish(thread: AgreementThread): void {
  const lines = thread.occurrences;
  thread.text = (lines[lines.length - 1] as Occurrence).text;
  for (let i = lines.length - 1; i >= 0; i--) {
    const due = (lines[i] as Occurrence).due;
    if (due !== undefined) {
      thread.due = due;
      break;
    }
  }
}

/** Where it was made. */
export function madeIn(thread: AgreementThread): Occurrence {
  return thread.occurrences[0] as Occurrence;
}

/** Its latest line: where it was last revisited, or kept. */
export function lastIn(thread: AgreementThread): Occurrence {
  return thread.occurrences[thread.occurrences.length - 1] as Occurrence;
}

/** Whether a later note of the client took it up again. */
export function isCarried(thread: AgreementThread): boolean {
  return thread.occurrences.length > 1;
}
