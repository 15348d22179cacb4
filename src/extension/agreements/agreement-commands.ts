import * as vscode from 'vscode';
import { findAgreement, markKeptEdit } from '../../core/agreements/locate';
import type { AgreementNode, AgreementTarget } from '../../core/agreements/tree-model';
import type { Agreement } from '../../core/note/types';
import { parseWith } from '../../core/workspace/batch';
import { openNoteAt } from '../commands/coverage-commands';
import type { WorkspaceIndex } from '../index/workspace-index';

/** A command's argument: the view's row (inline action, click) or a bare target (tests, links). */
export type AgreementArg = AgreementTarget | Extract<AgreementNode, { target: AgreementTarget }>;

function targetOf(arg: AgreementArg): AgreementTarget {
  return 'target' in arg ? arg.target : arg;
}

/** The agreement's line in the note as it is now: an open editor's text, else the file. */
async function locate(index: WorkspaceIndex, target: AgreementTarget): Promise<{ doc: vscode.TextDocument; agreement: Agreement | undefined }> {
  const uri = vscode.Uri.file(target.path);
  const doc = await vscode.workspace.openTextDocument(uri);
  const note = parseWith(index.stateFor(uri).setup, { path: uri.fsPath, text: doc.getText() });
  return { doc, agreement: findAgreement(note, target.key) };
}

/** Opens the note at the agreement's line (at the top when the line is gone). */
export async function openAgreement(index: WorkspaceIndex, arg: AgreementArg): Promise<void> {
  const target = targetOf(arg);
  const { agreement } = await locate(index, target);
  await openNoteAt(target.path, agreement?.place.start.line);
}

/**
 * Checks the agreement's box, `[ ]` → `[x]`, as an ordinary edit of the note: it is shown (without
 * taking focus) so the change is visible, stays unsaved like any edit, and Undo takes it back.
 */
export async function markKept(index: WorkspaceIndex, arg: AgreementArg): Promise<boolean> {
  const target = targetOf(arg);
  const { doc, agreement } = await locate(index, target);
  const edit = agreement && markKeptEdit(doc.getText(), agreement);
  if (!agreement || !edit) {
    void vscode.window.showInformationMessage(agreement ? 'That agreement is already checked as kept.' : 'That agreement is no longer in the note.');
    return false;
  }
  const range = new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end));
  await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true, selection: new vscode.Range(range.start.line, 0, range.start.line, 0) });
  const change = new vscode.WorkspaceEdit();
  change.replace(doc.uri, range, edit.newText);
  return vscode.workspace.applyEdit(change);
}
