#!/usr/bin/env node
// Bundles the integration suite for the extension host: test/integration/index.ts and every
// test/integration/**/*.test.ts become out/integration/**/*.js (CommonJS, Node 20).
// 'vscode' is provided by the host; 'mocha' stays external and is loaded at run time from
// the project's node_modules (it is a devDependency and bundles badly: dynamic requires).
// Helpers under test/integration (e.g. support/) and src/ are bundled into each test file.
// Usage: node scripts/test-host/build-tests.mjs [--suite NAME]
//   --suite NAME   bundle test/NAME/ into out/NAME/ instead (e.g. bench-host, for bench/activation.ts)
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HOST_BUNDLE } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({ options: { suite: { type: 'string', default: 'integration' } } });
if (!/^[\w-]+$/.test(opts.suite)) {
  console.error(`[build-tests] --suite must be a folder name under test/, not '${opts.suite}'`);
  process.exit(1);
}
const srcDir = join(root, 'test', opts.suite);
const outDir = join(root, 'out', opts.suite);

const tests = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => join(srcDir, file))
  .sort();
if (tests.length === 0) {
  console.error(`[build-tests] no *.test.ts under ${relative(root, srcDir)}`);
  process.exit(1);
}

// Start clean so a deleted or renamed test never runs from a stale bundle.
rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: [join(srcDir, 'index.ts'), ...tests],
  outbase: srcDir,
  outdir: outDir,
  ...HOST_BUNDLE,
});
console.log(`[build-tests] ${tests.length} test file(s) -> ${relative(root, outDir)}/`);
