// The README's preview picture (images/screenshot-preview.png): a note beside VS Code's Markdown
// preview, with the session header, evidence chips, a permission callout and agreements.
// The note is written into the run's workspace for the scene and deleted again.
import * as vscode from 'vscode';
import { coachNotes, open, writeNote } from '../../test/integration/support/api';
import { requestScreenshot } from '../../test/integration/support/screenshot';
import { waitFor } from '../../test/integration/support/wait';

suite('README screenshots: preview', () => {
  test('images/screenshot-preview.png: a note and its Markdown preview to the side', async () => {
    const api = await coachNotes();
    const uri = await writeNote(
      'sam-okafor/sam-okafor-2026-03-12.coach.md',
      [
        '---', 'client: Sam Okafor', 'date: 2026-03-12', 'session: 2', 'duration: 60', '---', '',
        '# Sam Okafor — session 2', '',
        '## 3.1 Genuine concern', '', 'Sam came in after a hard week at the warehouse; we started there [#3.1].', '',
        '## 3.4 Respect for the client', '',
        'Permission: asked before going into the conflict with his manager; he said yes.', '',
        'He chose the topic and the pace [#3.4 #3.6].', '',
        '## Agreements', '',
        '- [x] Book the first-aid course',
        '- [ ] Talk to his manager about the rota, due 2026-03-05',
        '- [ ] Write down what a good week looks like', '',
      ].join('\n'),
    );
    try {
      await open(uri);
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      // The preview renders in a webview: give it time to load before the picture.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const written = await requestScreenshot('images/screenshot-preview.png');
      if (!written) throw new Error('No screenshot was taken: run this through `npm run screenshots`, which starts the host with --screenshot.');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // The note first, so the index drops it, then its folder.
      await vscode.workspace.fs.delete(uri);
      // The file watcher can lag far behind on a loaded machine: tell the index directly.
      api.index.remove(uri);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
      await waitFor(api.index.onDidChange as vscode.Event<unknown>, () => api.index.summary(uri) === undefined, 'the scene’s note to leave the index', 40_000);
    }
  });
});
