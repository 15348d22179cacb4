// Mocha entry for the integration suite, loaded inside a real VS Code extension host.
// Both hosts call `run()`: scripts/test-host/run.mjs (code-server, offline) and
// test/integration/electron.mjs (@vscode/test-electron). It must reject when a test fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Compiled test files next to this bundle (out/integration/**\/*.test.js), in a stable order. */
function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    timeout: Number(process.env.COACH_TEST_TIMEOUT ?? 60_000),
    color: process.env.COACH_TEST_COLOR === '1',
    reporter: 'spec',
  });
  if (process.env.COACH_TEST_GREP) mocha.grep(process.env.COACH_TEST_GREP);

  const files = findTestFiles(__dirname);
  if (files.length === 0) throw new Error(`No *.test.js files in ${__dirname}: run scripts/test-host/build-tests.mjs first.`);
  for (const file of files) mocha.addFile(file);
  console.log(`integration: running ${files.length} test file(s) in VS Code ${vscode.version}`);

  // mocha.run() require()s the files (plain CommonJS, as in both hosts' own templates); a file
  // that throws while loading throws here, and run() rejects.
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1, pending: 0 } as Mocha.Stats)));
  });
  // A plain closing line that CI log readers understand, whichever host ran the suite.
  console.log(`integration: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed.`);
  if (stats.passes === 0) throw new Error('No integration test ran.');
}
