import * as vscode from 'vscode';
import { NOTE_SELECTOR } from '../selector';
import type { LintController } from '../diagnostics/lint-controller';
import type { WorkspaceIndex } from '../index/workspace-index';
import { NoteCompletionProvider } from './completion-provider';
import { NoteHeaderLens } from './header-lens';
import { NoteHoverProvider } from './hover-provider';

/** Help while writing a note: completion, hover and the header line. Each is registered for coach notes only. */
export function registerEditingHelp(index: WorkspaceIndex, lint: LintController): vscode.Disposable[] {
  const lens = new NoteHeaderLens(index);
  return [
    vscode.languages.registerCompletionItemProvider(NOTE_SELECTOR, new NoteCompletionProvider(index), ...NoteCompletionProvider.triggers),
    vscode.languages.registerHoverProvider(NOTE_SELECTOR, new NoteHoverProvider(index, lint)),
    vscode.languages.registerCodeLensProvider(NOTE_SELECTOR, lens),
    lens,
  ];
}
