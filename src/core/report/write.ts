import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';

export class ReportExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; Coach Notes never overwrites a report.`);
  }
}

/**
 * Writes a report atomically and never over an existing file: the text goes to a temporary file
 * in the same folder, which is then hard-linked to its final name (link fails if the name exists,
 * with no window in which a half-written report is visible) and removed.
 */
export function writeReportFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ReportExistsError(path);
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/** `coverage-2026-Q1.md`, or the first free `coverage-2026-Q1-2.md`, `-3` … in the folder. */
export function freeReportName(folder: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = join(folder, name);
  for (let i = 2; existsSync(candidate); i++) candidate = join(folder, `${stem}-${i}${ext}`);
  return candidate;
}

export type ReportFormat = 'md' | 'html' | 'json' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json', 'csv'];

/** The default file name of a report. */
export function reportFileName(quarter: string, format: ReportFormat, pseudonymized: boolean): string {
  const kind = format === 'csv' ? 'icf-coaching-log' : 'coverage';
  return `${kind}-${quarter}${pseudonymized ? '-pseudonymized' : ''}.${format}`;
}

/** `../` style prefix from the report's folder to the workspace root, with forward slashes. */
export function relativeLink(from: string, root: string): string {
  const rel = relative(from, root).split('\\').join('/');
  return rel === '' ? '' : `${rel}/`;
}
