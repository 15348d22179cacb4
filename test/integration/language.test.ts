import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { coachNotes, EXTENSION_ID, open, workspaceUri } from './support/api';

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

  test('a coach note\'s outline lists each heading once (Markdown\'s own symbols), and folding comes from its headings', async () => {
    const uri = workspaceUri('alex-morgan', 'alex-morgan-2026-02-03.coach.md');
    await open(uri);
    const names = async () => {
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      const flat = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...flat(s.children ?? [])]);
      return flat(symbols);
    };
    // Markdown's language server answers once it has started (no event for that): ask until it does.
    let listed = await names();
    for (let i = 0; i < 150 && !listed.some((n) => n.startsWith('#')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      listed = await names();
    }
    assert.deepEqual(listed, ['# Alex Morgan — session 1', '## 3.1 Genuine concern', '## 3.3 Clear agreements', '## Agreements']);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.ok(folds.some((f) => f.start === 0 && f.end === 4), 'the frontmatter folds');
    assert.ok(folds.some((f) => f.start === 10 && f.end === 12), 'the 3.1 section folds');
  });
});
