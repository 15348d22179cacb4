import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { coachNotes, EXTENSION_ID, open, workspaceUri, writeNote } from './support/api';

suite('language support', () => {
  suiteSetup(async () => {
    await coachNotes();
  });

  test('a .coach.md file opens in VS Code\'s own markdown language', async () => {
    const editor = await open(workspaceUri('alex-morgan', 'alex-morgan-2026-02-03.coach.md'));
    assert.equal(editor.document.languageId, 'markdown');
  });

  test('snippets and commands are contributed', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { snippets?: unknown; commands: { command: string; category: string }[] } };
    // Snippets come from a completion provider for coach notes, not the manifest (which would reach every Markdown file).
    assert.equal(pkg.contributes.snippets, undefined);
    const all = await vscode.commands.getCommands(true);
    for (const id of ['coachNotes.newNote', 'coachNotes.lintWorkspace', 'coachNotes.openPreview', 'coachNotes.coverage.pickQuarter', 'coachNotes.coverage.revealCurrent']) {
      assert.ok(all.includes(id), `${id} is registered`);
    }
    assert.ok(pkg.contributes.commands.every((c) => c.category === 'Coach Notes'));
    // An unsaved note (untitled, named *.coach.md): it is a note, but not on disk for the index.
    const doc = await vscode.workspace.openTextDocument(workspaceUri('snippet-test.coach.md').with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(doc);
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'coach-'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 6));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.some((l) => l.startsWith('coach-session')), `session snippet offered: ${labels.join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the outline and folding ranges come from the note\'s headings', async () => {
    const uri = workspaceUri('alex-morgan', 'alex-morgan-2026-02-03.coach.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.equal(symbols[0]?.name, 'Alex Morgan — session 1');
    assert.deepEqual(symbols[0]?.children.map((s) => s.name), ['3.1 Genuine concern', '3.3 Clear agreements', 'Agreements']);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.ok(folds.some((f) => f.start === 0 && f.end === 4), 'the frontmatter folds');
    assert.ok(folds.some((f) => f.start === 10 && f.end === 12), 'the 3.1 section folds');
  });

  test('New Session Note creates a note from the template and never overwrites one', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.newNote', 'Sam Okafor');
    assert.ok(created, 'a note was created');
    assert.match(created.path, /\/sam-okafor-\d{4}-\d{2}-\d{2}\.coach\.md$/);
    const text = Buffer.from(await vscode.workspace.fs.readFile(created)).toString('utf8');
    assert.match(text, /^---\nclient: "Sam Okafor"\ndate: \d{4}-\d{2}-\d{2}\n/);
    for (const id of ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']) assert.match(text, new RegExp(`^## ${id.replace('.', '\\.')} `, 'm'));

    await writeNote(vscode.workspace.asRelativePath(created), 'my own words\n');
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.newNote', 'Sam Okafor');
    assert.equal(again, undefined, 'a second note on the same day is refused');
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(created)).toString('utf8'), 'my own words\n');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(created);
  });
});
