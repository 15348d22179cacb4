import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { coachNotes } from './support/api';

/** mtime and content hash of every note in the workspace. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const uri of await vscode.workspace.findFiles('**/*.coach.md')) {
    const stat = await vscode.workspace.fs.stat(uri);
    out[uri.fsPath] = `${stat.mtime}:${createHash('sha1').update(await vscode.workspace.fs.readFile(uri)).digest('hex')}`;
  }
  return out;
}

suite('nothing is written to notes unasked', () => {
  test('opening, linting, indexing, outlines and the coverage tree leave every note untouched', async () => {
    const api = await coachNotes();
    const before = await snapshot();
    assert.ok(Object.keys(before).length >= 4);
    for (const path of Object.keys(before)) {
      const uri = vscode.Uri.file(path);
      await vscode.window.showTextDocument(uri, { preview: false });
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
    }
    await vscode.commands.executeCommand('coachNotes.lintWorkspace');
    await vscode.commands.executeCommand('coachNotes.coverage.refresh');
    for (const grouping of ['client', 'marker'] as const) {
      api.tree.grouping = grouping;
      api.tree.refresh();
    }
    await vscode.commands.executeCommand('coachNotes.coverage.revealCurrent');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepEqual(await snapshot(), before);
  });
});
