import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { coachNotes, workspaceUri } from './support/api';
import { waitFor } from './support/wait';

const NOTE = '---\nclient: Noor Haddad\ndate: 2026-04-07\nsession: 1\n---\n\n## 3.1 Genuine concern\n\nAsked how the move went.\n';

suite('workspace index', () => {
  test('notes in a folder moved into the workspace are indexed, and leave the index with their folder, though no watcher reports them one by one', async () => {
    const api = await coachNotes();
    // A folder moved in (or deleted) arrives as one event for the folder: nothing is said of the notes inside.
    const outside = mkdtempSync(join(tmpdir(), 'coach-moved-'));
    const folder = join(outside, 'noor-haddad');
    mkdirSync(join(folder, 'older'), { recursive: true });
    writeFileSync(join(folder, 'noor-haddad-2026-04-07.coach.md'), NOTE);
    writeFileSync(join(folder, 'older', 'noor-haddad-2026-03-10.coach.md'), NOTE.replace('2026-04-07', '2026-03-10'));
    const target = workspaceUri('noor-haddad');
    try {
      renameSync(folder, target.fsPath);
      const found = await waitFor(api.index.onDidChange, () => {
        const noor = api.index.allSummaries().filter((s) => s.client === 'Noor Haddad');
        return noor.length === 2 ? noor : undefined;
      }, 'both of Noor\'s notes in the index', 30_000);
      assert.deepEqual(found.map((s) => s.date).sort(), ['2026-03-10', '2026-04-07']);
    } finally {
      await vscode.workspace.fs.delete(target, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      rmSync(outside, { recursive: true, force: true });
    }
    await waitFor(api.index.onDidChange, () => api.index.allSummaries().every((s) => s.client !== 'Noor Haddad'), 'Noor\'s notes gone from the index');
  });

  test('a note written into a folder tree made at once is indexed (mkdir -p, then the note)', async () => {
    const api = await coachNotes();
    const top = workspaceUri('sam-okafor');
    const deep = join(top.fsPath, '2026', 'april');
    try {
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, 'sam-okafor-2026-04-14.coach.md'), NOTE.replace(/Noor Haddad/g, 'Sam Okafor').replace('2026-04-07', '2026-04-14'));
      const found = await waitFor(api.index.onDidChange, () => api.index.allSummaries().find((s) => s.client === 'Sam Okafor'), 'Sam\'s note in the index', 30_000);
      assert.equal(found.date, '2026-04-14');
    } finally {
      rmSync(top.fsPath, { recursive: true, force: true });
    }
    await waitFor(api.index.onDidChange, () => api.index.allSummaries().every((s) => s.client !== 'Sam Okafor'), 'Sam\'s note gone from the index with its folder');
  });
});
