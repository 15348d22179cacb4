#!/usr/bin/env node
// Runs the integration suite with @vscode/test-electron, which downloads VS Code (needs network;
// on a headless Linux box wrap it in `xvfb-run -a`). The same out/integration/index.js runs
// offline through scripts/test-host/run.mjs. Build first: `npm run test:electron` does both.
// Usage: node test/integration/electron.mjs [WORKSPACE]
// Env: VSCODE_TEST_VERSION (default 1.100.3, the version the offline host runs; 'stable'
// or 'insiders' also work), COACH_TEST_GREP (only run matching tests).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const extensionTestsPath = join(root, 'out', 'integration', 'index.js');
if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} not found: run node scripts/test-host/build-tests.mjs first.`);
  process.exit(1);
}

// Tests may create, edit and delete notes: give them a throwaway copy of the fixture workspace.
const runDir = mkdtempSync(join(tmpdir(), 'coach-electron-'));
const workspace = process.argv[2] ? resolve(process.argv[2]) : join(runDir, 'workspace');
if (!process.argv[2]) cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_TEST_VERSION || '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath,
    extensionTestsEnv: process.env.COACH_TEST_GREP ? { COACH_TEST_GREP: process.env.COACH_TEST_GREP } : {},
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--user-data-dir', join(runDir, 'user-data'),
      '--extensions-dir', join(runDir, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`The integration suite failed: ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  rmSync(runDir, { recursive: true, force: true });
}
process.exit(code);
