import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoachNotesApi, CoverageNode } from '../../src/extension/main';
import { coachNotes, workspaceUri, writeNote } from './support/api';
import { waitFor } from './support/wait';

function markerLabels(api: CoachNotesApi): string[] {
  const framework = api.tree.model.find((n) => n.id === 'm/icf-trust');
  return (framework?.children ?? []).map((n: CoverageNode) => n.label);
}

function treeChange(api: CoachNotesApi): vscode.Event<unknown> {
  return api.tree.onDidChangeTreeData as vscode.Event<unknown>;
}

suite('coverage tree', () => {
  let api: CoachNotesApi;
  suiteSetup(async () => {
    api = await coachNotes();
    api.tree.grouping = 'marker';
    api.tree.quarter = { year: 2026, q: 1 };
    api.tree.refresh();
  });

  test('shows per-marker counts for the fixture notes of 2026-Q1', () => {
    const labels = markerLabels(api);
    const count = (id: string) => labels.find((l) => l.startsWith(`${id} `))?.replace(/^.* — /, '');
    // Other suites add notes of their own; count only what the fixture guarantees by looking at alex + priya.
    assert.equal(labels.length, 6);
    assert.match(count('3.2') ?? '', /^1\/\d+ notes \(\d+%\)$/);
    const evidenced = api.tree.model.find((n) => n.id === 'm/icf-trust')?.children.find((n) => n.label.startsWith('3.2 '))?.children[0];
    assert.deepEqual(evidenced?.children.map((n) => n.label), ['2026-02-10 · Priya Shah · session 1']);
  });

  test('updates after a note is added, edited and deleted; the quarter filter changes the counts', async () => {
    const label = (id: string) => markerLabels(api).find((l) => l.startsWith(`${id} `)) ?? '';
    const count36 = () => Number(/— (\d+)\//.exec(label('3.6'))?.[1]);
    const before = count36();
    const uri = await writeNote('priya-shah/priya-shah-2026-03-30.coach.md', '---\nclient: Priya Shah\ndate: 2026-03-30\n---\n\n## 3.6 Permission\n\nAsked before going into the family topic; she agreed.\n');
    await waitFor(treeChange(api), () => count36() === before + 1, '3.6 to count the new note');

    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\nclient: Priya Shah\ndate: 2026-03-30\n---\n\n## 3.6 Permission\n\n<!-- nothing yet -->\n'));
    await waitFor(treeChange(api), () => count36() === before, 'the edit to remove the evidence');

    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\nclient: Priya Shah\ndate: 2026-04-02\n---\n\n## 3.6 Permission\n\nAsked first.\n'));
    await waitFor(treeChange(api), () => api.index.summary(uri)?.date === '2026-04-02', 'the note to move to 2026-Q2');
    assert.equal(count36(), before, 'a Q2 note does not count in Q1');
    api.tree.quarter = { year: 2026, q: 2 };
    api.tree.refresh();
    assert.match(label('3.6'), /— 1\/1 notes \(100%\)$/);
    api.tree.quarter = undefined;
    api.tree.refresh();
    const allTimeWithNote = count36();

    await vscode.workspace.fs.delete(uri);
    await waitFor(treeChange(api), () => api.index.summary(uri) === undefined, 'the deleted note to leave the index');
    assert.equal(count36(), allTimeWithNote - 1, 'all-time coverage no longer counts the deleted note');
    api.tree.quarter = { year: 2026, q: 1 };
    api.tree.refresh();
  });

  test('filtered to a quarter, the view says so and one click shows all time again', async () => {
    api.tree.quarter = { year: 2026, q: 1 };
    api.tree.refresh();
    const countable = api.index.allSummaries().filter((s) => s.valid && s.date !== undefined);
    const inQ1 = countable.filter((s) => (s.date ?? '') >= '2026-01-01' && (s.date ?? '') <= '2026-03-31');
    const message = `2026-Q1 · showing ${inQ1.length} of ${countable.length} notes`;
    assert.equal(api.tree.view?.message, message, 'the message above the tree');
    assert.match(api.tree.view?.description ?? '', /^2026-Q1 · by marker$/);
    const [first] = api.tree.model;
    assert.ok(first);
    assert.equal(first.label, 'Show all time');
    const item = api.tree.getTreeItem(first);
    assert.ok(item.command, 'the row runs a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(api.tree.quarter, undefined);
    assert.equal(api.tree.view?.message, undefined, 'no message over all time');
    assert.ok(!api.tree.model.some((n) => n.label === 'Show all time'));
    // The same way back sits in the view's title bar while a quarter is picked.
    const manifest = vscode.extensions.getExtension('coach-notes.coach-notes')?.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const action = manifest.contributes.menus['view/title']?.find((m) => m.command === 'coachNotes.coverage.showAllTime');
    assert.equal(action?.when, 'view == coachNotes.coverage && coachNotes.coverage.filtered');
    api.tree.quarter = { year: 2026, q: 1 };
    api.tree.refresh();
    await vscode.commands.executeCommand('coachNotes.coverage.showAllTime');
    assert.equal(api.tree.quarter, undefined, 'the title-bar command');
    api.tree.quarter = { year: 2026, q: 1 };
    api.tree.refresh();
  });

  test('a note with invalid frontmatter is listed under "Needs attention" with its reason, and opens from there', async () => {
    const uri = await writeNote('priya-shah/priya-bad-date.coach.md', '---\nclient: Priya Shah\ndate: 2026-02-30\n---\n\n## 3.1 Genuine concern\n\nAsked about the week.\n');
    try {
      await api.index.refreshFromDisk(uri);
      const attention = () => api.tree.model.find((n) => n.label === 'Needs attention');
      const row = await waitFor(treeChange(api), () => attention()?.children.find((n) => n.path === uri.fsPath), 'the note under Needs attention');
      assert.equal(row.label, 'priya-bad-date.coach.md');
      assert.equal(row.description, api.index.summary(uri)?.invalidReason);
      assert.match(row.description ?? '', /2026-02-30/);
      const item = api.tree.getTreeItem(row);
      assert.ok(item.command);
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath, 'clicking opens the note');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
      api.index.remove(uri);
    }
    assert.ok(!api.tree.model.find((n) => n.label === 'Needs attention')?.children.some((n) => n.path === uri.fsPath));
  });

  test('groups by client: client → sessions → markers without evidence, and reveals a note', async () => {
    api.tree.grouping = 'client';
    api.tree.quarter = { year: 2026, q: 1 };
    api.tree.refresh();
    const priya = api.tree.model.find((n) => n.label === 'Priya Shah');
    assert.ok(priya);
    const first = priya.children.find((n) => n.label.startsWith('2026-02-10'));
    assert.deepEqual(first?.children.map((n) => n.label), ['3.1 Genuine concern', '3.3 Clear agreements', '3.4 Respect for the client', '3.5 Championing new behaviours']);
    const note = workspaceUri('priya-shah', 'priya-shah-2026-02-10.coach.md');
    const node = api.tree.findNote(note.fsPath);
    assert.ok(node);
    assert.equal(api.tree.getParent(node), priya);
    await vscode.window.showTextDocument(note);
    await vscode.commands.executeCommand('coachNotes.coverage.revealCurrent');
    assert.deepEqual(api.tree.view?.selection.map((n) => n.id), [node.id]);
    api.tree.grouping = 'marker';
    api.tree.refresh();
  });
});
