import * as vscode from 'vscode';
import { findingHover, markerHover } from '../../core/editing/hover';
import { toRange } from '../documents';
import type { LintController } from '../diagnostics/lint-controller';
import type { WorkspaceIndex } from '../index/workspace-index';

/** A marker's text, framework and evidence count for the client; a finding's rule and its documentation. */
export class NoteHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly lint: LintController,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    // The same parse and findings as the diagnostics of this version: nothing is read twice.
    const { note, findings } = this.lint.snapshot(doc);
    const offset = doc.offsetAt(position);
    const parts = [markerHover(note, offset, this.index.stateFor(doc.uri).index.all()), findingHover(findings, offset)].filter((p) => p !== undefined);
    const first = parts[0];
    if (!first) return undefined;
    return new vscode.Hover(parts.map((p) => new vscode.MarkdownString(p.markdown)), toRange(first.place));
  }
}
