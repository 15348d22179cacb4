import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { version } from '../../../package.json';
import { errorText } from '../../core/data/yaml';
import type { EngineSetup, SetupOptions } from '../../core/engine/setup';
import { batchWorkerScript, defaultWorkers, lintBatchInWorkers } from '../../core/workspace/batch-workers';
import { lintBatch, type BatchResult } from '../../core/workspace/batch';
import type { NoteFile } from '../../core/workspace/files';
import { defaultLintCacheFile, isInside, lintBatchCached, lintCacheFileAt, lintCacheKey, readLintCache, writeLintCache } from '../../core/workspace/lint-cache';
import { printProblems, readNotes, setupFor, UsageError, type Io } from '../context';
import { toLintJson } from '../output/lint-json';
import { formatLintText } from '../output/lint-text';
import { stylerFor } from '../output/style';

export interface LintCommandOptions {
  format: 'text' | 'json';
  config?: string;
  /** Reuse the findings of unchanged notes from the last run (`--cache`). */
  cache?: boolean;
  /** Where the cache lives (`--cache-location`): a file, or a folder to hold it. Implies `cache`. */
  cacheLocation?: string;
  /** Worker threads for many notes (`--workers`); unset: `defaultWorkers`. */
  workers?: number;
}

/** `coach-notes lint`: exit 0 when nothing at error severity, 1 when something was, 2 for unreadable paths. */
export async function lintCommand(paths: string[], options: LintCommandOptions, io: Io): Promise<number> {
  if (paths.length === 0) throw new UsageError('Name at least one note or folder to check, e.g. `coach-notes lint notes/`.');
  const { files, problems, found } = await readNotes(paths, io);
  const { setup, root, options: setupOptions } = setupFor(paths, options.config, io);
  const results = options.cache || options.cacheLocation !== undefined ? await lintWithCache(files, setup, root, paths, options.cacheLocation, io) : await lintAll(files, setup, setupOptions, options.workers);
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

/** Every note, in worker threads when there are many (each loads the same setup) and on this thread otherwise. */
async function lintAll(files: NoteFile[], setup: EngineSetup, setupOptions: SetupOptions, workers = defaultWorkers(files.length)): Promise<BatchResult[]> {
  const script = batchWorkerScript();
  if (workers > 0 && script && files.length > 1) return (await lintBatchInWorkers(files, { setupOptions, options: {} }, workers, script)).results;
  return lintBatch(files, setup).results;
}

/**
 * `--cache`: the same results as lintBatch, reusing the last run's for unchanged notes. The cache
 * holds summaries of the notes, so by default it lives in the user's cache folder and is never
 * written among the notes being checked; `--cache-location` may put it anywhere. A cache that
 * cannot be read or written costs a full check, never the run.
 */
async function lintWithCache(files: NoteFile[], setup: EngineSetup, root: string, paths: readonly string[], location: string | undefined, io: Io): Promise<BatchResult[]> {
  const scope = paths.map((p) => resolve(io.cwd, p));
  const file = location === undefined ? defaultLintCacheFile(root) : await lintCacheFileAt(location, io.cwd, root, isFolder);
  if (location === undefined && scope.some((folder) => isInside(file, folder))) {
    io.err.write(`coach-notes: your cache folder (${file}) is inside the notes being checked, and the cache holds summaries of your notes, so none was kept. Choose a place for it with --cache-location.\n`);
    return lintBatch(files, setup).results;
  }
  const { cache, problem } = await readLintCache(file);
  if (problem) io.err.write(`coach-notes: ${problem}\n`);
  const run = lintBatchCached(files, setup, lintCacheKey(setup, version), cache, scope);
  try {
    if (run.changed) await writeLintCache(file, run.cache);
  } catch (error) {
    io.err.write(`coach-notes: the lint cache could not be saved to ${file} (${errorText(error)}); the next run will check every note again.\n`);
  }
  return run.results;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    // Missing: a file name to create.
    return false;
  }
}
