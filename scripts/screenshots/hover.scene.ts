// The README's "Help while writing" picture (images/screenshot-hover.png): a fixture note with the
// hover over an evidence tag (marker text, framework, how often it is evidenced for the client).
// Run by `npm run screenshots` (scripts/screenshots.mjs), not by the integration suite.
import * as vscode from 'vscode';
import { coachNotes, open, workspaceUri } from '../../test/integration/support/api';
import { requestScreenshot } from '../../test/integration/support/screenshot';

suite('README screenshots: hover', () => {
  test('images/screenshot-hover.png: the hover on an evidence tag', async () => {
    await coachNotes();
    const uri = workspaceUri('alex-morgan', 'alex-morgan-2026-03-03.coach.md');
    const editor = await open(uri);
    // Line 15 of the fixture: "… Acknowledged the step [#3.5]." — the cursor inside the tag.
    const at = new vscode.Position(14, 85);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at));
    await vscode.commands.executeCommand('editor.action.showHover');
    const written = await requestScreenshot('images/screenshot-hover.png');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (!written) throw new Error('No screenshot was taken: run this through `npm run screenshots`, which starts the host with --screenshot.');
  });
});
