import type * as vscode from 'vscode';

/**
 * A coach note is a Markdown document whose path ends in `.coach.md`, saved or untitled with such a
 * name. Every Coach Notes provider registers with this selector, so plain Markdown is left alone.
 */
export const NOTE_SELECTOR: vscode.DocumentFilter = { language: 'markdown', pattern: '**/*.coach.md' };

export function isNoteUri(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.coach.md');
}

/** The selector's test, for event handlers that see every document. */
export function isNoteDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === NOTE_SELECTOR.language && isNoteUri(doc.uri);
}
