import * as vscode from 'vscode';
import { foldingSpans, outline, type OutlineItem } from '../../core/note/outline';
import { toRange } from '../documents';
import type { LintController } from '../diagnostics/lint-controller';

/** Outline and folding from the same remark tree the linter uses (parsed once per version). */
export class OutlineProviders implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  constructor(private readonly lint: LintController) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const toSymbol = (item: OutlineItem): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(
        item.text,
        item.markerId ? 'marker section' : '',
        item.markerId ? vscode.SymbolKind.Key : vscode.SymbolKind.String,
        toRange(item.range),
        toRange(item.selection),
      );
      symbol.children = item.children.map(toSymbol);
      return symbol;
    };
    return outline(this.lint.snapshot(doc).note).map(toSymbol);
  }

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] {
    const kinds = { section: undefined, frontmatter: undefined, comment: vscode.FoldingRangeKind.Comment, region: vscode.FoldingRangeKind.Region };
    return foldingSpans(this.lint.snapshot(doc).note).map((s) => new vscode.FoldingRange(s.startLine - 1, s.endLine - 1, kinds[s.kind]));
  }
}
