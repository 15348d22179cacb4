import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AgreementGroupNode, AgreementNode, AgreementRowNode } from '../../src/core/agreements/tree-model';
import type { CoachNotesApi } from '../../src/extension/main';
import { coachNotes, workspaceUri, writeNote } from './support/api';
import { waitFor } from './support/wait';

const ROTA = 'review the rota with jo';
const ALEX_2 = 'alex-morgan/alex-morgan-2026-03-03.coach.md';
/** An edit reaches the index after the live linter's pause; a loaded machine needs longer than the default. */
const SLOW = 40_000;

suite('agreements view', () => {
  let api: CoachNotesApi;
  const changed = () => api.agreements.onDidChangeTreeData as vscode.Event<unknown>;
  const groups = () => api.agreements.getChildren() as AgreementGroupNode[];
  const rows = () => groups().flatMap((g) => api.agreements.getChildren(g) as AgreementRowNode[]);
  const row = (key: string) => rows().find((r) => r.thread.key === key);

  suiteSetup(async () => {
    api = await coachNotes();
    // The fixture's rota agreement is due 2026-03-17: three days overdue on this day.
    api.agreements.today = () => '2026-03-20';
    api.agreements.refresh();
    await vscode.commands.executeCommand('coachNotes.agreements.focus');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('coachNotes.agreements.groupByDue');
    await vscode.commands.executeCommand('coachNotes.agreements.hideKept');
  });

  test('is a view in the Coach Notes container: overdue by warning icon and colour and words, counted in the badge', () => {
    const overdue = groups().find((g) => g.id === 'due/overdue');
    assert.ok(overdue, JSON.stringify(groups().map((g) => g.id)));
    const rota = (api.agreements.getChildren(overdue) as AgreementRowNode[]).find((r) => r.thread.key === ROTA);
    assert.ok(rota);
    const item = api.agreements.getTreeItem(rota);
    assert.equal(item.label, 'Review the rota with Jo');
    assert.match(String(item.description), /^Alex Morgan · 2026-03-03 · overdue, due 2026-03-17$/);
    const icon = item.iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'warning');
    assert.equal(icon.color?.id, 'list.warningForeground');
    assert.equal(item.contextValue, 'agreement.open');
    assert.equal(api.agreements.view?.badge?.value, api.agreements.overdue);
    assert.ok(api.agreements.overdue >= 1);
    assert.equal(api.agreements.status?.command, 'coachNotes.agreements.focus');
    assert.match(api.agreements.status?.text ?? '', /\$\(warning\) \d+ overdue agreements?/);
  });

  test('the switch shows kept ones; a carried agreement shows once, linking where it was made and last revisited', async () => {
    assert.equal(row('write down three tasks to hand over'), undefined, 'kept agreements are hidden by default');
    await vscode.commands.executeCommand('coachNotes.agreements.showKept');
    const tasks = row('write down three tasks to hand over');
    assert.ok(tasks);
    assert.equal(rows().filter((r) => r.thread.key === 'write down three tasks to hand over').length, 1);
    assert.equal(api.agreements.getTreeItem(tasks).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const links = api.agreements.getChildren(tasks) as Extract<AgreementNode, { kind: 'link' }>[];
    assert.deepEqual(links.map((l) => [l.label, l.target.path.endsWith('alex-morgan-2026-02-03.coach.md') ? 'made' : 'kept']), [['Made', 'made'], ['Kept (1 later note)', 'kept']]);

    await vscode.commands.executeCommand('coachNotes.agreements.groupByClient');
    const alex = groups().find((g) => g.label === 'Alex Morgan');
    assert.ok(alex);
    assert.match(alex.description, /1 open · 1 overdue · 1 kept/);
  });

  test('clicking a row opens the note at the agreement’s line', async () => {
    const rota = row(ROTA);
    assert.ok(rota);
    const command = api.agreements.getTreeItem(rota).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.ok(editor.document.uri.fsPath.endsWith('alex-morgan-2026-03-03.coach.md'));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^- \[ \] Review the rota with Jo/);
  });

  test('Mark kept is an inline, undoable edit of the note; the view and badge follow', async function () {
    this.timeout(2 * SLOW + 20_000);
    const rota = row(ROTA);
    assert.ok(rota);
    const before = api.agreements.overdue;
    const uri = workspaceUri(...ALEX_2.split('/'));
    assert.equal(await vscode.commands.executeCommand('coachNotes.agreements.markKept', rota), true);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /^- \[x\] Review the rota with Jo, due 2026-03-17$/m);
    assert.equal(doc.isDirty, true, 'an ordinary edit: saved when the coach saves');
    await waitFor(changed(), () => api.agreements.overdue === before - 1 && !row(ROTA), 'the kept agreement to leave the overdue count and the view', SLOW);
    assert.equal(api.agreements.view?.badge?.value, before - 1 || undefined);

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.match(doc.getText(), /^- \[ \] Review the rota with Jo, due 2026-03-17$/m);
    await waitFor(changed(), () => api.agreements.overdue === before && row(ROTA), 'undo to bring it back', SLOW);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('follows the index note by note: a new note’s agreement appears, carried forward once, and goes with the notes', async function () {
    this.timeout(3 * SLOW + 20_000);
    const note = (date: string, item: string) => `---\nclient: Agreements Test\ndate: ${date}\n---\n\n## 3.1 Genuine concern\n\nAsked first.\n\n## Agreements\n\n- ${item}\n`;
    // Counted against the view's own overdue rows, so other notes' edits cannot shift the figures.
    const overdueRows = () => rows().filter((r) => r.status === 'overdue').length;
    const first = await writeNote('agreements-test/agreements-test-2026-03-01.coach.md', note('2026-03-01', '[ ] Send the draft to Sam, due 2026-03-10'));
    await waitFor(changed(), () => row('send the draft to sam'), 'the new agreement', SLOW);
    assert.equal(row('send the draft to sam')?.status, 'overdue');
    assert.equal(api.agreements.overdue, overdueRows());
    const second = await writeNote('agreements-test/agreements-test-2026-03-15.coach.md', note('2026-03-15', '[ ] Send the draft to Sam, due 2026-04-10'));
    await waitFor(changed(), () => row('send the draft to sam')?.thread.occurrences.length === 2, 'the agreement carried into the second note', SLOW);
    const carried = rows().filter((r) => r.thread.key === 'send the draft to sam');
    assert.equal(carried.length, 1);
    assert.equal(carried[0]?.status, 'later', 'the new due date, 2026-04-10, is more than a week away');
    assert.equal(api.agreements.overdue, overdueRows());
    await vscode.workspace.fs.delete(first);
    await vscode.workspace.fs.delete(second);
    await waitFor(changed(), () => !row('send the draft to sam'), 'the agreement to go with its notes', SLOW);
  });
});
