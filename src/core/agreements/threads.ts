import type { AgreementItem } from '../note/types';
import type { NoteSummary } from '../workspace/summary';

/** What the agreements model reads of a note's summary. */
export type AgreementSource = Pick<NoteSummary, 'path' | 'valid' | 'client' | 'clientId' | 'date' | 'session' | 'agreements'>;

/** One note's line of an agreement. */
export interface Occurrence {
  path: string;
  date: string;
  session: number | undefined;
  /** The item text after the checkbox, as written in that note. */
  text: string;
  kept: boolean;
  due: string | undefined;
}

/**
 * One agreement across a client's notes: made in one note, perhaps carried forward (the same
 * `agreementKey`) into later ones, and kept when a note checks it. A thread ends when it is kept;
 * the same words in a later note start a new one.
 *
 * It holds its notes and items by reference and makes `occurrences` and `id` when first asked:
 * a workspace has tens of thousands of agreement lines, and the view reads a few hundred.
 */
export class AgreementThread {
  /** The client's name in their latest note. */
  client: string;
  /** As written in the latest note. */
  text: string;
  /** The latest due date written on any of its lines. */
  due: string | undefined = undefined;
  kept = false;
  /** Still open, and the client's next note after its last line did not mention it: that note's date. */
  droppedAt: string | undefined = undefined;
  /** Its notes in order, and its item in each. */
  readonly notes: (AgreementSource & { date: string })[] = [];
  readonly items: AgreementItem[] = [];
  /** Index of its latest note in the client's ordered notes, while threading. */
  at = 0;
  private lines: Occurrence[] | undefined;

  constructor(
    /** `client_id` when the notes give one, else the client's name: one client across renames. */
    readonly clientKey: string,
    readonly key: string,
    client: string,
    text: string,
  ) {
    this.client = client;
    this.text = text;
  }

  /** Stable while the note it was made in keeps it: client, key and that note. */
  get id(): string {
    return `${this.clientKey}\n${this.key}\n${(this.notes[0] as AgreementSource).path}`;
  }

  /** In note order: the first is where it was made, the last where it was last revisited (or kept). */
  get occurrences(): readonly Occurrence[] {
    this.lines ??= this.notes.map((note, i) => occurrence(note, this.items[i] as AgreementItem));
    return this.lines;
  }

  /** How many notes have it. */
  get size(): number {
    return this.notes.length;
  }

  /** The date of the note it was made in. */
  get madeDate(): string {
    return (this.notes[0] as { date: string }).date;
  }

  /** The date of its latest note. */
  get lastDate(): string {
    return (this.notes[this.notes.length - 1] as { date: string }).date;
  }
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
  const open = new Map<string, AgreementThread>();
  const kept = new Set<string>();
  for (let at = 0; at < ordered.length; at++) {
    const note = ordered[at] as AgreementSource & { client: string; date: string };
    const items = note.agreements;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as AgreementItem;
      // The same words twice in one note are one agreement (a list is short: no Set needed).
      if (repeated(items, i)) continue;
      let thread = open.get(item.key);
      // A kept item copied into later notes is the same kept agreement, not a new one.
      if (!thread && item.kept && kept.has(item.key)) continue;
      if (!thread) {
        thread = new AgreementThread(clientKey, item.key, last.client, item.text);
        threads.push(thread);
        open.set(item.key, thread);
      }
      thread.notes.push(note);
      thread.items.push(item);
      thread.at = at;
      if (item.kept) {
        thread.kept = true;
        open.delete(item.key);
        kept.add(item.key);
      }
    }
  }
  for (const thread of open.values()) {
    const next = ordered[thread.at + 1];
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
  // Every field set, even when undefined: one object shape for code that loops over many.
  return { path: note.path, date: note.date, session: note.session, text: item.text, kept: item.kept, due: item.due };
}

function finish(thread: AgreementThread): void {
  const items = thread.items;
  thread.text = (items[items.length - 1] as AgreementItem).text;
  for (let i = items.length - 1; i >= 0; i--) {
    const due = (items[i] as AgreementItem).due;
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
  return thread.size > 1;
}
