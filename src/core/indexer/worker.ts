// Runs in a worker_threads worker (bundled as dist/index-worker.js): summarises batches of notes
// off the main thread, so the extension host stays responsive while a large workspace is indexed.
import { parentPort, workerData } from 'node:worker_threads';
import { setupFromData, type SetupData } from '../engine/setup';
import type { CacheEntry } from './cache';
import { summarizeFiles, type FileResult } from './summarize-file';

interface Batch {
  paths: string[];
  cached: Record<string, CacheEntry>;
}

// The host's setup, already loaded and validated, arrives as data.
const setup = setupFromData((workerData as { setup: SetupData }).setup);

parentPort?.on('message', async (batch: Batch) => {
  const results: FileResult[] = [];
  await summarizeFiles(batch.paths, setup, (path) => batch.cached[path], (result) => void results.push(result), true);
  parentPort?.postMessage(results);
});
