import { basename, dirname, resolve } from 'node:path';
import { parseQuarter, type Quarter } from '../core/coverage/quarters';
import { findWorkspaceRoot, loadSetup, type EngineSetup, type SetupOptions } from '../core/engine/setup';
import { formatProblem } from '../core/data/yaml';
import { readNoteFiles, type NoteFile, type PathProblem } from '../core/workspace/files';

/** Thrown for problems the user must fix in the command line itself (exit code 2). */
export class UsageError extends Error {}

export interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  cwd: string;
}

/**
 * Loads frameworks and config for the notes at `paths`. The workspace root (where
 * `.coach/frameworks/` is read, and what report links are relative to) is the folder holding the
 * `.coach/` folder of `--config` when that file sits in one; otherwise the nearest folder with a
 * `.coach/` folder at or above the first path, or that path itself. `--config` replaces only the
 * config file. Data problems are printed but never stop the run.
 */
export function setupFor(paths: readonly string[], configFile: string | undefined, io: Io): { setup: EngineSetup; root: string; options: SetupOptions } {
  const config = configFile === undefined ? undefined : resolve(io.cwd, configFile);
  const root = workspaceRootFor(paths, config, io.cwd);
  // Kept for worker threads, which load the same setup themselves.
  const options: SetupOptions = { root, ...(config ? { configFile: config } : {}) };
  const setup = loadSetup(options);
  for (const p of setup.problems) io.err.write(`coach-notes: ${formatProblem(p)}\n`);
  return { setup, root, options };
}

/** See `setupFor`. `config` is absolute. */
export function workspaceRootFor(paths: readonly string[], config: string | undefined, cwd: string): string {
  if (config !== undefined && basename(dirname(config)) === '.coach') return dirname(dirname(config));
  return findWorkspaceRoot(resolve(cwd, paths[0] ?? '.'));
}

/**
 * Finds and reads the notes at `paths`. When none of the paths could be read at all (a typo, a
 * folder that does not exist), there is nothing to check: that is a usage error, said alone,
 * rather than an empty result. Otherwise unreadable paths are returned for the command to report.
 */
export async function readNotes(paths: readonly string[], io: Io): Promise<{ files: NoteFile[]; problems: PathProblem[]; found: number }> {
  const read = await readNoteFiles(paths.map((p) => resolve(io.cwd, p)));
  if (read.files.length === 0 && read.problems.length > 0) {
    const lines = read.problems.map((p) => `could not read ${p.path}: ${p.message}`);
    throw new UsageError(`${lines.join('\ncoach-notes: ')}\ncoach-notes: nothing was checked. Correct the path${paths.length === 1 ? '' : 's'}, then run the command again.`);
  }
  return read;
}

/** `--quarter`: 2026-Q1 (any case); anything else is a usage error that says what is expected. */
export function quarterOption(text: string): Quarter {
  const quarter = parseQuarter(text);
  if (!quarter) throw new UsageError(`“${text}” is not a valid quarter for --quarter. Write the year, a dash and Q1 to Q4, for example 2026-Q1 (January to March, or the first quarter of your year with --first-month).`);
  return quarter;
}

/** Unreadable paths, one line each on standard error. */
export function printProblems(problems: readonly PathProblem[], io: Io): void {
  for (const p of problems) io.err.write(`coach-notes: could not read ${p.path}: ${p.message}\n`);
}
