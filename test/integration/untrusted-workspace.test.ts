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
  test('the manifest declares full support, and says why', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const capabilities = (extension.packageJSON as { capabilities?: Capabilities }).capabilities;
    assert.equal(capabilities?.untrustedWorkspaces?.supported, true);
    assert.match(capabilities?.untrustedWorkspaces?.description ?? '', /runs no code from the workspace/);
    assert.equal(capabilities?.untrustedWorkspaces?.restrictedConfigurations, undefined, 'no setting is withheld in Restricted Mode');
  });

  test('nothing in the extension depends on trust or can run workspace code', () => {
    // The runner disables workspace trust, so Restricted Mode cannot be entered here. Support is
    // "full" because the extension never asks: the bundle uses no trust API, and no module that
    // starts processes or evaluates code.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const bundle = fs.readFileSync(path.join(extension.extensionPath, 'dist', 'extension.js'), 'utf8');
    for (const api of ['isTrusted', 'onDidGrantWorkspaceTrust', 'requestWorkspaceTrust']) assert.ok(!bundle.includes(api), `the bundle uses ${api}`);
    for (const module of ['child_process', 'node:vm', 'require("vm")']) assert.ok(!bundle.includes(module), `the bundle loads ${module}`);
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
