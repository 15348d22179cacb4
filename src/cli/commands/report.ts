import { dirname, relative, resolve } from 'node:path';
import { parseQuarter } from '../../core/coverage/quarters';
import { buildReport } from '../../core/report/build';
import { renderReport } from '../../core/report/render';
import { relativeLink, REPORT_FORMATS, ReportExistsError, writeReportFile, type ReportFormat } from '../../core/report/write';
import { readNoteFiles } from '../../core/workspace/files';
import { printProblems, setupFor, UsageError, type Io } from '../context';

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
  const quarter = options.quarter === undefined ? undefined : parseQuarter(options.quarter);
  if (!quarter) throw new UsageError(`--quarter is required and must look like 2026-Q1${options.quarter ? `, not “${options.quarter}”` : ''}.`);
  if (!REPORT_FORMATS.includes(options.format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}.`);
  const firstMonth = options.firstMonth === undefined ? 1 : Number(options.firstMonth);
  if (!Number.isInteger(firstMonth) || firstMonth < 1 || firstMonth > 12) throw new UsageError('--first-month must be a month number from 1 to 12.');

  const { setup, root } = setupFor([folder], options.config, io);
  const { files, problems } = await readNoteFiles([resolve(io.cwd, folder)]);
  printProblems(problems, io);
  const data = buildReport(files, setup, { quarter, firstMonth, pseudonymize: options.pseudonymize === true, root });
  if (data.totals.notes === 0) {
    io.err.write(`coach-notes: no notes are dated in ${data.quarter}, so there is nothing to report. Check the quarter, or the notes' frontmatter dates.\n`);
    return 1;
  }
  const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  const linkBase = out ? relativeLink(dirname(out), root) : '';
  const text = renderReport(data, options.format, { linkBase });
  if (!out) io.out.write(text);
  else {
    try {
      writeReportFile(out, text);
    } catch (error) {
      if (error instanceof ReportExistsError) {
        io.err.write(`coach-notes: ${relative(io.cwd, out) || out} already exists. Reports are never overwritten: choose another --out name, or remove the old report first.\n`);
        return 2;
      }
      throw error;
    }
    io.err.write(`coach-notes: wrote ${relative(io.cwd, out) || out} (${data.totals.notes} notes, ${data.quarter}).\n`);
  }
  return problems.length > 0 ? 2 : 0;
}
