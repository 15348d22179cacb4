import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { offerAssociationMigration, SWITCH } from '../../src/extension/language/association-migration';
import type { Output } from '../../src/extension/output';
import { coachNotes, open, workspaceUri, writeNote } from './support/api';
import { ruleOf, waitForDiagnostics } from './support/wait';

const HEAD = '---\nclient: Maria Lopez\ndate: 2026-03-23\nsession: 2\n---\n\n';
const BODY = '## 3.1 Genuine concern\n\nAsked about her week. See [the plan](#31-genuine-concern).\n\nShe was lazy this week.\n';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completions(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items.map(labelOf);
}

/**
 * Markdown's language server answers once it has started, and there is no event for that: asks
 * again until `check` holds (every 200 ms, up to 30 s), then returns the last answer either way.
 */
async function untilMarkdownAnswers<T>(ask: () => Thenable<T>, check: (value: T) => boolean): Promise<T> {
  let value = await ask();
  for (let i = 0; i < 150 && !check(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await ask();
  }
  return value;
}

const endOf = (doc: vscode.TextDocument, text: string) => doc.positionAt(doc.getText().indexOf(text) + text.length);

suite('coach notes are Markdown', () => {
  suiteSetup(async () => {
    await coachNotes();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // The notes written here must not count in the suites that follow (reports, coverage).
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri('md-native'), { recursive: true, useTrash: false });
  });

  test('a coach note opens in the markdown language, with Markdown\'s word wrap', async () => {
    const uri = await writeNote('md-native/wrap.coach.md', HEAD + BODY);
    const editor = await open(uri);
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'on');
  });

  test('Markdown completes links to files and to the note\'s own headers', async () => {
    const uri = await writeNote('md-native/links.coach.md', `${HEAD}${BODY}\nLast time: [notes](../alex-morgan/\n\nBack to [the top](#\n`);
    const doc = (await open(uri)).document;
    const files = await untilMarkdownAnswers(
      () => completions(uri, endOf(doc, '(../alex-morgan/'), '/'),
      (labels) => labels.some((l) => l.includes('alex-morgan-2026-02-03.coach.md')),
    );
    assert.ok(files.some((l) => l.includes('alex-morgan-2026-02-03.coach.md')), `path completion: ${files.join(', ')}`);
    const headers = await completions(uri, endOf(doc, '[the top](#'), '#');
    assert.ok(headers.some((l) => l.includes('31-genuine-concern')), `header completion: ${headers.join(', ')}`);
  });

  test('Markdown finds the references to a marker section\'s header', async () => {
    const uri = await writeNote('md-native/references.coach.md', HEAD + BODY);
    const doc = (await open(uri)).document;
    const header = doc.positionAt(doc.getText().indexOf('3.1 Genuine concern'));
    const link = doc.positionAt(doc.getText().indexOf('#31-genuine-concern'));
    const refs = await untilMarkdownAnswers(
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, header),
      (locations) => locations.some((l) => l.range.start.line === link.line),
    );
    assert.ok(refs.some((l) => l.uri.toString() === uri.toString() && l.range.start.line === link.line), `references: ${JSON.stringify(refs.map((l) => l.range.start))}`);
  });

  test('the coach diagnostics and quick fixes reach a Markdown note', async () => {
    const uri = await writeNote('md-native/diagnostics.coach.md', HEAD + BODY);
    await open(uri);
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => ruleOf(d) === 'coach:judgmental-language'), 'the judgmental-language finding');
    const finding = ds.find((d) => ruleOf(d) === 'coach:judgmental-language');
    assert.ok(finding);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title.startsWith('Replace with')), actions.map((a) => a.title).join(', '));
  });

  test('the coach snippets are offered in a coach note, saved or not yet saved', async () => {
    const saved = await writeNote('md-native/snippets.coach.md', `${HEAD}coach-ses`);
    const doc = (await open(saved)).document;
    assert.ok((await completions(saved, endOf(doc, 'coach-ses'))).includes('coach-session'));

    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const untitled = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'md-native', 'new.coach.md').with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(untitled);
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'coach-ag'));
      assert.equal(untitled.languageId, 'markdown');
      const labels = await completions(untitled.uri, new vscode.Position(0, 8));
      assert.ok(labels.includes('coach-agreements') && labels.includes('coach-agreement'), labels.join(', '));
    } finally {
      // Never leave a dirty untitled editor behind: closing it would ask to save.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('a plain .md file gets none of the coach features, even when it reads like a note', async () => {
    const text = `${HEAD}${BODY}\ncoach-ses`;
    const plain = await writeNote('md-native/plain.md', text);
    const note = await writeNote('md-native/twin.coach.md', text);
    // Both stay open in their own tabs (a preview tab would be replaced, and its findings cleared).
    const plainDoc = (await vscode.window.showTextDocument(plain, { preview: false })).document;
    await vscode.window.showTextDocument(note, { preview: false });
    assert.equal(plainDoc.languageId, 'markdown');
    // The note is linted after the plain file was opened: had the plain file counted, its findings would be in by now.
    await waitForDiagnostics(note, (all) => all.some((d) => ruleOf(d) === 'coach:judgmental-language'), 'the twin note\'s finding');
    assert.deepEqual(vscode.languages.getDiagnostics(plain).filter((d) => d.source === 'Coach Notes'), []);

    const lazy = plainDoc.getText().indexOf('lazy');
    const range = new vscode.Range(plainDoc.positionAt(lazy), plainDoc.positionAt(lazy + 4));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plain, range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!actions.some((a) => a.title.startsWith('Replace with')), actions.map((a) => a.title).join(', '));
    assert.ok(!(await completions(plain, endOf(plainDoc, 'coach-ses'))).includes('coach-session'));
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', plain)) ?? [];
    const flat = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children)]);
    assert.ok(!flat(symbols).some((s) => s.detail === 'marker section'), 'no coach outline');
  });

  test('a files.associations entry for the old coach-markdown language is switched to markdown only when the coach agrees', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const target = vscode.ConfigurationTarget.Workspace;
    await files.update('associations', { '*.legacy-note': 'coach-markdown', '*.txt': 'plaintext' }, target);
    try {
      const lines: string[] = [];
      const output = { warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m) } as unknown as Output;
      const memento = (): vscode.Memento => {
        const values = new Map<string, unknown>();
        return { keys: () => [...values.keys()], get: <T>(k: string) => values.get(k) as T, update: async (k: string, v: unknown) => void values.set(k, v) } as vscode.Memento;
      };
      const read = () => vscode.workspace.getConfiguration('files').inspect<Record<string, string>>('associations')?.workspaceValue;

      assert.equal(await offerAssociationMigration(memento(), output, async () => undefined), false, 'dismissed: nothing changes');
      assert.deepEqual(read(), { '*.legacy-note': 'coach-markdown', '*.txt': 'plaintext' });
      assert.match(lines[0] ?? '', /\*\.legacy-note/);

      const state = memento();
      assert.equal(await offerAssociationMigration(state, output, async () => SWITCH), true);
      assert.deepEqual(read(), { '*.legacy-note': 'markdown', '*.txt': 'plaintext' });
      let asked = false;
      await files.update('associations', { '*.legacy-note': 'coach-markdown' }, target);
      await offerAssociationMigration(state, output, async () => {
        asked = true;
        return SWITCH;
      });
      assert.equal(asked, false, 'asked once only');
    } finally {
      await files.update('associations', undefined, target);
    }
  });
});
