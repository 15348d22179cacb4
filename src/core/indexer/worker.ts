// Runs in a worker_threads worker (bundled as dist/index-worker.js): summarises batches of notes
// off the main thread, so the extension host stays responsive while a large workspace is indexed.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSetup } from '../engine/setup';
import type { CacheEntry } from './cache';
import { summarizeFiles, type FileResult } from './summarize-file';

interface Batch {
  paths: string[];
  cached: Record<string, CacheEntry>;
}

const setup = loadSetup(workerData as { root?: string; configFile?: string });

parentPort?.on('message', async (batch: Batch) => {
  const results: FileResult[] = [];
  await summarizeFiles(batch.paths, setup, (path) => batch.cached[path], (result) => void results.push(result));
  parentPort?.postMessage(results);
});
