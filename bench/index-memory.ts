// Child process of bench/run.ts: indexes one corpus set on the main thread in a fresh process and
// prints, as JSON, the heap the index holds (after a forced GC) and the process's peak RSS.
// Run with --expose-gc, bundled by bench/run.ts into dist/bench/index-memory.js. Argument: <corpus set folder>.
import { loadSetup } from '../src/core/engine/setup';

type Indexer = typeof import('../src/core/indexer/index');

async function main(): Promise<void> {
  const dir = process.argv[2];
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!dir || !gc) throw new Error('usage: node --expose-gc dist/bench/index-memory.js <folder>');
  let indexer: Partial<Indexer> = {};
  try {
    indexer = (await import('../src/core/indexer/index')) as Partial<Indexer>;
  } catch {
    // Reported as pending below.
  }
  if (typeof indexer.indexWorkspace !== 'function') {
    process.stdout.write(`${JSON.stringify({ pending: true })}\n`);
    return;
  }
  const setup = loadSetup({ root: dir });
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const result = await indexer.indexWorkspace([dir], { root: dir, workers: 0, setup });
  gc();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const out = {
    pending: false,
    files: result.stats.files,
    notesInIndex: result.index.size,
    heapBefore,
    heapAfter,
    rssBefore,
    maxRSS: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
