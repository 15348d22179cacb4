import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateSet } from '../../bench/corpus';
import { bundleOptions, ENTRY_POINTS } from '../../scripts/bundle-options';
import { loadSetup } from '../../src/core/engine/setup';
import { lintBatch } from '../../src/core/workspace/batch';
import { defaultWorkers, lintBatchInWorkers, MIN_NOTES_FOR_WORKERS } from '../../src/core/workspace/batch-workers';
import type { NoteFile } from '../../src/core/workspace/files';
import { WorkerPool } from '../../src/core/workers/pool';

// The CLI lints many notes in worker threads (issue 13): it must give exactly what one thread gives,
// cross-note findings included, in the same order.
describe('many notes linted in worker threads', () => {
  let script: string;
  const root = join(__dirname, '..', '..');

  before(async function () {
    this.timeout(120_000);
    // Inside the project, so the bundle finds the built-in data above it, as dist/batch-worker.js does.
    script = join(root, 'out', 'unit', 'batch-worker.js');
    await build({ ...bundleOptions, logLevel: 'silent', entryPoints: [join(root, ENTRY_POINTS.batchWorker)], outfile: script });
  });

  it('gives the findings, summaries and order of one thread, cross-note findings included', async function () {
    this.timeout(300_000);
    // Notes of many clients, given in an order that spreads each client over several batches and workers.
    const files: NoteFile[] = generateSet(11, 240, 24)
      .map((n) => ({ path: join('/practice', n.path), text: n.text }))
      .sort((a, b) => (a.text.length % 7) - (b.text.length % 7) || (a.path < b.path ? -1 : 1));
    files[3] = { ...(files[3] as NoteFile), warning: 'bad bytes' };
    const setup = loadSetup({});
    const one = lintBatch(files, setup);
    const crossNote = one.results.flatMap((r) => r.findings).filter((f) => f.ruleId === 'agreement-follow-up').length;
    assert.ok(crossNote > 5, `${crossNote} cross-note findings`);
    const many = await lintBatchInWorkers(files, { setupOptions: {}, options: {} }, 3, script);
    assert.deepEqual(many.results, one.results);
    assert.equal(many.index.size, one.index.size);
  });

  it('uses workers for many notes on more than one core, at most four, and none otherwise', () => {
    assert.equal(defaultWorkers(MIN_NOTES_FOR_WORKERS - 1, 8), 0);
    assert.equal(defaultWorkers(10_000, 1), 0);
    assert.equal(defaultWorkers(10_000, 2), 2);
    assert.equal(defaultWorkers(10_000, 16), 4);
    assert.equal(defaultWorkers(MIN_NOTES_FOR_WORKERS, 16), 4);
  });

  it('a pool passes each reply to the job that asked, with two jobs in flight per worker, and stops on a worker error', async function () {
    this.timeout(60_000);
    const echo = 'const { parentPort } = require("node:worker_threads"); parentPort.on("message", (m) => { if (m === "boom") throw new Error("boom"); parentPort.postMessage(m * 2); });';
    const file = join(root, 'out', 'unit', 'echo-worker.js');
    await build({ stdin: { contents: echo, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'silent' });
    const pool = new WorkerPool(file, 2, undefined);
    try {
      const seen: Array<[number, number]> = [];
      await pool.run<number, number>([1, 2, 3, 4, 5, 6, 7], (reply, _worker, job) => seen.push([job, reply]));
      assert.deepEqual(seen.sort((a, b) => a[0] - b[0]), [1, 2, 3, 4, 5, 6, 7].map((j) => [j, j * 2]));
      assert.deepEqual(await pool.each<number>((n) => n + 10), [20, 22]);
      await assert.rejects(pool.run<unknown, number>(['boom', 1], () => {}), /boom/);
    } finally {
      await pool.close();
    }
  });
});
