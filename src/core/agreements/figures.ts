import { clientKeyOf, counts, lastIn, madeIn, threadsOfClient, type AgreementSource, type AgreementThread } from './threads';

/** The report's agreement section: the same threads as the Agreements view, counted for one period. */
export interface AgreementFigures {
  /** Agreements first written in a note of the period. */
  made: number;
  /** Agreements checked as kept in a note of the period. */
  kept: number;
  /** Agreements carried into a later note of the period, still open there. */
  carriedForward: number;
  /** Open agreements that the client's next note (in the period) did not mention, and no later note took up. */
  neverRevisited: number;
  /** Open at the end of the period's last day with a due date on or before it. */
  overdueAtEnd: number;
  /** Agreements revisited in the period (kept or carried), out of those and the ones never revisited; null when none. */
  followThroughRate: number | null;
}

/** Every client's threads from a workspace's notes, as the view builds them. */
export function agreementThreads(sources: Iterable<AgreementSource>): AgreementThread[] {
  const byClient = new Map<string, AgreementSource[]>();
  for (const s of sources) {
    if (!counts(s)) continue;
    const key = clientKeyOf(s);
    let list = byClient.get(key);
    if (!list) byClient.set(key, (list = []));
    list.push(s);
  }
  return [...byClient.values()].flatMap((notes) => threadsOfClient(notes));
}

export function agreementFigures(threads: Iterable<AgreementThread>, period: { start: string; end: string }): AgreementFigures {
  const within = (date: string | undefined) => date !== undefined && date >= period.start && date <= period.end;
  let made = 0;
  let kept = 0;
  let carriedForward = 0;
  let revisited = 0;
  let neverRevisited = 0;
  let overdueAtEnd = 0;
  for (const t of threads) {
    if (within(madeIn(t).date)) made++;
    if (t.kept && within(lastIn(t).date)) kept++;
    const later = t.occurrences.slice(1).filter((o) => within(o.date));
    if (later.length > 0) revisited++;
    if (later.some((o) => !o.kept)) carriedForward++;
    if (within(t.droppedAt)) neverRevisited++;
    if (overdueAt(t, period.end)) overdueAtEnd++;
  }
  const due = revisited + neverRevisited;
  return { made, kept, carriedForward, neverRevisited, overdueAtEnd, followThroughRate: due === 0 ? null : revisited / due };
}

/** As the notes stood at the end of `day`: made by then, not kept by then, due on or before it. */
function overdueAt(t: AgreementThread, day: string): boolean {
  const known = t.occurrences.filter((o) => o.date <= day);
  if (known.length === 0) return false;
  if (known.some((o) => o.kept)) return false;
  const due = [...known].reverse().find((o) => o.due !== undefined)?.due;
  return due !== undefined && due <= day;
}
