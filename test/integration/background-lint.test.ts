import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { coachNotes, open, workspaceUri } from './support/api';
import { ruleOf, waitForDiagnostics } from './support/wait';

const FIXTURE = [
  ['priya-shah', 'priya-shah-2026-03-10.coach.md'],
  ['alex-morgan', 'alex-morgan-2026-03-03.coach.md'],
  ['priya-shah', 'priya-shah-2026-02-10.coach.md'],
  ['alex-morgan', 'alex-morgan-2026-02-03.coach.md'],
];

/** Fixture notes VS Code has never loaded as documents: only a check of their files can have found anything. */
function neverOpened(): vscode.Uri[] {
  const loaded = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  return FIXTURE.map((parts) => workspaceUri(...parts)).filter((uri) => !loaded.has(uri.toString()));
}

const key = (d: vscode.Diagnostic) => `${ruleOf(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`;
const keys = (ds: readonly vscode.Diagnostic[]) => ds.map(key).sort();

suite('background workspace lint', () => {
  let closed: vscode.Uri[] = [];
  suiteSetup(() => {
    closed = neverOpened();
  });

  test('after start-up, closed notes’ findings reach the Problems panel from the lint worker, in trusted and untrusted workspaces', async () => {
    const api = await coachNotes();
    assert.ok(closed.length > 0, 'a fixture note no editor has loaded');
    for (const uri of closed) {
      await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'coach:missing-marker-section'), `the findings of ${uri.path}, never opened`);
    }
    assert.deepEqual(neverOpened().map(String), closed.map(String), 'no note was opened to get them');
    assert.ok(api.lint.worker, 'the lint worker ships with the extension');
    assert.ok(api.lint.fileChecks.worker >= closed.length, 'checked in the worker');
    assert.equal(api.lint.fileChecks.host, 0, 'nothing read on the extension host thread');
  });

  test('an editor’s findings replace the file’s without duplicates, and closing it brings them back without a gap', async function () {
    if (closed.length < 2) this.skip();
    const api = await coachNotes();
    const uri = closed[0] as vscode.Uri;
    const fromFile = keys(await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the file findings'));
    const editor = await open(uri);
    await api.lint.lintNow(editor.document);
    assert.deepEqual(keys(vscode.languages.getDiagnostics(uri)), fromFile, 'the same findings, once each');

    let gap = false;
    const watch = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && vscode.languages.getDiagnostics(uri).length === 0) gap = true;
    });
    try {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // Give the close its events (tab, document) and the file check its round trip.
      await api.lint.checkClosedNotes();
      assert.deepEqual(keys(vscode.languages.getDiagnostics(uri)), fromFile, 'the closed note keeps its file’s findings');
      assert.equal(gap, false, 'the findings never left the Problems panel');
    } finally {
      watch.dispose();
    }
  });

  test('a closed note’s findings follow its file when it changes on disk', async function () {
    const uri = closed.at(-1);
    if (!uri || closed.length < 2) this.skip();
    await coachNotes();
    const original = await vscode.workspace.fs.readFile(uri);
    const judgmental = (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === 'coach:judgmental-language');
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.concat([Buffer.from(original), Buffer.from('\nShe was lazy this week.\n')]));
      await waitForDiagnostics(uri, judgmental, 'the new finding of the changed file');
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await waitForDiagnostics(uri, (ds) => ds.length > 0 && !judgmental(ds), 'the finding to go with the change');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the note was never opened');
  });

  test('coachNotes.lint.workspaceOnStartup turns it off, and on again', async function () {
    const uri = closed.at(-1);
    if (!uri) this.skip();
    const api = await coachNotes();
    const config = vscode.workspace.getConfiguration('coachNotes');
    try {
      await config.update('lint.workspaceOnStartup', false, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'closed notes’ findings to go when it is turned off');
      await api.lint.checkClosedNotes();
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'and no check brings them back while it is off');
    } finally {
      await config.update('lint.workspaceOnStartup', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the findings back when it is on');
  });
});
