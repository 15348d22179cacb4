import { addDays } from '../credential/dates';
import type { AgreementThread } from './threads';

/** Where an agreement stands on a given day. */
export type AgreementStatus = 'overdue' | 'this-week' | 'later' | 'no-date' | 'kept';

/** "This week" is today and the six days after it, so it never shrinks to one day on a Sunday. */
export const WEEK_DAYS = 7;

export function weekEnd(today: string): string {
  return addDays(today, WEEK_DAYS - 1);
}

/** `today` and dates are YYYY-MM-DD, so they compare as strings. */
export function statusOf(thread: AgreementThread, today: string, end = weekEnd(today)): AgreementStatus {
  if (thread.kept) return 'kept';
  if (thread.due === undefined) return 'no-date';
  if (thread.due < today) return 'overdue';
  return thread.due <= end ? 'this-week' : 'later';
}

/** Open agreements whose due date has passed: the view's badge. */
export function overdueCount(threads: Iterable<AgreementThread>, today: string): number {
  let n = 0;
  for (const t of threads) if (!t.kept && t.due !== undefined && t.due < today) n++;
  return n;
}
