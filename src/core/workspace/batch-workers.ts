import { availableParallelism } from 'node:os';
import type { Finding } from '../model/types';
import { bundledWorker, WorkerPool } from '../workers/pool';
import { batchResult, type BatchResult } from './batch';
import type { BatchWorkerData, CrossReply, LocalReply } from './batch-protocol';
import type { NoteFile } from './files';
import { NoteIndex } from './index';

/** Notes handed to a worker at a time. */
const BATCH = 50;
/** Below this many notes, starting workers (each loads the setup and warms up) costs more than it saves. */
export const MIN_NOTES_FOR_WORKERS = 200;

/** The CLI's lint worker, dist/batch-worker.js. */
export function batchWorkerScript(): string | undefined {
  return bundledWorker('batch-worker.js');
}

/** How many worker threads to lint `notes` notes with by default: one per core, at most 4; none for few notes or one core. */
export function defaultWorkers(notes: number, cores = availableParallelism()): number {
  if (notes < MIN_NOTES_FOR_WORKERS || cores < 2) return 0;
  return Math.min(cores, 4, Math.ceil(notes / BATCH));
}

/**
 * `lintBatch` in worker threads, with the same results in the same order. Round one: batches of
 * notes are parsed and checked by the rules that read one note; this thread builds the index of
 * their summaries. Round two: each worker gets the summaries of its notes' clients and runs the
 * cross-note rules on the notes it kept, so no note is parsed twice and no syntax tree crosses
 * threads.
 */
export async function lintBatchInWorkers(files: readonly NoteFile[], data: BatchWorkerData, workers: number, script: string): Promise<{ results: BatchResult[]; index: NoteIndex }> {
  const jobs: Array<{ kind: 'local'; files: NoteFile[]; first: number }> = [];
  for (let first = 0; first < files.length; first += BATCH) jobs.push({ kind: 'local', files: files.slice(first, first + BATCH), first });
  const local: LocalReply[] = new Array<LocalReply>(files.length);
  const held: Array<Set<string>> = [];
  const index = new NoteIndex();
  const pool = new WorkerPool(script, Math.max(1, Math.min(workers, jobs.length)), data);
  let cross: CrossReply[];
  try {
    await pool.run<(typeof jobs)[number], LocalReply[]>(jobs, (replies, worker, job) => {
      const paths = (held[worker] ??= new Set());
      replies.forEach((reply, i) => {
        local[job.first + i] = reply;
        index.set(reply.summary);
        paths.add(reply.path);
      });
    });
    cross = await pool.each<CrossReply>((worker) => ({ kind: 'cross', summaries: summariesFor(index, held[worker]) }));
  } finally {
    await pool.close();
  }
  const more = (path: string): Finding[] => cross.find((reply) => Object.hasOwn(reply, path))?.[path] ?? [];
  const results = files.map((file, i) => {
    const reply = local[i] as LocalReply;
    return batchResult(file, reply.summary, reply.findings, more(file.path));
  });
  return { results, index };
}

/** Every summary of the clients of the notes at `paths`: all a cross-note rule reads about them. */
function summariesFor(index: NoteIndex, paths: ReadonlySet<string> | undefined) {
  const clients = new Set<string>();
  for (const path of paths ?? []) {
    const client = index.get(path)?.client;
    if (client !== undefined) clients.add(client);
  }
  return [...clients].flatMap((client) => index.pathsOfClient(client).map((p) => index.get(p)).filter((s) => s !== undefined));
}

