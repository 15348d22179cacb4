/** A quarter such as 2026-Q1. With a fiscal year, Q1 starts in `firstMonth` and is named after the year it starts in. */
export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

const QUARTER = /^(\d{4})-Q([1-4])$/i;

export function parseQuarter(text: string): Quarter | undefined {
  const m = QUARTER.exec(text.trim());
  return m ? { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] } : undefined;
}

export function formatQuarter(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.q}`;
}

/** The quarter a YYYY-MM-DD date falls in; `firstMonth` (1–12) is the first month of the year. */
export function quarterOf(date: string, firstMonth = 1): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const shifted = (month - firstMonth + 12) % 12;
  const fiscalYear = month >= firstMonth ? year : year - 1;
  return { year: fiscalYear, q: (Math.floor(shifted / 3) + 1) as Quarter['q'] };
}

/** First and last day (inclusive, YYYY-MM-DD) of a quarter. */
export function quarterRange(quarter: Quarter, firstMonth = 1): { start: string; end: string } {
  const startMonth0 = firstMonth - 1 + (quarter.q - 1) * 3;
  const start = new Date(Date.UTC(quarter.year, startMonth0, 1));
  const end = new Date(Date.UTC(quarter.year, startMonth0 + 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

export function inQuarter(date: string, quarter: Quarter, firstMonth = 1): boolean {
  const q = quarterOf(date, firstMonth);
  return q.year === quarter.year && q.q === quarter.q;
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.q === 1 ? { year: quarter.year - 1, q: 4 } : { year: quarter.year, q: (quarter.q - 1) as Quarter['q'] };
}
