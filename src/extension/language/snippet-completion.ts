import * as vscode from 'vscode';
import { parseSnippets, prefixStart, type SnippetEntry } from './snippet-data';

/** The coach snippets, offered only where it is registered: coach notes (NOTE_SELECTOR). */
export class SnippetCompletionProvider implements vscode.CompletionItemProvider {
  private entries: Promise<SnippetEntry[]> | undefined;

  constructor(
    private readonly file: vscode.Uri,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Read once, on first use; a broken file is reported and offers nothing rather than failing completion. */
  private load(): Promise<SnippetEntry[]> {
    this.entries ??= (async () => {
      try {
        return parseSnippets(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file)));
      } catch (error) {
        this.onError(error);
        return [];
      }
    })();
    return this.entries;
  }

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const start = prefixStart(doc.lineAt(position.line).text.slice(0, position.character));
    const range = new vscode.Range(position.line, start, position.line, position.character);
    return (await this.load()).map((entry) => {
      const item = new vscode.CompletionItem({ label: entry.prefix, description: entry.name }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(entry.body);
      item.range = range;
      item.detail = entry.description;
      item.documentation = new vscode.MarkdownString().appendCodeblock(entry.body, 'markdown');
      return item;
    });
  }
}
