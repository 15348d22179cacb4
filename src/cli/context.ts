import { dirname, resolve } from 'node:path';
import { findWorkspaceRoot, loadSetup, type EngineSetup } from '../core/engine/setup';
import { formatProblem } from '../core/data/yaml';
import type { PathProblem } from '../core/workspace/files';

/** Thrown for problems the user must fix in the command line itself (exit code 2). */
export class UsageError extends Error {}

export interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  cwd: string;
}

/**
 * Loads frameworks and config for the notes at `paths`: `--config` wins; otherwise the nearest
 * `.coach/` folder above the first path. Data problems are printed but never stop the run.
 */
export function setupFor(paths: readonly string[], configFile: string | undefined, io: Io): { setup: EngineSetup; root: string } {
  const first = resolve(io.cwd, paths[0] ?? '.');
  const root = configFile ? dirname(dirname(resolve(io.cwd, configFile))) : findWorkspaceRoot(first);
  const setup = loadSetup({ root, ...(configFile ? { configFile: resolve(io.cwd, configFile) } : {}) });
  for (const p of setup.problems) io.err.write(`coach-notes: ${formatProblem(p)}\n`);
  return { setup, root };
}

/** Unreadable paths, one line each on standard error. */
export function printProblems(problems: readonly PathProblem[], io: Io): void {
  for (const p of problems) io.err.write(`coach-notes: could not read ${p.path}: ${p.message}\n`);
}
