// The README's workbench picture (images/screenshot-workbench.png), set up in a real VS Code
// extension host: a note with diagnostics, the Problems panel, a hover and the coverage view.
// Not a test: `npm run screenshots` (scripts/screenshots.mjs) bundles this file as the only
// "suite" of the offline test host (scripts/test-host/run.mjs) and fails if no picture is written.
import * as vscode from 'vscode';
import { coachNotes, open, workspaceUri, writeNote } from '../../test/integration/support/api';
import { requestScreenshot } from '../../test/integration/support/screenshot';
import { ruleOf, waitForDiagnostics } from '../../test/integration/support/wait';

suite('README screenshots', () => {
  test('images/screenshot-workbench.png: a note with diagnostics, the Problems panel and the coverage view', async () => {
    const api = await coachNotes();
    const uri = await writeNote(
      'priya-shah/priya-shah-2026-03-24.coach.md',
      [
        '---', 'client: Priya Shah', 'date: 2026-03-24', 'session: 3', 'duration: 60', '---', '',
        '# Priya Shah — session 3', '',
        '## 3.1 Genuine concern', '', 'Priya arrived straight from the panel rehearsal; we started with how she was sleeping.', '',
        '## 3.2 Integrity and honesty', '', 'Told her I had not read the draft she sent, and why.', '',
        '## 3.3 Clear agreements', '', 'She set the goal: one opening line for the panel she can say without notes.', '',
        '## 3.4 Respect for the client', '',
        'She was being stubborn about the opening line and insists the panel will not listen.', '',
        '> I always freeze when they look at me.', '',
        '## Agreements', '', '- [ ] Rehearse the opening line with Sam, due 2026-03-31', '',
      ].join('\n'),
    );
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'coach:judgmental-language'), 'judgmental findings');
    api.tree.grouping = 'marker';
    api.tree.quarter = { year: 2026, q: 1 };
    api.tree.refresh();
    await vscode.commands.executeCommand('workbench.view.extension.coachNotes');
    const marker = api.tree.model[0]?.children.find((n) => n.label.startsWith('3.4'));
    const missing = marker?.children[1];
    if (missing && api.tree.view) await api.tree.view.reveal(missing, { expand: true, select: false, focus: false });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(22, 20, 22, 28) });
    await vscode.commands.executeCommand('editor.action.showHover');
    const written = await requestScreenshot('images/screenshot-workbench.png');
    if (!written) throw new Error('No screenshot was taken: run this through `npm run screenshots`, which starts the host with --screenshot.');
    await vscode.workspace.fs.delete(workspaceUri('priya-shah', 'priya-shah-2026-03-24.coach.md'));
  });
});
