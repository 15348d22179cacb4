import { lintBatch } from '../../core/workspace/batch';
import { printProblems, readNotes, setupFor, UsageError, type Io } from '../context';
import { toLintJson } from '../output/lint-json';
import { formatLintText } from '../output/lint-text';
import { stylerFor } from '../output/style';

export interface LintCommandOptions {
  format: 'text' | 'json';
  config?: string;
}

/** `coach-notes lint`: exit 0 when nothing at error severity, 1 when something was, 2 for unreadable paths. */
export async function lintCommand(paths: string[], options: LintCommandOptions, io: Io): Promise<number> {
  if (paths.length === 0) throw new UsageError('Name at least one note or folder to check, e.g. `coach-notes lint notes/`.');
  const { files, problems, found } = await readNotes(paths, io);
  const { setup } = setupFor(paths, options.config, io);
  const { results } = lintBatch(files, setup);
  if (options.format === 'json') io.out.write(JSON.stringify(toLintJson(results), null, 2) + '\n');
  else io.out.write(formatLintText(results, problems, stylerFor(io.out), io.cwd));
  if (options.format === 'json') {
    printProblems(problems, io);
    // The JSON keeps its documented shape; a note read from bad bytes is said on standard error.
    for (const r of results) if (r.warning) io.err.write(`coach-notes: ${r.path}: ${r.warning}\n`);
  }
  if (found === 0 && problems.length === 0) io.err.write('coach-notes: no *.coach.md notes were found there.\n');
  if (problems.length > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
