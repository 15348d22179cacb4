import * as vscode from 'vscode';
import type { CoachNotesApi } from '../../../src/extension/main';

export const EXTENSION_ID = 'coach-notes.coach-notes';

/** The activated extension's API, after its first workspace scan. */
export async function coachNotes(): Promise<CoachNotesApi> {
  const extension = vscode.extensions.getExtension<CoachNotesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the test host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Writes a file through VS Code (so watchers see it) and returns its URI. */
export async function writeNote(rel: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(...rel.split('/'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}
