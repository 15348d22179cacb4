import * as vscode from 'vscode';
import type { Place, TextEdit } from '../core/model/types';

export { isNoteDocument, isNoteUri, NOTE_SELECTOR } from './selector';

/** Core places are 1-based; VS Code positions are 0-based. */
export function toRange(place: Place): vscode.Range {
  return new vscode.Range(place.start.line - 1, place.start.column - 1, place.end.line - 1, place.end.column - 1);
}

function rangeOf(doc: vscode.TextDocument, edit: TextEdit): vscode.Range {
  return new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end));
}

export function toTextEdit(doc: vscode.TextDocument, edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(rangeOf(doc, edit), edit.newText);
}

/** A template fix (`${1:what you saw}`): VS Code inserts it as a snippet and selects the placeholder; plain edits beside it stay literal. */
export function toSnippetEdit(doc: vscode.TextDocument, edit: TextEdit): vscode.SnippetTextEdit {
  const snippet = edit.snippet ? new vscode.SnippetString(edit.newText) : new vscode.SnippetString().appendText(edit.newText);
  return new vscode.SnippetTextEdit(rangeOf(doc, edit), snippet);
}
