import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoachNotesApi } from '../../src/extension/main';
import { coachNotes, writeNote } from './support/api';
import { waitFor } from './support/wait';

suite('credential progress view', () => {
  let api: CoachNotesApi;
  suiteSetup(async () => {
    api = await coachNotes();
    api.credential.asOf = () => '2026-03-31';
    api.credential.refresh();
  });

  test('is a view in the Coach Notes container, with each credential against its thresholds', async () => {
    await vscode.commands.executeCommand('coachNotes.credential.focus');
    const ids = api.credential.model.map((n) => n.id);
    assert.deepEqual(ids.filter((id) => id.startsWith('credential/')), ['credential/acc', 'credential/pcc', 'credential/mcc']);
    const acc = api.credential.model.find((n) => n.id === 'credential/acc');
    assert.deepEqual(acc?.children.map((k) => k.label), ['Coaching hours', 'Paid hours', 'Clients', 'Hours in the last 18 months']);
    // The fixture notes give no duration: they are named, and no hours are guessed for them.
    const left = api.credential.model.find((n) => n.id === 'left-out');
    assert.ok((left?.children ?? []).some((n) => /priya-shah-2026-02-10\.coach\.md$/.test(n.label) && /no `duration`/.test(n.description ?? '')));
  });

  test('follows the notes: a new session adds its hours and its client, a deleted one takes them away', async () => {
    // The view follows edits while it is shown.
    await vscode.commands.executeCommand('coachNotes.credential.focus');
    const changed = api.credential.onDidChangeTreeData as vscode.Event<unknown>;
    const hours = () => api.credential.progress?.hours ?? 0;
    const before = hours();
    const uri = await writeNote('credential-test/credential-test-2026-03-20.coach.md', '---\nclient: Credential Test\ndate: 2026-03-20\nduration: 90\npaid: false\n---\n\n## 3.1 Genuine concern\n\nAsked first.\n');
    await waitFor(changed, () => hours() === before + 1.5, 'the new session’s 1.5 hours');
    assert.equal(api.credential.progress?.proBonoHours, 1.5);
    await vscode.workspace.fs.delete(uri);
    await waitFor(changed, () => hours() === before, 'the deleted session’s hours to go');
  });
});
