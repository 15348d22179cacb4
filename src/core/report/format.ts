import { posix } from 'node:path';
import { encodePath } from './escape';
import type { MarkerRow, ReportData } from './types';

/**
 * How a note's workspace-relative path becomes a link from the report: a prefix such as `../`, or a
 * function returning a path relative to the report's folder. Without one, links are
 * workspace-relative. The result is percent-encoded segment by segment before use.
 */
export type LinkBase = string | ((workspacePath: string) => string);

export interface RenderOptions {
  /** Turns a note's workspace-relative path into a link relative to the report. */
  linkBase?: LinkBase;
  /** Day the report was generated (YYYY-MM-DD), shown in the footer. Omitted: no date is shown. */
  generated?: string;
}

/** A {@link LinkBase} for a report written into `reportFolder` (workspace-relative, e.g. `coach-reports`). */
export function linkBaseFor(reportFolder: string): LinkBase {
  const from = posix.normalize(reportFolder.split('\\').join('/')).replace(/\/+$/, '');
  return (path) => posix.relative(from === '.' ? '' : from, path);
}

/** The encoded relative URL of a note, or undefined when the path is hidden (pseudonymized). */
export function noteHref(path: string | null, linkBase?: LinkBase): string | undefined {
  if (path === null || path === '') return undefined;
  const target = linkBase === undefined ? path : typeof linkBase === 'string' ? linkBase + path : linkBase(path);
  return encodePath(target);
}

/** Hours for display, rounded once to at most two decimals: 12.5, 0.75, 3. */
export function hours(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function hoursLabel(value: number): string {
  const text = hours(value);
  return `${text} ${text === '1' ? 'hour' : 'hours'}`;
}

/** 0–1 → whole percent. */
export function percent(ratio: number): number {
  return Math.round(ratio * 100);
}

/** ▲ +8 pts, ▼ −5 pts, “no change”, or — when there is nothing to compare with. */
export function delta(points: number | null): string {
  if (points === null) return '—';
  if (points > 0) return `▲ +${points} pts`;
  if (points < 0) return `▼ −${Math.abs(points)} pts`;
  return 'no change';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: string): { y: number; m: number; d: number } | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!match) return undefined;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3] ?? '1') };
}

/** 2026-01-12 → 12 January 2026 (other text is returned as is). */
export function longDate(date: string): string {
  const p = parts(date);
  const month = p && MONTHS[p.m - 1];
  return p && month ? `${p.d} ${month} ${p.y}` : date;
}

/** 2026-01 → January 2026. */
export function monthName(month: string, withYear = true): string {
  const p = parts(month);
  const name = p && MONTHS[p.m - 1];
  if (!p || !name) return month;
  return withYear ? `${name} ${p.y}` : name;
}

/** 1 January – 31 March 2026, or with both years when the period spans two. */
export function periodLabel(period: ReportData['period']): string {
  const a = parts(period.start);
  const b = parts(period.end);
  if (a && b && a.y === b.y) return `${a.d} ${MONTHS[a.m - 1] ?? ''} – ${longDate(period.end)}`;
  return `${longDate(period.start)} – ${longDate(period.end)}`;
}

/** “Calendar year” or “fiscal year starting in April”. */
export function yearLabel(firstMonth: number): string {
  return firstMonth === 1 ? 'calendar quarters' : `fiscal year starting in ${MONTHS[firstMonth - 1] ?? 'month ' + firstMonth}`;
}

export function frameworkName(data: ReportData, id: string): string {
  return data.frameworks.find((f) => f.id === id)?.name ?? id;
}

/** Marker rows grouped by framework, in the report's framework order. */
export function markersByFramework<T extends { framework: string }>(data: ReportData, rows: readonly T[]): { id: string; name: string; rows: T[] }[] {
  const ids = [...new Set([...data.frameworks.map((f) => f.id), ...rows.map((r) => r.framework)])];
  return ids.map((id) => ({ id, name: frameworkName(data, id), rows: rows.filter((r) => r.framework === id) })).filter((g) => g.rows.length > 0);
}

/** Splits a list into the fewest chunks of at most `max`, as even as possible (wide matrices print as several tables). */
export function chunks<T>(items: readonly T[], max: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / max));
  const size = Math.ceil(items.length / count);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Most marker columns in one client × marker table. */
export const MATRIX_COLUMNS = 10;

/** “Evidenced in 4 of 12 notes (33%)”. */
export function evidenceSentence(m: MarkerRow): string {
  return `evidenced in ${m.notes} of ${plural(m.total, 'note')} (${percent(m.coverage)}%)`;
}

/** All judgmental findings and notes of the quarter. */
export function judgmentalTotals(data: ReportData): { findings: number; notes: number } {
  return data.signals.judgmentalByMonth.reduce((t, m) => ({ findings: t.findings + m.findings, notes: t.notes + m.notes }), { findings: 0, notes: 0 });
}

export const FOOTER = {
  generatedBy: 'Generated by Coach Notes',
  confidential:
    'Confidential. This report is drawn from coaching session notes, which the ICF Code of Ethics asks you to keep confidential; share it only as your client agreements allow.',
  local: 'Nothing left this machine: Coach Notes makes no network calls and has no telemetry.',
  pseudonymized: 'Client names are replaced with pseudonyms and note paths are left out.',
};
