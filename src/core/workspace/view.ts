import type { AgreementItem } from '../note/types';

/** What cross-note rules need to know about another note, without its tree. */
export interface NoteSummaryForRules {
  path: string;
  client: string;
  date: string;
  session?: number;
  agreements: AgreementItem[];
}

/** A read-only view of the other notes in the workspace. */
export interface WorkspaceView {
  /** Valid notes of one client (any order). */
  notesOfClient(client: string): readonly NoteSummaryForRules[];
}

/** The client's note just before `date` (ties on the same date broken by session, then path). */
export function previousNote(
  view: WorkspaceView,
  current: { path: string; client: string; date: string; session?: number },
): NoteSummaryForRules | undefined {
  const order = (n: { date: string; session?: number; path: string }) => [n.date, n.session ?? 0, n.path] as const;
  const before = (a: ReturnType<typeof order>, b: ReturnType<typeof order>) =>
    a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
  const me = order(current);
  let best: NoteSummaryForRules | undefined;
  for (const note of view.notesOfClient(current.client)) {
    if (note.path === current.path) continue;
    const o = order(note);
    if (!before(o, me)) continue;
    if (!best || before(order(best), o)) best = note;
  }
  return best;
}
