// Runs in a worker_threads worker (bundled as dist/batch-worker.js): the CLI's many-note lint in
// two rounds. First, batches of notes are parsed and checked by the rules that read one note;
// the worker keeps each note's light form. Then, given the summaries of its notes' clients, it
// runs the cross-note rules on the notes it kept. See batch-workers.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSetup } from '../engine/setup';
import type { Note } from '../note/types';
import { lintAcross, lintLocally, ruleSplit } from './batch';
import type { BatchToWorker, BatchWorkerData, LocalReply } from './batch-protocol';
import { NoteIndex } from './index';

const { setupOptions, options } = workerData as BatchWorkerData;
// Loaded here rather than cloned from the main thread: the phrase table is read lazily (phrase-table.ts).
const setup = loadSetup(setupOptions);
const { local, cross } = ruleSplit(options);
const kept = new Map<string, Note>();

parentPort?.on('message', (message: BatchToWorker) => {
  if (message.kind === 'local') {
    const replies: LocalReply[] = message.files.map((file) => {
      const result = lintLocally(file, setup, options, local);
      kept.set(file.path, result.light);
      return { path: file.path, summary: result.summary, findings: result.findings };
    });
    parentPort?.postMessage(replies);
    return;
  }
  const index = new NoteIndex();
  for (const summary of message.summaries) index.set(summary);
  const found: Record<string, ReturnType<typeof lintAcross>> = {};
  for (const [path, light] of kept) {
    const more = lintAcross(light, setup, options, cross, index);
    if (more.length > 0) found[path] = more;
  }
  kept.clear();
  parentPort?.postMessage(found);
});
