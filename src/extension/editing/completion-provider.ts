import * as vscode from 'vscode';
import { completionsAt, type Suggestion } from '../../core/editing/completion';
import { isoDate } from '../../core/editing/markdown-text';
import type { WorkspaceIndex } from '../index/workspace-index';

const KIND: Record<Suggestion['kind'], vscode.CompletionItemKind> = {
  marker: vscode.CompletionItemKind.Reference,
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  heading: vscode.CompletionItemKind.Keyword,
};

/** Marker ids and titles in headings and after `[#`; frontmatter keys and values from the workspace index. */
export class NoteCompletionProvider implements vscode.CompletionItemProvider {
  /** `#` and `.` for tags and ids, `:` and space after a key or a heading's hashes. */
  static readonly triggers = ['#', '.', ':', ' '];

  constructor(private readonly index: WorkspaceIndex) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const state = this.index.stateFor(doc.uri);
    const lines = { lineCount: doc.lineCount, lineAt: (line: number) => doc.lineAt(line).text };
    const suggestions = completionsAt(lines, position.line, position.character, {
      frameworks: state.setup.frameworks,
      defaultFramework: state.setup.config.framework,
      summaries: state.index.all(),
      path: doc.uri.fsPath,
      today: isoDate(new Date()),
    });
    return suggestions.map((s) => {
      const item = new vscode.CompletionItem(s.label, KIND[s.kind]);
      item.insertText = s.insertText;
      item.range = new vscode.Range(position.line, s.replace[0], position.line, s.replace[1]);
      item.sortText = s.sortText;
      if (s.detail) item.detail = s.detail;
      if (s.documentation) item.documentation = new vscode.MarkdownString(s.documentation);
      if (s.filterText) item.filterText = s.filterText;
      if (s.preselect) item.preselect = true;
      return item;
    });
  }
}
