// A note of 256 KB or more is checked in the lint worker (dist/lint-worker.js), not on the
// extension host thread: its diagnostics, a later edit's diagnostics and its outline still reach
// VS Code, at the right lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OFF_HOST_THRESHOLD } from '../../src/extension/diagnostics/lint-scheduler';
import { coachNotes, open, writeNote } from './support/api';
import { ruleOf, waitFor } from './support/wait';

const HEAD = '---\nclient: Maria Lopez\ndate: 2026-05-04\nsession: 7\n---\n\n';
const SECTIONS = ['3.1 Genuine concern', '3.2 Integrity and honesty', '3.3 Clear agreements', '3.4 Respect for the client', '3.5 Championing new behaviours', '3.6 Permission in sensitive areas'];
// Plain observations, one paragraph per line pair: quick to check, nothing to flag.
const FILLER = 'We reviewed the plan for the quarter and she listed three next steps.\n\n';

/** The worker starts and loads the setup before its first check: seconds on a busy machine. */
const WORKER_TIMEOUT_MS = 120_000;

function judgmentalLines(uri: vscode.Uri): number[] | undefined {
  const lines = vscode.languages
    .getDiagnostics(uri)
    .filter((d) => ruleOf(d) === 'coach:judgmental-language')
    .map((d) => d.range.start.line);
  return lines.length > 0 ? lines : undefined;
}

suite('large notes are checked in the lint worker', () => {
  test('Lint Workspace checks notes that are not open in the worker, with their diagnostics in the Problems panel', async function () {
    this.timeout(WORKER_TIMEOUT_MS + 30_000);
    const api = await coachNotes();
    const uri = await writeNote('closed-note.coach.md', `${HEAD.replace('05-04', '05-11').replace('session: 7', 'session: 8')}## 3.1 Genuine concern\n\nHe was lazy again.\n`);
    await waitFor(api.index.onDidChange, () => api.index.summary(uri), 'the index to see the new note');
    assert.equal(vscode.languages.getDiagnostics(uri).length, 0, 'a note that is not open has no diagnostics yet');
    const startsBefore = api.lint.worker?.starts ?? 0;
    const checked = await vscode.commands.executeCommand<number>('coachNotes.lintWorkspace');
    try {
      assert.ok(typeof checked === 'number' && checked > 0);
      assert.deepEqual(judgmentalLines(uri), [8]);
      assert.ok((api.lint.worker?.starts ?? 0) >= Math.max(1, startsBefore), 'a worker ran the checks');
      assert.equal(api.lint.worker?.broken, false);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('a note over 256 KB gets its diagnostics from the worker, after an edit too, and its outline', async function () {
    this.timeout(WORKER_TIMEOUT_MS * 2 + 30_000);
    const api = await coachNotes();
    assert.ok(api.lint.worker, 'dist/lint-worker.js ships beside dist/extension.js');
    const filler = FILLER.repeat(Math.ceil(OFF_HOST_THRESHOLD / FILLER.length) + 10);
    const body = SECTIONS.map((s) => `## ${s}\n\nNoticed in the session.\n`).join('\n');
    const text = `${HEAD}${body}\n${filler}She was lazy this week.\n`;
    assert.ok(text.length > OFF_HOST_THRESHOLD);
    const uri = await writeNote('large-note.coach.md', text);
    const offHostBefore = api.lint.scheduler.counts.offHost;
    const editor = await open(uri);
    try {
      const lazyLine = editor.document.lineCount - 2;
      assert.match(editor.document.lineAt(lazyLine).text, /lazy/);
      const first = await waitFor(vscode.languages.onDidChangeDiagnostics, () => judgmentalLines(uri), 'the judgmental-language diagnostic of the large note', WORKER_TIMEOUT_MS);
      assert.deepEqual(first, [lazyLine]);
      assert.ok(api.lint.scheduler.counts.offHost > offHostBefore, 'the check ran in the worker');

      // A newer version is checked too: a second judgmental sentence near the top.
      const topLine = editor.document.getText().split('\n').indexOf(FILLER.split('\n')[0] ?? '');
      assert.ok(topLine > 0);
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(topLine, 0), 'He is so stubborn. ')));
      const both = await waitFor(vscode.languages.onDidChangeDiagnostics, () => ((judgmentalLines(uri)?.length ?? 0) >= 2 ? judgmentalLines(uri) : undefined), 'the diagnostic of the edit', WORKER_TIMEOUT_MS);
      assert.deepEqual([...(both ?? [])].sort((a, b) => a - b), [topLine, lazyLine]);

      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      // The outline is Markdown's own, each section once.
      assert.deepEqual(symbols.map((s) => s.name.replace(/^#+\s*/, '')), SECTIONS, 'the outline lists each section once');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
