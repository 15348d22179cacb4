import { indexingSetupData, loadSetup, type EngineSetup, type SetupData } from '../engine/setup';
import { findNotes, type PathProblem } from '../workspace/files';
import { NoteIndex } from '../workspace/index';
import type { NoteSummary } from '../workspace/summary';
import { bundledWorker, WorkerPool } from '../workers/pool';
import { cacheDirFor, loadCache, saveCache, setupFingerprint, type CacheEntry } from './cache';
import { SummarySharing } from './share';
import { summarizeFile, summarizeFiles, type FileResult } from './summarize-file';

export interface IndexOptions {
  /** Workspace root (for `.coach/`); defaults to the first path. */
  root?: string;
  configFile?: string;
  /** worker_threads to use; 0 runs on the calling thread in small slices. */
  workers?: number;
  /** Where the persisted cache lives (the tool's own storage, never the notes folder). */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** An already loaded setup (the extension has one); workers receive a copy of it as data. */
  setup?: EngineSetup;
  /** The worker bundle; by default dist/index-worker.js beside the running bundle. */
  workerScript?: string;
}

export interface IndexStats {
  files: number;
  parsed: number;
  fromCache: number;
  bytes: number;
  ms: number;
}

export interface IndexResult {
  index: NoteIndex;
  setup: EngineSetup;
  stats: IndexStats;
  problems: PathProblem[];
  /** Cache entries by path, to keep current with updateNote and save later. */
  entries: Map<string, CacheEntry>;
  /** Persists the cache: every shard, or only the shards of `changed` paths. */
  save(changed?: Iterable<string>): Promise<void>;
}

/** Paths handed to a worker at a time: small enough for smooth progress, big enough to amortise messages. */
const BATCH = 100;
/** Milliseconds of work on the calling thread before it yields to the event loop (well under the 50 ms a host tolerates). */
const SLICE_MS = 12;

/** The indexer's worker, dist/index-worker.js. */
export function workerScript(): string | undefined {
  return bundledWorker('index-worker.js');
}

/**
 * Builds the workspace index: a summary per note. Unchanged notes come from the persisted cache
 * (path + size + mtime, or content hash); the rest are parsed, in worker threads when asked.
 */
export async function indexWorkspace(paths: readonly string[], options: IndexOptions = {}): Promise<IndexResult> {
  const started = performance.now();
  const root = options.root ?? paths[0];
  const setup = options.setup ?? loadSetup({ ...(root ? { root } : {}), ...(options.configFile ? { configFile: options.configFile } : {}) });
  const fingerprint = setupFingerprint(setup);
  const cacheDir = options.cacheDir && root ? cacheDirFor(options.cacheDir, root) : undefined;
  const cached = cacheDir ? await loadCache(cacheDir, fingerprint) : new Map<string, CacheEntry>();
  const found = await findNotes(paths);
  const index = new NoteIndex();
  const entries = new Map<string, CacheEntry>();
  const problems: PathProblem[] = [...found.problems];
  const stats: IndexStats = { files: found.files.length, parsed: 0, fromCache: 0, bytes: 0, ms: 0 };
  let done = 0;
  const sharing = new SummarySharing();
  const take = (results: FileResult[]) => {
    for (const r of results) {
      if ('error' in r) problems.push({ path: r.path, message: r.error });
      else {
        r.entry.summary = sharing.share(r.entry.summary);
        entries.set(r.path, r.entry);
        index.set(r.entry.summary);
        if (r.reused) stats.fromCache++;
        else stats.parsed++;
        stats.bytes += r.bytes;
      }
    }
    done += results.length;
    options.onProgress?.(done, found.files.length);
  };

  const script = options.workerScript ?? workerScript();
  // Workers pay off only for notes that must be parsed: a warm start (all cached) stays on this thread.
  const uncached = found.files.reduce((n, f) => n + (cached.has(f) ? 0 : 1), 0);
  const workers = uncached > BATCH ? Math.min(options.workers ?? 0, Math.ceil(found.files.length / BATCH)) : 0;
  if (workers > 0 && script) await inWorkers(script, workers, found.files, cached, indexingSetupData(setup), take, options.signal);
  else await onThisThread(found.files, setup, cached, take, options.signal);

  stats.ms = performance.now() - started;
  return {
    index,
    setup,
    stats,
    problems,
    entries,
    save: async (changed?: Iterable<string>) => {
      if (cacheDir) await saveCache(cacheDir, fingerprint, entries, changed);
    },
  };
}

async function onThisThread(files: string[], setup: EngineSetup, cached: Map<string, CacheEntry>, take: (r: FileResult[]) => void, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  let results: FileResult[] = [];
  let since = performance.now();
  await summarizeFiles(files, setup, (path) => cached.get(path), async (result) => {
    results.push(result);
    if (performance.now() - since < SLICE_MS) return;
    take(results);
    results = [];
    // Yield between slices so an extension host stays responsive, and stop when cancelled.
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    since = performance.now();
  });
  if (results.length > 0) take(results);
}

async function inWorkers(
  script: string,
  count: number,
  files: string[],
  cached: Map<string, CacheEntry>,
  setup: SetupData,
  take: (r: FileResult[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  const batches: Array<{ paths: string[]; cached: Record<string, CacheEntry> }> = [];
  for (let next = 0; next < files.length; next += BATCH) {
    const paths = files.slice(next, next + BATCH);
    const slice: Record<string, CacheEntry> = {};
    for (const p of paths) {
      const c = cached.get(p);
      if (c) slice[p] = c;
    }
    batches.push({ paths, cached: slice });
  }
  const pool = new WorkerPool(script, count, { setup });
  try {
    await pool.run<(typeof batches)[number], FileResult[]>(batches, (results) => take(results), signal);
  } finally {
    await pool.close();
  }
}

/**
 * Re-reads one changed note and updates the index. Returns its summary and the paths of the
 * client's other notes, whose cross-note rules are the only ones that may need re-running.
 */
export async function updateNote(index: NoteIndex, setup: EngineSetup, path: string, entries?: Map<string, CacheEntry>): Promise<{ summary?: NoteSummary; affected: string[] }> {
  const before = index.get(path);
  const result = await summarizeFile(path, setup, entries?.get(path));
  if ('error' in result) {
    index.delete(path);
    entries?.delete(path);
    return { affected: before?.client ? index.pathsOfClient(before.client) : [] };
  }
  index.set(result.entry.summary);
  entries?.set(path, result.entry);
  const clients = new Set([before?.client, result.entry.summary.client].filter((c): c is string => c !== undefined));
  const affected = [...clients].flatMap((c) => index.pathsOfClient(c)).filter((p) => p !== path);
  return { summary: result.entry.summary, affected };
}
