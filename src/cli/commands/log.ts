import { relative } from 'node:path';
import { buildCredential } from '../../core/credential/build';
import { todayUtc } from '../../core/credential/dates';
import { renderProgressText } from '../../core/credential/format';
import { builtinCredentialRules } from '../../core/credential/requirements';
import { isRealDate } from '../../core/note/frontmatter';
import { clientLabeller } from '../../core/report/build';
import { renderLogCsv } from '../../core/report/render-csv';
import { parseWith } from '../../core/workspace/batch';
import { summarize } from '../../core/workspace/summary';
import { printProblems, readNotes, setupFor, UsageError, type Io } from '../context';
import { outputFile, writeNewFile } from './report';

export type LogFormat = 'text' | 'json' | 'csv';
export const LOG_FORMATS: readonly LogFormat[] = ['text', 'json', 'csv'];

export interface LogCommandOptions {
  credential?: string;
  format: LogFormat;
  out?: string;
  pseudonymize?: boolean;
  /** Count as if today were this day (YYYY-MM-DD); default today (UTC). */
  asOf?: string;
  config?: string;
}

/**
 * `coach-notes log`: progress toward the ICF credentials, or with `--format csv` the ICF coaching
 * log for the whole period since the training start, to attach to an application.
 */
export async function logCommand(folder: string, options: LogCommandOptions, io: Io): Promise<number> {
  if (!LOG_FORMATS.includes(options.format)) throw new UsageError(`--format must be one of ${LOG_FORMATS.join(', ')}.`);
  const asOf = options.asOf ?? todayUtc();
  if (!isRealDate(asOf)) throw new UsageError(`“${asOf}” is not a valid day for --as-of. Write it YYYY-MM-DD, for example 2026-03-31.`);

  const { files, problems } = await readNotes([folder], io);
  const { setup, root } = setupFor([folder], options.config, io);
  // The workspace's own figures (.coach/credentials.yaml) when it has them.
  const rules = setup.credentials ?? builtinCredentialRules();
  const ids = rules.credentials.map((c) => c.id);
  const credential = options.credential?.trim().toLowerCase();
  if (credential !== undefined && !ids.includes(credential)) throw new UsageError(`--credential must be one of ${ids.join(', ')}.`);
  printProblems(problems, io);
  const summaries = files.map((file) => summarize(parseWith(setup, file), setup));
  const pseudonymize = options.pseudonymize === true;
  // Pseudonyms follow the client (client_id), not the name, so a renamed client stays one.
  const byKey = clientLabeller(
    summaries.map((s) => ({ ...s, ...(s.client !== undefined ? { client: s.clientId ?? s.client } : {}) })),
    pseudonymize,
  );
  const trainingStart = setup.config.credential.trainingStart;
  const { progress, log } = buildCredential(summaries, {
    asOf,
    ...(trainingStart !== undefined ? { trainingStart } : {}),
    ...(credential !== undefined ? { credential } : {}),
    rules,
    label: (key, latest) => (pseudonymize ? byKey(key) : latest),
    notePath: (path) => (pseudonymize ? null : relative(root, path).split('\\').join('/')),
  });

  if (options.format === 'csv' && log.length === 0) {
    io.err.write(`coach-notes: no session counts toward a credential up to ${asOf}, so the log would be empty. Run \`coach-notes log ${folder}\` to see why.\n`);
    return 1;
  }
  const text =
    options.format === 'csv'
      ? renderLogCsv(log)
      : options.format === 'json'
        ? JSON.stringify({ schemaVersion: 1, pseudonymized: pseudonymize, progress, log }, null, 2) + '\n'
        : renderProgressText(progress, credential);
  if (options.out === undefined) io.out.write(text);
  else {
    const name = `${options.format === 'csv' ? 'icf-coaching-log' : 'credential-progress'}-${asOf}${pseudonymize ? '-pseudonymized' : ''}.${options.format === 'text' ? 'txt' : options.format}`;
    const out = outputFile(options.out, io.cwd, name);
    if (!writeNewFile(out, text, io, `${progress.sessions} sessions up to ${asOf}`)) return 2;
  }
  return problems.length > 0 ? 2 : 0;
}
