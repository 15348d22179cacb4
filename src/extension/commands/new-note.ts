import * as vscode from 'vscode';
import { sessionNoteTemplate } from '../../core/note/template';
import type { WorkspaceIndex } from '../index/workspace-index';

/** File-name part for a client: readable, safe on every OS. */
export function clientSlug(client: string): string {
  const slug = client
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'client';
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * "New Session Note": asks for the client, then creates `<client>-<date>.coach.md` from the
 * template of the configured framework. An existing file is never overwritten.
 * Returns the new file's URI, or undefined when nothing was created.
 */
export async function newSessionNote(index: WorkspaceIndex, clientArg?: string, folderArg?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = folderArg ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder for your notes first: Coach Notes creates the note there.');
    return undefined;
  }
  const client = clientArg ?? (await vscode.window.showInputBox({
    title: 'New Session Note',
    prompt: 'Client name or code',
    placeHolder: 'e.g. Maria or C-014',
    validateInput: (v) => (v.trim() ? undefined : 'Enter a name or a code for the client.'),
  }));
  if (!client?.trim()) return undefined;
  const date = today();
  const uri = vscode.Uri.joinPath(folder, `${clientSlug(client)}-${date}.coach.md`);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} already exists, so Coach Notes left it untouched. Open it, or rename it first.`);
    return undefined;
  } catch {
    // Not there yet: good.
  }
  const setup = index.stateFor(uri).setup;
  const framework = setup.frameworks.get(setup.config.framework);
  if (!framework) return undefined;
  const previous = index.stateFor(uri).index.notesOfClient(client.trim()).length;
  const text = sessionNoteTemplate(framework, { client: client.trim(), date, session: previous + 1 });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: Buffer.from(text, 'utf8') });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(`Coach Notes could not create ${vscode.workspace.asRelativePath(uri)}.`);
    return undefined;
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}
