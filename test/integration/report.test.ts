import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { coachNotes, workspaceUri } from './support/api';

async function read(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

suite('quarterly coverage report', () => {
  suiteSetup(async () => {
    await coachNotes();
  });

  test('is contributed to the command palette and the walkthrough', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('coachNotes.generateReport'));
    const pkg = vscode.extensions.getExtension('coach-notes.coach-notes')?.packageJSON as { contributes: { walkthroughs: { steps: { id: string }[] }[] } };
    assert.deepEqual(pkg.contributes.walkthroughs[0]?.steps.map((s) => s.id), ['createNote', 'seeDiagnostic', 'applyFix', 'openCoverage', 'generateReport']);
  });

  test('writes the report into coach-reports/ and never overwrites an existing one', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.generateReport', { quarter: '2026-Q1', format: 'md' });
    assert.ok(first, 'a report was written');
    assert.equal(first.toString(), workspaceUri('coach-reports', 'coverage-2026-Q1.md').toString());
    const text = await read(first);
    assert.match(text, /2026-Q1/);
    assert.match(text, /Priya Shah/);

    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.generateReport', { quarter: '2026-Q1', format: 'md', onExists: 'newName' });
    assert.equal(second?.toString(), workspaceUri('coach-reports', 'coverage-2026-Q1-2.md').toString());
    assert.equal(await read(first), text, 'the first report is untouched');
  });

  test('writes a self-contained HTML report and a pseudonymized one without client names', async () => {
    const html = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.generateReport', { quarter: '2026-Q1', format: 'html' });
    assert.ok(html);
    assert.match(await read(html), /<meta http-equiv="Content-Security-Policy"/);

    const config = vscode.workspace.getConfiguration('coachNotes');
    await config.update('reports.pseudonymize', true, vscode.ConfigurationTarget.Workspace);
    try {
      const csv = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.generateReport', { quarter: '2026-Q1', format: 'csv' });
      assert.ok(csv, 'a CSV was written');
      assert.ok(csv.path.endsWith('icf-coaching-log-2026-Q1-pseudonymized.csv'), csv.path);
      const text = await read(csv);
      assert.match(text, /Client A/);
      for (const name of ['Alex', 'Morgan', 'Priya', 'Shah']) assert.ok(!text.includes(name), `${name} is hidden`);
    } finally {
      await config.update('reports.pseudonymize', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
