import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSetup, type EngineSetup } from '../../../src/core/engine/setup';

/** A fresh engine setup with only built-in data, or with a `.coach/config.yaml` text. */
export function setupWith(config?: string): EngineSetup {
  if (config === undefined) return loadSetup();
  const root = tempWorkspace({ '.coach/config.yaml': config });
  return loadSetup({ root });
}

/** Writes files (relative path → text) into a new temporary folder and returns its path. */
const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export function tempWorkspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'coach-notes-test-'));
  created.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** The built-in setup with the word lists alone: for tests of their readings and guards, which the sentence model would otherwise add to. */
export function wordListsOnly(): EngineSetup {
  return setupWith('judgmental:\n  model: false\n');
}
