import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { coachNotes, EXTENSION_ID, open, workspaceUri, writeNote } from './support/api';
import { ruleOf, waitFor, waitForDiagnostics } from './support/wait';

interface Capabilities {
  untrustedWorkspaces?: { supported?: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
}

/** Each payload would set this global, in this very extension host, if anything ran it as code. */
const PWNED = 'coachNotesPwned';
const RUN = `function () { globalThis.${PWNED} = true; return "icf-trust" }`;

const HOSTILE_YAML: Record<string, string> = {
  '.coach/config.yaml': `framework: !!js/function '${RUN}'\n__proto__:\n  polluted: yes\nrules:\n  judgmental-language: !!js/eval 'globalThis.${PWNED} = true'\n`,
  '.coach/frameworks/tagged.yaml': `schema_version: 1\nid: tagged\nname: Tagged\nversion: "1"\n__proto__:\n  polluted: yes\nmarkers:\n  - id: "1.1"\n    title: !!js/function '${RUN}'\n    description: A marker.\n`,
};

suite('untrusted workspaces', () => {
  test('the manifest declares limited support, withholds the reports folder, and says so', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    type Configuration = { properties: Record<string, unknown> };
    const manifest = extension.packageJSON as { capabilities?: Capabilities; contributes: { configuration: Configuration | Configuration[] } };
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.deepEqual(untrusted?.restrictedConfigurations, ['coachNotes.reports.folder']);
    const description = untrusted?.description ?? '';
    assert.match(description, /runs no code from the workspace/);
    assert.match(description, /coachNotes\.reports\.folder setting is ignored/, 'the description names what Restricted Mode withholds');
    // Every restricted setting is one the extension contributes (a typo would restrict nothing).
    const contributed = new Set([manifest.contributes.configuration].flat().flatMap((c) => Object.keys(c.properties)));
    for (const name of untrusted?.restrictedConfigurations ?? []) assert.ok(contributed.has(name), `${name} is a contributed setting`);
  });

  test('nothing in the extension depends on trust or can run workspace code', () => {
    // The extension behaves alike trusted or not (VS Code itself withholds the restricted setting):
    // the bundle uses no trust API and no module that starts processes or evaluates code. What a
    // workspace's own settings can do with the reports folder is tested below, in each mode.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const bundle = fs.readFileSync(path.join(extension.extensionPath, 'dist', 'extension.js'), 'utf8');
    for (const api of ['isTrusted', 'onDidGrantWorkspaceTrust', 'requestWorkspaceTrust']) assert.ok(!bundle.includes(api), `the bundle uses ${api}`);
    for (const module of ['child_process', 'node:vm', 'require("vm")']) assert.ok(!bundle.includes(module), `the bundle loads ${module}`);
  });

  test("a workspace's own settings cannot send a report outside the workspace folder; the user's settings can", async function () {
    // In Restricted Mode VS Code withholds the workspace's value altogether: see the next test.
    if (!vscode.workspace.isTrusted) this.skip();
    await coachNotes();
    const config = vscode.workspace.getConfiguration('coachNotes');
    const root = workspaceUri().fsPath;
    const escape = `coach-notes-escape-${process.pid}-${Date.now()}`;
    const outside = path.join(path.dirname(root), escape);
    const report = () => vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.generateReport', { quarter: '2026-Q1', format: 'md', onExists: 'newName' });
    try {
      for (const value of [`../${escape}`, `../../${escape}`, outside]) {
        await config.update('reports.folder', value, vscode.ConfigurationTarget.Workspace);
        assert.equal(await report(), undefined, `${value} from the workspace settings is refused`);
        assert.ok(!fs.existsSync(outside), `nothing was written to ${outside}`);
      }
      // A folder inside the workspace is fine, from the workspace settings too.
      await config.update('reports.folder', 'private/reports', vscode.ConfigurationTarget.Workspace);
      const inside = await report();
      assert.equal(inside?.fsPath, path.join(root, 'private', 'reports', 'coverage-2026-Q1.md'));

      // The coach's own user settings may name any folder, by its full path.
      await config.update('reports.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('reports.folder', outside, vscode.ConfigurationTarget.Global);
      const mine = await report();
      assert.equal(mine?.fsPath, path.join(outside, 'coverage-2026-Q1.md'));
      assert.match(fs.readFileSync(path.join(outside, 'coverage-2026-Q1.md'), 'utf8'), /2026-Q1/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await config.update('reports.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('reports.folder', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(outside, { recursive: true, force: true });
      fs.rmSync(path.join(root, 'private'), { recursive: true, force: true });
    }
  });

  // Runs only in Restricted Mode, which needs a host started with workspace trust enabled (the
  // usual runners disable it, and no API lets an extension revoke trust); skipped otherwise.
  test("in Restricted Mode the folder's own reports folder is ignored, and its other settings are not", async function () {
    if (vscode.workspace.isTrusted) this.skip();
    await coachNotes();
    const root = workspaceUri().fsPath;
    const escape = `coach-notes-escape-${process.pid}-${Date.now()}`;
    const outside = path.join(path.dirname(root), escape);
    const restore = await snapshot(['.vscode', '.vscode/settings.json', 'coach-reports']);
    try {
      // A folder's own settings file, as it came with the folder: read (pseudonymize) except for the restricted setting.
      await writeNote('.vscode/settings.json', JSON.stringify({ 'coachNotes.reports.folder': `../${escape}`, 'coachNotes.reports.pseudonymize': true }));
      const config = () => vscode.workspace.getConfiguration('coachNotes', workspaceUri());
      await waitFor(vscode.workspace.onDidChangeConfiguration, () => config().get<boolean>('reports.pseudonymize') === true, 'the workspace settings to be read');
      assert.equal(config().get<string>('reports.folder'), 'coach-reports', 'VS Code withholds the restricted value');
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.generateReport', { quarter: '2026-Q1', format: 'md', onExists: 'newName' });
      assert.equal(uri?.fsPath, path.join(root, 'coach-reports', 'coverage-2026-Q1-pseudonymized.md'));
      assert.ok(!fs.existsSync(outside), `nothing was written to ${outside}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restore();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('activates and lints a workspace whose .coach/ YAML carries code tags and __proto__ keys, running none of it', async () => {
    const api = await coachNotes();
    assert.equal((vscode.extensions.getExtension(EXTENSION_ID))?.isActive, true);
    const refused = () => api.index.setups().flatMap((s) => s.setup.problems).filter((p) => /Unresolved tag/.test(p.message));
    // Whatever .coach/ the workspace had is put back afterwards, byte for byte.
    const restore = await snapshot(['.coach', '.coach/frameworks', ...Object.keys(HOSTILE_YAML), 'untrusted']);
    try {
      for (const [rel, text] of Object.entries(HOSTILE_YAML)) await writeNote(rel, text);
      // The .coach/ watcher reloads the settings: the tags are refused, each with its place.
      const problems = await waitFor(api.index.onDidChange, () => (refused().length >= 3 ? refused() : undefined), 'the hostile .coach/ YAML to be read');
      assert.deepEqual(problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.message}`).sort(), [
        'config.yaml:1 Unresolved tag: tag:yaml.org,2002:js/function',
        'config.yaml:5 Unresolved tag: tag:yaml.org,2002:js/eval',
        'tagged.yaml:9 Unresolved tag: tag:yaml.org,2002:js/function',
      ]);

      // A note with a __proto__ key of its own is linted as usual, with the default settings.
      const note = await writeNote('untrusted/proto.coach.md', '---\nclient: Rin Sato\ndate: 2026-03-05\n__proto__:\n  polluted: yes\n---\n\n## 3.1 Genuine concern\n\nShe was lazy about the budget.\n');
      await open(note);
      const diagnostics = await waitForDiagnostics(note, (ds) => ds.some((d) => ruleOf(d) === 'coach:judgmental-language'), 'judgmental-language on the note');
      assert.ok(!diagnostics.some((d) => ruleOf(d) === 'coach:frontmatter'), 'the __proto__ key is an unknown field, nothing more');

      assert.equal((globalThis as Record<string, unknown>)[PWNED], undefined, 'no YAML ran as code');
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
      assert.equal(api.index.summary(note)?.client, 'Rin Sato');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restore();
      // Leave the settings as the next suites expect them. Deleting the .coach/ folder reports only
      // the folder to watchers, not the files in it, so the settings are read again by hand.
      await vscode.commands.executeCommand('coachNotes.coverage.refresh');
      assert.deepEqual(refused(), []);
    }
  });
});

/**
 * Records which of these workspace paths exist (and the bytes of files); the returned function
 * deletes what did not exist and writes back what did.
 */
async function snapshot(rels: string[]): Promise<() => Promise<void>> {
  const before = new Map<string, Uint8Array | 'folder' | undefined>();
  for (const rel of rels) {
    const uri = workspaceUri(...rel.split('/'));
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    before.set(rel, stat === undefined ? undefined : stat.type & vscode.FileType.Directory ? 'folder' : await vscode.workspace.fs.readFile(uri));
  }
  return async () => {
    // Files first, then folders, deepest first.
    for (const [rel, content] of [...before].reverse()) {
      const uri = workspaceUri(...rel.split('/'));
      if (content instanceof Uint8Array) await vscode.workspace.fs.writeFile(uri, content);
      else if (content === undefined) await Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).catch(() => undefined);
    }
  };
}
