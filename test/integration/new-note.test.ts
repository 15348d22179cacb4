import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { today } from '../../src/extension/commands/new-note';
import type { CoachNotesApi } from '../../src/extension/main';
import { coachNotes, EXTENSION_ID, workspaceUri, writeNote } from './support/api';
import { ruleOf, waitFor, waitForDiagnostics } from './support/wait';

const read = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('New Session Note', () => {
  let api: CoachNotesApi;
  const date = today();

  suiteSetup(async () => {
    api = await coachNotes();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // The notes written here must not count in the suites that follow (reports, coverage).
  suiteTeardown(async () => {
    for (const folder of ['nn-clients', 'sam-okafor']) {
      await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  const knows = (client: string, count = 1) =>
    waitFor(api.index.onDidChange, () => api.index.allSummaries().filter((s) => s.client === client).length >= count, `the index to hold ${count} note(s) of ${client}`);

  test('the pick offers the most recent client first; the note is filed with theirs, numbered, agreements carried, cursor in the first section', async () => {
    // Dated today, so Noor is the most recent client; kept in a folder not named after her.
    const earlier = await writeNote(
      'nn-clients/noor/week-one.coach.md',
      `---\nclient: Noor Haddad\ndate: ${date}\nsession: 3\n---\n\n## 3.1 Genuine concern\n\nAsked about the move.\n\n## Agreements\n\n- [ ] Call the mentor before Friday\n- [x] Book the room\n`,
    );
    // Read now: this test is about the command, not about how soon the file watcher reports.
    await api.index.refreshFromDisk(earlier);
    await knows('Noor Haddad');

    // Drive the real QuickPick: accept its first item as soon as it shows.
    let result: vscode.Uri | undefined | 'pending' = 'pending';
    void vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.newNote').then((uri) => (result = uri));
    for (let i = 0; i < 150 && result === 'pending'; i++) {
      await sleep(200);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const created = result as vscode.Uri | undefined | 'pending';
    assert.ok(created && created !== 'pending', 'the pick was accepted and a note created');
    assert.equal(created.toString(), vscode.Uri.joinPath(earlier, '..', `noor-haddad-${date}.coach.md`).toString());

    const text = await read(created);
    assert.match(text, new RegExp(`^---\\nclient: "Noor Haddad"\\ndate: ${date}\\nsession: 4\\n`));
    assert.match(text, /## Agreements\n\n- \[ \] Call the mentor before Friday\n- \[ \] \n$/);
    assert.doesNotMatch(text, /Book the room/);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), created.toString());
    assert.ok(editor.selection.isEmpty);
    const line = editor.selection.active.line;
    const heading = [...Array(line).keys()].reverse().map((l) => editor.document.lineAt(l).text).find((t) => t.startsWith('#'));
    assert.equal(heading, '## 3.1 Genuine concern');
    // Ready to type: the editor has focus and the words land in that section.
    await vscode.commands.executeCommand('type', { text: 'Asked how the first week went.' });
    assert.equal(editor.document.lineAt(line).text, 'Asked how the first week went.');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a new client gets a folder of their own; a second note the same day takes a free name', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.newNote', { client: 'Sam Okafor' });
    assert.ok(first, 'a note was created');
    assert.equal(first.toString(), workspaceUri('sam-okafor', `sam-okafor-${date}.coach.md`).toString());
    const firstText = await read(first);
    assert.match(firstText, /\nsession: 1\n/);
    for (const id of ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']) assert.match(firstText, new RegExp(`^## ${id.replace('.', '\\.')} `, 'm'));
    assert.match(firstText, /## Agreements\n\n- \[ \] \n$/, 'nothing to carry');
    await knows('Sam Okafor'); // the command records its note itself

    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.newNote', { client: 'Sam Okafor' });
    assert.equal(second?.toString(), workspaceUri('sam-okafor', `sam-okafor-${date}-2.coach.md`).toString());
    assert.match(await read(second as vscode.Uri), /\nsession: 2\n/);
    assert.equal(await read(first), firstText, 'the first note is untouched');
  });

  test('an unsaved note when there is no folder to file it in, still checked as a note', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.newNote', { client: 'Una Brandt', untitled: true });
    assert.equal(uri?.scheme, 'untitled');
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.toString(), uri.toString());
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /^---\nclient: "Una Brandt"\n/);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'coach:empty-marker-section'), 'the empty sections to be reported');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('each walkthrough step ticks itself on an event that exists: a registered command or a view', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { walkthroughs: { steps: { id: string; completionEvents?: string[] }[] }[] } };
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of pkg.contributes.walkthroughs[0]?.steps ?? []) {
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has a completion event`);
      for (const event of step.completionEvents ?? []) {
        const [kind, id] = event.split(/:(.*)/s);
        // Every view has a `<id>.focus` command, so a registered one proves the view exists.
        if (kind === 'onCommand') assert.ok(commands.has(id ?? ''), `${step.id}: ${id} is a command`);
        else if (kind === 'onView') assert.ok(commands.has(`${id}.focus`), `${step.id}: ${id} is a view`);
        else assert.fail(`${step.id}: ${event} is not checked by this test`);
      }
    }
  });
});
