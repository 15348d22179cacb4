import * as vscode from 'vscode';
import type { LintController } from '../diagnostics/lint-controller';
import { foldingOf } from '../diagnostics/lint-scheduler';

/**
 * Folding from the same remark tree the linter uses (parsed once per version): the frontmatter,
 * multi-line comments and `#region` blocks as well as sections. No document symbols: coach notes
 * are Markdown, whose own symbols already list every heading; a second list would show each twice.
 */
export class OutlineProviders implements vscode.FoldingRangeProvider {
  constructor(private readonly lint: LintController) {}

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] {
    const kinds = { section: undefined, frontmatter: undefined, comment: vscode.FoldingRangeKind.Comment, region: vscode.FoldingRangeKind.Region };
    return foldingOf(this.lint.snapshot(doc)).map((s) => new vscode.FoldingRange(s.startLine - 1, s.endLine - 1, kinds[s.kind]));
  }
}
