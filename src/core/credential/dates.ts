/**
 * Calendar arithmetic on YYYY-MM-DD strings in UTC (no date library is a dependency). Dates are
 * days, never instants, so a note's date never shifts with the machine's time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function parse(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b) - parse(a)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return format(parse(date) + days * DAY_MS);
}

/**
 * The same day `months` months earlier; when that month is shorter, its last day
 * (31 August minus 18 months is 28 or 29 February).
 */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const d = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return format(Date.UTC(y, m, Math.min(d, last)));
}
