import * as vscode from 'vscode';
import { addAllowedWord } from '../../core/config/edit';
import { CONFIG_PATH } from '../../core/engine/setup';

/**
 * Adds a word to `judgmental.allow` in `.coach/config.yaml` through a WorkspaceEdit (undoable),
 * creating the file when the workspace has none. An invalid config is never rewritten.
 */
export async function addAllowedWordCommand(noteUri: vscode.Uri, word: string): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(noteUri);
  if (!folder) {
    void vscode.window.showWarningMessage('Coach Notes can only remember allowed words for notes inside a workspace folder.');
    return false;
  }
  const uri = vscode.Uri.joinPath(folder.uri, ...CONFIG_PATH.split(/[\\/]/));
  const edit = new vscode.WorkspaceEdit();
  let existing: string | undefined;
  try {
    existing = (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    existing = undefined;
  }
  if (existing === undefined) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), `# Coach Notes workspace settings\n${addAllowedWord('', word) ?? ''}`);
  } else {
    const next = addAllowedWord(existing, word);
    if (next === undefined) {
      void vscode.window.showWarningMessage(`${CONFIG_PATH} has a problem Coach Notes will not guess around. Fix it first, then try again.`);
      return false;
    }
    if (next === existing) return true;
    const doc = await vscode.workspace.openTextDocument(uri);
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(existing.length)), next);
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) await vscode.workspace.save(uri);
  return ok;
}
