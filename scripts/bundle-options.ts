import type { BuildOptions } from 'esbuild';

/**
 * How every bundle is built: the shipped ones (scripts/build.ts) and those the tests and the bench
 * build from the same sources, so what they measure and check is what ships.
 */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Some ESM dependencies (fdir) read import.meta.url, which a CommonJS bundle lacks.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
} as const satisfies BuildOptions;

/** The entry point of each shipped bundle, relative to the project root. */
export const ENTRY_POINTS = {
  extension: 'src/extension/main.ts',
  cli: 'src/cli/main.ts',
  // The workspace indexer's worker thread, loaded from beside whichever bundle runs it.
  worker: 'src/core/indexer/worker.ts',
  // The CLI's many-note lint, in worker threads beside dist/cli.js.
  batchWorker: 'src/core/workspace/batch-worker.ts',
  // The lint worker: large open notes and Lint Workspace are checked off the extension host thread.
  lintWorker: 'src/extension/diagnostics/lint-worker.ts',
} as const;
