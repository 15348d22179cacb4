// The README's Agreements picture (images/screenshot-agreements.png): the Agreements view focused,
// grouped by due date with kept ones shown, on a fixed day so the fixture's rota agreement is
// overdue. A scene-local note adds agreements due this week, later and with no date; it is
// deleted again.
import * as vscode from 'vscode';
import { coachNotes, workspaceUri, writeNote } from '../../test/integration/support/api';
import { requestScreenshot } from '../../test/integration/support/screenshot';
import { waitFor } from '../../test/integration/support/wait';

suite('README screenshots: agreements', () => {
  test('images/screenshot-agreements.png: the Agreements view', async () => {
    const api = await coachNotes();
    api.agreements.today = () => '2026-03-20';
    api.agreements.refresh();
    await vscode.commands.executeCommand('coachNotes.agreements.focus');
    await vscode.commands.executeCommand('coachNotes.agreements.showKept');
    const uri = workspaceUri('sam-okafor', 'sam-okafor-2026-03-12.coach.md');
    try {
      await writeNote(
        'sam-okafor/sam-okafor-2026-03-12.coach.md',
        [
          '---', 'client: Sam Okafor', 'date: 2026-03-12', 'session: 2', 'duration: 60', '---', '',
          '## 3.1 Genuine concern', '', 'Started with the week at the warehouse.', '',
          '## Agreements', '',
          '- [x] Book the first-aid course',
          '- [ ] Talk to his manager about the rota, due 2026-03-24',
          '- [ ] Write down what a good week looks like, due 2026-04-10',
          '- [ ] Ask HR about the training budget', '',
        ].join('\n'),
      );
      // The file watcher can lag far behind on a loaded machine: tell the index directly (the
      // watcher's own event, when it comes, changes nothing more).
      await api.index.refreshFromDisk(uri);
      const groups = () => api.agreements.getChildren().map((g) => g.id);
      await waitFor(api.agreements.onDidChangeTreeData as vscode.Event<unknown>, () => groups().length >= 4, 'the scene’s agreements in the view', 40_000);
      const written = await requestScreenshot('images/screenshot-agreements.png');
      if (!written) throw new Error('No screenshot was taken: run this through `npm run screenshots`, which starts the host with --screenshot.');
    } finally {
      await vscode.commands.executeCommand('coachNotes.agreements.hideKept');
      // The note first, so the index drops it, then its folder.
      await vscode.workspace.fs.delete(uri);
      api.index.remove(uri);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
      await waitFor(api.agreements.onDidChangeTreeData as vscode.Event<unknown>, () => !api.agreements.getChildren().some((g) => g.id === 'due/later'), 'the scene’s agreements to leave the view', 40_000);
    }
  });
});
