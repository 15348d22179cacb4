// The README's Credential Progress picture (images/screenshot-credential.png). The fixture notes
// give no durations, so the scene writes a few sessions with hours into the run's workspace,
// fixes the day counted up to, shows the view, and deletes the notes again.
import * as vscode from 'vscode';
import { coachNotes, workspaceUri, writeNote } from '../../test/integration/support/api';
import { requestScreenshot } from '../../test/integration/support/screenshot';
import { waitFor } from '../../test/integration/support/wait';

const SESSIONS: [client: string, date: string, minutes: number, paid: boolean][] = [
  ['Dana Reyes', '2025-11-04', 60, true],
  ['Dana Reyes', '2025-12-02', 60, true],
  ['Dana Reyes', '2026-01-13', 90, true],
  ['Lee Chen', '2026-01-20', 60, false],
  ['Lee Chen', '2026-02-17', 60, false],
  ['Noor Haddad', '2026-03-02', 45, true],
];

const HIDDEN = ['coachNotes.coverage', 'coachNotes.agreements'];

suite('README screenshots: credential', () => {
  test('images/screenshot-credential.png: the Credential Progress view', async () => {
    const api = await coachNotes();
    api.credential.asOf = () => '2026-03-31';
    await vscode.commands.executeCommand('coachNotes.credential.focus');
    const before = api.credential.progress?.hours ?? 0;
    const added = SESSIONS.reduce((sum, [, , minutes]) => sum + minutes / 60, 0);
    const folders = new Set<string>();
    let hidden = false;
    try {
      for (const [client, date, minutes, paid] of SESSIONS) {
        const slug = client.toLowerCase().replace(/\s+/g, '-');
        folders.add(slug);
        const uri = await writeNote(
          `${slug}/${slug}-${date}.coach.md`,
          ['---', `client: ${client}`, `date: ${date}`, `duration: ${minutes}`, `paid: ${paid}`, '---', '', '## 3.1 Genuine concern', '', 'Asked how the week had been.', ''].join('\n'),
        );
        // The file watcher can lag far behind on a loaded machine: tell the index directly (the
        // watcher's own event, when it comes, changes nothing more).
        await api.index.refreshFromDisk(uri);
      }
      // Wait until the view has taken the notes in and stopped changing, then hide the other views
      // so Credential Progress has the side bar to itself.
      await waitFor(api.credential.onDidChangeTreeData as vscode.Event<unknown>, () => (api.credential.progress?.hours ?? 0) > before, 'the scene’s sessions in the view', 40_000);
      let last = -1;
      while (last !== (api.credential.progress?.hours ?? 0)) {
        last = api.credential.progress?.hours ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
      console.log(`[credential scene] ${last} hours (${before} before, ${added} added)`);
      for (const id of HIDDEN) await vscode.commands.executeCommand(`${id}.toggleVisibility`);
      hidden = true;
      const written = await requestScreenshot('images/screenshot-credential.png');
      if (!written) throw new Error('No screenshot was taken: run this through `npm run screenshots`, which starts the host with --screenshot.');
    } finally {
      if (hidden) for (const id of HIDDEN) await vscode.commands.executeCommand(`${id}.toggleVisibility`);
      // Files one by one, so the index drops each note, then the emptied folders.
      for (const [client, date] of SESSIONS) {
        const slug = client.toLowerCase().replace(/\s+/g, '-');
        const uri = workspaceUri(slug, `${slug}-${date}.coach.md`);
        await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
        api.index.remove(uri);
      }
      for (const slug of folders) await vscode.workspace.fs.delete(workspaceUri(slug), { recursive: true });
      await waitFor(api.credential.onDidChangeTreeData as vscode.Event<unknown>, () => (api.credential.progress?.hours ?? 0) === before, 'the scene’s sessions to leave the view', 40_000);
    }
  });
});
