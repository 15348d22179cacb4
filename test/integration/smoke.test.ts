import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { requestScreenshot } from './support/screenshot';

const EXTENSION_ID = 'coach-notes.coach-notes';

suite('smoke', () => {
  test('the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the installed extensions`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('a .coach.md note from the workspace opens as a Coach Notes document', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is not open');
    const notes = await vscode.workspace.findFiles('**/*.coach.md');
    assert.ok(notes.length >= 3, `expected the fixture notes, found ${notes.length}`);

    const uri = notes.find((n) => n.path.endsWith('alex-morgan-2026-02-03.coach.md'));
    assert.ok(uri, 'fixture note alex-morgan-2026-02-03.coach.md is missing');
    assert.equal(uri.scheme, 'file');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^client: Alex Morgan$/m);
    assert.match(document.getText(), /^## 3\.1 Genuine concern$/m);

    // A no-op unless the runner was started with --screenshot FILE.
    await requestScreenshot();
  });
});
