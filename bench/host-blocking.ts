// Child process of bench/run.ts: indexes a corpus set the way the extension does on this machine
// (a fresh process, 2 worker threads asked for, a cache folder), cold and then warm, and prints as
// JSON the longest time the main thread (an extension host's) held its event loop in each.
// Bundled by bench/run.ts into dist/bench/host-blocking.js. Arguments: <corpus set folder> <worker script>.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSetup } from '../src/core/engine/setup';
import { indexWorkspace } from '../src/core/indexer/index';
import { longestBlock } from './event-loop';

async function main(): Promise<void> {
  const [dir, workerScript] = process.argv.slice(2);
  if (!dir || !workerScript) throw new Error('usage: node dist/bench/host-blocking.js <folder> <worker script>');
  const cacheDir = mkdtempSync(join(tmpdir(), 'coach-bench-host-'));
  try {
    // As the extension: the setup is loaded at activation, before indexing starts.
    const setup = loadSetup({ root: dir });
    const options = { root: dir, setup, workers: 2, workerScript, cacheDir };
    let parsed = 0;
    const cold = await longestBlock(async () => {
      const result = await indexWorkspace([dir], options);
      parsed = result.stats.parsed;
      await result.save();
    });
    let fromCache = 0;
    const warm = await longestBlock(async () => {
      fromCache = (await indexWorkspace([dir], options)).stats.fromCache;
    });
    process.stdout.write(`${JSON.stringify({ cold, warm, parsed, fromCache })}\n`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
