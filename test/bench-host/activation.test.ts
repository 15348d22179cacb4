// Not a pass/fail test: bench/activation.ts runs it in the real VS Code of the integration suite,
// on a generated 1,000-note workspace, and reads the timings it writes. The runner opened the
// first note of COACH_BENCH_NOTES with the workbench (so opening it is what activates the
// extension); this file opens the others one after another and waits for each one's first
// diagnostics. Every time is in milliseconds since the epoch, on the extension host's clock.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CoachNotesApi } from '../../src/extension/main';
import { EXTENSION_ID } from '../integration/support/api';
import { waitFor } from '../integration/support/wait';

/** One note opened by this test. */
export interface OpenedNote {
  path: string;
  /** Just before openTextDocument was called. */
  opened: number;
  /** When the extension was told it opened (its onDidOpenTextDocument mark): the check starts then. */
  seen: number;
  /** When the extension published its first diagnostics for it (its timing mark). */
  published: number;
  /** When onDidChangeDiagnostics first reported it here (VS Code batches these events). */
  event: number;
  /** Whether the first workspace scan had finished when it was opened. */
  scanDone: boolean;
}

/** What the run writes to COACH_BENCH_OUT. */
export interface ActivationRun {
  moduleLoaded: number;
  activateEntered: number;
  activateReturned: number;
  /** The note the workbench opened at start-up, and its first diagnostics. */
  startup: { path: string; published: number };
  opened: OpenedNote[];
  /** When this test saw the first workspace scan finish (api.ready; its start if already done). */
  ready: number;
}

const now = (): number => performance.timeOrigin + performance.now();

function settings(): { out: string; notes: string[] } {
  const out = process.env.COACH_BENCH_OUT;
  const notes = JSON.parse(process.env.COACH_BENCH_NOTES ?? '[]') as string[];
  if (!out || notes.length < 2) throw new Error('COACH_BENCH_OUT and COACH_BENCH_NOTES (two paths or more) must be set: run this through bench/activation.ts');
  return { out, notes };
}

/** Resolves with the extension's first-diagnostics mark for `uri`, waiting on onDidChangeDiagnostics. */
function firstDiagnostics(api: CoachNotesApi, uri: vscode.Uri): Promise<{ published: number; event: number }> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const published = api.timing.firstDiagnostics(uri.toString());
      return published === undefined ? undefined : { published, event: now() };
    },
    `the first diagnostics of ${uri.fsPath}`,
    60_000,
  );
}

suite('activation bench', () => {
  test('times activation and the first diagnostics of opened notes', async function () {
    this.timeout(180_000);
    const { out, notes } = settings();
    const extension = vscode.extensions.getExtension<CoachNotesApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
    const api = await extension.activate();
    let scanDone = false;
    let ready = 0;
    void api.ready.then(() => {
      scanDone = true;
      ready = now();
    });

    const startupUri = vscode.Uri.file(notes[0] as string);
    const startup = await firstDiagnostics(api, startupUri);

    const opened: OpenedNote[] = [];
    for (const path of notes.slice(1)) {
      const uri = vscode.Uri.file(path);
      const at = now();
      const done = scanDone;
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const first = await firstDiagnostics(api, uri);
      const seen = api.timing.firstOpened(uri.toString());
      assert.ok(seen !== undefined, `the extension never saw ${path} open`);
      opened.push({ path, opened: at, seen, ...first, scanDone: done });
    }
    await api.ready;

    const { timing } = api;
    assert.ok(timing.activateEntered !== undefined && timing.activateReturned !== undefined, 'the extension recorded no activate() marks');
    const run: ActivationRun = {
      moduleLoaded: timing.moduleLoaded,
      activateEntered: timing.activateEntered,
      activateReturned: timing.activateReturned,
      startup: { path: startupUri.fsPath, published: startup.published },
      opened,
      ready,
    };
    writeFileSync(out, JSON.stringify(run, null, 1));
  });
});
