import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildReport } from '../../core/report/build';
import { renderReport } from '../../core/report/render';
import { relativeLink, REPORT_FORMATS, reportFileName, ReportExistsError, writeReportFile, type ReportFormat } from '../../core/report/write';
import { describeFsError } from '../../core/workspace/files';
import { printProblems, quarterOption, readNotes, setupFor, UsageError, type Io } from '../context';

export interface ReportCommandOptions {
  quarter?: string;
  format: ReportFormat;
  out?: string;
  pseudonymize?: boolean;
  firstMonth?: string;
  config?: string;
}

/** `coach-notes report`: the quarterly coverage report, on the same code as the VS Code command. */
export async function reportCommand(folder: string, options: ReportCommandOptions, io: Io): Promise<number> {
  if (options.quarter === undefined) throw new UsageError('--quarter is required: name the quarter to report on, for example --quarter 2026-Q1.');
  const quarter = quarterOption(options.quarter);
  if (!REPORT_FORMATS.includes(options.format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}.`);
  const firstMonth = options.firstMonth === undefined ? 1 : Number(options.firstMonth);
  if (!Number.isInteger(firstMonth) || firstMonth < 1 || firstMonth > 12) throw new UsageError('--first-month must be a month number from 1 to 12.');

  const { files, problems } = await readNotes([folder], io);
  const { setup, root } = setupFor([folder], options.config, io);
  printProblems(problems, io);
  const pseudonymize = options.pseudonymize === true;
  const data = buildReport(files, setup, { quarter, firstMonth, pseudonymize, root });
  if (data.totals.notes === 0) {
    io.err.write(`coach-notes: no notes are dated in ${data.quarter}, so there is nothing to report. Check the quarter, or the notes' frontmatter dates.\n`);
    return 1;
  }
  const out = options.out === undefined ? undefined : outputFile(options.out, io.cwd, reportFileName(data.quarter, options.format, pseudonymize));
  const linkBase = out ? relativeLink(dirname(out), root) : '';
  const text = renderReport(data, options.format, { linkBase });
  if (!out) io.out.write(text);
  else if (!writeNewFile(out, text, io, `${data.totals.notes} notes, ${data.quarter}`)) return 2;
  return problems.length > 0 ? 2 : 0;
}

/**
 * Writes `--out` atomically, never over an existing file, and says what happened on standard
 * error. False when nothing was written. Shared by `report` and `log`.
 */
export function writeNewFile(out: string, text: string, io: Io, what: string): boolean {
  const shown = relative(io.cwd, out) || out;
  try {
    writeReportFile(out, text);
  } catch (error) {
    if (error instanceof ReportExistsError) {
      io.err.write(`coach-notes: ${shown} already exists. Reports are never overwritten: choose another --out name, or remove the old report first.\n`);
      return false;
    }
    io.err.write(`coach-notes: could not write ${shown}: ${writeErrorText(error)} Choose another --out file or folder.\n`);
    return false;
  }
  io.err.write(`coach-notes: wrote ${shown} (${what}).\n`);
  return true;
}

/**
 * `--out` names the report file; an existing folder, or a name ending in `/`, is a folder to write
 * the report into under its usual name (`coverage-2026-Q1.md`, as the VS Code command names it).
 */
export function outputFile(out: string, cwd: string, name: string): string {
  const path = resolve(cwd, out);
  return out.endsWith('/') || out.endsWith(sep) || isFolder(path) ? join(path, name) : path;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function writeErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  // mkdir met a file where a folder of the path should be.
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'part of the path is a file, not a folder.';
  return describeFsError(error);
}
