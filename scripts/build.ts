// Bundles the extension, the CLI, the indexer's worker and the lint worker with esbuild. The first two are thin
// adapters over src/core. Before that, compiles the built-in YAML to JSON in dist/data/ (compile-data.ts).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { COMPILED_DIR } from '../src/core/data/compiled';
import { bundleOptions, ENTRY_POINTS } from './bundle-options';
import { compileBuiltinData, writePackedModel, writePhraseTable, writeSensitiveTopics, writeStandaloneValidators } from './compile-data';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = { ...bundleOptions, sourcemap: !production, minify: production, logLevel: 'info' } satisfies esbuild.BuildOptions;

const builds: esbuild.BuildOptions[] = [
  { ...common, entryPoints: [ENTRY_POINTS.extension], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: [ENTRY_POINTS.cli], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } },
  { ...common, entryPoints: [ENTRY_POINTS.worker], outfile: 'dist/index-worker.js' },
  { ...common, entryPoints: [ENTRY_POINTS.lintWorker], outfile: 'dist/lint-worker.js' },
  { ...common, entryPoints: [ENTRY_POINTS.batchWorker], outfile: 'dist/batch-worker.js' },
];

async function main(): Promise<void> {
  const dataDir = join('dist', COMPILED_DIR);
  rmSync(dataDir, { recursive: true, force: true });
  const written = [...compileBuiltinData(dataDir), writePhraseTable(dataDir), writeSensitiveTopics(dataDir), writePackedModel(dataDir), await writeStandaloneValidators(dataDir)];
  console.log(`Compiled ${written.length - 1} built-in data files and the schemas' validators to ${dataDir}/`);
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
  } else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
